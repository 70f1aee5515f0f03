"""The library: every document of the corpus in a sortable, filterable table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Input, Static

from tui.app.analysis import pledge_counts
from tui.app.messages import OpenCommitments, OpenCompare, OpenReader, PickCompare
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.documents.corpus import Corpus
from tui.documents.document import Document
from tui.infra.safety import one_line

SORTS = ("date", "outlet", "title", "kind", "sentences", "pledges")


def column_widths(total: int) -> list[tuple[str, int]]:
    """Columns and their widths for a table ``total`` cells wide (narrow screens drop the kind)."""
    outlet, kind = (20, 26) if total >= 160 else (14, 22) if total >= 110 else (10, 0) if total < 90 else (12, 14)
    counts = (5, 7)
    if total < 64:
        outlet, counts = 0, (0, 0)
    columns = [("mark", 2), ("date", 10), ("outlet", outlet), ("kind", kind), ("sentences", counts[0]),
               ("pledges", counts[1])]
    columns = [(key, width) for key, width in columns if width]
    used = sum(width + 2 for _, width in columns) + 2 + 2  # cell padding, title padding, scrollbar
    columns.insert(3, ("title", max(12, total - used)))
    return columns


class DocumentTable(DataTable):
    """The documents table; Enter reads the document under the cursor."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Read", id="library.read"),
        Binding("home", "first_row", "First document", show=False, id="library.first"),
        Binding("end", "last_row", "Last document", show=False, id="library.last"),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)


class LibraryScreen(AccordScreen):
    """Documents with date, outlet, title, kind, sentence and pledge counts; failures listed below."""

    HELP_TITLE = "Library"
    AUTO_FOCUS = "#documents"
    BINDINGS = [
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse", "Reverse", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("f", "filter", "Filter", show=False),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("p", "commitments", "Pledges"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, corpus: Corpus, pledges: Mapping[str, int] | None = None,
                 problem: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.pledges: Mapping[str, int] | None = pledges
        self.problem = problem
        self.sort_key = "date"
        self.sort_reverse = False
        self.filter_text = ""
        self.marked: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="library"):
            yield Static(id="library-message", markup=False)
            yield DocumentTable(id="documents", cursor_type="row", zebra_stripes=True)
            yield Static(id="library-errors", markup=False)
            yield Input(placeholder="filter: words in title, outlet, kind, id or date (Esc clears)",
                        id="library-filter")
        yield Static(id="library-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "what changed between statements, which pledges recur"  # the tool in one line
        self.query_one("#library-filter").display = False
        self._show_message()
        self._show_errors()
        self.refresh_table()

    # -- content -------------------------------------------------------------------------------------

    def _show_message(self) -> None:
        message = self.query_one("#library-message", Static)
        text = None
        if self.problem:
            text = Text.assemble(("Could not load the corpus: ", "bold"), one_line(self.problem),
                                 "\nOpen another folder with  accord browse --corpus DIR  "
                                 "or set ACCORD_CORPUS.")
        elif not self.corpus.documents:
            where = ", ".join(one_line(str(f)) for f in self.corpus.folders) or "the corpus folders"
            text = Text.assemble(("No documents found", "bold"), f" in {where}.\n",
                                 "Add one with  accord add FILE --title TITLE --date YYYY-MM-DD  "
                                 "or open another folder with  accord browse --corpus DIR.")
        message.display = text is not None
        if text is not None:
            message.update(text)
        self.query_one(DataTable).display = bool(self.corpus.documents)

    def _show_errors(self) -> None:
        errors = self.query_one("#library-errors", Static)
        errors.display = bool(self.corpus.errors)
        if not self.corpus.errors:
            return
        text = Text(f"{len(self.corpus.errors)} file(s) could not be loaded:", style="bold")
        for err in self.corpus.errors:
            path = one_line(str(getattr(err, "path", "?")))
            line = getattr(err, "line", None)
            where = f"{path}:{line}" if line else path
            message = one_line(str(getattr(err, "message", err)))
            text.append("\n  ")
            text.append(where, style="bold")
            text.append(": " + message)
        errors.update(text)

    def _rows(self) -> list[Document]:
        docs = list(self.corpus.documents)
        if self.filter_text:
            words = self.filter_text.casefold().split()
            docs = [d for d in docs if all(w in _haystack(d) for w in words)]
        counts = self.pledges or {}
        keys = {
            "date": lambda d: (d.date, d.id),
            "outlet": lambda d: (d.meta.outlet.casefold(), d.date),
            "title": lambda d: d.title.casefold(),
            "kind": lambda d: (d.meta.kind, d.date),
            "sentences": lambda d: (len(d.sentences), d.date),
            "pledges": lambda d: (counts.get(d.id, 0), d.date),
        }
        return sorted(docs, key=keys[self.sort_key], reverse=self.sort_reverse)

    def refresh_table(self) -> None:
        """Rebuild the rows for the current filter, sort, marks and width."""
        table = self.query_one(DataTable)
        current = self._current_id()
        table.clear(columns=True)
        arrow = " ▼" if self.sort_reverse else " ▲"
        names = {"date": "Date", "outlet": "Outlet", "title": "Title", "kind": "Kind",
                 "sentences": "Sent.", "pledges": "Pledges"}
        columns = column_widths(self.size.width or 120)
        labels = {key: "" if key == "mark" else names[key] + (arrow if key == self.sort_key else "")
                  for key, _ in columns}
        extra = sum(max(0, len(labels[key]) - width) for key, width in columns)  # the arrow always shows
        for key, width in columns:
            width = max(width, len(labels[key])) if key != "title" else max(12, width - extra)
            table.add_column(Text(labels[key]), key=key, width=width)
        for doc in self._rows():
            mark = str(self.marked.index(doc.id) + 1) if doc.id in self.marked else ""
            pledges = "…" if self.pledges is None else str(self.pledges.get(doc.id, 0))
            cells = {
                "mark": Text(mark, style="bold"),
                "date": Text(doc.date.isoformat()),
                "outlet": Text(one_line(doc.meta.outlet), overflow="ellipsis", no_wrap=True),
                "title": Text(one_line(doc.title), overflow="ellipsis", no_wrap=True),
                "kind": Text(one_line(doc.meta.kind), overflow="ellipsis", no_wrap=True),
                "sentences": Text(str(len(doc.sentences)), justify="right"),
                "pledges": Text(pledges, justify="right"),
            }
            table.add_row(*(cells[key] for key, _ in columns), key=doc.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self._status()

    def _status(self) -> None:
        shown = self.query_one(DataTable).row_count
        parts = [f"{shown} of {len(self.corpus.documents)} documents", f"sorted by {self.sort_key}"]
        if self.filter_text:
            parts.append(f"filter: {one_line(self.filter_text)}")
        if self.marked:
            parts.append("marked: " + ", ".join(self.marked))
        self.query_one("#library-status", Static).update(Text("  ·  ".join(parts)), layout=False)  # height 1

    def _current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001 - the cursor may point past a cleared table
            return None
        return key.value

    def set_commitments(self, commitments: Any) -> None:
        """Fill the pledge column once the pledge analysis is ready."""
        self.pledges = pledge_counts(commitments)
        self.refresh_table()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_table()

    # -- actions ---------------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(OpenReader(event.row_key.value))

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column header sorts by it; a second click reverses."""
        key = event.column_key.value
        if key not in SORTS:
            return
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, False
        self.refresh_table()

    def action_open(self) -> None:
        doc_id = self._current_id()
        if doc_id:
            self.post_message(OpenReader(doc_id))

    def action_sort(self) -> None:
        shown = {key for key, _ in column_widths(self.size.width or 120)}
        order = [k for k in SORTS if k in shown] or list(SORTS)  # never sort by a hidden column
        at = order.index(self.sort_key) if self.sort_key in order else -1
        self.sort_key = order[(at + 1) % len(order)]
        self.refresh_table()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refresh_table()

    def action_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.value = ""
        box.display = False
        self.filter_text = ""
        self.refresh_table()

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.refresh_table()

    @on(Input.Submitted, "#library-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_mark(self) -> None:
        doc_id = self._current_id()
        if doc_id is None:
            return
        if doc_id in self.marked:
            self.marked.remove(doc_id)
        else:
            if len(self.marked) == 2:  # a comparison takes two: say which mark gave way
                self.notify(f"Unmarked {self.marked[0]}: a comparison takes two documents", timeout=4)
            self.marked = (self.marked + [doc_id])[-2:]
        self.refresh_table()

    def action_compare(self) -> None:
        if len(self.marked) == 2:
            self.post_message(OpenCompare(*self.marked))
        elif self.marked:
            self.post_message(PickCompare(self.marked[0], None))
        else:  # nothing marked: the picker starts on the headline pair (2024 vs 2025 statements)
            self.post_message(PickCompare(None, None))

    def action_commitments(self) -> None:
        self.post_message(OpenCommitments())


def _haystack(doc: Document) -> str:
    return " ".join((doc.id, doc.title, doc.meta.outlet, doc.meta.kind, doc.date.isoformat())).casefold()
