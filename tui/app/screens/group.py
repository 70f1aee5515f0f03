"""One pledge group collated across documents: a column per document in date order (stacked when narrow),
each wording marked against the one before it in time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Header, OptionList, Static

from tui.analysis.commitments import key_words
from tui.app.messages import OpenReader
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.witness import WitnessList
from tui.documents.document import Document
from tui.infra.safety import one_line

MIN_COLUMN = 30
STACK_BELOW = 80


class GroupScreen(AccordScreen):
    """Multi-witness view: every member of a group, one witness per document in date order."""

    HELP_TITLE = "Pledge group"
    AUTO_FOCUS = "#witness-0"
    BINDINGS = [
        # priority: the scrolling row of witnesses and the focused list bind these keys too (hidden),
        # which kept them out of the key bar
        Binding("right", "witness(1)", "Next witness", key_display="→", id="group.next", priority=True),
        Binding("left", "witness(-1)", "Prev witness", key_display="←", id="group.previous", priority=True),
        Binding("enter", "read", "Read in context", id="group.read", priority=True),
        Binding("escape", "back", "Back", id="group.back"),
    ]

    def __init__(self, group: Any, documents: Sequence[Document]) -> None:
        super().__init__()
        self.group = group
        ids = {p.doc_id for p in group.members}
        self.documents = sorted((d for d in documents if d.id in ids), key=lambda d: (d.date, d.id))
        order = {d.id: n for n, d in enumerate(self.documents)}
        self.members = sorted(group.members, key=lambda p: (order.get(p.doc_id, len(order)), p.index))
        self.stacked = False

    def compose(self) -> ComposeResult:
        # the sub-title is set before the header mounts: no extra repaint when the screen opens
        self.sub_title = one_line(self.group.id)
        yield Header()
        yield Static(id="group-heading", markup=False)
        previous = None
        with Container(id="witnesses"):  # not focusable: ←/→ reach the screen, not a scroll
            for n, doc in enumerate(self.documents):
                members = [p for p in self.members if p.doc_id == doc.id]
                column = WitnessList(members, previous, id=f"witness-{n}", classes="witness")
                column.border_title = f"{n + 1}/{len(self.documents)} {one_line(doc.id)} · {doc.date.isoformat()}"
                if members:
                    previous = members[-1]  # the next witness is marked against this wording
                yield column
        yield KeyBar()

    def _heading(self) -> Text:
        """Label, where the focused witness is (so the keys to the others are never cut off), the
        legend, then theme and terms, which may be cut when the window is short of width."""
        text = Text(one_line(self.group.label), style="bold")
        hint = self._hint()
        if hint:
            text.append("\n" + hint, style="bold")
        text.append("\nunderlined: words that differ from the wording before it in time", style="italic")
        terms = ", ".join(key_words(self.group)[:8]) if self.group.terms else ""
        text.append(f"\ntheme: {one_line(self.group.theme)}  ·  {len(self.documents)} document(s)"
                    + (f"  ·  terms: {one_line(terms)}" if terms else ""), style="italic")
        return text

    def _hint(self) -> str:
        """Where the focused witness is, and how to reach the others when they do not all fit."""
        n = len(self.documents)
        if n < 2:
            return ""
        here = self._focused_witness()
        current = f"witness {here + 1}/{n}" if here is not None else f"{n} witnesses"
        if self.stacked:
            return f"{current} · stacked: ←/→ (or scroll) moves between witnesses"
        fit = max(1, self.size.width // MIN_COLUMN) if self.size.width else n
        if fit >= n:
            return f"{current} · ←/→ moves between witnesses"
        last = self.documents[-1]
        return f"{current} · {fit} of {n} fit · ←/→ moves, → reaches {one_line(last.id)} ({last.date.year})"

    def on_mount(self) -> None:
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Side by side when each witness gets 30 cells (sideways scroll beyond), stacked when narrow."""
        columns = list(self.query(WitnessList))
        width = self.size.width or 120
        self.stacked = width < STACK_BELOW and len(columns) > 1
        self.query_one("#witnesses").set_class(self.stacked, "-stacked")
        if columns:
            share = max(MIN_COLUMN, width // min(len(columns), max(1, width // MIN_COLUMN)))
            for column in columns:
                column.styles.width = "1fr" if self.stacked else share
        self.query_one("#group-heading", Static).update(self._heading())

    def _focused_witness(self) -> int | None:
        focused = self.focused
        if isinstance(focused, WitnessList) and focused.id and focused.id.startswith("witness-"):
            return int(focused.id.split("-")[1])
        return None

    def action_witness(self, step: int) -> None:
        """Focus the next (+1) or previous (-1) witness and bring it into view."""
        columns = list(self.query(WitnessList))
        if not columns:
            return
        here = self._focused_witness()
        target = max(0, min(len(columns) - 1, (here if here is not None else -1) + step))
        columns[target].focus()
        self.query_one("#witnesses").scroll_to_widget(columns[target], animate=False)
        self.query_one("#group-heading", Static).update(self._heading())

    def on_descendant_focus(self) -> None:
        if self.is_mounted:
            self.query_one("#group-heading", Static).update(self._heading())

    @on(OptionList.OptionSelected, ".witness")
    def action_read(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted_option is not None:
            doc_id, index = (focused.highlighted_option.id or "").split("\x00")[:2]
            self.post_message(OpenReader(doc_id, int(index)))

    def action_back(self) -> None:
        self.dismiss()
