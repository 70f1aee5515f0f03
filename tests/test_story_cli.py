"""``accord compare`` tells the story: ledger first, sides named by year, tiers, pledges, themes, filters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.analysis.align import compare
from tui.cli import cli
from tui.documents.corpus import embedded_folder, load_corpus

CORPUS = str(embedded_folder())


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--corpus", CORPUS, *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def headline():
    corpus = load_corpus([Path(CORPUS)])
    return compare(corpus.get("nhandan"), corpus.get("vgp"), context=corpus.documents)


def test_ledger_comes_first_and_matches_the_comparison(headline):
    out = run("compare", "--width", "80").output
    lines = out.splitlines()
    ledger_at = next(i for i, line in enumerate(lines) if line.startswith("By theme"))
    first_row = next(i for i, line in enumerate(lines) if re.match(r"^[-+=~≈] ", line))
    assert ledger_at < first_row
    assert "ONLY IN 2024" in lines[ledger_at + 1] and "NEW IN 2025" in lines[ledger_at + 1]
    for t in headline.ledger():
        line = next(ln for ln in lines[ledger_at:first_row] if ln.startswith(t.theme + " "))
        cells = [0 if c == "·" else int(c) for c in line[len(t.theme):].split()]
        assert cells == [t.carried, t.unchanged, t.reworded - t.related, t.related, t.stronger, t.weaker,
                         t.only_left, t.only_right], line
    total = next(ln for ln in lines if ln.startswith("all themes"))
    assert total.split()[-2:] == [str(headline.summary()["removed"]), str(headline.summary()["added"])]


def test_human_formats_name_the_sides_json_keeps_statuses(headline):
    text = run("compare", "--width", "160").output
    assert "- only in 2024" in text and "+ new in 2025" in text
    assert "- removed" not in text and "+ added" not in text
    markdown = run("compare", "--format", "markdown").output
    assert "only in 2024" in markdown and "new in 2025" in markdown and "## By theme" in markdown
    assert "\\- removed" not in markdown
    page = run("compare", "--format", "html").output
    assert "only in 2024" in page and "new in 2025" in page and "By theme" in page
    data = json.loads(run("compare", "--format", "json").output)
    assert {r["status"] for r in data["rows"]} <= {"unchanged", "reworded", "added", "removed"}
    assert {r["status"] for r in data["rows"]} >= {"added", "removed"}


def test_same_year_names_the_documents():
    text = run("compare", "nhandan", "investor", "--width", "160").output
    assert "only in nhandan-2024" in text and "only in investor-2024" in text
    assert "only in 2024" not in text


def test_older_document_goes_left_unless_as_given():
    swapped = run("compare", "vgp", "nhandan", "--width", "100").output
    assert swapped.splitlines()[0].startswith("Compare nhandan-2024")
    data = json.loads(run("compare", "vgp", "nhandan", "--format", "json").output)
    assert data["left"]["id"] == "nhandan-2024" and data["right"]["id"] == "vgp-2025"
    given = json.loads(run("compare", "vgp", "nhandan", "--format", "json", "--as-given").output)
    assert given["left"]["id"] == "vgp-2025"
    assert "only in 2025" in run("compare", "vgp", "nhandan", "--as-given").output
    helptext = run("compare", "--help").output
    assert "--as-given" in helptext and "older document on the left" in " ".join(helptext.split())


def _right_ids(row) -> str:  # type: ignore[no-untyped-def]
    """How a row header names its right sentences ("R3" or "R3,7" for a row of several)."""
    return "R" + ",".join(str(s.index) for s in row.right) + " "


def test_rows_show_tier_pledge_and_theme(headline):
    out = run("compare", "--width", "160").output
    blocks = out.split("\n\n")
    related = [r for r in headline.rows if r.tier == "related"]
    close = [r for r in headline.rows if r.tier == "close" and r.status == "reworded"]
    assert related and close
    for row in related:
        block = next(b for b in blocks if b.startswith("≈ related") and _right_ids(row) in b)
        assert "[-" not in block and "{+" not in block  # both sentences whole, not struck and inserted
        assert row.theme in block.splitlines()[0] and "shared: " in block
        assert row.right_text.split()[0] in block and row.left_text.split()[0] in block
    for row in close:
        block = next(b for b in blocks if b.startswith("~ reworded") and _right_ids(row) in b)
        assert "[-" in block or "{+" in block
    pledged = next(r for r in headline.rows if r.paired and r.left_pledge and r.right_pledge
                   and r.left_pledge != r.right_pledge)
    block = next(b for b in blocks if _right_ids(pledged) in b.splitlines()[0])
    assert f"{pledged.left_pledge} → " in block and pledged.right_pledge in block


def test_summary_counts_tiers(headline):
    counts = headline.summary()
    for fmt in ("text", "markdown", "html"):
        out = run("compare", "--format", fmt).output
        assert f"{counts['close']} close" in out and f"{counts['related']} related" in out, fmt


@pytest.mark.parametrize("only,keep", [
    ("paired", lambda r: r["left"] is not None and r["right"] is not None),
    ("one-sided", lambda r: (r["left"] is None) != (r["right"] is None)),
    ("pledges", lambda r: r["pledge"]["left"] is not None or r["pledge"]["right"] is not None),
    ("changed", lambda r: r["status"] != "unchanged" or r["moved"]),
])
def test_only_filters(only, keep):
    rows = json.loads(run("compare", "--format", "json").output)["rows"]
    kept = json.loads(run("compare", "--format", "json", "--only", only).output)["rows"]
    assert kept == [r for r in rows if keep(r)]
    assert 0 < len(kept) <= len(rows)
    text = run("compare", "--only", only, "--width", "100").output
    assert "By theme" in text  # the ledger still counts every row


def test_theme_filter_and_bad_theme(capsys):
    rows = json.loads(run("compare", "--format", "json").output)["rows"]
    kept = json.loads(run("compare", "--format", "json", "--theme", "maritime").output)["rows"]
    assert kept and kept == [r for r in rows if r["theme"] == "maritime"]
    both = json.loads(run("compare", "--format", "json", "--theme", "energy", "--only", "paired").output)["rows"]
    assert both and all(r["theme"] == "energy" and r["left"] and r["right"] for r in both)
    import tui.cli

    with pytest.raises(SystemExit) as info:
        tui.cli.main(["--corpus", CORPUS, "compare", "--theme", "cricket"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.count("\n") == 1 and "not a theme" in err


@pytest.mark.parametrize("width", [80, 160])
def test_text_fits_the_width(width):
    out = run("compare", "--width", str(width)).output
    assert all(len(line) <= width for line in out.splitlines())
    if width >= 100:
        cells = [line for line in out.splitlines() if " │ " in line]
        assert len({line.index(" │ ") for line in cells}) == 1


def test_narrow_ledger_is_a_list():
    out = run("compare", "--width", "40").output
    assert all(len(line) <= 40 for line in out.splitlines())
    assert "maritime: " in out and "only in 2024" in out
