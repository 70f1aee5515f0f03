"""Hypothesis properties over hostile text: escaping is total, JSON exact, input decoding and the
cleaning/segmenting pipeline lose nothing, and no human format emits a raw control character.

Example counts come from the hostile-* profiles (tests/hostile/conftest.py): a quick pass by
default, more than 10,000 examples in all when ``CI`` is set.
"""

from __future__ import annotations

import codecs
import html
import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from tui.documents.corpus import build_document
from tui.documents.textio import decode
from tui.infra.safety import UNSAFE, has_unsafe, one_line, visible
from tui.render import documents as view
from tui.render.escape import html_text, md
from tui.render.jsonfmt import dumps
from tui.render.styled import emit

from .harness import SGR, scaled

# Characters that attack terminals, renderers or parsers, mixed with ordinary text.
HOSTILE = (
    [chr(c) for c in range(0x00, 0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\u200e\u200f")
    + list("\ufeff\u00ad\u2028\u2029\u2060\u180e\ufff9") + ["\U000e0041", "\U000e007f", "\udcff", "\ud800"]
    + list("[]()<>`*_&#|~!:/\\\"'=+-.") + ["[bold]", "[/]", "[link=http://e]", ":smile:", "javascript:",
                                           "http://", "www.", "<script>", "&#x1b;", "\x1b[31m", "\x1b]8;;"]
)
ORDINARY = list("abc XYZ 123 .,;!? éøß 中文 ء") + ["Mr.", "U.S.", "Vietnam", "  ", "\t", "\u0301", "😀"]
piece = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(ORDINARY), st.characters())
hostile_text = st.lists(piece, max_size=40).map("".join)
# Document text: no NUL (refused as binary) and no surrogates (not encodable in a file).
doc_piece = piece.filter(lambda s: "\x00" not in s and not re.search("[\ud800-\udfff]", s))
doc_line = st.lists(doc_piece, max_size=25).map("".join)
doc_body = st.lists(doc_line, max_size=12).map("\n".join)


@scaled(3.0)
@given(hostile_text)
def test_visible_escapes_everything(text):
    shown = visible(text)
    assert not UNSAFE.search(shown)
    assert (shown == text) == (not has_unsafe(text))
    # Character by character: safe ones kept as they are, unsafe ones as a visible escape.
    for ch in text:
        if UNSAFE.match(ch):
            assert re.fullmatch(r"\\x[0-9a-f]{2}|\\r|<U\+[0-9A-F]{4,5}>", visible(ch)), ascii(ch)
        else:
            assert visible(ch) == ch
    assert "".join(visible(ch) for ch in text) == shown


@scaled(1.5)
@given(hostile_text)
def test_one_line_is_one_safe_line(text):
    out = one_line(text)
    assert "\n" not in out and "\t" not in out
    assert not UNSAFE.search(out)
    out.encode("utf-8")  # no lone surrogate left


@scaled(1.5)
@given(st.dictionaries(st.text(max_size=5), hostile_text, max_size=4), hostile_text)
def test_json_is_exact_and_inert(mapping, text):
    data = {"text": text, "items": [text, mapping]}
    out = dumps(data)
    assert not UNSAFE.search(out)
    out.encode("utf-8")
    assert json.loads(out) == data


@scaled(1.5)
@given(hostile_text)
def test_markdown_inline_is_inert(text):
    out = md(text)
    assert not UNSAFE.search(out)
    assert "\n" not in out
    bare = re.sub(r"\\.", " ", out)  # every backslash escape as a space ("www\\.." must not read as "www.")
    assert not re.search(r"[\[\]<>`*_&|~#!()]", bare), out
    assert not re.search(r"(?i)(https?|javascript|data|mailto):|www\.", bare.replace("\\", "")), out
    assert not re.match(r"\s*([-=+*>#]|\d+[.)])", out) or re.match(r"\s*(\\|\d+\\)", out)


@scaled(1.5)
@given(hostile_text)
def test_html_text_is_inert(text):
    out = html_text(text)
    assert not UNSAFE.search(out)
    assert not re.search(r"[<>\"']", out)
    assert not re.search(r"&(?!(amp|lt|gt|quot|#x27);)", out)
    assert html.unescape(out) == visible(text)


newline_free = st.lists(doc_piece.filter(lambda s: "\r" not in s and "\n" not in s), max_size=20).map("".join)


@scaled(0.8)
@given(st.lists(newline_free, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-bom"]))
def test_decode_line_endings_and_encodings(lines, ending, encoding):
    lines = [ln.lstrip("\ufeff") if i == 0 else ln for i, ln in enumerate(lines)]
    reference = "\n".join(lines)
    text = ending.join(lines)
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    elif encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    out = decode(data, "<test>")
    assert out == reference
    # \v, \f, U+0085, U+2028/9 and the other str.splitlines() breaks are kept inside lines.
    assert out.split("\n") == lines


def _document(body: str, title: str):
    title = title if title.strip() else "Title"  # an empty title is refused (tested in the input table)
    toml_title = "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in title)
    source = f'+++\nid = "doc"\ntitle = "{toml_title}"\ndate = 2024-06-20\n+++\n{body}'
    text = decode(source.encode("utf-8"), "<test>")
    return build_document(text, None), text


def _emitted(lines, color: bool) -> str:
    out = io.StringIO()
    emit(lines, color, out=out, width=60)
    return out.getvalue()


@scaled(0.5)
@given(doc_body, doc_line)
def test_human_formats_never_emit_raw_controls(body, title):
    doc, _ = _document(body, title)
    rendered = [
        _emitted(view.show_text(doc, 60), False),
        _emitted(view.show_text(doc, 60, removed=True), False),
        _emitted(view.list_text([doc], 60), False),
        view.show_markdown(doc),
        view.show_markdown(doc, removed=True),
        view.list_markdown([doc]),
    ]
    for out in rendered:
        assert not UNSAFE.search(out), ascii(out[:200])
    for out in (_emitted(view.show_text(doc, 60), True), _emitted(view.list_text([doc], 60), True)):
        assert not UNSAFE.search(SGR.sub("", out)), ascii(out[:200])
    data = json.loads(view.show_json(doc))
    assert data["text"] == doc.body
    assert [s["text"] for s in data["sentences"]] == [s.text for s in doc.sentences]


@scaled(0.6)
@given(doc_body)
def test_cleaning_accounts_for_every_source_line(body):
    doc, source = _document(body, "Title")
    lines = {i + 1: t for i, t in enumerate(source.split("\n")) if i + 1 >= doc.first_body_line}
    kept = {}
    for p in doc.paragraphs:
        assert p.line not in kept
        kept[p.line] = p.text
    pieces: dict[int, list[str]] = {}
    for r in doc.removed:
        assert r.reason.strip() and r.text
        pieces.setdefault(r.line, []).append(r.text)
    for number, text in lines.items():
        want = text.strip()
        if not want:
            assert number not in kept and number not in pieces
            continue
        assert "".join(pieces.get(number, [])) + kept.get(number, "") == want


@scaled(0.6)
@given(doc_body)
def test_sentences_cover_the_body_exactly_once(body):
    doc, _ = _document(body, "Title")
    covered = [0] * len(doc.body)
    last = 0
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start >= last
        last = s.end
        for i in range(s.start, s.end):
            covered[i] += 1
    for i, ch in enumerate(doc.body):
        assert covered[i] == (0 if ch.isspace() and covered[i] == 0 else 1), (i, ch)
    assert all(ch.isspace() for i, ch in enumerate(doc.body) if not covered[i])


# ---- alignment (accord compare) -----------------------------------------------------------------

WORDS = ["cooperation", "energy", "trade", "Vietnam", "Russia", "agreed", "deepen", "partnership", "the",
         "will", "must", "may", "not", "oil", "sea", "2024", "U.S.", "Mr.", "\x1b[31m", "\u202e", "\u200b",
         "\x9b", "[bold]", "[/]", "<script>", "&#27;", "`x`", "|", "\x07", "\u00ad", "\U000e0041", "é", "中文"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(lambda ws: " ".join(ws) + ".")


@st.composite
def document_pair(draw):
    left = draw(st.lists(sentence, max_size=8))
    right = []
    for s in left:
        choice = draw(st.sampled_from(["keep", "keep", "edit", "drop"]))
        if choice == "keep":
            right.append(s)
        elif choice == "edit":
            right.append(s[:-1] + " " + draw(st.sampled_from(WORDS)) + ".")
    right += draw(st.lists(sentence, max_size=3))
    right = draw(st.permutations(right))
    split = draw(st.booleans())
    return left, right, split


def _doc_from(sentences: list[str], doc_id: str, one_paragraph: bool):
    body = (" " if one_paragraph else "\n\n").join(sentences)
    source = f'+++\nid = "{doc_id}"\ntitle = "T {doc_id}"\ndate = 2024-06-20\n+++\n{body}\n'
    return build_document(decode(source.encode("utf-8"), "<test>"), None)


@scaled(0.8)
@given(document_pair())
def test_alignment_covers_every_sentence_once_and_diffs_rebuild(pair):
    from tui.analysis.align import REWORDED, compare
    from tui.render import compare as compare_view

    left_s, right_s, one_paragraph = pair
    left, right = _doc_from(left_s, "left", one_paragraph), _doc_from(right_s, "right", False)
    result = compare(left, right)
    seen_left = [s.index for row in result.rows for s in row.left]
    seen_right = [s.index for row in result.rows for s in row.right]
    assert sorted(seen_left) == [s.index for s in left.sentences]
    assert sorted(seen_right) == [s.index for s in right.sentences]
    for row in result.rows:
        if row.status == REWORDED:
            assert row.changes
        if row.changes:
            assert "".join(c.left for c in row.changes) == row.left_text
            assert "".join(c.right for c in row.changes) == row.right_text
    for out in (compare_view.lines_to_text(compare_view.compare_text(result, 120)),
                compare_view.lines_to_text(compare_view.compare_text(result, 60)),
                compare_view.compare_markdown(result), compare_view.compare_html(result)):
        assert not UNSAFE.search(out), ascii(out[:300])
    data = json.loads(compare_view.compare_json(result))
    texts = [r["left"]["text"] for r in data["rows"] if r["left"]] + \
        [s["text"] for r in data["rows"] for s in r["left_more"]]
    assert sorted(texts) == sorted(s.text for s in left.sentences)


# ---- raw bytes: decoding and parsing fail only with InputError ----------------------------------

FRONT_BYTES = b'+++\nid = "x"\ntitle = "T"\ndate = 2024-06-20\n+++\n'
prefix = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, FRONT_BYTES,
                          codecs.BOM_UTF8 + FRONT_BYTES, b"+++\n", b'+++\nid = "x"\n'])


@scaled(1.0)
@given(prefix, st.binary(max_size=300), st.sampled_from([None, "latin-1", "utf-16", "cp1252", "ascii"]))
def test_random_bytes_fail_only_with_input_errors(head, data, encoding):
    from tui.documents.corpus import document_from_bytes
    from tui.infra.errors import InputError

    try:
        text = decode(head + data, "<fuzz>", encoding)
    except InputError as exc:
        assert str(exc).startswith("<fuzz>: ") and "\n" not in one_line(str(exc))
        return
    assert "\r" not in text and "\x00" not in text and not text.startswith("\ufeff")
    try:
        doc = document_from_bytes(head + data, "<fuzz>", encoding)
    except InputError as exc:
        assert str(exc).startswith("<fuzz>")
        return
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text
    assert not UNSAFE.search(_emitted(view.show_text(doc, 50), False))


@scaled(0.5)
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=4000), st.integers(min_value=1, max_value=700))
def test_read_stream_cap_is_exact(data, limit, chunk):
    from tui.documents import textio
    from tui.infra.errors import InputError

    class Dribble(io.BytesIO):  # a pipe that hands out at most ``chunk`` bytes per read
        def read(self, n=-1):
            return super().read(min(chunk, n) if n is not None and n >= 0 else chunk)

    try:
        got = textio.read_stream(Dribble(data), "<pipe>", limit)
    except InputError as exc:
        assert len(data) > limit and "over the limit" in str(exc)
    else:
        assert len(data) <= limit and got == data
