"""The derived-data store (tui.infra.store): stored pattern programs and tables change no result."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.infra import store

from .conftest import ROOT


@pytest.fixture()
def fresh_store(tmp_path, monkeypatch):
    """An empty store in a private folder, forgotten again afterwards."""
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ACCORD_NO_STORE", raising=False)
    monkeypatch.setattr(store, "_entries", None)
    monkeypatch.setattr(store, "_added", {})
    monkeypatch.setattr(store, "_compiled", {})
    monkeypatch.setattr(store, "_where", None)
    return tmp_path


def _reload(monkeypatch) -> None:
    """Forget what this process read and compiled, as a new process would."""
    monkeypatch.setattr(store, "_entries", None)
    monkeypatch.setattr(store, "_compiled", {})
    monkeypatch.setattr(store, "_where", None)


PATTERNS = [
    (r"(?<![\w-])(?P<verb>agree(?:d|s)?)\s+to\s+(\w+)", re.I),
    (r"^(?:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})\s*[,–—-]", 0),
    (r"(?:(?<=\s)|^)(\d{1,2})\.\s+(?=[A-Z])", re.M),
    (r"[^\W_]+", 0),
]
TEXTS = ["They AGREED to cooperate.", "HANOI/MOSCOW — June 20", "1. First item\n 2. Second", "Việt Nam’s 2025",
         ""]


def test_stored_program_gives_the_same_pattern(fresh_store, monkeypatch):
    first = [store.compile(p, f) for p, f in PATTERNS]
    store.save()
    assert store.path().is_file()
    _reload(monkeypatch)
    again = [store.compile(p, f) for p, f in PATTERNS]
    assert store._entries, "the second round must read the stored programs"
    for a, b, (p, f) in zip(first, again, PATTERNS, strict=True):
        plain = re.compile(p, f)
        assert (b.pattern, b.flags, b.groups, b.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                   plain.groupindex)
        for text in TEXTS:
            assert [m.span() + m.groups() for m in b.finditer(text)] == \
                   [m.span() + m.groups() for m in plain.finditer(text)]
            assert a.sub("#", text) == b.sub("#", text) == plain.sub("#", text)


@given(st.text(alphabet="ab(|)*?+.\\[]^-{}0123,", max_size=12), st.text(alphabet="ab-01 \n", max_size=20))
def test_any_pattern_compiles_as_re_does(pattern, text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": valid, only a notice
        try:
            plain = re.compile(pattern)
        except (re.error, RecursionError, OverflowError):
            return
        program = store._program(pattern, 0)
    flags = plain.flags & ~re.UNICODE
    import _sre

    final, code, groups, groupindex, indexgroup = program
    rebuilt = _sre.compile(pattern, final, memoryview(code).cast("I").tolist(), groups, groupindex, indexgroup)
    assert rebuilt.flags == plain.flags and rebuilt.groups == plain.groups and flags == 0
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_corrupt_or_foreign_store_is_ignored(fresh_store, monkeypatch):
    where = store.path()
    where.parent.mkdir(parents=True)
    where.write_bytes(b"\x00garbage")
    assert store.compile(r"a(b)c").fullmatch("abc").group(1) == "b"
    _reload(monkeypatch)
    import marshal

    where.write_bytes(marshal.dumps(("another python", {("re", "x", 0): (0, [1, 2, 3], 0, {}, (None,))})))
    assert store._load() == {}
    assert store.compile("x").match("x")


def test_damaged_program_falls_back_to_re(fresh_store, monkeypatch):
    store._load()
    store._entries[("re", "a+", 0)] = (32, b"\xe7\x03\x00\x00\x01\x00\x00\x00", 0, {}, (None,))  # _sre rejects invalid code
    assert store.compile("a+").match("aaa").group() == "aaa"


def test_store_written_by_someone_else_is_not_read(fresh_store, monkeypatch):
    store.compile(r"q(u)ux")
    store.save()
    os.chmod(store.path(), 0o666)
    _reload(monkeypatch)
    assert store._load() == {}


def test_no_store_variable_turns_it_off(fresh_store, monkeypatch):
    monkeypatch.setenv("ACCORD_NO_STORE", "1")
    assert store.path() is None
    store.compile("zz(z)")
    store.save()
    assert not list(fresh_store.rglob("*.marshal"))


def test_patterns_built_from_text_cannot_grow_it_without_end(fresh_store, monkeypatch):
    monkeypatch.setattr(store, "_MAX_PROGRAMS", 5)
    for i in range(20):
        store.compile(f"word{i}")
    assert len(store._added) == 5


def test_table_is_rebuilt_when_its_key_changes(fresh_store, monkeypatch):
    calls = []

    def build(value):
        calls.append(value)
        return {"value": value, "items": (1, 2)}

    assert store.table("t", "k1", lambda: build(1))["value"] == 1
    store.save()
    _reload(monkeypatch)
    assert store.table("t", "k1", lambda: build(2))["value"] == 1  # stored: not rebuilt
    assert store.table("t", "k2", lambda: build(3))["value"] == 3  # key changed: rebuilt
    assert calls == [1, 3]


def test_unstorable_table_is_returned_not_stored(fresh_store):
    value = store.table("objects", "k", lambda: {"x": object()})
    assert "x" in value and not store._added


def test_a_second_process_gives_the_same_comparison_from_the_store(tmp_path):
    """The store is filled by one process and read by the next: outputs are byte-identical, and the
    second process builds nothing that the first stored."""
    env = {k: v for k, v in os.environ.items() if k not in ("ACCORD_NO_STORE",)}
    env.update(ACCORD_CACHE_DIR=str(tmp_path), ACCORD_NO_CACHE="1", PYTHONPATH=str(ROOT))
    code = (
        "import json, sys, io, contextlib\n"
        "from tui.cli import main\n"
        "from tui.infra import store\n"
        "out = io.StringIO()\n"
        "sys.argv = ['accord', 'compare', '--format', 'json']\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out):\n"
        "        main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps({'out': out.getvalue(), 'read': len(store._entries or {}), 'added': len(store._added)}))\n"
    )
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                      cwd=tmp_path, timeout=120, check=True).stdout.splitlines()[-1])
            for _ in range(2)]
    assert runs[0]["out"] == runs[1]["out"] and json.loads(runs[1]["out"])["rows"]
    assert runs[0]["read"] == 0 and runs[0]["added"] > 50
    assert runs[1]["read"] == runs[0]["added"] and runs[1]["added"] == 0


def test_saved_where_it_was_read_from(fresh_store, monkeypatch, tmp_path_factory):
    """The environment may change before exit (a test restores HOME): entries go to the store that
    was read, not to another user folder."""
    store.compile(r"s(a)ve")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(elsewhere))
    store.save()
    assert list(fresh_store.rglob("*.marshal")) and not list(elsewhere.rglob("*.marshal"))
