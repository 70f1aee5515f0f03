"""Running accord on hostile input and checking what reaches the terminal.

``run`` calls :func:`tui.cli.main` in-process with byte-level stdin, stdout
and stderr (so ``_prepare_streams`` and every output path run as they do in
a terminal session), and ``run_process`` starts ``python -m tui`` for the
environment-dependent checks (locale, ``PYTHONIOENCODING``, signals).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hypothesis import settings

import tui
from tui.infra.safety import UNSAFE

from . import conftest  # noqa: F401  (registers the hostile-* profiles when imported directly)

PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "")
if not PROFILE_NAME.startswith("hostile-"):
    PROFILE_NAME = "hostile-ci" if os.environ.get("CI") else "hostile-dev"
PROFILE = settings.get_profile(PROFILE_NAME)


def scaled(fraction: float) -> settings:
    """The active hostile profile with ``max_examples`` scaled (cheap properties run more)."""
    return settings(PROFILE, max_examples=max(10, int(PROFILE.max_examples * fraction)))


SGR = re.compile(r"\x1b\[[0-9;]*m")
TRACEBACK = "Traceback (most recent call last)"
SOURCE_ROOT = str(Path(tui.__file__).resolve().parent.parent)


@dataclass
class Result:
    code: int
    out_bytes: bytes
    err_bytes: bytes

    @property
    def out(self) -> str:
        return self.out_bytes.decode("utf-8")

    @property
    def err(self) -> str:
        return self.err_bytes.decode("utf-8")

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.split("\n") if line]


def run(args: list[str], stdin: bytes = b"") -> Result:
    """``accord ARGS`` in-process; returns the exit code and the raw bytes written."""
    from tui.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue(), err.getvalue())
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def run_process(args: list[str], stdin: bytes = b"", env: dict[str, str] | None = None,
                timeout: float = 60) -> Result:
    """``python -m tui ARGS`` in a subprocess with extra environment variables."""
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "ACCORD_CORPUS")}
    full["PYTHONPATH"] = SOURCE_ROOT + os.pathsep + full.get("PYTHONPATH", "")
    full.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True,
                          env=full, timeout=timeout)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def raw_controls(data: bytes | str, allow_sgr: bool = False) -> list[str]:
    """Unsafe characters (and, in bytes, undecodable sequences) found in output."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [f"invalid UTF-8 at {exc.start}"]
    else:
        text = data
    if allow_sgr:
        text = SGR.sub("", text)
    return sorted({repr(m.group()) for m in UNSAFE.finditer(text)})


def assert_clean(result: Result, allow_sgr: bool = False) -> None:
    """No raw control character on stdout or stderr, and never a traceback."""
    assert raw_controls(result.out_bytes, allow_sgr) == [], result.out_bytes[:400]
    assert raw_controls(result.err_bytes) == [], result.err_bytes[:400]
    assert TRACEBACK not in result.err


def assert_one_line_error(result: Result, code: int = 2) -> str:
    """The command failed with ``code`` and exactly one line 'accord: error: ...' on stderr."""
    assert result.code == code, (result.code, result.err)
    lines = [line for line in result.err_lines if not line.startswith("accord: warning: ")]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("accord: error: "), lines[0]
    return lines[0]


FRONT = '+++\nid = "{id}"\ntitle = "{title}"\ndate = 2024-06-20\n+++\n'


def corpus_file(body: str, doc_id: str = "hostile", title: str = "Hostile statement") -> bytes:
    """A valid corpus file (UTF-8, LF) around ``body``; ``title`` is a TOML basic string body."""
    return (FRONT.format(id=doc_id, title=title) + body).encode("utf-8")
