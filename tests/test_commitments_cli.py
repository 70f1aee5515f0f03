"""``accord commitments`` and the pledge marks of ``accord show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis.commitments import find_commitments
from tui.cli import main
from tui.documents.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "corpus")


def run(capsys, *args: str, corpus: str = CORPUS) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", corpus, "--color", "never", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture(scope="module")
def result():
    return find_commitments(load_corpus([ROOT / "corpus"]).documents)


def test_text_matrix(capsys, result):
    code, out, _ = run(capsys, "commitments", "--width", "160")
    assert code == 0
    lines = out.splitlines()
    ids = [d.id for d in result.documents]
    header = lines[0]
    heads = [i.rsplit("-", 1)[0] for i in ids]  # "hanoitimes-2024" -> "hanoitimes", explained in the legend
    positions = [header.index(h) for h in heads]
    assert positions == sorted(positions)  # columns in date order
    assert "2024-06-20" in lines[1] and "2025-05-10" in lines[1]
    assert "● pledge" in out and "◐ support" in out and "○ intent" in out and "· absent" in out
    assert "persists" in out and "new " in out and "dropped " in out and "STATUS: persists = " in out
    for doc_id, head in zip(ids, heads, strict=True):
        assert f"{head} = {doc_id} (" in out  # the legend
    nav = result.group_of("nhandan-2024", 19)
    row = next(line for line in lines if nav.id in line)
    assert row.count("·") + row.count("●") + row.count("◐") + row.count("○") >= len(ids)


def test_rows_sorted_persistent_new_dropped(capsys):
    _, out, _ = run(capsys, "commitments", "--width", "160")
    statuses = [line.split()[0] for line in out.splitlines()[2:]
                if line.split() and line.split()[0] in ("persists", "new", "dropped")]
    order = {"persists": 0, "new": 1, "dropped": 2}
    assert statuses == sorted(statuses, key=order.get)
    assert len(set(statuses)) == 3


def test_json_lists_every_group(capsys, result):
    code, out, _ = run(capsys, "commitments", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data["groups"]) == len(result.groups)
    assert any(len(g["documents"]) == 1 for g in data["groups"])
    assert [d["id"] for d in data["documents"]] == [d.id for d in result.documents]
    group = data["groups"][0]
    assert {"id", "label", "theme", "documents", "members"} <= set(group)
    assert {"doc", "index", "text", "strength", "actor"} <= set(group["members"][0])


def test_min_docs_filters(capsys):
    _, out, _ = run(capsys, "commitments", "--format", "json", "--min-docs", "3")
    groups = json.loads(out)["groups"]
    assert groups and all(len(g["documents"]) >= 3 for g in groups)


def test_theme_filter(capsys):
    _, out, _ = run(capsys, "commitments", "--format", "json", "--theme", "maritime")
    groups = json.loads(out)["groups"]
    assert groups and all(g["theme"] == "maritime" for g in groups)
    code, _, err = run(capsys, "commitments", "--theme", "cooking")
    assert code == 2 and "not a theme" in err


def test_markdown(capsys):
    code, out, _ = run(capsys, "commitments", "--format", "markdown", "--min-docs", "2")
    assert code == 0
    assert out.startswith("# Shared commitments")
    assert "| group | status | theme |" in out
    assert "2025-05-10" in out


def test_explain(capsys, result):
    group = result.group_of("investor-2024", 8)
    code, out, _ = run(capsys, "commitments", "--explain", group.id[:-2])
    assert code == 0
    assert group.label in out
    assert "Pairwise similarity" in out and "shared:" in out
    assert "investor-2024:8" in out
    code, out, _ = run(capsys, "commitments", "--explain", group.id, "--format", "json")
    data = json.loads(out)
    n = len(group.members)
    assert data["id"] == group.id and len(data["pairs"]) == n * (n - 1) // 2


def test_unknown_group_exits_2(capsys):
    code, out, err = run(capsys, "commitments", "--explain", "maritime-zzzz")
    assert code == 2
    assert "no pledge group" in err and "did you mean" in err
    assert out == ""


def test_show_marks_pledges(capsys, result):
    code, out, _ = run(capsys, "show", "nhandan-2024", "--width", "5000")
    assert code == 0
    group = result.group_of("nhandan-2024", 19)
    others = len(group.documents) - 1
    actor = next(p.actor for p in group.members if p.doc_id == "nhandan-2024" and p.index == 19)
    assert f"[support by {actor} · {group.label} · in {others} other docs]" in out  # who commits, as in the JSON
    code, out, _ = run(capsys, "show", "nhandan-2024", "--format", "json")
    sentences = json.loads(out)["sentences"]
    assert sentences[19]["pledge"]["group"] == group.id
    assert sentences[19]["pledge"]["strength"] == "support"
    assert "pledge" not in sentences[0]


def test_document_text_is_escaped(capsys, tmp_path):
    (tmp_path / "evil.txt").write_text(
        '+++\nid = "evil"\ntitle = "Evil"\ndate = 2024-01-01\n+++\n'
        "The two sides agreed to expand cooperation in \x1b[31mclean energy\u202e projects.\n",
        encoding="utf-8",
    )
    for fmt in ("text", "markdown"):
        code, out, _ = run(capsys, "commitments", "--format", fmt, corpus=str(tmp_path))
        assert code == 0
        assert "\x1b" not in out and "\u202e" not in out
    code, out, _ = run(capsys, "commitments", "--format", "json", corpus=str(tmp_path))
    assert "\x1b" not in out and "\u202e" not in out
    assert "\x1b[31mclean" in json.loads(out)["groups"][0]["members"][0]["text"]
    code, out, _ = run(capsys, "commitments", "--explain", "energy", corpus=str(tmp_path))
    assert code == 0 and "\x1b" not in out and "\\x1b" in out


def test_empty_corpus(capsys, tmp_path):
    code, out, _ = run(capsys, "commitments", corpus=str(tmp_path))
    assert code == 0 and "no pledge groups" in out
    code, out, _ = run(capsys, "commitments", "--format", "json", corpus=str(tmp_path))
    assert json.loads(out) == {"groups": [], "documents": []}


def test_help_mentions_examples(capsys):
    code, out, _ = run(capsys, "commitments", "--help")
    assert code == 0 and "--min-docs" in out and "--explain" in out
