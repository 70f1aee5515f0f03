"""The result cache unpickles only entries this user wrote; anything else is recomputed, never loaded."""

from __future__ import annotations

import os
import pickle

import pytest

from tui.infra import cache

from .harness import assert_clean, corpus_file, run


def _entry(tmp_path, monkeypatch, parts=("a", "b")):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACCORD_NO_CACHE", raising=False)
    assert cache.cached("probe", list(parts), lambda: "computed") == "computed"
    path = tmp_path / "cache" / "probe" / f"{cache.key('probe', list(parts))}.pickle"
    assert path.is_file()
    return path


def test_entries_are_private(tmp_path, monkeypatch):
    path = _entry(tmp_path, monkeypatch)
    assert oct(path.parent.stat().st_mode & 0o777) == oct(0o700)
    assert cache.cached("probe", ["a", "b"], lambda: "recomputed") == "computed"  # served from the cache


@pytest.mark.parametrize("where", ["file", "folder"])
def test_writable_by_others_is_not_loaded(tmp_path, monkeypatch, where):
    path = _entry(tmp_path, monkeypatch)
    path.write_bytes(pickle.dumps("planted"))
    os.chmod(path if where == "file" else path.parent, 0o666 if where == "file" else 0o777)
    assert cache.cached("probe", ["a", "b"], lambda: "recomputed") == "recomputed"


def test_symlinked_entry_is_not_loaded(tmp_path, monkeypatch):
    path = _entry(tmp_path, monkeypatch)
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(pickle.dumps("planted"))
    path.unlink()
    path.symlink_to(planted)
    assert cache.cached("probe", ["a", "b"], lambda: "recomputed") == "recomputed"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_entry_owned_by_another_user_is_not_loaded(tmp_path, monkeypatch):
    path = _entry(tmp_path, monkeypatch)
    path.write_bytes(pickle.dumps("planted"))
    os.chown(path, 65534, 65534)
    assert cache.cached("probe", ["a", "b"], lambda: "recomputed") == "recomputed"


@pytest.mark.parametrize("garbage", [b"", b"\x80", b"\x80\x05\x95garbage", pickle.dumps("x")[:-3],
                                     bytes(range(256)), b"\x80\x04" + b"(" * 100_000],
                         ids=["empty", "bare-proto", "bad-frame", "truncated", "noise", "deep-marks"])
def test_corrupt_entries_are_recomputed_through_the_cli(tmp_path, monkeypatch, garbage):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACCORD_NO_CACHE", raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(corpus_file("The two sides agreed to deepen cooperation.\n", doc_id="a"))
    (corpus / "b.txt").write_bytes(corpus_file("The two sides agreed to deepen trade.\n", doc_id="b"))
    first = run(["--corpus", str(corpus), "compare", "a", "b", "--format", "json"])
    assert first.code == 0, first.err
    entries = list((tmp_path / "cache").rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(garbage)
    again = run(["--corpus", str(corpus), "compare", "a", "b", "--format", "json"])
    assert again.code == 0, again.err
    assert_clean(again)
    assert again.out == first.out
