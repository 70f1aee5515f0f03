"""One pledge group collated across documents: a column per document, differences from the first member marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.widgets import Header, OptionList, Static

from tui.app.messages import OpenReader
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.witness import WitnessList
from tui.documents.document import Document
from tui.infra.safety import one_line


class GroupScreen(AccordScreen):
    """Multi-witness view: every member of a group, one column per document in date order."""

    HELP_TITLE = "Pledge group"
    AUTO_FOCUS = "#witness-0"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "read", "Read in context"),
        Binding("left", "app.focus_previous", "Prev column", show=False),
        Binding("right", "app.focus_next", "Next column", show=False),
    ]

    def __init__(self, group: Any, documents: Sequence[Document]) -> None:
        super().__init__()
        self.group = group
        ids = {p.doc_id for p in group.members}
        self.documents = sorted((d for d in documents if d.id in ids), key=lambda d: (d.date, d.id))
        order = {d.id: n for n, d in enumerate(self.documents)}
        self.members = sorted(group.members, key=lambda p: (order.get(p.doc_id, len(order)), p.index))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._heading(), id="group-heading")
        base = self.members[0] if self.members else None
        with HorizontalScroll(id="witnesses"):
            for n, doc in enumerate(self.documents):
                members = [p for p in self.members if p.doc_id == doc.id]
                column = WitnessList(members, base, id=f"witness-{n}", classes="witness")
                column.border_title = f"{one_line(doc.id)} · {doc.date.isoformat()}"
                yield column
        yield KeyBar()

    def _heading(self) -> Text:
        text = Text(one_line(self.group.label), style="bold")
        terms = ", ".join(self.group.terms[:8]) if self.group.terms else ""
        text.append(f"\ntheme: {one_line(self.group.theme)}  ·  {len(self.documents)} document(s)"
                    + (f"  ·  terms: {one_line(terms)}" if terms else ""), style="italic")
        text.append("\nhighlighted: words that differ from the first member's wording", style="italic")
        return text

    def on_mount(self) -> None:
        self.sub_title = one_line(self.group.id)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width among the witnesses (at least 30 cells each; scroll sideways beyond)."""
        columns = list(self.query(WitnessList))
        if columns:
            width = max(30, (self.size.width or 120) // len(columns))
            for column in columns:
                column.styles.width = width

    @on(OptionList.OptionSelected, ".witness")
    def action_read(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted_option is not None:
            doc_id, index = (focused.highlighted_option.id or "").split("\x00")[:2]
            self.post_message(OpenReader(doc_id, int(index)))

    def action_back(self) -> None:
        self.dismiss()
