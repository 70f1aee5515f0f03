"""A virtualised list of a document's sentences, with pledge marks, search hits and removed text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tui.app.widgets.styles import component_style
from tui.app.widgets.wraplist import Column, Item, WrapList
from tui.documents.document import Document
from tui.documents.model import Removed
from tui.infra.safety import visible
from tui.render.documents import sentence_line

GLYPHS = {"pledge": "●", "support": "◐", "intent": "○"}


RANK = {"intent": 1, "support": 2, "pledge": 3}


@dataclass(frozen=True)
class PledgeMark:
    """A pledge sentence: its strongest strength, its groups and in how many other documents it recurs."""

    strength: str
    group_ids: tuple[str, ...]
    others: int

    def add(self, strength: str, group_id: str, others: int) -> PledgeMark:
        """This mark with one more pledge (a sentence can hold several clauses that commit)."""
        stronger = strength if RANK.get(strength, 0) > RANK.get(self.strength, 0) else self.strength
        groups = self.group_ids if group_id in self.group_ids else (*self.group_ids, group_id)
        return PledgeMark(stronger, groups, max(self.others, others))


GUTTER = 8


class SentenceList(WrapList):
    """Sentences as items (keys ``s<index>``); removed pieces as items the cursor skips (``r<n>``)."""

    COMPONENT_CLASSES = WrapList.COMPONENT_CLASSES | {
        "sentences--gutter",
        "sentences--pledge",
        "sentences--support",
        "sentences--intent",
        "sentences--match",
        "sentences--removed",
        "sentences--reason",
    }

    def __init__(self, doc: Document, marks: Mapping[int, PledgeMark] | None = None, **kwargs) -> None:
        super().__init__(columns=(Column(GUTTER), Column()), gap=0, **kwargs)
        self.doc = doc
        self.marks: Mapping[int, PledgeMark] = marks or {}
        self.show_removed = False
        self.search_query = ""
        self.matches: list[int] = []

    def on_mount(self) -> None:
        self.rebuild()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def _style(self, name: str) -> Style:
        return component_style(self, f"sentences--{name}")  # alpha colours composed (muted stays muted)

    def rebuild(self) -> None:
        """Re-render every item (marks, search hits, removed pieces), keeping the cursor."""
        pattern = re.compile(re.escape(visible(self.search_query)), re.IGNORECASE) if self.search_query else None
        self.matches = []
        items: list[Item] = []
        removed = sorted(self.doc.removed, key=lambda r: r.line) if self.show_removed else []
        para_lines = [p.line for p in self.doc.paragraphs]
        sentences = self.doc.sentences
        styles = {name: self._style(name) for name in ("gutter", "pledge", "support", "intent", "match",
                                                          "removed", "reason")}
        r = 0
        for n, s in enumerate(sentences):
            line = para_lines[s.paragraph] if s.paragraph < len(para_lines) else 0
            while r < len(removed) and removed[r].line <= line:
                items.append(self._removed_item(removed[r], r, styles))
                r += 1
            last_of_paragraph = n + 1 == len(sentences) or sentences[n + 1].paragraph != s.paragraph
            items.append(Item(f"s{s.index}", self._cells(s.index, sentence_line(s.text), pattern, styles),
                              gap_after=last_of_paragraph))
        while r < len(removed):
            items.append(self._removed_item(removed[r], r, styles))
            r += 1
        self.set_items(items)

    def _cells(self, index: int, text: str, pattern: re.Pattern[str] | None,
               styles: Mapping[str, Style]) -> tuple[Text, Text]:
        mark = self.marks.get(index)
        badge = ""
        if mark is not None:
            badge = GLYPHS.get(mark.strength, "•") + (f"{mark.others}" if mark.others else "")
        gutter = Text(f"{index:>4} {badge:<3}", style=styles["gutter"])
        body = Text(visible(text))
        if mark is not None:
            body.stylize(styles.get(mark.strength, styles["pledge"]))
        if pattern is not None:
            hits = list(pattern.finditer(body.plain))
            if hits:
                self.matches.append(index)
            for hit in hits:
                body.stylize(styles["match"], hit.start(), hit.end())
        return gutter, body

    def _removed_item(self, item: Removed, n: int, styles: Mapping[str, Style]) -> Item:
        text = Text(visible(item.text.strip()) or "(blank line)", style=styles["removed"])
        text.append(f"  [{visible(item.reason)}, line {item.line}]", style=styles["reason"])
        return Item(f"r{n}", (Text(f"{'✂':>4}", style=styles["gutter"]), text), selectable=False,
                    gap_after=True)

    # -- navigation ---------------------------------------------------------------------------------------

    def current_sentence(self) -> int | None:
        """Index of the highlighted sentence, if any."""
        item = self.highlighted_item
        if item is None or not item.key.startswith("s"):
            return None
        return int(item.key[1:])

    def go_to(self, index: int, top: bool = False) -> None:
        """Highlight sentence ``index`` and scroll it into view."""
        position = self.index_of(f"s{index}")
        if position is not None:
            self.go_to_index(position, top=top)

    def set_query(self, query: str) -> list[int]:
        """Highlight ``query`` (case-insensitive) and return the matching sentence indexes."""
        self.search_query = query
        self.rebuild()
        return self.matches

    def toggle_removed(self) -> bool:
        """Show or hide what cleaning removed; return the new state."""
        self.show_removed = not self.show_removed
        self.rebuild()
        return self.show_removed

    def set_marks(self, marks: Mapping[int, PledgeMark]) -> None:
        """Replace the pledge marks and re-render."""
        self.marks = marks
        self.rebuild()
