"""Commitments and the document list a person reads: whole labels and titles, readable heads, year
timelines for big corpora, labels from the members' own wording; CSV and HTML exports."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from tui.analysis.commitments import Commitments, Group, Pledge, find_commitments
from tui.cli import cli
from tui.documents.corpus import embedded_folder, load_corpus
from tui.documents.ingest import corpus_file_text
from tui.render import commitments as view
from tui.render.csvfmt import safe_cell

CORPUS = str(embedded_folder())


def run(*args: str, corpus: str = CORPUS):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["--corpus", corpus, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def result():
    return find_commitments(load_corpus([Path(CORPUS)]).documents)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_label_prints_whole_piped_at_80(result):
    out = run("commitments", "--width", "80")
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in out
    flat = _flat(out)
    for g in result.groups:
        assert f"{_flat(g.label)} {g.id}" in flat, g.label


def test_every_title_prints_whole_piped_at_80(result):
    for width in ("80", "160"):
        out = run("list", "--width", width)
        assert all(len(line) <= int(width) for line in out.splitlines())
        assert "…" not in out
        for d in result.documents:
            assert _flat(d.title) in _flat(out), (width, d.title)


def test_labels_are_the_members_own_words(result):
    for g in result.groups:
        head, _, phrase = g.label.partition(": ")
        assert head.casefold() == g.theme.casefold() and phrase, g.label
        assert len(phrase.split()) <= 8, g.label
        # one contiguous phrase of one member's text: no stems, no keyword lists from different places
        assert any(phrase.casefold() in _flat(m.text).casefold() for m in g.members), g.label
    labels = " ".join(g.label for g in result.groups).casefold().split()
    for stem in ("navig", "oilga", "safeti", "cooper", "vietnames"):
        assert stem not in labels


def test_doc_heads_are_short_readable_and_unique():
    docs = [SimpleNamespace(id=i, date=dt.date(y, 1, 1), title="t") for i, y in
            [("vietnamnet-2024", 2024), ("vietnamplus-2024", 2024), ("vietnamplus-2025", 2025), ("vov-2025", 2025),
             ("hanoitimes-2024", 2024)]]
    for width in (3, 4, 5, 7, 10):
        heads = view.doc_heads(docs, width)
        assert len(set(heads)) == len(heads), heads
        assert all(len(h) <= width for h in heads), heads
    heads = view.doc_heads(docs, 7)
    assert heads[0] != heads[1] and heads[0].startswith("vi") and heads[1].startswith("vi")
    assert heads[4] == "hanoiti"


def test_doc_heads_do_not_end_in_a_hyphen():
    docs = [SimpleNamespace(id=i, date=dt.date(2023, 1, 1), title="t") for i in
            ("governo-italiano-2023-01-10", "shafaq-news-2023-01-10", "telesur-2023-01-10")]
    heads = view.doc_heads(docs, 8)
    assert heads[0] == "governo" and heads[1] == "shafaq-n" and not any(h.endswith("-") for h in heads)


def test_doc_heads_of_one_outlet_and_year_keep_the_year_and_add_a_letter():
    docs = [SimpleNamespace(id=i, date=dt.date(y, m, 1), title="t") for i, y, m in
            [("gov-uk-office-2024-10-25", 2024, 10), ("gov-uk-office-2024-11-18", 2024, 11),
             ("gov-uk-office-2025-09-26", 2025, 9)]]
    heads = view.doc_heads(docs, 5)
    assert heads == ["go24a", "go24b", "gov25"]  # never "gov21" for a 2024 report


def _synthetic(n_docs: int, n_groups: int) -> Commitments:
    docs = tuple(SimpleNamespace(id=f"outlet{i:05d}-{2010 + i * 15 // n_docs}", date=dt.date(2010 + i * 15 // n_docs,
                                 1 + i % 12, 1), title=f"Report {i}") for i in range(n_docs))
    strengths = ("pledge", "support", "intent")
    groups = []
    for g in range(n_groups):
        members = tuple(Pledge(docs[(g * 37 + k * 911) % n_docs].id, k, f"They agreed to item {g} number {k}.",
                               strengths[(g + k) % 3], "both", "agreed") for k in range(1 + g % 9))
        ids = tuple(dict.fromkeys(m.doc_id for m in members))
        groups.append(Group(f"trade-{g:06x}", f"Trade: a rather long label for item number {g} that must wrap",
                            "trade", members, ids, ("item",)))
    ordered = tuple(sorted(docs, key=lambda d: (d.date, d.id)))
    return Commitments(ordered, tuple(groups))  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [80, 160])
def test_eight_thousand_documents_become_a_year_timeline(width):
    big = _synthetic(8000, 300)
    lines = view.matrix_text(big, big.groups, width)
    assert max(line.width() for line in lines) <= width
    header = lines[0].plain
    years = re.findall(r"\b(20\d\d)\b", header)
    assert years and years == sorted(years)
    assert "Columns are years (8000 documents)" in " ".join(line.plain for line in lines)
    flat = _flat(" ".join(line.plain for line in lines))
    for g in big.groups[:50]:
        assert _flat(g.label) in flat
    page = view.matrix_html(big, big.groups[:20])
    assert page.count("<th") < 40  # years, not 8,000 columns


def test_year_cells_show_the_strongest_pledge_and_a_count():
    big = _synthetic(8000, 30)
    cols, mode = view.columns(big, 60)
    assert mode == "years"
    g = next(g for g in big.groups if len(g.members) > 3)
    texts = [view.cell(g, c, mode)[0] for c in cols]
    total = sum(int(t[1:] or 1) for t in texts if t != view.ABSENT)
    assert total == len(g.documents)


def test_commitments_csv(result):
    out = run("commitments", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) [:9] == ["group_id", "label", "theme", "status", "document_id", "date", "strength", "actor",
                                  "text"]
    assert len(rows) == sum(len(g.members) for g in result.groups)
    data = json.loads(run("commitments", "--format", "json"))
    first = data["groups"][0]
    mine = [r for r in rows if r["group_id"] == first["id"]]
    assert [r["text"] for r in mine] == [m["text"] for m in first["members"]]  # exact text
    assert {r["status"] for r in rows} <= {g["status"] for g in data["groups"]}
    two = list(csv.DictReader(io.StringIO(run("commitments", "--format", "csv", "--min-docs", "2"))))
    assert {r["group_id"] for r in two} == {g.id for g in result.groups if len(g.documents) >= 2}


def test_list_csv(result):
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv"))))
    assert [r["id"] for r in rows] == [d.id for d in result.documents]
    assert [r["title"] for r in rows] == [d.title for d in result.documents]


def test_csv_is_formula_safe_and_exact(tmp_path):
    for cell in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(cell) == "'" + cell
    assert safe_cell("a=b") == "a=b" and safe_cell(3) == "3" and safe_cell(None) == ""
    folder = tmp_path / "c"
    folder.mkdir()
    for doc_id, date in (("evil-a", dt.date(2024, 1, 2)), ("evil-b", dt.date(2025, 1, 2))):
        body = ("They agreed to expand cooperation in oil and gas, \"quoted\", and =cmd|'/c calc'!A1 trade.\n"
                "Both sides pledged to build railways, \x1b[31mports\x1b[0m and roads.\n")
        meta = {"id": doc_id, "title": f"=HYPERLINK(\"x\") {doc_id}", "date": date}
        (folder / f"{doc_id}.txt").write_text(corpus_file_text(meta, body), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run("list", "--format", "csv", corpus=str(folder)))))
    assert rows[1][2].startswith("'=HYPERLINK")
    out = run("commitments", "--format", "csv", corpus=str(folder))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and any("\x1b[31mports" in r["text"] for r in rows)  # exact text, like JSON
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())


class _Tags(html.parser.HTMLParser):
    ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "br", "b", "code", "div",
               "table", "thead", "tbody", "tr", "th", "td", "a"}

    def __init__(self):  # type: ignore[no-untyped-def]
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag not in self.ALLOWED:
            self.problems.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "style") or (name == "href" and not value.startswith("#")):
                self.problems.append(f"{name}={value}")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_commitments_html(result, tmp_path):
    page = run("commitments", "--format", "html", "--min-docs", "2")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    parser = _Tags()
    parser.feed(page)
    assert parser.problems == []
    text = "".join(parser.text)
    shared = [g for g in result.groups if len(g.documents) >= 2]
    for g in shared:
        assert f'id="{g.id}"' in page and f'href="#{g.id}"' in page
        for m in g.members:  # each group's wordings, whole
            assert _flat(m.text) in _flat(text)
    folder = tmp_path / "c"
    folder.mkdir()
    for doc_id, date in (("evil-a", dt.date(2024, 1, 2)), ("evil-b", dt.date(2025, 1, 2))):
        body = ("They agreed to expand <script>alert(1)</script> cooperation in oil and gas & trade.\n"
                "Both sides pledged to build railways, \x1b[31mports\x1b[0m and \u202eroads.\n")
        meta = {"id": doc_id, "title": f"<b>{doc_id}</b>", "date": date}
        (folder / f"{doc_id}.txt").write_text(corpus_file_text(meta, body), encoding="utf-8")
    page = run("commitments", "--format", "html", corpus=str(folder))
    parser = _Tags()
    parser.feed(page)
    assert parser.problems == [] and "<script>" not in page and "\x1b" not in page and "\u202e" not in page
    assert "&lt;script&gt;" in page and "\\x1b[31m" in page


def test_explain_refuses_csv_and_html(capsys):
    import tui.cli

    with pytest.raises(SystemExit) as info:
        tui.cli.main(["--corpus", CORPUS, "commitments", "--explain", "trade", "--format", "csv"])
    assert info.value.code == 2 and capsys.readouterr().err.count("\n") == 1
