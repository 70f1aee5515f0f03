"""A virtualised list of a document's sentences, with pledge marks, search hits and removed text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.model import Document, Removed
from tui.safety import visible

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


def _gutter(gutter: Text, body: Text) -> Table:
    """A gutter column and the text beside it, so wrapped lines keep a hanging indent."""
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(gutter, body)
    return grid


class SentenceList(OptionList):
    """Sentences as options (ids ``s<index>``); removed pieces as disabled options (``r<n>``)."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "sentences--gutter",
        "sentences--pledge",
        "sentences--support",
        "sentences--intent",
        "sentences--match",
        "sentences--removed",
        "sentences--reason",
    }

    def __init__(self, doc: Document, marks: Mapping[int, PledgeMark] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.marks: Mapping[int, PledgeMark] = marks or {}
        self.show_removed = False
        self.search_query = ""
        self.matches: list[int] = []

    def on_mount(self) -> None:
        self.rebuild()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"sentences--{name}", partial=True)

    def rebuild(self) -> None:
        """Re-render every option (marks, search hits, removed pieces), keeping the highlight."""
        current = self.current_sentence()
        pattern = re.compile(re.escape(visible(self.search_query)), re.IGNORECASE) if self.search_query else None
        self.matches = []
        options: list[Option | None] = []
        removed = sorted(self.doc.removed, key=lambda r: r.line) if self.show_removed else []
        para_lines = [p.line for p in self.doc.paragraphs]
        r = 0
        para = -1
        styles = {name: self._style(name) for name in ("gutter", "pledge", "support", "intent", "match",
                                                          "removed", "reason")}
        for s in self.doc.sentences:
            line = para_lines[s.paragraph] if s.paragraph < len(para_lines) else 0
            while r < len(removed) and removed[r].line <= line:
                options.append(self._removed_option(removed[r], r, styles))
                r += 1
            if s.paragraph != para and para >= 0:
                options.append(Option(" ", id=f"p{s.index}", disabled=True))
            para = s.paragraph
            options.append(Option(self._sentence_text(s.index, s.text, pattern, styles), id=f"s{s.index}"))
        while r < len(removed):
            options.append(self._removed_option(removed[r], r, styles))
            r += 1
        self.set_options(options)
        if current is not None:
            self.go_to(current)
        elif self.option_count:
            self.highlighted = self._first_enabled()

    def _first_enabled(self) -> int | None:
        return next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def _sentence_text(self, index: int, text: str, pattern: re.Pattern[str] | None,
                       styles: Mapping[str, Style]) -> Table:
        mark = self.marks.get(index)
        gutter = f"{index + 1:>4} "
        if mark is not None:
            badge = GLYPHS.get(mark.strength, "•") + (f"{mark.others}" if mark.others else "")
        else:
            badge = ""
        body = Text(visible(text))
        if mark is not None:
            body.stylize(styles.get(mark.strength, styles["pledge"]))
        if pattern is not None:
            hits = list(pattern.finditer(body.plain))
            if hits:
                self.matches.append(index)
            for hit in hits:
                body.stylize(styles["match"], hit.start(), hit.end())
        return _gutter(Text(gutter + f"{badge:<3}", style=styles["gutter"]), body)

    def _removed_option(self, item: Removed, n: int, styles: Mapping[str, Style]) -> Option:
        text = Text(visible(item.text.strip()) or "(blank line)", style=styles["removed"])
        text.append(f"  [{visible(item.reason)}, line {item.line}]", style=styles["reason"])
        return Option(_gutter(Text(f"{'✂':>4} ", style=styles["gutter"]), text), id=f"r{n}", disabled=True)

    # -- navigation ---------------------------------------------------------------------------------------

    def current_sentence(self) -> int | None:
        """Index of the highlighted sentence, if any."""
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("s"):
            return None
        return int(option.id[1:])

    def go_to(self, index: int, top: bool = False) -> None:
        """Highlight sentence ``index`` and scroll it into view."""
        try:
            self.highlighted = self.get_option_index(f"s{index}")
        except Exception:  # noqa: BLE001 - OptionDoesNotExist for an index past the end
            return
        self.scroll_to_highlight(top=top)

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
