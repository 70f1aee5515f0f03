"""Compare two documents: aligned rows, word-level changes, live threshold, split or unified."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Header, Static

from tui.app.messages import OpenReader, PickCompare
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.rows import FILTERS, RowList
from tui.documents.document import Document
from tui.infra.safety import one_line

UNIFIED_BELOW = 100
STEP = 0.05
SUMMARY = (("unchanged", "=", None), ("reworded", "~", "reworded"), ("added", "+", "added"),
           ("removed", "-", "removed"), ("moved", "↕", "moved"), ("stronger", "▲", "stronger"),
           ("weaker", "▼", "weaker"))


class CompareScreen(AccordScreen):
    """Aligned rows of two documents; ``prepare(left, right, context)`` returns an ``Alignment``."""

    HELP_TITLE = "Compare"
    AUTO_FOCUS = "#rows"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("n", "next_change", "Next change"),
        Binding("p", "previous_change", "Prev change"),
        Binding("right_square_bracket", "next_change", "Next change", show=False, key_display="]"),
        Binding("left_square_bracket", "previous_change", "Prev change", show=False, key_display="["),
        Binding("f", "cycle_filter", "Filter"),
        Binding("x", "swap", "Swap"),
        Binding("u", "toggle_layout", "Split/unified"),
        Binding("plus", "threshold(1)", "Threshold +", key_display="+"),
        Binding("equals_sign", "threshold(1)", "Threshold +", show=False, key_display="="),
        Binding("minus", "threshold(-1)", "Threshold -", key_display="-"),
        Binding("c", "choose", "Choose pair"),
        Binding("enter", "read", "Read here", show=False),
    ]

    def __init__(self, left: Document, right: Document, context: Sequence[Document] = (),
                 prepare: Any = None, threshold: float = 0.5) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.context = tuple(context)
        self.prepare = prepare
        self.threshold = round(threshold, 2)
        self.alignment: Any = None
        self.comparison: Any = None
        self.layout_choice: str | None = None  # None: chosen by width
        self.status_filter = "all"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-summary", markup=False)
        with Horizontal(id="compare-heads"):
            yield Static(id="compare-left-head", markup=False)
            yield Static(id="compare-right-head", markup=False)
        yield Static(id="compare-message", markup=False)
        yield RowList(id="rows")
        yield Static(id="compare-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._summary())
        self._heads()
        rows = self.query_one(RowList)
        rows.display = False
        if self.prepare is None:
            self._message("Comparison is not available yet in this build (tui.analysis.align is missing).")
            return
        self._message("Aligning…")
        self.align()

    # -- work ----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="align")
    def align(self) -> None:
        """Prepare the pair (heavy) and decide it at the current threshold."""
        left, right, threshold = self.left, self.right, self.threshold
        try:
            alignment = self.prepare(left, right, self.context)
            comparison = alignment.at(threshold)
        except Exception as exc:  # noqa: BLE001 - show the failure instead of crashing the app
            self.app.call_from_thread(self._message, f"Alignment failed: {type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._aligned, left, right, alignment, comparison, threshold)

    @work(thread=True, exclusive=True, group="threshold")
    def rethreshold(self, threshold: float) -> None:
        """Re-decide the pairs at ``threshold`` (cheap, but kept off the event loop)."""
        alignment = self.alignment
        if alignment is None:
            return
        comparison = alignment.at(threshold)
        self.app.call_from_thread(self._aligned, self.left, self.right, alignment, comparison, threshold)

    def _aligned(self, left: Document, right: Document, alignment: Any, comparison: Any,
                 threshold: float) -> None:
        if (left, right) != (self.left, self.right):
            return  # a stale result after a swap
        if abs(threshold - self.threshold) > 1e-9:
            return  # a stale result after another threshold change
        self.alignment, self.comparison = alignment, comparison
        self._message(None)
        self._render_rows()

    # -- drawing ---------------------------------------------------------------------------------------

    @property
    def split(self) -> bool:
        if self.layout_choice is not None:
            return self.layout_choice == "split"
        return self.size.width >= UNIFIED_BELOW

    def _message(self, text: str | None) -> None:
        box = self.query_one("#compare-message", Static)
        box.display = text is not None
        if text is not None:
            box.update(Text(one_line(text)))

    def _heads(self) -> None:
        def head(sign: str, doc: Document) -> Text:
            text = Text(f"{sign} ", style="bold", no_wrap=True, overflow="ellipsis")
            text.append(one_line(doc.id), style="bold")
            text.append(f"  {doc.date.isoformat()}  " + one_line(doc.title))
            return text

        left, right = self.query_one("#compare-left-head", Static), self.query_one("#compare-right-head", Static)
        left.update(head("-", self.left))
        right.update(head("+", self.right))
        self.sub_title = f"{one_line(self.left.id)} ↔ {one_line(self.right.id)}"

    def _render_rows(self) -> None:
        rows = self.query_one(RowList)
        self.query_one("#compare-heads").set_class(not self.split, "-unified")
        if self.comparison is None:
            return
        if not rows.display:
            rows.display = True
            rows.focus()
        rows.show(self.comparison.rows, split=self.split, status_filter=self.status_filter)
        self._summary()
        if not rows.item_count:
            self._message(f"No rows match the filter '{self.status_filter}' (f cycles the filter).")
        else:
            self._message(None)

    def _summary(self) -> None:
        rows = self.query_one(RowList)
        counts = self.comparison.summary() if self.comparison is not None else {}
        text = Text()
        wide = self.size.width >= 110
        for key, sign, style in SUMMARY:
            label = f"{sign}{counts.get(key, 0)} {key}" if wide else f"{sign}{counts.get(key, 0)}"
            text.append(label, style=rows.cstyle(style) if style else "")
            text.append("  " if wide else " ")
        text.append(f"│ threshold {self.threshold:.2f} │ {'split' if self.split else 'unified'}"
                    f" │ {self.status_filter}")
        self.query_one("#compare-summary", Static).update(text)

    def on_resize(self, event: Resize) -> None:
        if self.comparison is not None:
            if self.layout_choice is None and self.query_one(RowList).split != self.split:
                self._render_rows()
            else:
                self._summary()
        self.query_one("#compare-heads").set_class(not self.split, "-unified")

    # -- actions ----------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_next_change(self) -> None:
        if not self.query_one(RowList).step_change(+1):
            self.notify("no further change", timeout=2)

    def action_previous_change(self) -> None:
        if not self.query_one(RowList).step_change(-1):
            self.notify("no earlier change", timeout=2)

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self._render_rows()

    def action_swap(self) -> None:
        self.left, self.right = self.right, self.left
        self._heads()
        if self.prepare is not None:
            self.comparison = None
            self._message("Aligning…")
            self.align()

    def action_toggle_layout(self) -> None:
        self.layout_choice = "unified" if self.split else "split"
        self._render_rows()

    def action_threshold(self, direction: int) -> None:
        new = round(min(0.95, max(0.05, self.threshold + direction * STEP)), 2)
        if new == self.threshold:
            self.notify(f"threshold stays at {new:.2f}", timeout=2)
            return
        self.threshold = new
        self._summary()
        self.rethreshold(new)

    def action_choose(self) -> None:
        self.post_message(PickCompare(self.left.id, self.right.id))

    @on(RowList.Highlighted, "#rows")
    def _row_highlighted(self) -> None:
        rows = self.query_one(RowList)
        position = rows.current_row()
        detail = self.query_one("#compare-detail", Static)
        if position is None or position >= len(rows.rows):
            detail.update("")
            return
        row = rows.rows[position]
        parts = [f"row {position + 1}/{len(rows.rows)}", row.status]
        if row.moved:
            parts.append("moved")
        if row.strength in ("stronger", "weaker"):
            parts.append(f"commitment {row.strength}")
        if row.similarity is not None:
            parts.append(f"score {row.similarity:.2f}")
        if len(row.left) > 1 or len(row.right) > 1:
            parts.append(f"{len(row.left)}:{len(row.right)} sentences")
        if row.evidence:
            parts.append("shared: " + ", ".join(row.evidence[:8]))
        detail.update(Text(one_line("  ·  ".join(parts)) + "  ·  Enter reads it in context"))

    @on(RowList.Selected, "#rows")
    def action_read(self) -> None:
        rows = self.query_one(RowList)
        position = rows.current_row()
        if position is None:
            return
        row = rows.rows[position]
        if row.left:
            self.post_message(OpenReader(self.left.id, row.left[0].index))
        elif row.right:
            self.post_message(OpenReader(self.right.id, row.right[0].index))
