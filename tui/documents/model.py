"""Frozen data shared by every layer: metadata, paragraphs, sentences, what cleaning removed.

These types import nothing of accord; :mod:`tui.documents.document` builds on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
    parties: tuple[str, ...] = ()
    """Countries the statement is between (front matter ``parties``, canonical names); empty when
    not given, and then found in the text (:func:`tui.analysis.parties.of_document`)."""


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
