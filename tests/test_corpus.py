"""Corpus files: front matter, decoding, bad input (one-line errors naming the file), id resolution."""

from __future__ import annotations

import codecs
import datetime as dt
import pathlib
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.documents.corpus import (
    build_document,
    default_pair,
    default_pair_reason,
    load_corpus,
    load_file,
    parse_front_matter,
    resolve,
)
from tui.documents.textio import decode, read_bytes
from tui.infra.errors import InputError, UnknownDocument

from .conftest import CORPUS_DIR

FRONT = '+++\nid = "demo-2024"\ntitle = "Demo statement"\ndate = 2024-06-20\noutlet = "Demo News"\n+++\n'
BODY = "HANOI (VNA) - The two sides agreed to deepen ties.\nThey signed 3 documents. Mr. Lam spoke.\n"


def _write(folder: pathlib.Path, name: str, data: bytes | str) -> pathlib.Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _error(path: pathlib.Path, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        load_file(path, **kwargs)
    err = info.value
    message = str(err)
    assert "\n" not in message
    assert message.startswith(str(path))
    return err


# --------------------------------------------------------------------------- the embedded corpus


def test_five_documents_with_outlets_and_dates(corpus):
    got = {d.id: (d.meta.outlet, d.date) for d in corpus.documents}
    assert got == {
        "nhandan-2024": ("Nhan Dan", dt.date(2024, 6, 20)),
        "hanoitimes-2024": ("The Hanoi Times", dt.date(2024, 6, 20)),
        "investor-2024": ("The Investor", dt.date(2024, 6, 20)),
        "vov-2025": ("VOV", dt.date(2025, 1, 14)),
        "vgp-2025": ("VGP News (Viet Nam Government Portal)", dt.date(2025, 5, 10)),
    }
    dates = [d.date for d in corpus.documents]
    assert dates == sorted(dates)
    assert sum(d == dt.date(2024, 6, 20) for d in dates) == 3
    assert corpus.documents[-1].meta.published == dt.date(2025, 5, 11)


def test_default_pair(corpus):
    old, new = default_pair(corpus)
    assert (old.id, new.id) == ("nhandan-2024", "vgp-2025")


def test_default_pair_is_the_latest_statement_against_the_one_before(corpus, tmp_path):
    assert default_pair_reason(corpus) == "the latest joint statement against the one before it"
    statement = FRONT.replace('outlet = "Demo News"', 'kind = "joint-statement-report"')
    for doc_id, day in (("older", "2001-01-01"), ("old", "2010-01-01"), ("new", "2020-01-01")):
        _write(tmp_path, f"{doc_id}.txt", statement.replace("demo-2024", doc_id).replace("2024-06-20", day) + BODY)
    _write(tmp_path, "talks.txt", FRONT.replace("demo-2024", "talks").replace("2024-06-20", "2021-01-01") + BODY)
    old, new = default_pair(load_corpus([tmp_path]))
    assert (old.id, new.id) == ("old", "new")  # adding an older statement does not move the pair


def test_default_pair_falls_back_and_refuses_one_document(tmp_path):
    for i, day in enumerate(("2024-01-01", "2024-02-01", "2024-03-01")):
        _write(tmp_path, f"d{i}.txt", FRONT.replace("demo-2024", f"d{i}").replace("2024-06-20", day) + BODY)
    old, new = default_pair(load_corpus([tmp_path]))
    assert (old.id, new.id) == ("d1", "d2")
    assert default_pair_reason(load_corpus([tmp_path])) == "the two most recent documents"
    solo = tmp_path / "solo"
    solo.mkdir()
    _write(solo, "a.txt", FRONT + BODY)
    with pytest.raises(UnknownDocument):
        default_pair(load_corpus([solo]))


def test_corpus_source_is_the_capture_byte_for_byte(corpus):
    for doc in corpus.documents:
        raw = doc.path.read_text(encoding="utf-8")
        assert raw.endswith(doc.source)
        assert raw.split("\n")[doc.first_body_line - 1:] == doc.source.split("\n")


# --------------------------------------------------------------------------- front matter


def test_good_file_loads(tmp_path):
    doc = load_file(_write(tmp_path, "demo.txt", FRONT + BODY))
    assert doc.id == "demo-2024" and doc.title == "Demo statement"
    assert doc.meta.outlet == "Demo News" and doc.date == dt.date(2024, 6, 20)
    assert doc.first_body_line == 7
    assert doc.furniture.source == "HANOI (VNA)"
    assert [s.text for s in doc.sentences] == [
        "The two sides agreed to deepen ties.", "They signed 3 documents.", "Mr. Lam spoke."]
    assert doc.paragraphs[0].line == 7


def test_parse_front_matter_returns_first_capture_line():
    meta, first = parse_front_matter(FRONT + BODY, "x.txt")
    assert meta.id == "demo-2024"
    assert (FRONT + BODY).split("\n")[first - 1] == BODY.split("\n")[0]


BAD_FRONT = [
    ("empty", "", "empty file", None),
    ("whitespace only", " \n\n", "empty file", None),
    ("missing fence", 'id = "x"\ntitle = "t"\ndate = 2024-01-01\n', "missing front matter", 1),
    ("unclosed", '+++\nid = "x"\ntitle = "t"\ndate = 2024-01-01\nbody\n', "not closed", 1),
    ("duplicate key", '+++\nid = "x"\ntitle = "t"\ntitle = "u"\ndate = 2024-01-01\n+++\nb\n', "duplicate front-matter key", 4),
    ("unknown key", '+++\nid = "x"\ntitle = "t"\ndate = 2024-01-01\nauthor = "me"\n+++\nb\n', "unknown front-matter key 'author'", 5),
    ("bad date", '+++\nid = "x"\ntitle = "t"\ndate = "2024-13-45"\n+++\nb\n', "'date' must be a date", 4),
    ("bad date type", '+++\nid = "x"\ntitle = "t"\ndate = 20240101\n+++\nb\n', "'date' must be a date", 4),
    ("bad published", '+++\nid = "x"\ntitle = "t"\ndate = 2024-01-01\npublished = "soon"\n+++\nb\n', "'published' must be a date", 5),
    ("missing title", '+++\nid = "x"\ndate = 2024-01-01\n+++\nb\n', "lacks required key 'title'", 1),
    ("missing id", '+++\ntitle = "t"\ndate = 2024-01-01\n+++\nb\n', "lacks required key 'id'", 1),
    ("missing date", '+++\nid = "x"\ntitle = "t"\n+++\nb\n', "lacks required key 'date'", 1),
    ("invalid id", '+++\nid = "Bad Id!"\ntitle = "t"\ndate = 2024-01-01\n+++\nb\n', "invalid id", 2),
    ("id with slash", '+++\nid = "../etc"\ntitle = "t"\ndate = 2024-01-01\n+++\nb\n', "invalid id", 2),
    ("empty title", '+++\nid = "x"\ntitle = "  "\ndate = 2024-01-01\n+++\nb\n', "title is empty", 3),
    ("non-string outlet", '+++\nid = "x"\ntitle = "t"\ndate = 2024-01-01\noutlet = 3\n+++\nb\n', "must be a string", 5),
    ("toml syntax", '+++\nid = "x\ntitle = "t"\ndate = 2024-01-01\n+++\nb\n', "invalid front matter", 2),
]


@pytest.mark.parametrize(("name", "text", "message", "line"), BAD_FRONT, ids=[b[0] for b in BAD_FRONT])
def test_bad_front_matter(tmp_path, name, text, message, line):
    path = _write(tmp_path, "bad.txt", text)
    err = _error(path)
    assert message in err.message
    assert err.line == line
    if line is not None:
        assert str(err).startswith(f"{path}:{line}: ")


# --------------------------------------------------------------------------- bytes and decoding


def test_undecodable_bytes_give_the_offset(tmp_path):
    data = (FRONT + "Good text. ").encode() + b"\xff\xfe bad"
    err = _error(_write(tmp_path, "bad.txt", data))
    offset = len((FRONT + "Good text. ").encode())
    assert f"byte offset {offset}" in err.message


def test_binary_file_is_refused(tmp_path):
    err = _error(_write(tmp_path, "bin.txt", (FRONT + "text").encode() + b"\x00\x01\x02"))
    assert "binary" in err.message


def test_explicit_encoding(tmp_path):
    path = _write(tmp_path, "latin.txt", (FRONT + "Café talks.\n").encode("latin-1"))
    _error(path)
    assert "Café" in load_file(path, encoding="latin-1").body
    assert "unknown encoding" in _error(path, encoding="no-such-codec").message


def test_utf8_bom(tmp_path):
    plain = load_file(_write(tmp_path, "a.txt", FRONT + BODY))
    bom = load_file(_write(tmp_path, "b.txt", codecs.BOM_UTF8 + (FRONT + BODY).encode()))
    assert bom.meta == plain.meta and bom.body == plain.body
    assert "\ufeff" not in bom.source


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    text = FRONT + BODY + "Tiếng Việt: Hà Nội.\n"
    if codec == "utf-16":
        data = text.encode("utf-16")  # native order, with BOM
    else:
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + text.encode(codec)
    doc = load_file(_write(tmp_path, "u16.txt", data))
    assert doc.id == "demo-2024"
    assert "Hà Nội" in doc.body


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_document(tmp_path, newline):
    lf = load_file(_write(tmp_path, "lf.txt", FRONT + BODY))
    other = load_file(_write(tmp_path, "other.txt", (FRONT + BODY).replace("\n", newline)))
    assert (other.meta, other.body, other.source) == (lf.meta, lf.body, lf.source)
    assert other.sentences == lf.sentences
    assert [(r.line, r.text) for r in other.removed] == [(r.line, r.text) for r in lf.removed]


@pytest.mark.parametrize("char", ["\v", "\f", "\u2028", "\u2029", "\x85", "\x1c"])
def test_other_separators_are_not_line_breaks(tmp_path, char):
    body = f"First part{char}second part of one line.\nNext line.\n"
    doc = load_file(_write(tmp_path, "sep.txt", FRONT + body))
    assert len(doc.paragraphs) == 2
    assert doc.paragraphs[0].text == f"First part{char}second part of one line."
    assert doc.paragraphs[1].line == 8
    assert decode((FRONT + body).encode(), "x").count("\n") == (FRONT + body).count("\n")


def test_size_cap_is_enforced_before_reading(tmp_path, monkeypatch):
    path = _write(tmp_path, "big.txt", FRONT + BODY * 50)

    def no_read(self, *args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(pathlib.Path, "read_bytes", no_read)
    monkeypatch.setattr(pathlib.Path, "read_text", no_read)
    monkeypatch.setattr(pathlib.Path, "open", no_read)
    err = _error(path, max_bytes=100)
    assert "over the limit of 100" in err.message
    with pytest.raises(InputError):
        read_bytes(path, 100)


def test_size_cap_allows_files_at_the_limit(tmp_path):
    data = (FRONT + BODY).encode()
    path = _write(tmp_path, "ok.txt", data)
    assert load_file(path, max_bytes=len(data)).id == "demo-2024"


def test_folder_given_as_file(tmp_path):
    with pytest.raises(InputError) as info:
        read_bytes(tmp_path)
    assert str(tmp_path) in str(info.value)
    with pytest.raises(InputError, match="no such file"):
        read_bytes(tmp_path / "missing.txt")


# --------------------------------------------------------------------------- folders


def test_missing_corpus_folder(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(InputError) as info:
        load_corpus([missing])
    assert str(missing) in str(info.value) and "does not exist" in str(info.value)


def test_corpus_path_that_is_a_file(tmp_path):
    path = _write(tmp_path, "file.txt", FRONT + BODY)
    with pytest.raises(InputError, match="not a folder"):
        load_corpus([path])


def test_one_bad_file_among_good_ones(tmp_path):
    for doc_id in ("a-1", "b-2", "c-3"):
        _write(tmp_path, f"{doc_id}.txt", FRONT.replace("demo-2024", doc_id) + BODY)
    _write(tmp_path, "broken.txt", b"\x00\x00garbage")
    _write(tmp_path, "notes.json", "{}")  # other suffixes are ignored
    _write(tmp_path, ".hidden.txt", "not front matter")
    corpus = load_corpus([tmp_path])
    assert corpus.ids() == ["a-1", "b-2", "c-3"]
    assert len(corpus.errors) == 1
    assert str(tmp_path / "broken.txt") in str(corpus.errors[0])


def test_duplicate_ids_across_files(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    _write(first, "x.txt", FRONT + BODY)
    _write(first, "y.txt", FRONT.replace("demo-2024", "other") + BODY)
    later = _write(second, "x-copy.md", FRONT + "Different text.\n")
    corpus = load_corpus([first, second])
    assert sorted(corpus.ids()) == ["demo-2024", "other"]
    assert corpus.get("demo-2024").path == first / "x.txt"
    assert len(corpus.errors) == 1
    message = str(corpus.errors[0])
    assert message.startswith(str(later)) and "duplicate id 'demo-2024'" in message
    assert str(first / "x.txt") in message


def test_env_folder(tmp_path, monkeypatch):
    _write(tmp_path, "x.txt", FRONT + BODY)
    monkeypatch.setenv("ACCORD_CORPUS", str(tmp_path))
    assert load_corpus().ids() == ["demo-2024"]


def test_embedded_corpus_copy_loads(tmp_path):
    shutil.copytree(CORPUS_DIR, tmp_path / "c")
    assert len(load_corpus([tmp_path / "c"])) == 5


# --------------------------------------------------------------------------- id resolution


def test_resolve_exact_prefix_ambiguous_unknown(corpus):
    assert corpus.get("vgp-2025").id == "vgp-2025"
    assert corpus.get("VGP").id == "vgp-2025"
    assert corpus.get("nhan").id == "nhandan-2024"
    with pytest.raises(UnknownDocument, match="ambiguous") as info:
        corpus.get("v")
    assert "vgp-2025" in str(info.value) and "vov-2025" in str(info.value)
    with pytest.raises(UnknownDocument) as info:
        corpus.get("nhandann-2024")
    assert "did you mean nhandan-2024" in str(info.value)
    with pytest.raises(UnknownDocument) as info:
        corpus.get("zzzz")
    assert "known ids" in str(info.value)


def test_exact_id_wins_over_longer_prefix_matches(tmp_path):
    docs = [build_document(FRONT.replace("demo-2024", i) + BODY, None) for i in ("abc", "abc-2", "abc-3")]
    assert resolve(docs, "abc").id == "abc"
    with pytest.raises(UnknownDocument, match="ambiguous"):
        resolve(docs, "abc-")


def test_unknown_id_message_is_one_safe_line(corpus):
    with pytest.raises(UnknownDocument) as info:
        corpus.get("evil\x1b[31m\nid")
    message = str(info.value)
    assert "\n" not in message and "\x1b" not in message
    with pytest.raises(UnknownDocument, match="empty"):
        resolve([], "x")


def test_folder_with_a_txt_suffix_is_reported_not_fatal(tmp_path):
    (tmp_path / "weird.txt").mkdir()
    _write(tmp_path, "ok.txt", FRONT + BODY)
    corpus = load_corpus([tmp_path])
    assert corpus.ids() == ["demo-2024"]
    assert len(corpus.errors) == 1 and "folder" in str(corpus.errors[0])


def test_file_with_front_matter_only(tmp_path):
    doc = load_file(_write(tmp_path, "bare.txt", FRONT))
    assert doc.body == "" and doc.sentences == () and doc.removed == ()


# --------------------------------------------------------------------------- properties

_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)


@given(_TEXT)
def test_property_newlines_normalised(text):
    lf = decode(text.replace("\r\n", "\n").replace("\r", "\n").encode(), "x")
    assert "\r" not in lf
    assert decode(text.encode(), "x") == lf
    assert decode(codecs.BOM_UTF8 + text.encode(), "x") == lf
    assert decode(text.encode("utf-16"), "x") == lf


@given(_TEXT)
def test_property_any_capture_builds_a_consistent_document(body):
    doc = build_document(FRONT + body, None, label="prop.txt")
    assert doc.meta.id == "demo-2024"
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text and s.text.strip() == s.text
    for p in doc.paragraphs:
        assert doc.body[p.start:p.start + len(p.text)] == p.text
    lines = (FRONT + body).split("\n")
    for r in doc.removed:
        assert r.text in lines[r.line - 1]


@given(st.text(max_size=80), st.integers(min_value=1, max_value=60))
def test_slug_is_short_ascii_and_cut_between_words(text, limit):
    from tui.documents.ingest import slug

    out = slug(text, limit)
    assert out == "document" or (len(out) <= limit and out.isascii() and not out.startswith("-") and not out.endswith("-"))
    full = slug(text, 10_000)
    if out != "document" and len(full) > limit and "-" in full[: limit + 1]:
        assert full.startswith(out + "-")  # a whole number of words
