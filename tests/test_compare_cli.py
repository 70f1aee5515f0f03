"""``accord compare``: formats, exit codes, options, hostile text, pipes."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import tui.cli
from tui.analysis.align import compare
from tui.cli import cli
from tui.documents.corpus import embedded_folder, load_corpus
from tui.documents.ingest import corpus_file_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(embedded_folder())
HOSTILE = (
    "They agreed to build [bold]railways[/] and [link=http://x]ports[/link] \x1b[31mnow\x1b[0m with \u202eflip.\n"
    "The sides pledged <script>alert(1)</script> & cooperation on oil and gas exploration.\n"
)
HOSTILE_RIGHT = (
    "They agreed to build [bold]roads[/] and [link=http://x]ports[/link] \x1b[31mlater\x1b[0m with \u202eflip.\n"
    "The sides pledged <script>alert(2)</script> & cooperation on oil and gas exploration.\n"
    "An *entirely* new `sentence` | about | football tournaments_here.\n"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_main(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        tui.cli.main(args)
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id, body in (("evil-a", HOSTILE), ("evil-b", HOSTILE_RIGHT)):
        meta = {"id": doc_id, "title": f"Evil [i]{doc_id}[/i] \x1b[2J", "date": dt.date(2024, 1, 2)}
        (folder / f"{doc_id}.txt").write_text(corpus_file_text(meta, body), encoding="utf-8")
    return folder


def test_default_pair_text():
    result = run("--corpus", CORPUS, "compare", "--width", "120")
    assert result.exit_code == 0
    corpus = load_corpus([Path(CORPUS)])
    from tui.documents.corpus import default_pair

    left, right = default_pair(corpus)
    first = result.output.splitlines()[0]
    assert left.id in first and right.id in first
    counts = compare(left, right, context=corpus.documents).summary()
    assert "default pair: the latest joint statement against the one before it" in result.output
    paired = counts["unchanged"] + counts["reworded"]
    assert f"{paired} carried over: {counts['close']} close ({counts['unchanged']} unchanged), " \
        f"{counts['related']} related" in result.output
    assert f"{counts['removed']} only in {left.date.year}" in result.output
    assert f"{counts['added']} new in {right.date.year}" in result.output
    assert " added" not in result.output and " removed" not in result.output  # human formats name the sides


def test_side_by_side_rows_keep_both_cells_aligned():
    result = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--width", "120")
    lines = result.output.splitlines()
    cells = [line for line in lines if " │ " in line or line.endswith(" │")]
    assert cells
    columns = {line.index("│") for line in cells}
    assert len(columns) == 1  # the separator is in the same column on every line
    assert all(len(line) <= 120 for line in lines)


def test_narrow_width_is_unified_and_fits():
    result = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--width", "40")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert all(len(line) <= 40 for line in lines[5:]), [line for line in lines if len(line) > 40]
    assert "│" not in result.output
    assert any(line.startswith("L ") for line in lines) and any(line.startswith("R ") for line in lines)
    assert "[-" in result.output and "{+" in result.output


def test_only_changed_hides_unchanged_rows():
    full = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--format", "json")
    only = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--format", "json", "--only", "changed")
    rows = json.loads(full.output)["rows"]
    kept = json.loads(only.output)["rows"]
    assert any(r["status"] == "unchanged" for r in rows)
    assert kept == [r for r in rows if r["status"] != "unchanged" or r["moved"]]


def test_json_rows_say_who_commits_as_show_does():
    data = json.loads(run("--corpus", CORPUS, "compare", "nhandan", "vgp", "--format", "json").output)
    shown = {side: json.loads(run("--corpus", CORPUS, "show", doc, "--format", "json").output)["sentences"]
             for side, doc in (("left", "nhandan"), ("right", "vgp"))}
    checked = 0
    for row in data["rows"]:
        for side in ("left", "right"):
            if row[side] is None or row[f"{side}_more"]:
                continue  # a merged row carries the strongest pledge among its sentences
            mark = shown[side][row[side]["index"]].get("pledge")
            assert row["actor"][side] == (mark["actor"] if mark else None)
            assert row["pledge"][side] == (mark["strength"] if mark else None)
            checked += mark is not None
    assert checked >= 10


def test_json_schema_and_exact_text():
    result = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--format", "json")
    data = json.loads(result.output)
    corpus = load_corpus([Path(CORPUS)])
    left, right = corpus.get("nhandan"), corpus.get("investor")
    assert data["left"] == {"id": left.id, "title": left.title, "date": left.date.isoformat()}
    # fields may be added, never renamed or dropped
    assert set(data) >= {"left", "right", "rows", "summary", "threshold", "ledger"}
    assert set(data["summary"]) >= {"unchanged", "reworded", "added", "removed", "moved", "stronger", "weaker",
                                    "close", "related"}
    assert data["summary"]["close"] + data["summary"]["related"] == sum(
        1 for r in data["rows"] if r["left"] and r["right"])
    for entry in data["ledger"]:
        assert set(entry) >= {"theme", "carried", "only_left", "only_right"}
    seen_left, seen_right = [], []
    for row in data["rows"]:
        assert set(row) >= {"status", "left", "right", "left_more", "right_more", "similarity", "moved",
                            "strength", "changes", "evidence", "tier", "theme", "pledge", "actor", "links"}
        if row["left"] and row["right"]:
            assert row["tier"] in ("close", "related")
        else:
            assert row["tier"] is None
        assert row["strength"] in (None, "same", "stronger", "weaker")
        sides = {"left": [row["left"]] + row["left_more"] if row["left"] else [],
                 "right": [row["right"]] + row["right_more"] if row["right"] else []}
        for side, doc, seen in (("left", left, seen_left), ("right", right, seen_right)):
            for s in sides[side]:
                assert doc.sentences[s["index"]].text == s["text"]
                seen.append(s["index"])
            assert "".join(c[side] for c in row["changes"]) == " ".join(s["text"] for s in sides[side])
    assert sorted(seen_left) == list(range(len(left.sentences)))
    assert sorted(seen_right) == list(range(len(right.sentences)))


class _Checker(html.parser.HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_html_is_well_formed_with_del_and_ins():
    result = run("--corpus", CORPUS, "compare", "nhandan", "investor", "--format", "html")
    checker = _Checker()
    checker.feed(result.output)
    checker.close()
    assert checker.stack == []
    assert "del" in checker.tags and "ins" in checker.tags and "style" in checker.tags
    assert "script" not in checker.tags
    assert 'class="badge moved"' in result.output


def test_hostile_text_is_escaped_in_human_formats_and_exact_in_json(hostile):
    plain = run("--corpus", str(hostile), "--color", "never", "compare", "evil-a", "evil-b", "--width", "120")
    assert "\x1b" not in plain.output and "\u202e" not in plain.output
    assert "\\x1b[0m" in plain.output and "<U+202E>" in plain.output and "\\x1b[2J" in plain.output
    assert "[bold]" in plain.output and "[link=http://x]ports[/link]" in plain.output
    for width in ("120", "40"):
        styled = run("--corpus", str(hostile), "--color", "always", "compare", "evil-a", "evil-b", "--width", width)
        assert "\x1b[2J" not in styled.output and "\u202e" not in styled.output
        assert "\x1b]8;" not in styled.output  # no hyperlink was made: brackets are never Rich markup
        assert "[link=http://x]ports[/link]" in styled.output and "<U+202E>" in styled.output

    markdown = run("--corpus", str(hostile), "compare", "evil-a", "evil-b", "--format", "markdown").output
    assert "\\[bold\\]" in markdown and "\x1b" not in markdown and "<script>" not in markdown
    assert "\\*entirely\\*" in markdown and "\\|" in markdown

    page = run("--corpus", str(hostile), "compare", "evil-a", "evil-b", "--format", "html").output
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page
    checker = _Checker()
    checker.feed(page)
    assert "script" not in checker.tags

    data = json.loads(run("--corpus", str(hostile), "compare", "evil-a", "evil-b", "--format", "json").output)
    texts = {s["text"] for r in data["rows"] for s in [r["left"], r["right"]] if s}
    corpus = load_corpus([hostile])
    assert texts == {s.text for d in corpus.documents for s in d.sentences}
    assert any("\x1b[31m" in t for t in texts)


def test_exit_codes(capsys):
    code, out, _ = run_main(["--corpus", CORPUS, "compare", "nhandan", "nhandan", "--exit-code"], capsys)
    assert code == 0 and "unchanged" in out
    code, _, _ = run_main(["--corpus", CORPUS, "compare", "nhandan", "vgp", "--exit-code"], capsys)
    assert code == 1
    code, _, _ = run_main(["--corpus", CORPUS, "compare", "nhandan", "vgp"], capsys)
    assert code == 0
    code, out, err = run_main(["--corpus", CORPUS, "compare", "nhandn", "vgp", "--exit-code"], capsys)
    assert code == 2 and out == ""
    assert "did you mean nhandan-2024" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_main(["--corpus", CORPUS, "compare", "nhandan"], capsys)
    assert code == 2 and "two document ids" in err
    code, _, err = run_main(["--corpus", CORPUS, "compare", "--threshold", "1.5"], capsys)
    assert code == 2


def test_output_file_is_written_and_refuses_inputs(tmp_path, capsys):
    target = tmp_path / "report.html"
    code, out, _ = run_main(["--corpus", CORPUS, "compare", "nhandan", "investor", "--format", "html",
                             "--output", str(target)], capsys)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = run_main(["--corpus", CORPUS, "compare", "nhandan", "investor", "--output", str(target)],
                            capsys)
    assert code == 2 and "--force" in err
    code, _, _ = run_main(["--corpus", CORPUS, "compare", "nhandan", "investor", "--output", str(target),
                           "--force"], capsys)
    assert code == 0 and "[-" in target.read_text(encoding="utf-8")
    folder = tmp_path / "c"
    folder.mkdir()
    source = embedded_folder() / "nhandan-2024.txt"
    (folder / "nhandan-2024.txt").write_bytes(source.read_bytes())
    (folder / "vov-2025.txt").write_bytes((embedded_folder() / "vov-2025.txt").read_bytes())
    before = (folder / "nhandan-2024.txt").read_bytes()
    code, _, err = run_main(["--corpus", str(folder), "compare", "nhandan", "vov", "--output",
                             str(folder / "nhandan-2024.txt"), "--force"], capsys)
    assert code == 2 and "also an input" in err
    assert (folder / "nhandan-2024.txt").read_bytes() == before


def test_help_has_an_example():
    result = run("compare", "--help")
    assert result.exit_code == 0
    assert "accord compare nhandan" in result.output and "--exit-code" in result.output


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    env["ACCORD_CORPUS"] = CORPUS
    return env


def test_piping_into_head_leaves_no_traceback():
    proc = subprocess.run(
        f"{sys.executable} -m tui compare | head -1", shell=True, capture_output=True, text=True,
        env=_env(), cwd=ROOT, timeout=120,
    )
    assert proc.stdout.startswith("Compare ")
    assert proc.stderr == ""


def test_text_path_does_not_import_textual():
    code = ("import sys; sys.argv = ['accord', 'compare', '--format', 'text']\n"
            "import runpy\n"
            "try:\n    runpy.run_module('tui', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=ROOT,
                          timeout=120)
    assert proc.stderr.strip() == "[]"


HOSTILE_PIECES = st.sampled_from([
    "The two sides agreed to expand oil and gas cooperation.", "They will build railways [bold]now[/].",
    "\x1b[31mred\x1b[0m text here.", "宽字符 的 句子 很长很长很长很长很长很长很长很长很长很长.", "‮flipped‮ line.",
    "A|table|cell *star* _under_ `code` <b>tag</b> & amp.", "Supercalifragilisticexpialidocious" * 3 + ".",
])
BODIES = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=40)), max_size=6).map("\n".join)


@given(BODIES, BODIES, st.integers(20, 180))
@hsettings(max_examples=60, deadline=None)
def test_every_format_renders_any_pair(left_body, right_body, width):
    from tui.documents.corpus import build_document
    from tui.render import compare as view

    def make(doc_id, body):  # type: ignore[no-untyped-def]
        return build_document(f'+++\nid = "{doc_id}"\ntitle = "T [x]"\ndate = 2024-01-01\n+++\n{body}', None)

    result = compare(make("a", left_body), make("b", right_body))
    lines = view.compare_text(result, width)
    for line in lines:
        text = line.plain
        assert "\x1b" not in text and "\u202e" not in text and "\n" not in text
        assert line.width() <= width, text
    page = view.compare_html(result)
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == [] and "script" not in checker.tags and "b" not in checker.tags
    assert "\x1b" not in view.compare_markdown(result)
    data = json.loads(view.compare_json(result))
    got = sorted((r["left"] or {}).get("text", "") for r in data["rows"] if r["left"])
    assert got == sorted(s.text for r in result.rows for s in r.left[:1])


def test_the_default_pair_note_only_for_the_default_pair():
    markdown = run("--corpus", CORPUS, "compare", "--format", "markdown").output
    assert "*default pair: the latest joint statement against the one before it*" in markdown
    named = run("--corpus", CORPUS, "compare", "nhandan", "vgp", "--width", "120").output
    assert "default pair" not in named


def _statement(folder: Path, doc_id: str, date: dt.date, body: str) -> None:
    meta = {"id": doc_id, "title": doc_id, "date": date, "kind": "joint-statement-report"}
    (folder / f"{doc_id}.txt").write_text(corpus_file_text(meta, body), encoding="utf-8")


@pytest.fixture
def two_country_pairs(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    _statement(folder, "cl-pe-2022", dt.date(2022, 3, 1),
               "Chile and Peru agreed to expand trade in copper.\nPeru will open a consulate in Arica.\n")
    _statement(folder, "cl-pe-2024", dt.date(2024, 3, 1),
               "Chile and Peru agreed to expand trade in copper and fish.\nChile will build a port in Arica.\n")
    _statement(folder, "ke-cn-2025", dt.date(2025, 4, 24),
               "China and Kenya agreed to extend the railway to Uganda.\nKenya will export more tea to China.\n")
    return folder


def test_default_pair_keeps_to_the_same_two_countries(two_country_pairs):
    result = run("--corpus", str(two_country_pairs), "compare", "--width", "120")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert "cl-pe-2022" in first and "cl-pe-2024" in first
    assert "between the same two countries" in result.output


def test_a_pair_of_different_countries_is_noted(two_country_pairs):
    result = run("--corpus", str(two_country_pairs), "compare", "cl-pe-2024", "ke-cn-2025", "--width", "200")
    assert result.exit_code == 0
    note = next(line for line in result.output.splitlines() if line.startswith("note: "))
    assert note.startswith("note: cl-pe-2024 is between ") and ", ke-cn-2025 between " in note
    assert {"Chile", "Peru", "China", "Kenya"} <= set(note.replace(",", " ").split())


def test_default_pair_looks_beyond_joint_statements_for_one_pair_of_countries(tmp_path: Path):
    folder = tmp_path / "kinds"
    folder.mkdir()
    _statement(folder, "cl-pe-2022", dt.date(2022, 3, 1), "Chile and Peru agreed to expand trade in copper.\n")
    _statement(folder, "ke-cn-2025", dt.date(2025, 4, 24), "China and Kenya agreed to extend the railway.\n")
    for doc_id, date in (("ke-ug-a", dt.date(2024, 5, 1)), ("ke-ug-b", dt.date(2024, 5, 2))):
        meta = {"id": doc_id, "title": doc_id, "date": date, "kind": "talks-report"}
        (folder / f"{doc_id}.txt").write_text(corpus_file_text(
            meta, "Kenya and Uganda agreed to extend the railway to Kampala.\n"), encoding="utf-8")
    result = run("--corpus", str(folder), "compare", "--width", "120")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert "ke-ug-a" in first and "ke-ug-b" in first
    assert "the two most recent documents between the same two countries" in result.output


def test_a_document_compared_with_itself_is_noted_and_related_floor_is_shown():
    result = run("--corpus", CORPUS, "compare", "vgp", "vgp", "--width", "120")
    assert result.exit_code == 0
    assert "note: both sides are the same document" in result.output
    assert "threshold 0.35 (related from 0.175)" in result.output
    data = json.loads(run("--corpus", CORPUS, "compare", "vgp", "vgp", "--format", "json").output)
    assert data["related_floor"] == pytest.approx(data["threshold"] * 0.5)


def test_undated_text_from_stdin_is_named_by_its_id_not_by_todays_year():
    result = CliRunner().invoke(cli, ["--corpus", CORPUS, "compare", "vgp", "-", "--width", "120"],
                                input="The two sides agreed to expand trade in copper and tea.\n",
                                catch_exceptions=False)
    assert result.exit_code == 0
    summary = next(line for line in result.output.splitlines() if "carried over" in line)
    assert "only in stdin" in summary and "only in vgp-2025" in summary and "new in" not in summary
