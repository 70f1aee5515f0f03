"""Command palette provider: open any document, compare any pair, go to any pledge group."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import combinations
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.infra.safety import one_line


def _highlight(matcher: Matcher, text: str) -> Content:
    """Highlight fuzzy matches in ``text`` without reading it as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class AccordCommands(Provider):
    """Documents, pairs and groups of the loaded corpus as palette commands."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        corpus = getattr(app, "corpus", None)
        if corpus is None:
            return
        docs = corpus.documents
        for doc in docs:
            label = one_line(f"Open {doc.id}: {doc.title}")
            yield label, partial(app.open_reader, doc.id, 0), "Read this document"
        if len(docs) >= 2:
            yield "Compare two documents…", app.pick_compare, "Choose the left and right documents"
            yield "Compare the default pair", app.open_compare, "The latest joint-statement report against the one before it (else the two latest documents)"
            ordered = sorted(docs[:40], key=lambda d: (d.date, d.id))
            for left, right in combinations(ordered, 2):  # the older document goes left (x swaps)
                label = one_line(f"Compare {left.id} → {right.id}")
                yield label, partial(app.open_compare, left.id, right.id), "Align the two documents, older left"
        yield "Commitments matrix", app.open_commitments, "Pledges shared across documents"
        for group in getattr(app.commitments, "groups", ()):
            label = one_line(f"Group {group.id}: {group.label}")
            yield label, partial(app.open_commitments, group.id), f"{len(group.documents)} documents"

    async def discover(self) -> Hits:
        for label, command, help_text in self._commands():
            if label.startswith(("Open ", "Compare two", "Commitments")):
                yield DiscoveryHit(Content(label), command, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), command, text=label, help=help_text)
