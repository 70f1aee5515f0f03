"""Table-driven hostile documents: every human format shows them visibly, JSON keeps them exactly.

Each case is a line of document text (or a title) that tries to act on a
terminal, a Markdown/HTML renderer or Rich markup. For each we run ``accord
show`` in text, colour, Markdown and JSON, and ``accord list``, and check:
exit code 0, no raw unsafe character on stdout/stderr, the escape the spec
promises (``\\x1b``, ``<U+202E>``) is shown, JSON gives back the exact text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from tui.infra.safety import UNSAFE, visible

from .harness import assert_clean, corpus_file, raw_controls, run

OPENING = "The two sides agreed to deepen their partnership."
CLOSING = "Both leaders welcomed the outcome of the talks."


@dataclass(frozen=True)
class Payload:
    name: str
    text: str  # one line of document text
    shows: tuple[str, ...] = ()  # what the text output must contain instead


PAYLOADS = [
    Payload("csi-colour", "Red \x1b[31mALERT\x1b[0m was raised today.", ("\\x1b[31m", "\\x1b[0m")),
    Payload("csi-clear-screen", "Screen \x1b[2J\x1b[H wiped here.", ("\\x1b[2J",)),
    Payload("osc8-hyperlink", "Read \x1b]8;;http://evil.example/\x1b\\the annex\x1b]8;;\x1b\\ now.",
            ("\\x1b]8;;http://evil.example/\\x1b",)),
    Payload("osc-title-bel", "Title \x1b]0;pwned\x07 set here.", ("\\x1b]0;pwned\\x07",)),
    Payload("c1-csi", "One-byte \x9b31m CSI sequence here.", ("\\x9b31m",)),
    Payload("c1-osc-st", "One-byte \x9d0;x\x9c OSC here.", ("\\x9d", "\\x9c")),
    Payload("bidi-rlo", "Amount is \u202e0001\u202c dollars.", ("<U+202E>", "<U+202C>")),
    Payload("bidi-isolates", "Isolate \u2066abc\u2069 and \u2067def\u2069 here.", ("<U+2066>", "<U+2069>")),
    Payload("arabic-letter-mark", "Mark \u061c here.", ("<U+061C>",)),
    Payload("zero-width", "Zero\u200bwidth\u200djoin\u200c here.", ("<U+200B>", "<U+200D>", "<U+200C>")),
    Payload("soft-hyphen-bom", "Soft\u00adhyphen and \ufeffBOM inside.", ("<U+00AD>", "<U+FEFF>")),
    Payload("tag-smuggling", "Hidden \U000e0069\U000e0067\U000e006e tags.", ("<U+E0069>",)),
    Payload("bel-bs-del", "Bell\x07 back\x08 del\x7f here.", ("\\x07", "\\x08", "\\x7f")),
    Payload("vt-ff-not-breaks", "Vertical\x0btab and form\x0cfeed stay in the line.", ("\\x0b", "\\x0c")),
    Payload("unicode-separators", "Line\u2028sep and para\u2029sep and next\x85line here.",
            ("<U+2028>", "<U+2029>", "\\x85")),
    Payload("rich-markup", "Markup [bold]bold[/bold] and [/] and [link=http://evil]x[/link] :smile:.",
            ("[bold]bold[/bold]", "[/]", "[link=http://evil]x[/link]", ":smile:")),
    Payload("markdown-link", "Click [x](javascript:alert(1)) and ![i](http://e/i.png) now.",
            ("[x](javascript:alert(1))",)),
    Payload("html-script", "Inject <script>alert(1)</script> and <img src=x onerror=alert(1)> now.",
            ("<script>alert(1)</script>",)),
    Payload("html-entities", "Entity &#x202E; and &#27;[31m and &lt;b&gt; here.", ("&#x202E;",)),
    Payload("markdown-blocks", "# heading? | table | `code` *em* _u_ ~~s~~ > quote.", ("`code`",)),
    Payload("fake-prompt-overwrite", "Fake \x1b[1A\x1b[2Kaccord: error: everything is fine.", ("\\x1b[1A",)),
]


def _body(payload: str) -> str:
    return f"{OPENING}\n\n{payload}\n\n{CLOSING}\n"


@pytest.fixture
def make_corpus(tmp_path):
    def make(body: str, title: str = "Hostile statement") -> str:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        (folder / "hostile.txt").write_bytes(corpus_file(body, title=title))
        return str(folder)

    return make


def _json_text(result) -> dict:
    assert raw_controls(result.out_bytes) == []
    return json.loads(result.out)


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_text_output_shows_escapes(make_corpus, p):
    res = run(["--corpus", make_corpus(_body(p.text)), "show", "hostile", "--width", "400"])
    assert res.code == 0, res.err
    assert_clean(res)
    for token in p.shows:
        assert token in res.out, (token, res.out)
    assert "\x1b" not in res.out


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_colour_output_only_our_sgr(make_corpus, p):
    res = run(["--color", "always", "--corpus", make_corpus(_body(p.text)), "show", "hostile",
               "--width", "400"])
    assert res.code == 0, res.err
    assert_clean(res, allow_sgr=True)
    assert "\x1b[" in res.out  # styled at all
    # Only SGR sequences: no OSC (hyperlinks, titles) and no other CSI from Rich or the text.
    assert re.findall(r"\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]", res.out) == []
    plain = re.sub(r"\x1b\[[0-9;]*m", "", res.out)
    for token in p.shows:
        assert token in plain, (token, plain)


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_markdown_output_escaped(make_corpus, p):
    res = run(["--corpus", make_corpus(_body(p.text)), "show", "hostile", "--format", "markdown"])
    assert res.code == 0, res.err
    assert_clean(res)
    lines = re.sub(r"</?sup>", "", res.out).split("\n")
    assert lines[0].startswith("# ") and lines[2].startswith("`hostile` ")  # our own markup
    text_lines = [lines[0][2:]] + lines[3:]
    for line in text_lines:
        unescaped = re.sub(r"\\.", "", line)  # drop every backslash escape, then look for markup
        assert re.findall(r"[<>\[\]`*_&|~#!()]", unescaped) == [], line
        assert "javascript:" not in line and "http://" not in line
        assert not re.match(r"\s*([-=+*]|\d+[.)])(\s|$)", line), line


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_json_keeps_exact_text(make_corpus, p):
    res = run(["--corpus", make_corpus(_body(p.text)), "show", "hostile", "--format", "json"])
    assert res.code == 0, res.err
    data = _json_text(res)
    # Cleaning keeps the payload line; its sentences rebuild it exactly.
    kept = [s["text"] for s in data["sentences"] if s["text"] not in (OPENING, CLOSING)]
    assert " ".join(kept) == p.text.strip() or p.text.strip() in data["text"]
    for s in data["sentences"]:
        assert data["text"][s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("p", PAYLOADS, ids=lambda p: p.name)
def test_hostile_title_everywhere(make_corpus, p):
    """The same payloads as a title (TOML-escaped in the front matter) in list and show."""
    toml = "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in p.text)
    folder = make_corpus(_body("A plain sentence."), title=toml)
    for fmt in ("text", "markdown"):
        for cmd in (["list"], ["show", "hostile"]):
            res = run(["--corpus", folder, *cmd, "--format", fmt])
            assert res.code == 0, res.err
            assert_clean(res)
            assert "\x1b" not in res.out
    res = run(["--corpus", folder, "show", "hostile", "--format", "json"])
    assert _json_text(res)["title"] == p.text.strip()
    res = run(["--corpus", folder, "list", "--format", "json"])
    assert _json_text(res)["documents"][0]["title"] == p.text.strip()


def test_payload_table_covers_every_unsafe_class():
    """The table exercises C0, DEL, C1, bidi, invisible, separators and tags (not a tautology:
    it fails if someone trims the table)."""
    found = {ch for p in PAYLOADS for ch in p.text if UNSAFE.match(ch)}
    for probe in ("\x1b", "\x07", "\x7f", "\x9b", "\u202e", "\u2066", "\u200b", "\u00ad", "\ufeff",
                  "\u2028", "\x85", "\U000e0069"):
        assert probe in found, visible(probe)


def test_carriage_return_in_title_is_shown(make_corpus):
    """In document text a lone CR is a line break (see the input tests); in a title it is shown."""
    folder = make_corpus(_body("A plain sentence."), title="Fake\\raccord: error: all fine")
    res = run(["--corpus", folder, "show", "hostile"])
    assert res.code == 0
    assert_clean(res)
    assert res.out.split("\n")[0] == "Fake\\raccord: error: all fine"
    res = run(["--corpus", folder, "list", "--width", "200"])
    assert "Fake\\raccord" in res.out and "\r" not in res.out
