"""The user's cache and data folders, without importing platformdirs where the answer is plain.

On Linux, platformdirs (Unix) answers ``$XDG_CACHE_HOME/accord`` (``$XDG_DATA_HOME/accord``) when the
variable is an absolute path, else ``~/.cache/accord`` (``~/.local/share/accord``) from an absolute
``$HOME``. Those common cases are computed here in microseconds; anything else (other platforms,
Android, a missing or relative ``HOME``) asks platformdirs itself, whose import costs about 10 ms
(it pulls in ``tempfile`` and ``random``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "accord"


def _plain_unix(variable: str, fallback: str) -> Path | None:
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or os.environ.get("ANDROID_DATA"):
        return None
    xdg = os.environ.get(variable, "")
    if xdg.startswith("/"):
        return Path(os.path.join(xdg, APP))
    home = os.environ.get("HOME")
    if not home or not home.startswith("/"):
        return None
    return Path(os.path.join(os.path.expanduser(fallback), APP))


def user_cache_path() -> Path:
    """platformdirs' ``user_cache_path("accord", appauthor=False)``."""
    found = _plain_unix("XDG_CACHE_HOME", "~/.cache")
    if found is not None:
        return found
    from platformdirs import user_cache_path as ask

    return ask(APP, appauthor=False)


def user_data_path() -> Path:
    """platformdirs' ``user_data_path("accord", appauthor=False)``."""
    found = _plain_unix("XDG_DATA_HOME", "~/.local/share")
    if found is not None:
        return found
    from platformdirs import user_data_path as ask

    return ask(APP, appauthor=False)
