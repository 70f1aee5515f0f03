"""Commitments: pledge groups × documents (or years), with status, search, sort and a preview.

The matrix is a :class:`~tui.app.widgets.wraplist.WrapList` of one-line rows under a fixed
two-line head: it paints only the rows on screen and keeps their strips, so a sort or a filter
repaints in a few milliseconds where a ``DataTable`` re-rendered every visible cell through Rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Input, Static

from tui.app.analysis import group_status
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.sentences import GLYPHS
from tui.app.widgets.styles import component_style
from tui.app.widgets.wraplist import Column, Item, WrapList
from tui.documents.document import Document
from tui.infra.safety import one_line, visible

RANK = {"pledge": 3, "support": 2, "intent": 1}
SORTS = ("documents", "theme", "recency", "status")
STATUS_ORDER = {"persists": 0, "recurring": 0, "new": 1, "dropped": 2, "single": 3}
CELL = 5  # a document (or year) column: a glyph and room for its head
GAP = 2  # cells between two columns
SCROLLBAR = 2  # the matrix always shows its vertical scrollbar (``overflow-y: scroll``)


def strongest(strengths: Sequence[str]) -> str:
    if not strengths:
        return ""
    return GLYPHS.get(max(strengths, key=lambda s: RANK.get(s, 0)), "•")


def cell(group: Any, doc_id: str) -> str:
    """The strongest strength glyph of ``doc_id``'s members of ``group`` (blank when absent)."""
    return strongest([p.strength for p in group.members if p.doc_id == doc_id])


def fit(text: Text, width: int, centre: bool = False) -> Text:
    """``text`` on one line of exactly ``width`` cells: cut with an ellipsis, or padded (centred)."""
    text = text.copy()
    text.truncate(width, overflow="ellipsis")
    if centre:
        text.pad_left((width - text.cell_len) // 2)
    text.truncate(width, pad=True)
    return text


def _update_sized(widget: Static, text: Text) -> None:
    """``widget.update(text)``, with a layout pass only when its height changes (or is not known yet)."""
    width = widget.size.width
    before = widget.visual.get_height(widget.styles, width) if width and widget.display else None
    widget.update(text, layout=before is None)
    if before is not None and widget.visual.get_height(widget.styles, width) != before:
        widget.refresh(layout=True)


class CommitmentsScreen(AccordScreen):
    """The pledge matrix; Enter opens a group's multi-witness view."""

    HELP_TITLE = "Commitments"
    AUTO_FOCUS = "#matrix"
    COMPONENT_CLASSES = {"commitments--persists", "commitments--new", "commitments--dropped",
                         "commitments--muted"}
    BINDINGS = [
        Binding("enter", "open_group", "Open group", id="commitments.open"),
        Binding("slash", "search", "Search", key_display="/", id="commitments.search"),
        Binding("a", "toggle_single", "One-doc groups", id="commitments.single"),
        Binding("s", "sort", "Sort", id="commitments.sort"),
        Binding("t", "cycle_theme", "Theme", id="commitments.theme"),
        Binding("T", "cycle_theme(-1)", "Prev theme", show=False, id="commitments.theme_back"),
        Binding("escape", "back", "Back", id="commitments.back"),
    ]

    def __init__(self, commitments: Any, documents: Sequence[Document], status: str | None = None) -> None:
        super().__init__()
        self.commitments = commitments
        self.documents = tuple(documents)
        self.status = status
        self.theme_filter = "all"
        self.show_single = False
        self.sort_key = "documents"
        self.query_text = ""
        self._shown: list[Any] = []
        self.column_keys: tuple[str, ...] = ()  # status, label, theme (on wide screens), one per document or year
        self._preview_text: Text | None = None  # what the preview shows
        self._rebuilding = False

    def compose(self) -> ComposeResult:
        # the sub-title is set before the header mounts: no extra repaint when the screen opens
        self.sub_title = "commitments"
        yield Header()
        yield Static(id="commitments-info", markup=False)
        yield Static(id="matrix-head", markup=False)
        yield WrapList(id="matrix", gap=GAP, zebra=True)
        yield Static(id="commitments-preview", markup=False)
        yield Input(placeholder="search labels, themes and wordings (Enter keeps it, Esc clears)",
                    id="commitments-search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#commitments-search").display = False
        # the preview follows the cursor in the same step as the cursor's own repaint (one paint per
        # key), not a turn later when the RowHighlighted message arrives
        self.watch(self.matrix, "highlighted", self._cursor_moved, init=False)
        self.refresh_matrix()

    def _cursor_moved(self, old: Any, new: Any) -> None:
        if old != new and not self._rebuilding:  # a rebuild shows its preview once it is done
            self._preview()

    @property
    def matrix(self) -> WrapList:
        return self.query_one("#matrix", WrapList)

    def set_commitments(self, commitments: Any) -> None:
        """Fill the matrix once the pledge analysis is ready."""
        self.commitments = commitments
        self.refresh_matrix()

    def set_commitments_error(self, status: str | None) -> None:
        """The pledge analysis failed (or has nothing to group): say so instead of "Grouping…"."""
        self.status = status or "Pledge analysis failed."
        self.refresh_matrix()

    @property
    def themes(self) -> list[str]:
        found = sorted({g.theme for g in getattr(self.commitments, "groups", ()) if g.theme})
        return ["all", *found]

    def _columns(self) -> list[Document]:
        docs = getattr(self.commitments, "documents", None) or self.documents
        return sorted(docs, key=lambda d: (d.date, d.id))

    # -- which groups ----------------------------------------------------------------------------------

    def _status(self, group: Any) -> str:
        return group_status(self.commitments, group)

    def _matches(self, group: Any) -> bool:
        if self.theme_filter != "all" and group.theme != self.theme_filter:
            return False
        if self.query_text:
            hay = " ".join([group.label, group.theme, group.id, *(p.text for p in group.members),
                            *group.documents]).casefold()
            if not all(w in hay for w in self.query_text.casefold().split()):
                return False
        return True

    def visible_groups(self) -> tuple[list[Any], int]:
        """The groups shown (sorted), and how many one-document groups are hidden."""
        groups = [g for g in getattr(self.commitments, "groups", ()) if self._matches(g)]
        hidden = 0
        if not self.show_single:
            hidden = sum(1 for g in groups if len(g.documents) < 2)
            groups = [g for g in groups if len(g.documents) >= 2]
        dates = {d.id: d.date for d in self._columns()}
        latest = {g.id: max((dates.get(d) for d in g.documents if d in dates), default=None) for g in groups}
        keys = {
            "documents": lambda g: (-len(g.documents), STATUS_ORDER.get(self._status(g), 9), g.theme, g.label),
            "theme": lambda g: (g.theme == "general", g.theme, -len(g.documents), g.label),
            "recency": lambda g: (-(latest[g.id].toordinal() if latest[g.id] else 0), -len(g.documents), g.label),
            "status": lambda g: (STATUS_ORDER.get(self._status(g), 9), -len(g.documents), g.label),
        }
        return sorted(groups, key=keys[self.sort_key]), hidden

    # -- drawing ------------------------------------------------------------------------------------------

    def refresh_matrix(self) -> None:
        """Rebuild the table for the current filters, sort and width."""
        self._rebuilding = True
        try:
            self._rebuild()
        finally:
            self._rebuilding = False

    def _rebuild(self) -> None:
        info = self.query_one("#commitments-info", Static)
        table = self.matrix
        head = self.query_one("#matrix-head", Static)
        preview = self.query_one("#commitments-preview", Static)
        current = self._current()
        if self.commitments is None:
            table.set_items([])
            self.column_keys = ()
            table.display = head.display = preview.display = False
            info.update(Text(self.status or "Grouping pledges across the corpus…"))
            return
        table.display = head.display = preview.display = True
        groups, hidden = self.visible_groups()
        self._shown = groups
        docs = self._columns()
        total = table.scrollable_content_region.width or max(40, (self.size.width or 120) - SCROLLBAR)
        status_width, theme_width = 10, (16 if total >= 100 else 0)  # " recurring"
        fixed = status_width + GAP + (theme_width + GAP if theme_width else 0)
        by_year = len(docs) * (CELL + GAP) > max(20, (total - fixed) // 2)  # a timeline when documents don't fit
        heads = self._heads(docs, by_year)
        label_width = max(20, total - fixed - GAP - len(heads) * (CELL + GAP))
        widths = [status_width, label_width, *([theme_width] if theme_width else []), *([CELL] * len(heads))]
        self.column_keys = ("status", "label", *(("theme",) if theme_width else ()), *(k for k, _h, _m in heads))
        titles = [Text(" Status"), Text("Pledge group"), *([Text("Theme")] if theme_width else [])]
        columns = [(fit(title, width), Text(" " * width)) for title, width in zip(titles, widths, strict=False)]
        for _key, title, _members in heads:  # a document's or year's head takes two lines
            first, _, second = title.partition("\n")
            columns.append((fit(Text(first), CELL, centre=True), fit(Text(second), CELL, centre=True)))
        gap = Text(" " * GAP)
        lines = [gap.join(top for top, _ in columns), gap.join(bottom for _, bottom in columns)]
        head.update(Text("\n", no_wrap=True, overflow="crop").join(lines), layout=False)
        styles: dict[str, Any] = {}  # one theme lookup per status, not per group
        items = []
        for group in groups:
            status = self._status(group)
            style = styles.get(status)
            if style is None:
                style = styles[status] = (
                    component_style(self, f"commitments--{status}") if status in ("persists", "new", "dropped")
                    else component_style(self, "commitments--muted"))
            cells = [fit(Text(" " + status, style=style), status_width),
                     fit(Text(one_line(group.label)), label_width)]
            if theme_width:
                cells.append(fit(Text(one_line(group.theme)), theme_width))
            for _key, _head, members in heads:
                cells.append(fit(Text(strongest([p.strength for p in group.members if p.doc_id in members])),
                                 CELL, centre=True))
            items.append(Item(group.id, tuple(cells)))
        table.set_items(items, columns=[Column(w) for w in widths])
        if current is not None and table.index_of(current.id) is not None:
            table.scroll_to_highlight()  # set_items kept the cursor on the same group
        parts = [f"{len(groups)} of {len(self.commitments.groups)} groups"]
        if hidden:
            parts.append(f"{hidden} one-document groups hidden (a shows them)")
        elif self.show_single:
            parts.append("one-document groups shown (a hides them)")
        parts.append(f"theme {one_line(self.theme_filter)} (t)")
        parts.append(f"sorted by {self.sort_key} (s)")
        if self.query_text:
            parts.append(f"search '{one_line(self.query_text)}' (/)")
        legend = "● pledge  ◐ support  ○ intent  · columns by " + ("year" if by_year else "date")
        _update_sized(info, Text("  ·  ".join(parts) + "\n" + legend))
        if not groups:
            self._show_preview(Text("No group matches: a shows one-document groups, / changes the search, "
                                    "t the theme."))
        else:
            self._preview()

    def _heads(self, docs: list[Document], by_year: bool) -> list[tuple[str, str, set[str]]]:
        """Column key, two-line head and the document ids it covers: one per document, or per year."""
        if by_year:
            years: dict[int, set[str]] = {}
            for d in docs:
                years.setdefault(d.date.year, set()).add(d.id)
            return [(f"y{y}", f"{y}\n{len(ids)}d", ids) for y, ids in years.items()]
        out = []
        for n, d in enumerate(docs):
            out.append((f"d{n}", one_line(d.id)[:CELL] + "\n" + d.date.isoformat()[2:7], {d.id}))
        return out

    def _preview(self) -> None:
        group = self._current()
        preview = self.query_one("#commitments-preview", Static)
        if group is None:
            self._preview_text = None
            preview.update("")
            return
        order = {d.id: n for n, d in enumerate(self._columns())}
        members = sorted(group.members, key=lambda p: (order.get(p.doc_id, 0), p.index))
        text = Text(one_line(group.label), style="bold", no_wrap=True, overflow="ellipsis")
        text.append(f"  ·  {one_line(group.theme)}  ·  {len(group.documents)} document(s)  ·  "
                    f"{self._status(group)}  ·  enter opens it", style="italic")
        for p in members[:4]:
            text.append(f"\n{GLYPHS.get(p.strength, '•')} {one_line(p.doc_id)} #{p.index}: ", style="bold")
            text.append(visible(p.text))
        if len(members) > 4:
            text.append(f"\n… and {len(members) - 4} more", style="italic")
        self._show_preview(text)

    def _show_preview(self, text: Text) -> None:
        """Show ``text`` in the preview unless it shows it already (the cursor's message after a rebuild)."""
        if text == self._preview_text:
            return
        self._preview_text = text
        _update_sized(self.query_one("#commitments-preview", Static), text)

    def _current(self) -> Any:
        item = self.matrix.highlighted_item
        if item is None or self.commitments is None:
            return None
        return next((g for g in self.commitments.groups if g.id == item.key), None)

    # -- actions --------------------------------------------------------------------------------------------

    @on(WrapList.Selected, "#matrix")
    def action_open_group(self) -> None:
        from tui.app.screens.group import GroupScreen

        group = self._current()
        if group is not None:
            self.app.push_screen(GroupScreen(group, self._columns()))

    def action_cycle_theme(self, step: int = 1) -> None:
        themes = self.themes
        here = themes.index(self.theme_filter) if self.theme_filter in themes else 0
        self.theme_filter = themes[(here + step) % len(themes)]
        self.refresh_matrix()

    def action_toggle_single(self) -> None:
        self.show_single = not self.show_single
        self.refresh_matrix()

    def action_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.refresh_matrix()

    def action_search(self) -> None:
        box = self.query_one("#commitments-search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#commitments-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.refresh_matrix()

    @on(Input.Submitted, "#commitments-search")
    def _search_done(self) -> None:
        self.query_one("#commitments-search").display = False
        self.matrix.focus()

    def action_back(self) -> None:
        box = self.query_one("#commitments-search", Input)
        if box.display or self.query_text:
            box.value = ""
            box.display = False
            self.query_text = ""
            self.matrix.focus()
            self.refresh_matrix()
            return
        self.dismiss()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_matrix()
