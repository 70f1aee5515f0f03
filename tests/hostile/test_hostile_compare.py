"""``accord compare`` on hostile documents: text, colour, Markdown, HTML and JSON; stdin; --exit-code;
--output written atomically. Reuses the payload table of test_hostile_documents."""

from __future__ import annotations

import html.parser
import json
import re

import pytest

import tui.infra.atomic
from tui.infra.safety import visible

from .harness import assert_clean, assert_one_line_error, corpus_file, raw_controls, run
from .test_hostile_documents import PAYLOADS, Payload

SHARED = "The two sides agreed to deepen cooperation in energy and trade."


def _pair(folder, payload: str):
    """Left has the payload; right has it reworded (a word changed and words added), so every format
    shows it inside a word diff."""
    changed = payload.replace("here", "there") if "here" in payload else payload + " Indeed"
    (folder / "left.txt").write_bytes(corpus_file(f"{SHARED}\n\n{payload}\n", doc_id="left", title="Left"))
    (folder / "right.txt").write_bytes(
        corpus_file(f"{SHARED} It was signed.\n\n{changed} today.\n", doc_id="right", title="Right"))
    return payload, changed + " today."


@pytest.fixture
def pair(tmp_path):
    def make(p: Payload):
        folder = tmp_path / "c"
        folder.mkdir(exist_ok=True)
        texts = _pair(folder, p.text)
        return str(folder), texts

    return make


@pytest.mark.parametrize("width", ["120", "60"], ids=["side-by-side", "stacked"])
@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_compare_text(pair, p, width):
    folder, _ = pair(p)
    res = run(["--corpus", folder, "compare", "left", "right", "--width", width])
    assert res.code == 0, res.err
    assert_clean(res)
    flat = re.sub(r"\s*│\s*|\n\s*", " ", res.out)
    for token in p.shows:
        assert token.split()[0] in flat, (token, res.out)
    colour = run(["--color", "always", "--corpus", folder, "compare", "left", "right", "--width", width])
    assert colour.code == 0
    assert_clean(colour, allow_sgr=True)
    assert re.findall(r"\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]", colour.out) == []


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_compare_markdown(pair, p):
    folder, _ = pair(p)
    res = run(["--corpus", folder, "compare", "left", "right", "--format", "markdown"])
    assert res.code == 0, res.err
    assert_clean(res)
    rows = [line for line in res.out.split("\n") if line.startswith("| ") and "<sup>L" in line]
    assert rows
    for line in rows:
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        assert len(cells) == 8, line  # a payload '|' never adds a column
        for cell in cells[4:6]:
            bare = re.sub(r"\\.", "", re.sub(r"</?sup>|~~|\*\*", "", cell))
            assert not re.search(r"[<>\[\]`&#!()]", bare), cell
            assert "javascript:" not in cell and "http://" not in cell


class _Tags(html.parser.HTMLParser):
    ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "code", "span", "table",
               "thead", "tbody", "tr", "th", "td", "a", "sup", "del", "ins", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.ALLOWED:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "style", "srcdoc", "action", "formaction"):
                self.problems.append(f"attribute {name}")
            if name == "href" and not re.fullmatch(r"#[LR]\d+", value or ""):
                self.problems.append(f"href {value}")

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_compare_html(pair, p):
    folder, (left, right) = pair(p)
    res = run(["--corpus", folder, "compare", "left", "right", "--format", "html"])
    assert res.code == 0, res.err
    assert_clean(res)
    parser = _Tags()
    parser.feed(res.out)
    assert parser.problems == []
    shown = "".join(parser.text)
    for token in p.shows:
        assert token.split()[0] in shown, token


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_compare_json_exact(pair, p):
    folder, (left, right) = pair(p)
    res = run(["--corpus", folder, "compare", "left", "right", "--format", "json"])
    assert res.code == 0, res.err
    assert raw_controls(res.out_bytes) == []
    data = json.loads(res.out)
    lefts = [r["left"]["text"] for r in data["rows"] if r["left"]] + \
        [s["text"] for r in data["rows"] for s in r["left_more"]]
    rights = [r["right"]["text"] for r in data["rows"] if r["right"]] + \
        [s["text"] for r in data["rows"] for s in r["right_more"]]
    assert " ".join(sorted(lefts)).count("\x1b") == left.count("\x1b")
    assert left.strip() in " ".join(lefts) or all(part in left for part in lefts if part != SHARED)
    assert right.strip() in " ".join(rights) or all(part in right for part in rights if not part.startswith(SHARED))
    for row in data["rows"]:
        if row["changes"]:
            whole_left = " ".join(s["text"] for s in ([row["left"]] if row["left"] else []) + row["left_more"])
            whole_right = " ".join(s["text"] for s in ([row["right"]] if row["right"] else []) + row["right_more"])
            assert "".join(c["left"] for c in row["changes"]) == whole_left
            assert "".join(c["right"] for c in row["changes"]) == whole_right


# ---- stdin, exit codes, --output ---------------------------------------------------------------


@pytest.fixture
def two(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    _pair(folder, "Amount \u202e0001\u202c and \x1b[31mred\x1b[0m here.")
    return folder


def _json(args, stdin=b""):
    res = run(args, stdin=stdin)
    assert res.code == 0, res.err
    data = json.loads(res.out)
    return data


@pytest.mark.parametrize("encoding", ["lf", "crlf", "cr", "bom", "utf-16"])
def test_compare_stdin_same_as_file(two, encoding):
    raw = (two / "right.txt").read_bytes()
    data = {"lf": raw, "crlf": raw.replace(b"\n", b"\r\n"), "cr": raw.replace(b"\n", b"\r"),
            "bom": b"\xef\xbb\xbf" + raw, "utf-16": raw.decode().encode("utf-16")}[encoding]
    from_file = _json(["--corpus", str(two), "compare", "left", "right", "--format", "json"])
    from_stdin = _json(["--corpus", str(two), "compare", "left", "-", "--format", "json"], stdin=data)
    assert from_stdin["rows"] == from_file["rows"]
    assert from_stdin["right"] == from_file["right"]


def test_compare_stdin_without_front_matter_gets_default_id(two):
    body = "The two sides agreed to deepen cooperation in energy and trade.\n\x1b]8;;http://x\x1b\\link\n"
    data = _json(["--corpus", str(two), "compare", "-", "right", "--format", "json"], stdin=body.encode())
    assert data["left"]["id"] == "stdin" and data["left"]["title"] == "<stdin>"
    assert any(r["left"] and "\x1b]8;;http://x" in r["left"]["text"] for r in data["rows"])
    res = run(["--corpus", str(two), "compare", "-", "right"], stdin=body.encode())
    assert res.code == 0 and "<stdin>" in res.out
    assert_clean(res)


@pytest.mark.parametrize("stdin,args,message", [
    (b"x" * 401, ["--max-bytes", "400"], r"<stdin>: input is over the limit of 400 bytes"),
    (b"Some \xff text.", [], r"<stdin>: not valid UTF-8 at byte offset 5"),
    (b"\x00binary", [], r"<stdin>: binary file"),
    (b"   \n\r\n", [], r"<stdin>: empty input"),
    (b'+++\nid = "x"\n', [], r"<stdin>:1: front matter is not closed"),
    (b'+++\nid = "x"\ntitle = "t"\ndate = 2024-02-30\n+++\nText.', [], r"<stdin>:4: 'date' is not a real date"),
], ids=["over-max-bytes", "invalid-utf8", "nul", "blank", "unclosed-front-matter", "impossible-date"])
def test_compare_stdin_errors(two, stdin, args, message):
    res = run([*args, "--corpus", str(two), "compare", "left", "-"], stdin=stdin)
    assert_clean(res)
    assert re.search(message, assert_one_line_error(res))


def test_compare_stdin_twice_is_a_usage_error(two):
    res = run(["--corpus", str(two), "compare", "-", "-"], stdin=b"x")
    assert "only one of LEFT and RIGHT" in assert_one_line_error(res)


def test_compare_exit_codes(two):
    assert run(["--corpus", str(two), "compare", "left", "right", "--exit-code"]).code == 1
    assert run(["--corpus", str(two), "compare", "left", "left", "--exit-code"]).code == 0
    assert run(["--corpus", str(two), "compare", "left", "right"]).code == 0
    res = run(["--corpus", str(two), "compare", "left", "\x1b[2Jnope", "--exit-code"])
    assert "no document '\\x1b[2Jnope'" in assert_one_line_error(res, 2)
    assert_clean(res)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_compare_output_file(two, tmp_path, fmt):
    target = tmp_path / "out" / f"report.{fmt}"
    res = run(["--corpus", str(two), "compare", "left", "right", "--format", fmt, "--output", str(target)])
    assert res.code == 0, res.err
    assert res.out == ""
    written = target.read_bytes()
    assert raw_controls(written) == []
    again = run(["--corpus", str(two), "compare", "left", "right", "--format", fmt, "--output", str(target)])
    assert "already exists (use --force to overwrite)" in assert_one_line_error(again)
    assert target.read_bytes() == written
    forced = run(["--corpus", str(two), "compare", "left", "right", "--format", fmt, "--output", str(target),
                  "--force"])
    assert forced.code == 0
    assert target.read_bytes() == written
    if fmt == "json":
        assert "\x1b[31mred" in " ".join(r["left"]["text"] for r in json.loads(written)["rows"] if r["left"])


def test_compare_output_is_an_input(two):
    before = (two / "left.txt").read_bytes()
    res = run(["--corpus", str(two), "compare", "left", "right", "--output", str(two / "left.txt"), "--force"])
    assert "the output is also an input" in assert_one_line_error(res)
    assert (two / "left.txt").read_bytes() == before


def test_compare_output_failure_keeps_original(two, tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_bytes(b"previous report")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tui.infra.atomic.os, "fsync", boom)
    res = run(["--corpus", str(two), "compare", "left", "right", "--format", "html", "--output", str(target),
               "--force"])
    assert "cannot write (No space left on device)" in assert_one_line_error(res)
    assert target.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_compare_output_name_with_controls(two, tmp_path):
    target = tmp_path / "re\x1b[2Jport\u202e.txt"
    target.write_bytes(b"x")
    res = run(["--corpus", str(two), "compare", "left", "right", "--output", str(target)])
    line = assert_one_line_error(res)
    assert visible("re\x1b[2Jport\u202e.txt") in line
    assert_clean(res)


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan", "inf", "1e999", "-0.1", "0x1p-2"])
def test_compare_threshold_rejects_non_numbers(two, value):
    res = run(["--corpus", str(two), "compare", "left", "right", "--threshold", value])
    assert "Invalid value for '--threshold'" in assert_one_line_error(res)


def test_json_never_writes_nan():
    from tui.render.jsonfmt import dumps

    out = dumps({"score": float("nan"), "more": [float("inf"), 0.5, (float("-inf"),)]})
    assert json.loads(out, parse_constant=lambda name: pytest.fail(f"non-JSON constant {name}")) == {
        "score": None, "more": [None, 0.5, [None]]}
