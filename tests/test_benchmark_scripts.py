"""The benchmark scripts write nothing into the repository, not even bytecode of their own imports."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

SCRIPTS = sorted(p for p in (ROOT / "benchmarks").glob("*.py") if not p.name.startswith("_") and p.name != "evalsets.py")


def _sets_no_bytecode(statement: ast.stmt) -> bool:
    return (isinstance(statement, ast.Assign) and ast.unparse(statement.targets[0]) == "sys.dont_write_bytecode"
            and isinstance(statement.value, ast.Constant) and statement.value.value is True)


def _imports_repository_code(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.ImportFrom):
        return (statement.module or "").split(".")[0] in {"tui", "_timing", "evalsets", "synth_corpus"}
    if isinstance(statement, ast.Import):
        return any(a.name.split(".")[0] in {"tui", "_timing", "evalsets", "synth_corpus"} for a in statement.names)
    return False


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_turns_bytecode_off_before_importing_the_repository(script):
    body = ast.parse(script.read_text(encoding="utf-8")).body
    first_local = next((i for i, s in enumerate(body) if _imports_repository_code(s)), len(body))
    assert any(_sets_no_bytecode(s) for s in body[:first_local]), f"{script.name}: set sys.dont_write_bytecode first"


def test_there_are_scripts_to_check():
    assert len(SCRIPTS) >= 5
