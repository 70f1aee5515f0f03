"""The command line: list/show/add in every format, exit codes, colour, help, hostile text."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import tui.cli
from tui.cli import cli
from tui.documents.corpus import load_corpus
from tui.documents.ingest import corpus_file_text

from .conftest import CORPUS_DIR, ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HOSTILE_TITLE = "Evil [bold]title[/] [link=http://x]click[/link] \x1b[31mred\x1b[0m \u202eevil"
HOSTILE_BODY = (
    "Evil [bold]body[/] with [link=http://x]a link[/link] and \x1b]8;;http://x\x1b\\osc\x1b]8;;\x1b\\ "
    "and \x1b[31mred\x1b[0m text :smile: here.\nThe \u202eflipped\u202c line ends here.\n"
)


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        tui.cli.main(args)
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    meta = {"id": "evil-2024", "title": HOSTILE_TITLE, "date": dt.date(2024, 1, 2),
            "outlet": "Evil [i]News[/i] \x1b[2J", "kind": "talks-report"}
    (folder / "evil.txt").write_text(corpus_file_text(meta, HOSTILE_BODY), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- list


def test_list_text(corpus):
    result = run("--corpus", str(CORPUS_DIR), "list", "--width", "200")
    assert result.exit_code == 0
    for doc in corpus.documents:
        assert doc.id in result.output
        assert doc.title in result.output
    assert not ANSI.search(result.output)


@pytest.mark.parametrize("command", [["list", "--format", "json"], ["show", "evil-2024", "--format", "json"],
                                     ["commitments", "--format", "json"]])
def test_corpus_option_after_the_command_name(hostile, command):
    before = run("--corpus", str(hostile), *command)
    after = run(command[0], "--corpus", str(hostile), *command[1:])
    assert after.exit_code == 0 and before.exit_code == 0
    assert after.output == before.output and "evil-2024" in after.output


def test_corpus_option_after_the_command_adds_to_the_global_one(hostile):
    data = json.loads(run("--corpus", str(CORPUS_DIR), "list", "--corpus", str(hostile), "--format", "json").output)
    ids = {d["id"] for d in data["documents"]}
    assert "evil-2024" in ids and len(ids) == 6


def test_list_json_schema(corpus):
    result = run("--corpus", str(CORPUS_DIR), "list", "--format", "json")
    data = json.loads(result.output)
    assert set(data) == {"documents"}
    got = data["documents"]
    assert [d["id"] for d in got] == corpus.ids()
    for item, doc in zip(got, corpus.documents, strict=True):
        assert {"id", "title", "date", "outlet", "kind", "sentences"} <= set(item)
        assert item["title"] == doc.title
        assert item["date"] == doc.date.isoformat()
        assert item["outlet"] == doc.meta.outlet and item["kind"] == doc.meta.kind
        assert item["sentences"] == len(doc.sentences) and isinstance(item["sentences"], int)


def test_list_markdown(corpus):
    result = run("--corpus", str(CORPUS_DIR), "list", "--format", "markdown")
    lines = result.output.strip().split("\n")
    assert lines[0].startswith("| id |") and set(lines[1]) <= set("|-: ")
    assert len(lines) == 2 + len(corpus)
    assert all(line.startswith("|") and line.endswith("|") for line in lines)


# --------------------------------------------------------------------------- show


@pytest.mark.parametrize("doc_id", ["nhandan-2024", "vgp-2025", "hanoitimes-2024"])
def test_show_json_schema(docs, doc_id):
    doc = docs[doc_id]
    data = json.loads(run("--corpus", str(CORPUS_DIR), "show", doc_id, "--format", "json").output)
    assert {"id", "title", "date", "outlet", "kind", "text", "sentences", "removed"} <= set(data)
    assert (data["id"], data["title"], data["date"]) == (doc.id, doc.title, doc.date.isoformat())
    assert data["text"] == doc.body
    assert len(data["sentences"]) == len(doc.sentences)
    for i, s in enumerate(data["sentences"]):
        assert {"index", "text", "start", "end"} <= set(s)
        assert s["index"] == i
        assert data["text"][s["start"]:s["end"]] == s["text"]
    assert [(r["line"], r["text"], r["reason"]) for r in data["removed"]] == [
        (r.line, r.text, r.reason) for r in doc.removed]


def test_show_text_and_prefix(docs):
    doc = docs["vov-2025"]
    result = run("--corpus", str(CORPUS_DIR), "show", "vo", "--width", "400")
    assert result.exit_code == 0
    assert doc.title in result.output
    for s in doc.sentences:
        assert s.text in result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_show_says_which_countries_the_document_is_between(docs, fmt):
    from tui.analysis.parties import of_document

    expected = of_document(docs["vgp-2025"]).parties
    assert set(expected) == {"Vietnam", "Russia"}  # found in the text: the embedded corpus declares none
    out = run("--corpus", str(CORPUS_DIR), "show", "vgp", "--format", fmt, "--width", "200").output
    if fmt == "json":
        assert json.loads(out)["parties"] == list(expected)
    else:
        assert "between " + " and ".join(expected) in out.splitlines()[1 if fmt == "text" else 2]


def test_show_markdown(docs):
    doc = docs["vgp-2025"]
    out = run("--corpus", str(CORPUS_DIR), "show", "vgp", "--format", "markdown").output
    assert out.startswith("# ")
    assert "`vgp-2025`" in out
    assert out.count("<sup>") == len(doc.sentences)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_show_removed(docs, fmt):
    doc = docs["vgp-2025"]
    out = run("--corpus", str(CORPUS_DIR), "show", "vgp", "--removed", "--format", fmt, "--width", "300").output
    assert "navigation list" in out and "image marker" in out and "dateline" in out
    assert str(doc.removed[0].line) in out
    assert len(doc.removed) > 50


def test_unknown_id_exit_code_and_hint(capsys):
    code, out, err = run_main(["--corpus", str(CORPUS_DIR), "show", "nhandam"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("accord: error:")
    assert "did you mean nhandan-2024" in err
    code, _, err = run_main(["--corpus", str(CORPUS_DIR), "show", "v"], capsys)
    assert code == 2 and "ambiguous" in err


def test_usage_error_exit_code(capsys):
    code, _, err = run_main(["list", "--format", "yaml"], capsys)
    assert code == 2 and err.count("\n") == 1


def test_ok_exit_code(capsys):
    code, out, err = run_main(["--corpus", str(CORPUS_DIR), "list", "--format", "json"], capsys)
    assert code == 0 and err == ""
    assert len(json.loads(out)["documents"]) == 5


def test_corpus_option_and_env(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    meta = {"id": "mine-2024", "title": "My statement", "date": dt.date(2024, 3, 1)}
    (folder / "mine.txt").write_text(corpus_file_text(meta, "One sentence. Two.\n"), encoding="utf-8")
    ids = [d["id"] for d in json.loads(run("--corpus", str(folder), "list", "--format", "json").output)["documents"]]
    assert ids == ["mine-2024"]
    both = run("--corpus", str(folder), "--corpus", str(CORPUS_DIR), "list", "--format", "json").output
    assert len(json.loads(both)["documents"]) == 6
    env_out = run("list", "--format", "json", env={"ACCORD_CORPUS": str(folder)}).output
    assert [d["id"] for d in json.loads(env_out)["documents"]] == ["mine-2024"]
    code, _, err = run_main(["--corpus", str(tmp_path / "missing"), "list"], capsys)
    assert code == 2 and "does not exist" in err


def test_bad_file_warns_and_others_list(tmp_path, capsys):
    meta = {"id": "good-2024", "title": "Good", "date": dt.date(2024, 3, 1)}
    (tmp_path / "good.txt").write_text(corpus_file_text(meta, "Fine.\n"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"+++\nid = 1\n")
    code, out, err = run_main(["--corpus", str(tmp_path), "list", "--format", "json"], capsys)
    assert code == 0
    assert [d["id"] for d in json.loads(out)["documents"]] == ["good-2024"]
    assert err.count("\n") == 1 and "bad.txt" in err and "warning" in err


# --------------------------------------------------------------------------- add

HTML = (
    "<!doctype html><html><head><title>Joint statement</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><h1>Vietnam and Japan upgrade ties</h1>"
    "<p>Vietnam and Japan agreed on Thursday to upgrade their ties to a comprehensive strategic partnership, "
    "the two governments said in a joint statement issued in Tokyo after talks between their leaders.</p>"
    "<p>The two leaders discussed trade, investment and climate change during talks in Tokyo. They also "
    "pledged to expand cooperation in semiconductors and clean energy over the coming decade.</p>"
    "</article><footer>Copyright 2024 Example News</footer></body></html>"
)
TEXT = "TOKYO (Kyodo) - Vietnam and Japan agreed to upgrade ties.\nThey pledged to expand trade. Mr. Kishida spoke.\n"


@pytest.mark.parametrize(("name", "content"), [("s.txt", TEXT), ("s.md", "# Heading\n\n" + TEXT), ("s.html", HTML)])
def test_add_then_list_and_show(tmp_path, capsys, name, content):
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    folder = tmp_path / "corpus"
    args = ["--corpus", str(folder), "add", str(src), "--title", "Vietnam, Japan upgrade ties",
            "--date", "2024-06-20", "--outlet", "Kyodo", "--kind", "talks-report", "--id", "kyodo-2024"]
    folder.mkdir()
    code, out, err = run_main(args, capsys)
    assert code == 0, err
    assert "added kyodo-2024" in out
    written = folder / "kyodo-2024.txt"
    assert written.is_file()
    doc = load_corpus([folder]).get("kyodo-2024")
    assert (doc.meta.outlet, doc.meta.kind, doc.date) == ("Kyodo", "talks-report", dt.date(2024, 6, 20))
    if name == "s.txt":
        assert written.read_text(encoding="utf-8").endswith(content)  # stored exactly
    elif name == "s.md":
        assert written.read_text(encoding="utf-8").endswith("+++\nHeading\n\nTOKYO (Kyodo) - Vietnam and Japan agreed "
                                                            "to upgrade ties. They pledged to expand trade. Mr. "
                                                            "Kishida spoke.\n")  # its plain text
    else:
        assert "<p>" not in doc.source and "Copyright" not in doc.body
    assert "semiconductors" in doc.body or "Vietnam and Japan agreed to upgrade ties." in doc.body
    listed = json.loads(run("--corpus", str(folder), "list", "--format", "json").output)["documents"]
    assert [d["id"] for d in listed] == ["kyodo-2024"]
    shown = json.loads(run("--corpus", str(folder), "show", "kyodo", "--format", "json").output)
    assert shown["text"] == doc.body and shown["sentences"]
    # refuses to overwrite without --force
    code, _, err = run_main(args, capsys)
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    code, _, err = run_main(args + ["--force"], capsys)
    assert code == 0, err


def test_add_markdown_stores_its_plain_text(tmp_path, capsys):
    src = tmp_path / "note.markdown"
    src.write_text("# Chile and Peru deepen ties\n\n**LIMA** — Chile and Peru *agreed* to build a [joint port]"
                   "(https://example.com/x) in Arica.\n\n- Peru will open a trade office.\n- Chile will `cut` fees."
                   "\n\n> \"We will work together,\" she said.\n\n![map](m.png)\n\n<div>raw</div>\n", encoding="utf-8")
    code, out, err = run_main(["--corpus", str(tmp_path), "add", str(src), "--title", "T", "--date", "2024-06-04",
                               "--id", "md-2024"], capsys)
    assert code == 0, err
    body = (tmp_path / "md-2024.txt").read_text(encoding="utf-8").split("+++\n")[-1]
    assert body == ("Chile and Peru deepen ties\n\nLIMA — Chile and Peru agreed to build a joint port in Arica.\n\n"
                    "Peru will open a trade office.\n\nChile will cut fees.\n\n\"We will work together,\" she said.\n")
    blank = tmp_path / "blank.md"
    blank.write_text("![only an image](x.png)\n\n---\n", encoding="utf-8")
    code, _, err = run_main(["--corpus", str(tmp_path), "add", str(blank), "--title", "T", "--date", "2024-06-04"],
                            capsys)
    assert code == 2 and "no text found in this Markdown document" in err and err.count("\n") == 1


def test_add_to_folder_and_default_id(tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "target"
    code, out, err = run_main(["--corpus", str(CORPUS_DIR), "add", str(src), "--title", "T",
                               "--date", "2024-06-20", "--outlet", "Kyodo News", "--to", str(target)], capsys)
    assert code == 0, err
    assert [p.name for p in target.iterdir()] == ["kyodo-news-2024-06-20.txt"]
    assert not (CORPUS_DIR / "kyodo-news-2024-06-20.txt").exists()


@pytest.mark.parametrize("date", ["2024-13-01", "20/06/2024", "yesterday"])
def test_add_refuses_bad_dates(tmp_path, capsys, date):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    code, _, err = run_main(["--corpus", str(tmp_path), "add", str(src), "--title", "T", "--date", date], capsys)
    assert code == 2 and "--date" in err and err.count("\n") == 1
    assert list(tmp_path.glob("*-*.txt")) == []


def test_add_refuses_empty_and_missing(tmp_path, capsys):
    empty = tmp_path / "e.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, _, err = run_main(["--corpus", str(tmp_path), "add", str(empty), "--title", "T", "--date", "2024-01-01"],
                            capsys)
    assert code == 2 and "empty" in err
    code, _, err = run_main(["--corpus", str(tmp_path), "add", str(tmp_path / "nope.txt"), "--title", "T",
                             "--date", "2024-01-01"], capsys)
    assert code == 2 and err.count("\n") == 1


def test_add_hostile_title_round_trips(tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "c"
    code, _, err = run_main(["--corpus", str(folder), "add", str(src), "--title", 'Q "quoted" \\ [b]x[/b]',
                             "--date", "2024-01-01", "--id", "q-1"], capsys)
    assert code == 0, err
    assert load_corpus([folder]).get("q-1").title == 'Q "quoted" \\ [b]x[/b]'


# --------------------------------------------------------------------------- colour


def test_no_color_and_piped_output_have_no_escapes():
    for env in ({"NO_COLOR": "1"}, {}):
        out = run("--corpus", str(CORPUS_DIR), "show", "vov", env=env).output
        assert "\x1b" not in out
    out = run("--corpus", str(CORPUS_DIR), "--color", "never", "list").output
    assert "\x1b" not in out


def test_color_always_has_escapes():
    out = run("--corpus", str(CORPUS_DIR), "--color", "always", "list").output
    assert ANSI.search(out)
    out = run("--corpus", str(CORPUS_DIR), "--color", "always", "show", "vov", env={"NO_COLOR": "1"}).output
    assert ANSI.search(out)


def test_real_pipe_has_no_escapes():
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "tui", "--corpus", str(CORPUS_DIR), "show", "vgp"],
                          capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert b"\x1b" not in proc.stdout and b"Viet Nam and Russia have adopted" in proc.stdout


# --------------------------------------------------------------------------- help


def _commands():
    return sorted(cli.commands)


def test_group_help_has_examples():
    out = run("--help").output
    assert "Example" in out
    for name in _commands():
        assert name in out


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_example(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    command = cli.commands[name]
    assert command.help and "Example" in command.help
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{name} {param.opts} has no help"


# --------------------------------------------------------------------------- hostile text


def _assert_escaped(out: str, esc: str = "\\x1b", bidi: str = "<U+202E>") -> None:
    """No raw control or bidi character; the visible escapes are there instead."""
    assert "\x1b" not in out and "\u202e" not in out and "\u202c" not in out
    assert esc in out
    assert bidi in out


def test_hostile_text_output_is_literal(hostile):
    for color in ("never", "always"):
        out = run("--corpus", str(hostile), "--color", color, "show", "evil", "--width", "300").output
        listed = run("--corpus", str(hostile), "--color", color, "list", "--width", "300").output
        for text in (out, listed):
            # the document's own sequences never reach the terminal raw ...
            assert "\x1b[31mred" not in text and "\x1b]8;;" not in text and "\x1b[2J" not in text
            assert "\u202e" not in text and "\u202c" not in text
            plain = ANSI.sub("", text)
            # ... and the only raw escapes left are our own styling (SGR), none when not colouring
            assert "\x1b" not in plain
            assert (plain != text) == (color == "always")
            _assert_escaped(plain)
            assert "\\x1b[31mred" in plain
            assert "[bold]title[/]" in plain and "[link=http://x]click[/link]" in plain
        plain = ANSI.sub("", out)
        assert "[bold]body[/]" in plain and ":smile:" in plain and "\\x1b]8;;http://x" in plain


MD_ESC, MD_BIDI = "\\\\x1b", "\\<U\\+202E\\>"  # Markdown source of "\x1b" and "<U+202E>"


def test_hostile_markdown_is_escaped(hostile):
    out = run("--corpus", str(hostile), "show", "evil", "--format", "markdown").output
    _assert_escaped(out, MD_ESC, MD_BIDI)
    assert "\\[bold\\]" in out and "\\[link=http" in out
    assert "[link=http://x]" not in out
    listed = run("--corpus", str(hostile), "list", "--format", "markdown").output
    _assert_escaped(listed, MD_ESC, MD_BIDI)
    assert "\\[bold\\]" in listed


def test_hostile_json_is_exact(hostile):
    out = run("--corpus", str(hostile), "show", "evil", "--format", "json").output
    assert "\x1b" not in out and "\u202e" not in out  # escaped on the wire ...
    data = json.loads(out)
    assert data["title"] == HOSTILE_TITLE  # ... and exact once parsed
    assert data["outlet"] == "Evil [i]News[/i] \x1b[2J"
    assert "\x1b]8;;http://x\x1b\\osc" in data["text"] and "\u202eflipped" in data["text"]
    for s in data["sentences"]:
        assert data["text"][s["start"]:s["end"]] == s["text"]
    listed = json.loads(run("--corpus", str(hostile), "list", "--format", "json").output)
    assert listed["documents"][0]["title"] == HOSTILE_TITLE


def test_hostile_error_messages_are_one_line(hostile, capsys):
    code, _, err = run_main(["--corpus", str(hostile), "show", "\x1b[31mx\ny"], capsys)
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err


def _stdin(monkeypatch, data: bytes) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_add_from_stdin(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, TEXT.encode())
    code, out, err = run_main(["--corpus", str(tmp_path), "add", "-", "--title", "From stdin",
                               "--date", "2024-06-20", "--id", "stdin-1"], capsys)
    assert code == 0, err
    assert load_corpus([tmp_path]).get("stdin-1").source == TEXT


def test_add_refuses_input_over_max_bytes(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, TEXT.encode() * 10)
    code, _, err = run_main(["--corpus", str(tmp_path), "--max-bytes", "50", "add", "-", "--title", "T",
                             "--date", "2024-06-20"], capsys)
    assert code == 2 and "over the limit of 50" in err
    src = tmp_path / "big.txt"
    src.write_text(TEXT * 10, encoding="utf-8")
    code, _, err = run_main(["--corpus", str(tmp_path), "--max-bytes", "50", "add", str(src), "--title", "T",
                             "--date", "2024-06-20"], capsys)
    assert code == 2 and "over the limit of 50" in err
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


def test_list_respects_max_bytes(capsys):
    code, out, err = run_main(["--corpus", str(CORPUS_DIR), "--max-bytes", "1000", "list", "--format", "json"],
                              capsys)
    assert code == 0
    assert json.loads(out)["documents"] == []
    assert err.count("warning") == 5 and err.count("\n") == 5


def test_add_writes_into_the_first_accord_corpus_folder(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    env = {"ACCORD_CORPUS": os.pathsep.join([str(first), str(second)])}
    result = run("add", str(src), "--title", "T", "--date", "2024-06-20", "--id", "env-1", env=env)
    assert result.exit_code == 0, result.output
    assert (first / "env-1.txt").is_file()
    assert not (second / "env-1.txt").exists()
    from tui.documents.corpus import user_folder

    assert not (user_folder() / "env-1.txt").exists()
    # and the corpus that ACCORD_CORPUS names now lists it
    assert "env-1" in run("list", env=env).output


def test_list_gives_long_outlets_their_width_on_a_wide_terminal(tmp_path):
    meta = {"id": "long-2024", "title": "Chile and Kenya talks", "date": dt.date(2024, 1, 2),
            "outlet": "Office of the President of Chile", "kind": "meeting-report"}
    (tmp_path / "long.txt").write_text(corpus_file_text(meta, "They agreed to cooperate.\n"), encoding="utf-8")
    wide = run("--corpus", str(tmp_path), "list", "--width", "200").output
    assert "Office of the President of Chile" in wide  # one line, not cut into two
    narrow = run("--corpus", str(tmp_path), "list", "--width", "100").output
    assert "Office of the" in narrow and "Chile and Kenya talks" in narrow
