"""Paging like git: on a terminal through $ACCORD_PAGER / $PAGER / 'less -FRX', never when piped."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

import tui.cli
from tui import pager
from tui.documents.corpus import embedded_folder

CORPUS = str(embedded_folder())


def catcher(target: Path) -> str:
    """A pager command that copies what it reads into ``target``."""
    code = f"import sys; open({str(target)!r}, 'wb').write(sys.stdin.buffer.read())"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def run_main(args, capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        tui.cli.main(["--corpus", CORPUS, *args])
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(tui.cli, "_stdout_is_terminal", lambda: True)
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("ACCORD_PAGER", raising=False)
    return monkeypatch


def test_default_pager_is_less_frx():
    assert pager.pager_command({}) == ["less", "-FRX"]
    assert pager.pager_command({"PAGER": "more -s"}) == ["more", "-s"]
    assert pager.pager_command({"PAGER": "more", "ACCORD_PAGER": "most"}) == ["most"]
    for off in ("", "  ", "cat"):
        assert pager.pager_command({"PAGER": off}) is None
        assert pager.pager_command({"PAGER": "less", "ACCORD_PAGER": off}) is None


@pytest.mark.parametrize("cmd", [["list"], ["compare"], ["commitments"], ["show", "vgp"],
                                 ["compare", "--format", "markdown"]])
def test_terminal_output_goes_through_the_pager(terminal, tmp_path, capsys, cmd):
    target = tmp_path / "paged"
    terminal.setenv("PAGER", catcher(target))
    code, out, err = run_main(cmd, capsys)
    assert code == 0 and err == ""
    assert out == ""  # everything went to the pager
    paged = target.read_text(encoding="utf-8")
    assert paged.strip()
    code, direct, _ = run_main(["--no-pager", *cmd], capsys)
    assert code == 0 and direct.strip()
    assert not direct.startswith("\x1b") or paged.startswith("\x1b")


def test_accord_pager_wins(terminal, tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    terminal.setenv("PAGER", catcher(first))
    terminal.setenv("ACCORD_PAGER", catcher(second))
    run_main(["list"], capsys)
    assert second.exists() and not first.exists()


@pytest.mark.parametrize("value", ["", "cat"])
def test_empty_pager_or_cat_writes_directly(terminal, capsys, value):
    terminal.setenv("PAGER", value)
    code, out, _ = run_main(["list"], capsys)
    assert code == 0 and "vgp-2025" in out


def test_no_pager_flag_and_pipes(monkeypatch, tmp_path, capsys):
    target = tmp_path / "paged"
    monkeypatch.setenv("PAGER", catcher(target))
    code, out, _ = run_main(["list"], capsys)  # not a terminal: never paged
    assert code == 0 and "vgp-2025" in out and not target.exists()
    monkeypatch.setattr(tui.cli, "_stdout_is_terminal", lambda: True)
    code, out, _ = run_main(["--no-pager", "list"], capsys)
    assert code == 0 and "vgp-2025" in out and not target.exists()


def test_pager_that_quits_early(terminal, capsys):
    quitter = f"{shlex.quote(sys.executable)} -c 'import sys; sys.stdin.buffer.read(10)'"
    assert pager.page("x" * 5_000_000 + "\n", {"PAGER": quitter}) is True  # no BrokenPipeError escapes
    terminal.setenv("PAGER", quitter)
    code, out, err = run_main(["compare"], capsys)
    assert code == 0 and err == "" and out == ""


def test_missing_pager_falls_back_to_plain_writing(terminal, tmp_path, capsys):
    terminal.setenv("PAGER", str(tmp_path / "no-such-pager") + " -R")
    code, out, err = run_main(["list"], capsys)
    assert code == 0 and err == "" and "vgp-2025" in out


def test_help_mentions_no_pager():
    from click.testing import CliRunner

    out = CliRunner().invoke(tui.cli.cli, ["--help"]).output
    assert "--no-pager" in out and "less -FRX" in out
