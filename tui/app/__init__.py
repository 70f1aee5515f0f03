"""The Textual app: library, reader, compare and commitments screens.

``run(settings)`` is what ``accord browse`` calls; tests build
:class:`AccordApp` from a :class:`~tui.documents.corpus.Corpus` directly.
"""

from __future__ import annotations

from typing import Any

from tui.app.app import AccordApp

__all__ = ["AccordApp", "run"]


def run(settings: Any) -> None:
    """Open the app; the corpus is loaded by ``settings.load()`` in a worker."""
    AccordApp(loader=settings.load).run()
