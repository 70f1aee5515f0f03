"""Paging long output the way git does: through ``$ACCORD_PAGER``, else ``$PAGER``, else ``less -FRX``.

The CLI calls :func:`page` only when stdout is a terminal and ``--no-pager`` was not given. An empty
pager command or ``cat`` means no pager. A pager that quits before reading everything (``q`` in less)
ends the output quietly; a pager that cannot be started falls back to writing to stdout.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

DEFAULT = "less -FRX"


def pager_command(environ: dict[str, str] | None = None) -> list[str] | None:
    """The pager to run as an argument list, or None when paging is off."""
    env = os.environ if environ is None else environ
    value = env.get("ACCORD_PAGER")
    if value is None:
        value = env.get("PAGER")
    if value is None:
        value = DEFAULT
    try:
        argv = shlex.split(value)
    except ValueError:
        argv = value.split()
    if not argv or argv == ["cat"]:
        return None
    return argv


def page(text: str, environ: dict[str, str] | None = None) -> bool:
    """Send ``text`` through the pager; False when no pager runs (the caller writes it itself)."""
    argv = pager_command(environ)
    if argv is None:
        return False
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LESS", "FRX")  # as git does: quit if one screen, keep colours, leave the screen as is
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):  # not installed, not executable: write the text ourselves
        return False
    try:
        assert proc.stdin is not None
        try:
            proc.stdin.write(text.encode(encoding, errors="backslashreplace"))
        except (BrokenPipeError, OSError):
            pass  # the pager quit before reading everything: nothing more to show
        try:
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        while True:
            try:
                proc.wait()
                break
            except KeyboardInterrupt:  # ctrl-c belongs to the pager while it runs (as in git)
                continue
    finally:
        if proc.poll() is None:  # pragma: no cover - only on an unexpected exception
            proc.kill()
    return True
