"""The core imports neither textual nor rich; the JSON command line never imports textual."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from .conftest import CORPUS_DIR, ROOT

CORE = ["tui.documents.corpus", "tui.documents.clean", "tui.documents.sentences", "tui.documents.model", "tui.infra.safety", "tui.documents.textio"]
OPTIONAL_CORE = ["tui.analysis.align", "tui.analysis.commitments", "tui.analysis.cues", "tui.analysis.features"]


def _present(names: list[str]) -> list[str]:
    return [n for n in names if importlib.util.find_spec(n) is not None]


def _python(code: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP",)}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", CORE + _present(OPTIONAL_CORE))
def test_core_module_loads_no_ui_library(module):
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps({'textual': 'textual' in sys.modules, 'rich': 'rich' in sys.modules}))\n"
    )
    assert _python(code) == {"textual": False, "rich": False}


def test_all_core_modules_together_and_a_corpus_load():
    modules = CORE + _present(OPTIONAL_CORE)
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from tui.documents.corpus import load_corpus\n"
        f"c = load_corpus([__import__('pathlib').Path({str(CORPUS_DIR)!r})])\n"
        "print(json.dumps({'n': len(c), 'textual': 'textual' in sys.modules, 'rich': 'rich' in sys.modules}))\n"
    )
    assert _python(code) == {"n": 5, "textual": False, "rich": False}


@pytest.mark.parametrize("args", [["list", "--format", "json"], ["show", "vgp", "--format", "json"],
                                  ["list", "--format", "markdown"]])
def test_cli_machine_formats_never_import_textual(args):
    argv = ["--corpus", str(CORPUS_DIR), *args]
    code = (
        "import io, json, sys\n"
        "import tui.cli\n"
        "real = sys.stdout\n"
        "sys.stdout = io.StringIO()\n"
        "try:\n"
        f"    tui.cli.main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "out = sys.stdout.getvalue()\n"
        "sys.stdout = real\n"
        "print(json.dumps({'status': status, 'textual': 'textual' in sys.modules, 'rich': 'rich' in sys.modules,"
        " 'bytes': len(out)}))\n"
    )
    result = _python(code)
    assert result["status"] == 0 and result["bytes"] > 100
    assert result["textual"] is False
    assert result["rich"] is False


def test_python_m_tui_list_json_importtime():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "--corpus", str(CORPUS_DIR), "list", "--format", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["documents"]) == 5
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "tui.documents.corpus" in imported  # the trace is real
    assert not any(name == "textual" or name.startswith("textual.") for name in imported)


LAYERS = {"infra": 0, "vocabulary": 1, "documents": 2, "analysis": 3, "render": 4, "app": 5, "cli": 5, "pager": 5,
          "__main__": 6}
"""The layers of ``tui/``, lowest first: a module imports from its own layer or a lower one only."""


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "infra"  # the package's face (``tui``: its version) is the ground


def test_imports_run_one_way():
    """Every ``tui`` import, at module level or inside a function (a lazy import is still a
    dependency), points to the importer's layer or below: infra < vocabulary < documents <
    analysis < render < app, cli."""
    import ast

    package = ROOT / "tui"
    upward = []
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        mine = LAYERS[_layer(module)]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("tui"):
                targets = [node.module] if node.module != "tui" else [f"tui.{a.name}" for a in node.names if a.name in LAYERS]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("tui")]
            else:
                continue
            upward += [f"{module} -> {t} (line {node.lineno})" for t in targets if LAYERS[_layer(t)] > mine]
    assert upward == []
    assert set(LAYERS) - {"cli", "pager", "__main__"} <= {p.name for p in package.iterdir() if p.is_dir()}
