"""Commitments: pledge groups × documents, each cell the strength of that document's pledge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.sentences import GLYPHS
from tui.documents.document import Document
from tui.infra.safety import one_line

RANK = {"pledge": 3, "support": 2, "intent": 1}


def cell(group: Any, doc_id: str) -> str:
    """The strongest strength glyph of ``doc_id``'s members of ``group`` (blank when absent)."""
    strengths = [p.strength for p in group.members if p.doc_id == doc_id]
    if not strengths:
        return ""
    return GLYPHS.get(max(strengths, key=lambda s: RANK.get(s, 0)), "•")


class CommitmentsScreen(AccordScreen):
    """The pledge matrix; ``t`` filters by theme, Enter opens a group's multi-witness view."""

    HELP_TITLE = "Commitments"
    AUTO_FOCUS = "#matrix"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "open_group", "Open group"),
        Binding("t", "cycle_theme", "Theme"),
        Binding("T", "cycle_theme(-1)", "Prev theme", show=False),
    ]

    def __init__(self, commitments: Any, documents: Sequence[Document], status: str | None = None) -> None:
        super().__init__()
        self.commitments = commitments
        self.documents = tuple(documents)
        self.status = status
        self.theme_filter = "all"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="commitments-info", markup=False)
        yield DataTable(id="matrix", cursor_type="row", zebra_stripes=True, header_height=2)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "commitments"
        self.refresh_matrix()

    def set_commitments(self, commitments: Any) -> None:
        """Fill the matrix once the pledge analysis is ready."""
        self.commitments = commitments
        self.refresh_matrix()

    @property
    def themes(self) -> list[str]:
        found = sorted({g.theme for g in getattr(self.commitments, "groups", ()) if g.theme})
        return ["all", *found]

    def _columns(self) -> list[Document]:
        docs = getattr(self.commitments, "documents", None) or self.documents
        return sorted(docs, key=lambda d: (d.date, d.id))

    def refresh_matrix(self) -> None:
        """Rebuild the table for the current theme filter."""
        info = self.query_one("#commitments-info", Static)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if self.commitments is None:
            table.display = False
            info.update(Text(self.status or "Grouping pledges across the corpus…"))
            return
        table.display = True
        groups = [g for g in self.commitments.groups
                  if self.theme_filter == "all" or g.theme == self.theme_filter]
        docs = self._columns()
        total = self.size.width or 120
        theme_width = 14 if total >= 100 else 0
        cell_width = max(5, min(10, (total - 24 - theme_width - 4) // max(1, len(docs)) - 2))
        used = len(docs) * (cell_width + 2) + (theme_width + 2 if theme_width else 0) + 4
        table.add_column(Text("Group"), key="label", width=max(20, total - used))
        if theme_width:
            table.add_column(Text("Theme"), key="theme", width=theme_width)
        for doc in docs:
            date = doc.date.isoformat()[:7] if cell_width >= 7 else doc.date.isoformat()[2:7]
            table.add_column(Text(one_line(doc.id)[:cell_width] + "\n" + date), key=doc.id, width=cell_width)
        for group in groups:
            cells = [Text(one_line(group.label), overflow="ellipsis", no_wrap=True)]
            if theme_width:
                cells.append(Text(one_line(group.theme), overflow="ellipsis", no_wrap=True))
            cells += [Text(cell(group, d.id), justify="center") for d in docs]
            table.add_row(*cells, key=group.id)
        info.update(Text(
            f"{len(groups)} group(s) of {len(self.commitments.groups)} · theme: {one_line(self.theme_filter)} (t)"
            "  ·  ● pledge  ◐ support  ○ intent  (blank: absent) · columns by date"))

    def _current(self) -> Any:
        table = self.query_one(DataTable)
        if not table.row_count or self.commitments is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((g for g in self.commitments.groups if g.id == key), None)

    @on(DataTable.RowSelected)
    def action_open_group(self) -> None:
        from tui.app.screens.group import GroupScreen

        group = self._current()
        if group is not None:
            self.app.push_screen(GroupScreen(group, self._columns()))

    def action_cycle_theme(self, step: int = 1) -> None:
        themes = self.themes
        self.theme_filter = themes[(themes.index(self.theme_filter) + step) % len(themes)]
        self.refresh_matrix()

    def action_back(self) -> None:
        self.dismiss()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_matrix()
