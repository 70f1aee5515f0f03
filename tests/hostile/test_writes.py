"""Writes: atomic, never clobbering without --force, never onto an input, clean after a failure."""

from __future__ import annotations

import json
import os

import pytest

import tui.infra.atomic
from tui.infra.atomic import write_atomic
from tui.infra.errors import AccordError

from .harness import assert_clean, assert_one_line_error, run

ORIGINAL = b"+++\nid = \"keep\"\ntitle = \"Original\"\ndate = 2024-01-01\n+++\nOriginal text.\n"


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


FAILURES = ["write", "fsync", "replace", "link", "fchmod-and-fsync", "interrupt"]


@pytest.mark.parametrize("where", FAILURES)
@pytest.mark.parametrize("force", [True, False], ids=["force", "new-file"])
def test_failure_mid_write_leaves_original_and_no_temp(tmp_path, monkeypatch, where, force):
    target = tmp_path / "doc.txt"
    if force:
        target.write_bytes(ORIGINAL)

    def boom(*args, **kwargs):
        if where == "interrupt":
            raise KeyboardInterrupt
        raise OSError(28, "No space left on device")

    if where == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])  # half the bytes reach the temp file
                self.handle.flush()
                boom()

            def __getattr__(self, name):
                return getattr(self.handle, name)

        monkeypatch.setattr(tui.infra.atomic.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    elif where in ("fsync", "fchmod-and-fsync"):
        monkeypatch.setattr(tui.infra.atomic.os, "fsync", boom)
        if where == "fchmod-and-fsync":
            monkeypatch.setattr(tui.infra.atomic.os, "fchmod", boom)
    elif where == "replace":
        monkeypatch.setattr(tui.infra.atomic.os, "replace", boom)
    elif where == "link":
        monkeypatch.setattr(tui.infra.atomic.os, "link", boom)
        monkeypatch.setattr(tui.infra.atomic.os, "replace", boom)
    elif where == "interrupt":
        monkeypatch.setattr(tui.infra.atomic.os, "fsync", boom)

    new = b"new content " * 1000
    if where == "replace" and not force:  # a new file takes its name by hard link, not os.replace
        write_atomic(target, new, force=force)
        assert target.read_bytes() == new
        assert _leftovers(tmp_path) == []
        return
    if where == "interrupt":
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, new, force=force)
    else:
        with pytest.raises(AccordError) as info:
            write_atomic(target, new, force=force)
        assert "cannot write" in str(info.value) and "\n" not in str(info.value)
    if force:
        assert target.read_bytes() == ORIGINAL
    else:
        assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_write_succeeds_and_keeps_mode(tmp_path):
    target = tmp_path / "doc.txt"
    target.write_bytes(ORIGINAL)
    os.chmod(target, 0o640)
    write_atomic(target, b"replacement", force=True)
    assert target.read_bytes() == b"replacement"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert _leftovers(tmp_path) == []


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "doc.txt"
    target.write_bytes(ORIGINAL)
    with pytest.raises(AccordError, match="already exists"):
        write_atomic(target, b"x")
    assert target.read_bytes() == ORIGINAL


def test_no_clobber_even_if_the_file_appears_while_writing(tmp_path, monkeypatch):
    """The exists() check and the rename are not a race: a file created meanwhile is kept."""
    target = tmp_path / "doc.txt"
    real_fsync = os.fsync

    def fsync_then_someone_writes(fd):
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(ORIGINAL)

    monkeypatch.setattr(tui.infra.atomic.os, "fsync", fsync_then_someone_writes)
    with pytest.raises(AccordError, match="already exists"):
        write_atomic(target, b"mine")
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_symlink_target_is_not_followed_without_force(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(ORIGINAL)
    link = tmp_path / "doc.txt"
    link.symlink_to(victim)
    with pytest.raises(AccordError, match="already exists"):
        write_atomic(link, b"x")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(AccordError, match="already exists"):
        write_atomic(dangling, b"x")
    assert not (tmp_path / "nowhere.txt").exists()
    assert victim.read_bytes() == ORIGINAL


# ---- accord add ---------------------------------------------------------------------------------

ADD = ["add", "-", "--date", "2024-06-20"]


@pytest.mark.parametrize("title", [
    'Quote " and backslash \\ end',
    'Break"\nid = "evil"\n+++\ninjected',
    "Triple '''\"\"\" quotes",
    "Control \x1b[2J\x07\x00 chars",
    "Bidi \u202e and zero\u200bwidth",
    "+++",
    "Line\rfeed and \u2028 separator",
])
def test_add_title_round_trips_without_toml_injection(tmp_path, title):
    out = tmp_path / "out"
    res = run([*ADD, "--title", title, "--to", str(out), "--id", "t"], stdin=b"Body text here.\n")
    assert res.code == 0, res.err
    assert_clean(res)
    stored = (out / "t.txt").read_text("utf-8")
    assert stored.count("+++\n") == 2 and stored.endswith("+++\nBody text here.\n")
    res = run(["--corpus", str(out), "show", "t", "--format", "json"])
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["title"] == title.strip() and data["id"] == "t"
    assert data["text"] == "Body text here."


def test_add_refuses_to_overwrite_then_force(tmp_path):
    out = tmp_path / "out"
    first = run([*ADD, "--title", "First", "--to", str(out), "--id", "d"], stdin=b"One.\n")
    assert first.code == 0
    before = (out / "d.txt").read_bytes()
    again = run([*ADD, "--title", "Second", "--to", str(out), "--id", "d"], stdin=b"Two.\n")
    assert "already exists (use --force to overwrite)" in assert_one_line_error(again)
    assert (out / "d.txt").read_bytes() == before
    forced = run([*ADD, "--title", "Second", "--to", str(out), "--id", "d", "--force"], stdin=b"Two.\n")
    assert forced.code == 0
    assert (out / "d.txt").read_bytes().endswith(b"Two.\n")
    assert _leftovers(out) == []


def test_add_refuses_output_that_is_its_input(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    source = out / "d.txt"
    source.write_bytes(b"Some text.\n")
    res = run(["add", str(source), "--title", "T", "--date", "2024-06-20", "--to", str(out), "--id", "d",
               "--force"])
    assert "the output is also the input" in assert_one_line_error(res)
    assert source.read_bytes() == b"Some text.\n"
    link = tmp_path / "alias.txt"
    link.symlink_to(source)
    res = run(["add", str(link), "--title", "T", "--date", "2024-06-20", "--to", str(out), "--id", "d",
               "--force"])
    assert "the output is also the input" in assert_one_line_error(res)
    assert source.read_bytes() == b"Some text.\n"


def test_add_failure_mid_write_via_cli(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "d.txt").write_bytes(ORIGINAL.replace(b"keep", b"d"))

    def boom(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(tui.infra.atomic.os, "replace", boom)
    res = run([*ADD, "--title", "New", "--to", str(out), "--id", "d", "--force"], stdin=b"New text.\n")
    assert "cannot write (Input/output error)" in assert_one_line_error(res)
    assert (out / "d.txt").read_bytes() == ORIGINAL.replace(b"keep", b"d")
    assert _leftovers(out) == []


def test_force_never_replaces_a_device_or_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout-link"
    link.symlink_to("/dev/null")
    for target in (fifo, link):
        with pytest.raises(AccordError, match="not a regular file"):
            write_atomic(target, b"x", force=True)
    assert os.path.islink(link) and os.readlink(link) == "/dev/null"
    assert _leftovers(tmp_path) == []


def test_force_through_the_cli_keeps_dev_null(tmp_path):
    res = run(["add", "-", "--title", "T", "--date", "2024-06-20", "--to", str(tmp_path), "--id", "x"],
              stdin=b"Text.\n")
    assert res.code == 0
    link = tmp_path / "y.txt"
    link.symlink_to("/dev/null")
    res = run(["add", "-", "--title", "T", "--date", "2024-06-20", "--to", str(tmp_path), "--id", "y", "--force"],
              stdin=b"Text.\n")
    assert "not a regular file" in assert_one_line_error(res)
    assert os.path.islink(link)
