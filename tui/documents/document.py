"""A corpus document: metadata and the capture, cleaned and segmented on first use.

Imports run one way: this module uses :mod:`~tui.documents.clean` and
:mod:`~tui.documents.sentences` (lazily, so listing a corpus cleans nothing),
and both of those use only :mod:`~tui.documents.model`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tui.documents.model import CleanResult, Furniture, Meta, Paragraph, Removed, Sentence


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
    def _cleaned(self) -> CleanResult:
        from tui.documents.clean import clean_text

        return clean_text(self.source, self.meta.title, first_line=self.first_body_line, outlet=self.meta.outlet)

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
        from tui.documents.sentences import segment

        return segment(self.paragraphs)
