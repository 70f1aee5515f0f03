"""Frozen data shared by every layer: documents, their sentences, what cleaning removed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Meta:
    """Curated metadata from a corpus file's front matter."""

    id: str
    title: str
    date: dt.date
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    event: str = ""
    kind: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Removed:
    """A piece of the source that cleaning took out of the body, and why.

    ``line`` is the 1-based line in the corpus file; ``text`` is exactly what
    was removed (a whole line, or a prefix such as ``"VGP – "``).
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """One kept source line: its file line, its text, and where it starts in the body."""

    line: int
    text: str
    start: int


@dataclass(frozen=True)
class Furniture:
    """Page furniture lifted out of the body into fields."""

    headline: str = ""
    dateline: str = ""
    source: str = ""
    byline: str = ""
    credits: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanResult:
    """The clean body, its paragraphs, what was removed, and lifted fields."""

    body: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    furniture: Furniture


@dataclass(frozen=True)
class Sentence:
    """A sentence of a clean body; ``text == body[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Document:
    """A corpus document: metadata and the capture; cleaning and sentences are computed on first use.

    ``source`` is the capture (the file after its front matter, line endings
    normalised); ``first_body_line`` is the file line where it starts. The
    clean ``body``, its ``paragraphs`` and ``sentences``, the ``removed``
    ledger and the lifted ``furniture`` are derived from it once, lazily, so
    listing a large corpus does not clean every document.
    """

    meta: Meta
    path: Path | None
    source: str
    first_body_line: int = 1

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def date(self) -> dt.date:
        return self.meta.date

    @cached_property
    def _cleaned(self):  # type: ignore[no-untyped-def]
        from tui.clean import clean_text

        return clean_text(self.source, self.meta.title, first_line=self.first_body_line)

    @property
    def body(self) -> str:
        return self._cleaned.body

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._cleaned.paragraphs

    @property
    def removed(self) -> tuple[Removed, ...]:
        return self._cleaned.removed

    @property
    def furniture(self) -> Furniture:
        return self._cleaned.furniture

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from tui.sentences import segment

        return segment(self.paragraphs)
