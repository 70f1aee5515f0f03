"""The command line in real processes: locales, output encodings, colour settings, pipes, Ctrl-C."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time

import pytest

from .harness import SOURCE_ROOT, TRACEBACK, assert_clean, corpus_file, raw_controls, run, run_process

TITLE = "Caf\u00e9 \U0001f600 \u202eevil\u202c \x1b[31m"
TEXT = "Hello caf\u00e9 \U0001f600 world. Red \x1b[31mALERT\x1b[0m. Amount \u202e0001\u202c. Ti\u1ebfng Vi\u1ec7t."


def _decode(data: bytes) -> str:
    """Output in whatever the process's encoding was: UTF-8, else Latin-1 (ASCII is both)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _toml(text: str) -> str:
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("env")
    (folder / "hostile.txt").write_bytes(corpus_file(TEXT + "\n", title=_toml(TITLE)))
    big = " ".join(f"Sentence number {i} says something about cooperation." for i in range(6000))
    (folder / "big.txt").write_bytes(corpus_file(big + "\n", doc_id="big", title="Big"))
    return str(folder)


ASCII_ENVS = {
    "LC_ALL=C": {"LC_ALL": "C", "LANG": "C"},
    "LC_ALL=C-no-coercion": {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "PYTHONIOENCODING=latin-1": {"PYTHONIOENCODING": "latin-1"},
}


@pytest.mark.parametrize("env", list(ASCII_ENVS), ids=str)
@pytest.mark.parametrize("cmd", [["show", "hostile"], ["list", "--format", "markdown"],
                                 ["--color", "always", "show", "hostile"], ["show", "h\u00e9\u202e"],
                                 ["--help"]], ids=["show", "list-markdown", "colour", "error", "help"])
def test_narrow_encodings_never_crash(folder, env, cmd):
    res = run_process(["--corpus", folder, *cmd], env=ASCII_ENVS[env])
    failing = "h\u00e9\u202e" in cmd
    assert res.code == (2 if failing else 0), res.err_bytes
    assert b"UnicodeEncodeError" not in res.err_bytes and TRACEBACK.encode() not in res.err_bytes
    for stream in (res.out_bytes, res.err_bytes):
        text = _decode(stream)
        allowed = "\x1b" if "--color" in cmd else ""
        assert [c for c in text if (ord(c) < 32 and c not in "\n\t" + allowed) or 0x7F <= ord(c) < 0xA0] == []
    if failing:
        assert _decode(res.err_bytes).startswith("accord: error: no document 'h")
    else:
        assert len(res.out_bytes) > 20


@pytest.mark.parametrize("env", list(ASCII_ENVS), ids=str)
def test_narrow_encodings_json_round_trips(folder, env):
    res = run_process(["--corpus", folder, "show", "hostile", "--format", "json"], env=ASCII_ENVS[env])
    assert res.code == 0, res.err_bytes
    data = json.loads(_decode(res.out_bytes))
    assert data["title"] == TITLE.strip()
    assert data["text"] == TEXT


def _on_pty(args: list[str], env: dict[str, str]) -> bytes:
    """Run accord with stdout on a pseudo-terminal (so 'auto' sees a terminal); return what it wrote."""
    leader, follower = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    full.update({"PYTHONPATH": SOURCE_ROOT, "ACCORD_PAGER": "", **env})  # paging: tests/test_pager_cli.py
    proc = subprocess.Popen([sys.executable, "-m", "tui", *args], stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=subprocess.PIPE, env=full)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 0, proc.stderr.read()
    return b"".join(chunks)


COLOUR_RULES = [
    # (where, env, flags, styled?)
    ("pipe", {}, [], False),
    ("pipe", {"FORCE_COLOR": "1"}, [], True),
    ("pipe", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
    ("pipe", {}, ["--color", "always"], True),
    ("pipe", {"NO_COLOR": "1"}, ["--color", "always"], True),
    ("pipe", {"TERM": "dumb"}, ["--color", "always"], True),
    ("pipe", {"FORCE_COLOR": "1"}, ["--color", "never"], False),
    ("tty", {"TERM": "xterm-256color"}, [], True),
    ("tty", {"TERM": "xterm-256color", "NO_COLOR": "1"}, [], False),
    ("tty", {"TERM": "dumb"}, [], False),
    ("tty", {"TERM": "xterm-256color"}, ["--color", "never"], False),
]


@pytest.mark.parametrize("where,env,flags,styled", COLOUR_RULES,
                         ids=[f"{w}-{'-'.join(e) or 'plain'}-{'-'.join(f) or 'auto'}" for w, e, f, _ in COLOUR_RULES])
def test_colour_rules(folder, where, env, flags, styled):
    args = [*flags, "--corpus", folder, "show", "hostile", "--width", "200"]
    if where == "tty":
        out = _on_pty(args, env)
    else:
        res = run_process(args, env=env)
        assert res.code == 0
        out = res.out_bytes
    assert (b"\x1b[" in out) == styled
    # Whatever the styling, the document's own ESC is shown, never emitted.
    assert b"\\x1b[31m" in out
    text = out.decode("utf-8").replace("\r\n", "\n")
    assert raw_controls(text, allow_sgr=True) == []


@pytest.mark.parametrize("cmd", [["show", "big"], ["--color", "always", "show", "big"],
                                 ["show", "big", "--format", "json"], ["show", "big", "--format", "markdown"],
                                 ["list", "--format", "json"]], ids=["text", "colour", "json", "markdown", "list"])
def test_broken_pipe_is_quiet(folder, cmd):
    full = {**os.environ, "PYTHONPATH": SOURCE_ROOT}
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--corpus", folder, *cmd], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=full)
    assert proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away, like `accord show big | head -c 10`
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert proc.returncode in (0, 141), (proc.returncode, err)
    assert err == b""


def test_big_output_is_bigger_than_a_pipe(folder):
    """The broken-pipe test only means something if the output cannot fit in the pipe buffer."""
    res = run(["--corpus", folder, "show", "big"])
    assert len(res.out_bytes) > 256 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc to wait for the read")
def test_ctrl_c_while_reading_stdin():
    full = {**os.environ, "PYTHONPATH": SOURCE_ROOT}
    proc = subprocess.Popen([sys.executable, "-m", "tui", "add", "-", "--title", "T", "--date", "2024-06-20",
                             "--to", os.devnull + "-none"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=full)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until it blocks in read(0, ...)
        try:
            with open(f"/proc/{proc.pid}/syscall") as fh:
                fields = fh.read().split()
            if fields and fields[0] == "0" and int(fields[1], 16) == 0:
                break
        except (OSError, ValueError, IndexError):
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert [line for line in err.decode().split("\n") if line] == ["Interrupted"]
    assert out == b""


def test_interrupt_in_process(monkeypatch):
    import tui.documents.textio

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(tui.documents.textio, "read_stream", interrupted)
    res = run(["add", "-", "--title", "T", "--date", "2024-06-20", "--to", "nowhere"])
    assert res.code == 130
    assert [line for line in res.err_lines] == ["Interrupted"]
    assert_clean(res)


def test_write_error_on_stdout_is_one_line(folder):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "tui", "--corpus", folder, "show", "big"], stdout=full,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SOURCE_ROOT}, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().split("\n") == ["accord: error: No space left on device"]


@pytest.mark.parametrize("args", [["--help"], ["show", "--help"], ["add", "--help"], ["list", "-h"], ["--version"]])
def test_help_and_version(args):
    res = run(args)
    assert res.code == 0
    assert_clean(res)
    assert res.out.strip()


@pytest.mark.parametrize("closed,args,code", [
    ("stdin", ["add", "-", "--title", "T", "--date", "2024-06-20", "--to", "{tmp}"], 2),
    ("stdin", ["--corpus", "{corpus}", "compare", "hostile", "-"], 2),
    ("stdout", ["--corpus", "{corpus}", "list"], 0),
    ("stderr", ["--corpus", "{corpus}", "show", "nope"], 2),
])
def test_closed_standard_streams(folder, tmp_path, closed, args, code):
    """`accord add - <&-` or `accord list >&-`: Python sets the stream to None; no traceback."""
    fd = {"stdin": 0, "stdout": 1, "stderr": 2}[closed]
    args = [a.replace("{tmp}", str(tmp_path)).replace("{corpus}", folder) for a in args]
    pipes = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    pipes.pop(closed)
    proc = subprocess.run([sys.executable, "-m", "tui", *args], **pipes, preexec_fn=lambda: os.close(fd),
                          env={**os.environ, "PYTHONPATH": SOURCE_ROOT}, timeout=60)
    assert proc.returncode == code
    if closed != "stderr":
        assert TRACEBACK.encode() not in proc.stderr
    if closed == "stdin":
        assert proc.stderr.decode().startswith("accord: error: <stdin>: empty")
    if closed == "stderr":
        assert proc.stdout == b""


def test_unexpected_error_is_one_escaped_line(monkeypatch):
    import tui.render.documents

    def broken(*args, **kwargs):
        raise RuntimeError("boom \x1b]8;;http://evil\x07\nsecond line")

    monkeypatch.setattr(tui.render.documents, "list_text", broken)
    res = run(["list"])
    assert res.code == 2
    assert_clean(res)
    assert res.err_lines == ["accord: internal error: RuntimeError: boom \\x1b]8;;http://evil\\x07\\nsecond line "
                             "(please report; ACCORD_DEBUG=1 shows details)"]
    monkeypatch.setenv("ACCORD_DEBUG", "1")
    with pytest.raises(RuntimeError):
        from tui.cli import main

        main(["list"])
