"""Frozen data shared by every layer: documents, their sentences, what cleaning removed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
class Sentence:
    """A sentence of a clean body; ``text == body[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Document:
    """A loaded corpus document: metadata, the capture, its clean body and sentences."""

    meta: Meta
    path: Path | None
    source: str
    body: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    removed: tuple[Removed, ...]
    furniture: Furniture = field(default_factory=Furniture)
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
