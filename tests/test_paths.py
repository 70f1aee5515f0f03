"""The light user folders agree with platformdirs."""

from __future__ import annotations

import pytest

from tui.infra import paths


@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/abs/xdg", "/abs/xdg/"])
@pytest.mark.parametrize("home", [None, "", "rel", "/home/u", "/home/u/"])
def test_same_folders_as_platformdirs(monkeypatch, xdg, home):
    import platformdirs

    for name, value in (("XDG_CACHE_HOME", xdg), ("XDG_DATA_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = platformdirs.user_cache_path("accord", appauthor=False)
    except RuntimeError:
        expected = None
    if expected is not None:
        assert paths.user_cache_path() == expected
        assert paths.user_data_path() == platformdirs.user_data_path("accord", appauthor=False)
