"""Table-driven hostile inputs and invocations: encodings, line endings, broken front matter,
bad option values, odd file names, size limits.

Every case asserts the exit code, the one-line message (error or warning,
with ``file:line`` or ``file:offset`` where the spec promises one), and that
no raw control character reaches stdout or stderr. Successful loads are also
checked through ``--format json`` against the LF/UTF-8 reference document.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import dataclass, field

import pytest

from .harness import assert_clean, assert_one_line_error, corpus_file, run

BODY = "Hanoi, June 20.\n\nThe two sides agreed to deepen cooperation. They signed 11 documents.\n\nBoth welcomed it.\n"
GOOD = corpus_file(BODY)


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # {corpus} and {tmp} are replaced
    files: dict[str, bytes] = field(default_factory=dict)  # written into {corpus}
    stdin: bytes = b""
    code: int = 0
    message: str = ""  # regex the error (or, with code 0, a warning) line must match
    same_as_good: bool = False  # --format json of 'show hostile' equals the reference document's
    shows: tuple[str, ...] = ()


SHOW = ("--corpus", "{corpus}", "show", "hostile")
LIST = ("--corpus", "{corpus}", "list")
ADD = ("add", "-", "--title", "T", "--date", "2024-06-20", "--to", "{tmp}/out")


def _warn(path_part: str, detail: str) -> str:
    return rf"^accord: warning: .*{path_part}.*: {detail}.* \(skipped\)$"


CASES = [
    # Encodings and line endings: the same document as LF/UTF-8.
    Case("utf8-bom", SHOW, {"hostile.txt": codecs.BOM_UTF8 + GOOD}, same_as_good=True),
    Case("utf16-le-bom", SHOW, {"hostile.txt": GOOD.decode().encode("utf-16")}, same_as_good=True),
    Case("utf16-be-bom", SHOW, {"hostile.txt": codecs.BOM_UTF16_BE + GOOD.decode().encode("utf-16-be")},
         same_as_good=True),
    Case("crlf", SHOW, {"hostile.txt": GOOD.replace(b"\n", b"\r\n")}, same_as_good=True),
    Case("cr-only", SHOW, {"hostile.txt": GOOD.replace(b"\n", b"\r")}, same_as_good=True),
    Case("mixed-endings", SHOW, {"hostile.txt": GOOD.replace(b"\n", b"\r\n", 3).replace(b"\n\n", b"\r\r", 1)},
         same_as_good=True),
    Case("bom-crlf-stdin-add", ADD, stdin=codecs.BOM_UTF8 + BODY.replace("\n", "\r\n").encode(),
         message=r"^added t-2024-06-20: 4 sentences"),
    # Undecodable and binary input.
    Case("invalid-utf8", LIST, {"hostile.txt": GOOD.replace(b"two", b"tw\xff")},
         message=_warn("hostile.txt", r"not valid UTF-8 at byte offset \d+ \(use --encoding to name another\)")),
    Case("invalid-utf8-add", ("add", "{corpus}/bad.md", "--title", "T", "--date", "2024-06-20", "--to", "{tmp}/o"),
         {"bad.md": b"Caf\xe9 au lait.\n"}, code=2,
         message=r"^accord: error: .*bad\.md: not valid UTF-8 at byte offset 3 "),
    Case("invalid-utf8-with-encoding", ("--encoding", "latin-1", "--corpus", "{corpus}", "show", "hostile"),
         {"hostile.txt": corpus_file("Caf\xe9 au lait.\n").decode().encode("latin-1")}, shows=("Café",)),
    Case("utf16-odd-length", LIST, {"hostile.txt": GOOD.decode().encode("utf-16") + b"\x00"},
         message=_warn("hostile.txt", r"not valid UTF-16 at byte offset \d+")),
    Case("nul-byte", LIST, {"hostile.txt": GOOD.replace(b"Both", b"Bo\x00th")},
         message=_warn("hostile.txt", r"binary file \(NUL byte at offset \d+\), not a text document")),
    Case("nul-stdin-add", ADD, stdin=b"\x00\x01\x02", code=2,
         message=r"^accord: error: <stdin>: binary file \(NUL byte at offset 0\)"),
    # Front matter problems: file:line: message.
    Case("empty-file", LIST, {"hostile.txt": b""}, message=_warn("hostile.txt", r"empty file")),
    Case("whitespace-only", LIST, {"hostile.txt": b" \n\t\r\n  \n"}, message=_warn("hostile.txt", r"empty file")),
    Case("empty-stdin-add", ADD, stdin=b"  \n\n", code=2, message=r"^accord: error: <stdin>: empty"),
    Case("no-front-matter", LIST, {"hostile.txt": BODY.encode()},
         message=_warn(r"hostile\.txt:1", "missing front matter")),
    Case("front-matter-only", SHOW, {"hostile.txt": corpus_file("")}, shows=("(no article text after cleaning)",)),
    Case("unclosed-front-matter", LIST, {"hostile.txt": b'+++\nid = "hostile"\ntitle = "T"\ndate = 2024-06-20\n'},
         message=_warn(r"hostile\.txt:1", "front matter is not closed")),
    Case("duplicate-key", LIST, {"hostile.txt": GOOD.replace(b"date = ", b'title = "Again"\ndate = ')},
         message=_warn(r"hostile\.txt:4", r"duplicate front-matter key 'title' \(first on line 3\)")),
    Case("unknown-key", LIST, {"hostile.txt": GOOD.replace(b"date = ", b'colour = "red"\ndate = ')},
         message=_warn(r"hostile\.txt:4", r"unknown front-matter key 'colour'")),
    Case("impossible-date", LIST, {"hostile.txt": GOOD.replace(b"2024-06-20", b"2024-13-45")},
         message=_warn(r"hostile\.txt:4", r"'date' is not a real date: 2024-13-45")),
    Case("date-as-word", LIST, {"hostile.txt": GOOD.replace(b"2024-06-20", b'"yesterday"')},
         message=_warn(r"hostile\.txt:4", r"'date' must be a date such as 2024-06-20")),
    Case("toml-syntax", LIST, {"hostile.txt": GOOD.replace(b'title = "', b'title = "\x1b[2J')},
         message=_warn(r"hostile\.txt:3", r"invalid front matter")),
    Case("deeply-nested-toml", LIST, {"hostile.txt": GOOD.replace(b"date = ", b"x = " + b"[" * 50_000 + b"]" * 50_000
                                                                  + b"\ndate = ")},
         message=_warn(r"hostile\.txt:4", r"invalid front matter: values nested too deeply")),
    Case("deeply-nested-inline-tables", LIST, {"hostile.txt": GOOD.replace(b"date = ", b"x = " + b"{a=" * 5000 + b"1"
                                                                           + b"}" * 5000 + b"\ndate = ")},
         message=_warn(r"hostile\.txt:4", r"invalid front matter: values nested too deeply")),
    Case("bad-id", LIST, {"hostile.txt": GOOD.replace(b'"hostile"', b'"../../etc/passwd"')},
         message=_warn(r"hostile\.txt:2", r"invalid id")),
    Case("duplicate-id", LIST, {"a.txt": GOOD, "hostile.txt": GOOD},
         message=_warn("hostile.txt", r"duplicate id 'hostile' \(also in .*a\.txt\)")),
    Case("escape-in-toml-title", SHOW, {"hostile.txt": GOOD.replace(b"Hostile", b"\\u001b]8;;http://x\\u0007Hi")},
         shows=("\\x1b]8;;http://x\\x07Hi",)),
    # File names with control characters, and names that are not UTF-8.
    Case("filename-esc", LIST, {"\x1b[2Jevil\x1b]0;t\x07.txt": b"not a corpus file"},
         message=_warn(r"\\x1b\[2Jevil\\x1b\]0;t\\x07\.txt:1", "missing front matter")),
    Case("filename-newline-bidi", LIST, {"line\nbreak\u202e.txt": b""},
         message=_warn(r"line\\nbreak<U\+202E>\.txt", "empty file")),
    Case("filename-not-utf8", LIST, {os.fsdecode(b"bad\xff\xfe.txt"): b""},
         message=_warn(r"bad<U\+DCFF><U\+DCFE>\.txt", "empty file")),
    # Size limits, before parsing.
    Case("over-max-bytes", ("--max-bytes", "100", "--corpus", "{corpus}", "list"), {"hostile.txt": GOOD},
         message=_warn("hostile.txt", r"file is \d+ bytes, over the limit of 100 \(--max-bytes\)")),
    Case("stdin-over-max-bytes", ("--max-bytes", "10", *ADD), stdin=b"x" * 11, code=2,
         message=r"^accord: error: <stdin>: input is over the limit of 10 bytes \(--max-bytes\)$"),
    Case("huge-single-line", SHOW, {"hostile.txt": corpus_file(("word " * 199 + "end. ") * 1000 + "\n")}),
    Case("100k-char-word", SHOW, {"hostile.txt": corpus_file("A" + "b" * 100_000 + ".\n")}),
    Case("many-abbreviations", SHOW, {"hostile.txt": corpus_file("Ab. " * 25_000 + "\n")}),
    # Hostile command lines: usage errors are one escaped line, exit 2.
    Case("bad-color-value", ("--color", "\x1b[31mred", "list"), code=2,
         message=r"^accord: error: Invalid value for '--color': '\\x1b\[31mred' is not one of"),
    Case("unknown-command-osc8", ("\x1b]8;;http://evil\x1b\\x",), code=2,
         message=r"^accord: error: No such command '\\x1b\]8;;http://evil\\x1b\\\\x'"),
    Case("unknown-option", ("list", "--\x9b2J"), code=2, message=r"^accord: error: No such option[^\n]*\\x9b2J"),
    Case("unknown-id-bidi", ("--corpus", "{corpus}", "show", "\u202eabc\u2066"), {"hostile.txt": GOOD}, code=2,
         message=r"^accord: error: no document '<U\+202E>abc<U\+2066>'"),
    Case("bad-date-option", (*ADD[:4], "--date", "2024\x1b[2J\n", *ADD[6:]), stdin=b"Text.", code=2,
         message=r"^accord: error: Invalid value for '?--date'?: '2024\\x1b\[2J\\n' is not a date"),
    Case("bad-encoding", ("--encoding", "rot13", "list"), code=2,
         message=r"^accord: error: Invalid value for '--encoding': 'rot13' is not a text encoding"),
    Case("unknown-encoding-esc", ("--encoding", "x\x1b[2J", "list"), code=2,
         message=r"^accord: error: Invalid value for '--encoding': unknown encoding 'x\\x1b\[2J'"),
    Case("max-bytes-zero", ("--max-bytes", "0", "list"), code=2, message=r"^accord: error: Invalid value for '--max-bytes'"),
    Case("missing-corpus-folder", ("--corpus", "{tmp}/nowhere\x1b[2J", "list"), code=2,
         message=r"^accord: error: .*nowhere\\x1b\[2J: corpus folder does not exist$"),
    Case("corpus-is-a-file", ("--corpus", "{corpus}/hostile.txt", "list"), {"hostile.txt": GOOD}, code=2,
         message=r"^accord: error: .*hostile\.txt"),
    Case("add-missing-file", ("add", "{tmp}/no\x07such.txt", "--title", "T", "--date", "2024-06-20",
                              "--to", "{tmp}/o"), code=2,
         message=r"^accord: error: .*no\\x07such\.txt: no such file$"),
    Case("add-bad-id", (*ADD, "--id", "../../\x1b[2Jx"), stdin=b"Text.", code=2,
         message=r"^accord: error: .*\\x1b\[2Jx\.txt:2: invalid id"),
    Case("add-html-deeply-nested", ("add", "{corpus}/deep.html", "--title", "T", "--date", "2024-06-20", "--to",
                                    "{tmp}/o"),
         {"deep.html": b"<html><body>" + b"<div>" * 100_000 + b"<p>Short.</p>" + b"</div>" * 100_000 + b"</body></html>"},
         code=2, message=r"^accord: error: .*deep\.html: no article text could be extracted"),
    Case("add-html-control-garbage", ("--encoding", "latin-1", "add", "{corpus}/g.html", "--title", "T", "--date",
                                      "2024-06-20", "--to", "{tmp}/o"),
         {"g.html": b"<html><body><p>" + bytes(range(1, 256)) * 50 + b"</p></body></html>"},
         message=r"^added t-2024-06-20: \d+ sentences"),
    Case("add-directory", ("add", "{tmp}", "--title", "T", "--date", "2024-06-20", "--to", "{tmp}/o"), code=2,
         message=r"^accord: error: "),
]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ref")
    (folder / "hostile.txt").write_bytes(GOOD)
    res = run(["--corpus", str(folder), "show", "hostile", "--format", "json"])
    assert res.code == 0
    data = json.loads(res.out)
    data.pop("path")
    return data


def _prepare(case: Case, tmp_path) -> list[str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in case.files.items():
        (corpus / name).write_bytes(data)
    return [a.replace("{corpus}", str(corpus)).replace("{tmp}", str(tmp_path)) for a in case.args]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case, tmp_path, reference):
    args = _prepare(case, tmp_path)
    res = run(args, stdin=case.stdin)
    assert_clean(res)
    if case.code:
        line = assert_one_line_error(res, case.code)
        assert re.search(case.message, line), (case.message, line)
        assert res.out == ""
        return
    assert res.code == 0, res.err
    if case.message:
        lines = res.err_lines + res.out.split("\n")
        assert any(re.search(case.message, line) for line in lines), (case.message, res.err, res.out[:300])
        for line in res.err_lines:
            assert line.startswith("accord: warning: "), line
    else:
        assert res.err == ""
    for token in case.shows:
        assert token in res.out, (token, res.out[:500])
    if case.same_as_good:
        res = run([*args, "--format", "json"])
        data = json.loads(res.out)
        data.pop("path")
        assert data == reference
        assert data["sentences"]  # a real comparison, not two empty documents
    if "show" in case.args and not case.message:
        res = run([*args, "--format", "json"])
        data = json.loads(res.out)
        for s in data["sentences"]:
            assert data["text"][s["start"]:s["end"]] == s["text"]


def test_case_count():
    """The brief asks for at least 30 table cases here (on top of the document payload table)."""
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def test_json_paths_round_trip_for_names_that_are_not_utf8(tmp_path):
    """A file name with undecodable bytes (surrogate escapes in Python) is valid, exact JSON."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = os.fsdecode(b"caf\xe9\x1b.txt")
    (corpus / name).write_bytes(GOOD)
    res = run(["--corpus", str(corpus), "list", "--format", "json"])
    assert res.code == 0, res.err
    assert_clean(res)
    assert json.loads(res.out)["documents"][0]["path"] == str(corpus / name)


def test_list_columns_are_measured_after_escaping(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(corpus_file(BODY, doc_id="a", title="Plain").replace(
        b"date = ", b'outlet = "E\\u001b\\u001b\\u001b"\ndate = '))
    (corpus / "b.txt").write_bytes(corpus_file(BODY, doc_id="b", title="Plain").replace(
        b"date = ", b'outlet = "Ordinary"\ndate = '))
    res = run(["--corpus", str(corpus), "list", "--width", "120"])
    assert res.code == 0
    rows = [line for line in res.out.split("\n") if line.startswith(("a ", "b "))]
    assert len(rows) == 2
    assert rows[0].index("Plain") == rows[1].index("Plain")  # the title column lines up


@pytest.mark.parametrize("cmd", [["list"], ["show", "hostile"], ["compare", "hostile", "other"], ["commitments"]])
def test_huge_width_is_clamped(tmp_path, cmd):
    """--width 10**9 must not pad lines to a gigabyte (side-by-side compare pads every row)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_bytes(GOOD)
    (corpus / "other.txt").write_bytes(corpus_file(BODY.replace("two", "three"), doc_id="other"))
    res = run(["--corpus", str(corpus), *cmd, "--width", str(10**9)])
    assert res.code == 0, res.err
    assert max(len(line) for line in res.out.split("\n")) <= 1000


@pytest.mark.parametrize("limit", [str(10**14), str(10**30)])
def test_huge_max_bytes_is_not_allocated(tmp_path, limit):
    """read(n) allocates n bytes up front: a huge --max-bytes must still read small inputs fine."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_bytes(GOOD)
    res = run(["--max-bytes", limit, "--corpus", str(corpus), "compare", "hostile", "-", "--format", "json"],
              stdin=b"The two sides agreed to deepen cooperation.\n")
    assert res.code == 0, res.err
    assert json.loads(res.out)["right"]["id"] == "stdin"
    res = run(["--max-bytes", limit, *[a.replace("{tmp}", str(tmp_path)) for a in ADD]], stdin=b"Some text.\n")
    assert res.code == 0, res.err


def test_max_bytes_boundary_is_exact(tmp_path):
    res = run(["--max-bytes", str(len(GOOD)), *[a.replace("{tmp}", str(tmp_path)) for a in ADD]], stdin=GOOD)
    assert res.code == 0, res.err
    res = run(["--max-bytes", str(len(GOOD) - 1), *[a.replace("{tmp}", str(tmp_path)) for a in ADD], "--force"],
              stdin=GOOD)
    assert "over the limit" in assert_one_line_error(res)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_bytes(GOOD)
    ok = run(["--max-bytes", str(len(GOOD)), "--corpus", str(corpus), "list"])
    assert ok.code == 0 and ok.err == ""
    over = run(["--max-bytes", str(len(GOOD) - 1), "--corpus", str(corpus), "list"])
    assert "over the limit" in over.err


def test_symlink_loops_and_dangling_links_are_warnings(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(GOOD)
    (corpus / "loop\x1b.txt").symlink_to("loop\x1b.txt")
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere")
    res = run(["--corpus", str(corpus), "list"])
    assert res.code == 0
    assert_clean(res)
    assert len(res.err_lines) == 2 and all(line.endswith("(skipped)") for line in res.err_lines)
    assert "loop\\x1b.txt" in res.err


def test_unreadable_corpus_folder_is_one_line(tmp_path, monkeypatch):
    import pathlib

    corpus = tmp_path / "corpus"
    corpus.mkdir()

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "iterdir", denied)
    res = run(["--corpus", str(corpus), "list"])
    line = assert_one_line_error(res)
    assert line.endswith("corpus folder cannot be read (Permission denied)")


def test_accord_corpus_variable_with_controls(monkeypatch):
    monkeypatch.setenv("ACCORD_CORPUS", "/nowhere\x1b[2J\u202e")
    res = run(["list"])
    assert assert_one_line_error(res).endswith("/nowhere\\x1b[2J<U+202E>: corpus folder does not exist")
    assert_clean(res)
