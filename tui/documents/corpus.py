"""The corpus: documents as files with TOML front matter, loaded, cleaned and segmented.

A corpus file is UTF-8 text::

    +++
    id = "nhandan-2024"
    title = "..."
    date = 2024-06-20
    +++
    <the source capture, byte for byte>

``id``, ``title`` and ``date`` are required; ``outlet``, ``url``,
``published``, ``event``, ``kind``, ``language`` and ``parties`` (an array of
the countries the statement is between, e.g. ``parties = ["Japan", "Viet
Nam"]``, each checked against the country library and stored by its canonical
name) are optional; any other key is an error. A folder that holds one bad file still loads the others and
reports the bad one.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.documents.document import Document
from tui.documents.folders import (  # noqa: F401 - re-exported: where corpora are read from
    SUFFIXES,
    corpus_files,
    default_folders,
    embedded_folder,
    env_folders,
    user_folder,
)
from tui.documents.model import Meta
from tui.documents.textio import DEFAULT_MAX_BYTES, decode, read_bytes, read_stream
from tui.infra import store
from tui.infra.errors import InputError, UnknownDocument

FENCE = "+++"
REQUIRED = ("id", "title", "date")
OPTIONAL = ("outlet", "url", "published", "event", "kind", "language", "parties")
_ID = store.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class Corpus:
    """Documents ordered by date, plus the files that failed to load."""

    documents: tuple[Document, ...]
    errors: tuple[InputError, ...] = ()
    folders: tuple[Path, ...] = ()

    def __len__(self) -> int:
        return len(self.documents)

    def ids(self) -> list[str]:
        return [d.id for d in self.documents]

    def get(self, ref: str) -> Document:
        """The document whose id is ``ref`` or starts with it (a unique prefix).

        Raises :class:`UnknownDocument` with a "did you mean" hint otherwise.
        """
        return resolve(self.documents, ref)


def resolve(documents: tuple[Document, ...] | list[Document], ref: str) -> Document:
    """Find a document by exact id or unique id prefix (case-insensitive)."""
    key = ref.strip().casefold()
    exact = [d for d in documents if d.id.casefold() == key]
    if exact:
        return exact[0]
    matches = [d for d in documents if d.id.casefold().startswith(key)] if key else []
    if len(matches) == 1:
        return matches[0]
    from tui.infra.safety import one_line

    shown = one_line(ref)
    if len(matches) > 1:
        names = ", ".join(d.id for d in matches[:6])
        raise UnknownDocument(f"'{shown}' is ambiguous: it starts {names}")
    ids = [d.id for d in documents]
    import difflib

    close = difflib.get_close_matches(key, ids, n=3, cutoff=0.4)
    close += [i for i in ids if key and key in i and i not in close][:3]
    if close:
        hint = "did you mean " + ", ".join(close[:3]) + "?"
    elif ids:
        hint = "known ids: " + ", ".join(ids[:8]) + (" ..." if len(ids) > 8 else "")
    else:
        hint = "the corpus is empty"
    raise UnknownDocument(f"no document '{shown}'; {hint}")


def parse_front_matter(text: str, path: object) -> tuple[Meta, int]:
    """Parse the ``+++`` block at the top of ``text``.

    Returns the metadata and the 1-based file line where the capture starts.
    """
    if not text.strip():
        raise InputError(path, "empty file (expected +++ front matter, then the text)")
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        raise InputError(path, "missing front matter: the first line must be +++", line=1)
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise InputError(path, "front matter is not closed: no second +++ line", line=1) from None
    block = "\n".join(lines[1:close])
    _precheck(lines, close, path)
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found.group(1)) + 1 if found else None
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        detail = re.sub(r"\s*\(at end of document\)", "", detail)
        raise InputError(path, f"invalid front matter: {detail}", line=line) from None
    except RecursionError:  # tomllib recurses per nested array/table: "x = [[[[...]]]]" exhausts the stack
        deepest = max(range(1, close), key=lambda i: lines[i].count("[") + lines[i].count("{"))
        raise InputError(path, "invalid front matter: values nested too deeply", line=deepest + 1) from None
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise InputError(
            path,
            f"unknown front-matter key '{unknown[0]}' (allowed: {', '.join(REQUIRED + OPTIONAL)})",
            line=_key_line(lines, close, unknown[0]),
        )
    for key in REQUIRED:
        if key not in data:
            raise InputError(path, f"front matter lacks required key '{key}'", line=1)
    fields: dict[str, object] = {}
    for key, value in data.items():
        line = _key_line(lines, close, key)
        if key in ("date", "published"):
            fields[key] = _as_date(value, key, path, line)
        elif key == "parties":
            fields[key] = _as_parties(value, path, line)
        elif not isinstance(value, str):
            raise InputError(path, f"front-matter key '{key}' must be a string", line=line)
        else:
            fields[key] = value.strip()
    if not _ID.match(str(fields["id"])):
        raise InputError(
            path,
            "invalid id: use 1-64 lowercase letters, digits, '.', '_' or '-'",
            line=_key_line(lines, close, "id"),
        )
    if not fields["title"]:
        raise InputError(path, "the title is empty", line=_key_line(lines, close, "title"))
    return Meta(**fields), close + 2  # type: ignore[arg-type]


_BARE_KEY = store.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$")
_DATE_LIKE = store.compile(r"^\d{4}-\d{2}-\d{2}$")


def _precheck(lines: list[str], close: int, path: object) -> None:
    """Errors tomllib reports without a line (duplicate keys) or confusingly (impossible dates)."""
    first: dict[str, int] = {}
    for i in range(1, close):
        found = _BARE_KEY.match(lines[i])
        if not found:
            continue
        key, value = found.group(1), found.group(2)
        if key in first:
            raise InputError(path, f"duplicate front-matter key '{key}' (first on line {first[key]})", line=i + 1)
        first[key] = i + 1
        if key in ("date", "published") and _DATE_LIKE.match(value):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(path, f"'{key}' is not a real date: {value}", line=i + 1) from None


def _key_line(lines: list[str], close: int, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for i in range(1, close):
        if pattern.match(lines[i]):
            return i + 1
    return None


def _as_parties(value: object, path: object, line: int | None) -> tuple[str, ...]:
    """The canonical names of a ``parties`` array ("Viet Nam" -> "Vietnam"); unknown names are errors."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise InputError(path, "'parties' must be a non-empty array of country names (strings)", line=line)
    from tui.infra.safety import one_line
    from tui.vocabulary.countries import canonical  # lazy: the country library loads only for this key

    names: list[str] = []
    for raw in value:
        name = canonical(raw)
        if name is None:
            raise InputError(path, f"unknown country '{one_line(raw)}' in 'parties'", line=line)
        if name not in names:
            names.append(name)
    return tuple(names)


def _as_date(value: object, key: str, path: object, line: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(path, f"'{key}' must be a date such as 2024-06-20, not {value!r}", line=line)


def build_document(text: str, path: Path | None, label: object | None = None) -> Document:
    """Make a :class:`Document` from the decoded text of a corpus file."""
    where = label if label is not None else path
    meta, first = parse_front_matter(text, where)
    lines = text.split("\n")
    capture = "\n".join(lines[first - 1:])
    return Document(meta=meta, path=path, source=capture, first_body_line=first)


STDIN_LABEL = "<stdin>"
STDIN_ID = "stdin"


def document_from_bytes(
    data: bytes,
    label: object = STDIN_LABEL,
    encoding: str | None = None,
    *,
    default_id: str = STDIN_ID,
    default_title: str = STDIN_LABEL,
) -> Document:
    """A document from raw bytes that are not a corpus file on disk (``-`` for stdin).

    The bytes are decoded exactly like a corpus file (BOMs, UTF-16, invalid
    UTF-8 refused with its offset, NUL refused, CR/CRLF to LF). When the text
    opens with ``+++`` front matter it is parsed and validated as a corpus
    file (errors name ``label`` and the line); otherwise the whole text is the
    capture, with id ``default_id`` ("stdin"), title ``default_title``
    ("<stdin>") and today's date as the event date. Empty or whitespace-only
    input is refused.
    """
    text = decode(data, label, encoding)
    if not text.strip():
        raise InputError(label, "empty input: no text to read")
    if text.split("\n", 1)[0].strip() == FENCE:
        return build_document(text, None, label)
    meta = Meta(id=default_id, title=default_title, date=dt.date.today())
    return Document(meta=meta, path=None, source=text, first_body_line=1)


def document_from_stream(
    stream, label: object = STDIN_LABEL, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None
) -> Document:  # type: ignore[no-untyped-def]
    """:func:`document_from_bytes` of a binary stream (``sys.stdin.buffer``), size-capped before decoding.

    Usage in a command: ``document_from_stream(sys.stdin.buffer, "<stdin>",
    settings.max_bytes, settings.encoding)`` when an argument is ``-``.
    """
    return document_from_bytes(read_stream(stream, label, max_bytes), label, encoding)


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> Document:
    """Read, decode, parse, clean and segment one corpus file."""
    data = read_bytes(path, max_bytes)
    return build_document(decode(data, path, encoding), path)


def load_corpus(
    folders: list[Path] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> Corpus:
    """Load every corpus file of ``folders`` (default: :func:`default_folders`).

    A missing folder raises :class:`InputError`; a bad file is reported in
    ``Corpus.errors`` and the others still load. Duplicate ids are errors of
    the later file. Documents are ordered by date, then id.
    """
    folders = default_folders() if folders is None else list(folders)
    docs: list[Document] = []
    errors: list[InputError] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        if not folder.exists():
            raise InputError(folder, "corpus folder does not exist")
        if not folder.is_dir():
            raise InputError(folder, "corpus path is not a folder")
        try:
            entries = corpus_files(folder)
        except OSError as exc:  # unreadable folder (permissions, I/O error): one line, not a traceback
            raise InputError(folder, f"corpus folder cannot be read ({exc.strerror or exc})") from None
        for path in entries:
            try:
                doc = load_file(path, max_bytes, encoding)
            except InputError as exc:
                errors.append(exc)
                continue
            if doc.id in seen:
                errors.append(InputError(path, f"duplicate id '{doc.id}' (also in {seen[doc.id]})", line=None))
                continue
            seen[doc.id] = path
            docs.append(doc)
    docs.sort(key=lambda d: (d.date, d.id))
    return Corpus(tuple(docs), tuple(errors), tuple(folders))


JOINT_STATEMENT = "joint-statement-report"
LATEST_STATEMENTS = "the latest joint statement against the one before it"
LATEST_DOCUMENTS = "the two most recent documents"


SameParties = Callable[[Document, Document], bool]
DEFAULT_SEARCH = 32
"""How many of the latest candidates the default pair is looked for among, by their countries."""


def _default(corpus: Corpus, same_parties: SameParties | None = None) -> tuple[Document, Document, str]:
    statements = [d for d in corpus.documents if d.meta.kind == JOINT_STATEMENT]
    pools: list[tuple[list[Document], str]] = []
    if len(statements) >= 2:
        pools.append((statements, LATEST_STATEMENTS))
    if len(corpus.documents) >= 2:
        pools.append((list(corpus.documents), LATEST_DOCUMENTS))
    if not pools:
        raise UnknownDocument("the corpus needs at least two documents to compare")
    pool, reason = pools[0]
    if same_parties is None or same_parties(pool[-2], pool[-1]):
        return pool[-2], pool[-1], reason
    for candidates, why in pools:  # joint statements first, then any documents of one pair of countries
        recent = candidates[-DEFAULT_SEARCH:]  # looked for among the latest few (each test reads parties)
        for r in range(len(recent) - 1, 0, -1):  # the latest that has an earlier one of the same countries
            for left in reversed(recent[:r]):
                if same_parties(left, recent[r]):
                    return left, recent[r], f"{why} between the same two countries"
    return pool[-2], pool[-1], f"{reason} (no two documents are between the same two countries)"


def default_pair(corpus: Corpus, same_parties: SameParties | None = None) -> tuple[Document, Document]:
    """The headline comparison: the latest joint-statement report against the one before it.

    Falls back to the two most recent documents when the corpus has fewer
    than two joint-statement reports; :func:`default_pair_reason` says which.
    ``same_parties`` (the analysis's test of two documents' countries) makes "the one before it"
    the latest earlier one between the same two countries, in a corpus of several country pairs.
    """
    left, right, _ = _default(corpus, same_parties)
    return left, right


def default_pair_reason(corpus: Corpus, same_parties: SameParties | None = None) -> str:
    """Why :func:`default_pair` chose its pair, for a header ("the latest joint statement against ...")."""
    return _default(corpus, same_parties)[2]
