"""Compare two documents: the ledger by theme first, then aligned rows; live threshold, split or unified."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Header, Static

from tui.analysis.diffmodel import related_floor, side_names
from tui.app.analysis import counterparts
from tui.app.messages import OpenPair, OpenReader, PickCompare, SettingChanged
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.rows import FILTER_NAMES, FILTERS, GLYPH, RowList, is_related, paired, row_theme
from tui.documents.document import Document
from tui.infra.safety import one_line

UNIFIED_BELOW = 100
PREPARED_LIMIT = 8  # prepared pairs kept in a store
STEP = 0.05
SLOW_SWAP = 0.15  # seconds: a swap that takes longer than this hides the old rows behind "Aligning…"


def short_labels(left: Document, right: Document) -> tuple[str, str]:
    """What rows call the two sides: their years, or their ids when the years match."""
    if left.date.year != right.date.year:
        return str(left.date.year), str(right.date.year)
    return left.id, right.id


class CompareScreen(AccordScreen):
    """The ledger and aligned rows of two documents; ``prepare(left, right, context)`` returns an ``Alignment``.

    The caller decides the order (the app puts the older document left); ``x`` swaps.
    """

    HELP_TITLE = "Compare"
    AUTO_FOCUS = "#rows"
    BINDINGS = [
        Binding("n", "next_pair", "Next pair", id="compare.next_pair"),
        Binding("p", "previous_pair", "Prev", id="compare.previous_pair"),
        Binding("right_curly_bracket", "next_run", "Runs", key_display="}", id="compare.next_run"),
        Binding("left_curly_bracket", "previous_run", "Prev one-sided run", show=False, key_display="{",
                id="compare.previous_run"),
        Binding("N", "next_run", "Next one-sided run", show=False, id="compare.next_run_n"),
        Binding("P", "previous_run", "Prev one-sided run", show=False, id="compare.previous_run_p"),
        Binding("f", "cycle_filter", "Filter", id="compare.filter"),
        Binding("t", "cycle_theme", "Theme", id="compare.theme"),
        Binding("T", "cycle_theme(-1)", "Previous theme", show=False, id="compare.theme_back"),
        Binding("x", "swap", "Swap", id="compare.swap"),
        Binding("escape", "back", "Back", id="compare.back"),
        Binding("u", "toggle_layout", "Split/unified", id="compare.layout"),
        Binding("plus", "threshold(1)", "Threshold +", key_display="+", id="compare.threshold_up"),
        Binding("equals_sign", "threshold(1)", "Threshold +", show=False, key_display="=",
                id="compare.threshold_up_eq"),
        Binding("minus", "threshold(-1)", "Threshold -", key_display="-", id="compare.threshold_down"),
        Binding("z", "toggle_fold", "Fold/unfold runs", show=False, id="compare.fold"),
        Binding("right_square_bracket", "next_change", "Next change", show=False, key_display="]",
                id="compare.next_change"),
        Binding("left_square_bracket", "previous_change", "Prev change", show=False, key_display="[",
                id="compare.previous_change"),
        Binding("c", "choose", "Choose pair", show=False, id="compare.choose"),
        Binding("enter", "read", "Open: pair in context, run, counterpart", show=False, id="compare.read"),
    ]

    def __init__(self, left: Document, right: Document, context: Sequence[Document] = (),
                 prepare: Any = None, threshold: float = 0.5, commitments: Any = None,
                 layout: str | None = None, prepared: dict[Any, Any] | None = None) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.context = tuple(context)
        self.prepare = prepare
        self.threshold = round(threshold, 2)
        self.commitments = commitments
        self.alignment: Any = None
        self.comparison: Any = None
        self.layout_choice: str | None = layout if layout in ("split", "unified") else None  # None: by width
        self.status_filter = "all"
        self.theme_filter: str | None = None
        self._anchor: tuple[str, int, bool] | None = None  # (side, sentence, on a fold) kept across re-aligns
        self._width = 0
        self._summary_shown = False
        self._detail_text: str | None = None  # what the detail line shows (updated only when it changes)
        # prepared pairs by orientation (a swap back, or the same pair opened again when the app shares
        # its store, is served from here) and, for each, the comparisons already decided by threshold
        # (prepare and Alignment.at are deterministic):
        # {(id left, id right): (left, right, context, alignment, {threshold: comparison})}
        self._prepared: dict[Any, Any] = prepared if prepared is not None else {}

    def compose(self) -> ComposeResult:
        # the sub-title is set before the header mounts: no extra repaint when the screen opens
        self.sub_title = f"{one_line(self.left.id)} → {one_line(self.right.id)}"
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
        # the detail line follows the cursor in the same step as the cursor's own repaint (one paint per
        # key), not a turn later when the Highlighted message arrives
        self.watch(rows, "highlighted", self._cursor_moved, init=False)
        rows.display = False
        if self.prepare is None:
            self._message("Comparison is not available yet in this build (tui.analysis.align is missing).")
            return
        self._message("Aligning…")
        self.align()

    def set_commitments(self, commitments: Any) -> None:
        """Pledge groups arrived: one-sided pledge rows can now link to their counterparts."""
        self.commitments = commitments
        self._row_highlighted()

    # -- work ----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="align")
    def align(self) -> None:
        """Prepare the pair (heavy) and decide it at the current threshold."""
        left, right, threshold = self.left, self.right, self.threshold
        try:
            known = self._known(left, right)  # a swap back, or a pair opened again: prepared already
            if known is not None:
                alignment = known[3]
            elif (reverse := self._known(right, left)) is not None and callable(getattr(reverse[3], "swapped", None)):
                alignment = reverse[3].swapped()  # a swap: only the candidate search runs again
            else:
                alignment = self.prepare(left, right, self.context)
            comparison = self._decide(left, right, alignment, threshold)
        except Exception as exc:  # noqa: BLE001 - show the failure instead of crashing the app
            self.app.call_from_thread(self._failed, left, right, exc)
            return
        self.app.call_from_thread(self._aligned, left, right, alignment, comparison, threshold)

    @work(thread=True, exclusive=True, group="threshold")
    def rethreshold(self, threshold: float) -> None:
        """Re-decide the pairs at ``threshold`` (cheap, but kept off the event loop)."""
        alignment, left, right = self.alignment, self.left, self.right
        if alignment is None:
            return
        try:
            comparison = self._decide(left, right, alignment, threshold)
        except Exception as exc:  # noqa: BLE001 - every worker posts a result or an error
            self.app.call_from_thread(self._failed, left, right, exc)
            return
        self.app.call_from_thread(self._aligned, left, right, alignment, comparison, threshold)

    def _known(self, left: Document, right: Document) -> Any:
        """The stored entry of ``(left, right)`` prepared in this screen's context, or ``None``."""
        known = self._prepared.get((id(left), id(right)))
        if known is None or known[0] is not left or known[1] is not right or len(known[2]) != len(self.context) \
                or any(a is not b for a, b in zip(known[2], self.context, strict=True)):
            return None
        return known

    def _decide(self, left: Document, right: Document, alignment: Any, threshold: float) -> Any:
        """``alignment.at(threshold)``, computed once per prepared pair and threshold (in a worker)."""
        known = self._known(left, right)
        if known is None or known[3] is not alignment:
            known = self._prepared[(id(left), id(right))] = (left, right, self.context, alignment, {})
            while len(self._prepared) > PREPARED_LIMIT:  # the oldest pair goes
                self._prepared.pop(next(iter(self._prepared)), None)
        decided = known[4]
        comparison = decided.get(threshold)
        if comparison is None:
            comparison = decided[threshold] = alignment.at(threshold)
        return comparison

    def _failed(self, left: Document, right: Document, exc: Exception) -> None:
        if (left, right) == (self.left, self.right):
            self.query_one(RowList).display = False
            self._message(f"Alignment failed: {type(exc).__name__}: {exc}")

    def _aligned(self, left: Document, right: Document, alignment: Any, comparison: Any,
                 threshold: float) -> None:
        if (left, right) != (self.left, self.right):
            return  # a stale result after a swap
        if abs(threshold - self.threshold) > 1e-9:
            return  # a stale result after another threshold change
        self.alignment, self.comparison = alignment, comparison
        themes = {row_theme(r) for r in comparison.rows}
        if self.theme_filter not in themes:
            self.theme_filter = None
        self._message(None)
        self._render_rows()
        self._restore_anchor()

    # -- the sentence under the cursor, kept across re-alignments ---------------------------------------

    def _remember(self, swap: bool = False) -> None:
        rows = self.query_one(RowList)
        position = rows.current_row()
        self._anchor = None
        if position is None or self.comparison is None or position >= len(rows.rows):
            return
        row = rows.rows[position]
        side, sentences = ("left", row.left) if row.left else ("right", row.right)
        if swap:
            side = "right" if side == "left" else "left"
        self._anchor = (side, sentences[0].index, rows.current_is_fold())

    def _restore_anchor(self) -> None:
        if self._anchor is None or self.comparison is None:
            return
        side, index, on_fold = self._anchor
        self._anchor = None
        for position, row in enumerate(self.comparison.rows):
            if any(s.index == index for s in (row.left if side == "left" else row.right)):
                self.query_one(RowList).go_to_row(position, nearest=True, unfold=not on_fold)
                return

    # -- drawing ---------------------------------------------------------------------------------------

    @property
    def split(self) -> bool:
        if self.layout_choice is not None:
            return self.layout_choice == "split"
        return self.size.width >= UNIFIED_BELOW

    @property
    def labels(self) -> tuple[str, str]:
        return short_labels(self.left, self.right)

    @property
    def side_names(self) -> tuple[str, str]:
        return side_names(self.left, self.right)

    def _message(self, text: str | None) -> None:
        box = self.query_one("#compare-message", Static)
        box.display = text is not None
        if text is not None:
            box.update(Text(one_line(text)))

    def _heads(self) -> None:
        def head(label: str, doc: Document) -> Text:
            text = Text(f"{label} ", style="bold", no_wrap=True, overflow="ellipsis")
            text.append(one_line(doc.id), style="bold")
            text.append(f"  {doc.date.isoformat()}  " + one_line(doc.title))
            return text

        left_label, right_label = self.labels
        # one line each (height 1 in the stylesheet): no layout needed
        self.query_one("#compare-left-head", Static).update(head(left_label, self.left), layout=False)
        self.query_one("#compare-right-head", Static).update(head(right_label, self.right), layout=False)
        self.sub_title = f"{one_line(self.left.id)} → {one_line(self.right.id)}"

    def _render_rows(self) -> None:
        rows = self.query_one(RowList)
        self.query_one("#compare-heads").set_class(not self.split, "-unified")
        if self.comparison is None:
            return
        if not rows.display:
            rows.display = True
            rows.focus()
        ledger = getattr(self.comparison, "ledger", None)
        self._width = self.size.width
        rows.show(self.comparison.rows, split=self.split, status_filter=self.status_filter,
                  theme=self.theme_filter, labels=self.labels, side_names=self.side_names,
                  ledger=ledger() if ledger is not None else None)
        self._summary()
        if not rows.filtered():
            theme = f" and theme '{one_line(self.theme_filter)}'" if self.theme_filter else ""
            self._message(f"No rows match the filter '{FILTER_NAMES[self.status_filter]}'{theme} "
                          "(f cycles the filter, t the theme).")
        else:
            self._message(None)
        self._row_highlighted()

    def _summary(self) -> None:
        """One line that fits the width: what carried over, what one side only has, the view."""
        rows = self.query_one(RowList)
        width = max(20, self.size.width - 2)
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.comparison is not None:
            counts = self.comparison.summary()
            carried = counts.get("unchanged", 0) + counts.get("reworded", 0)
            only_left, only_right = self.side_names
            related = counts.get("related", 0)
            close = carried - related
            wide = width >= 140
            text.append(f"{carried} carried over", style="bold")
            if wide:
                text.append(f" ({close} close, {related} related)")
            text.append("  ·  " if wide else " · ")
            text.append(f"{counts.get('removed', 0)} {only_left}", style=rows.cstyle("removed"))
            text.append("  ·  " if wide else " · ")
            text.append(f"{counts.get('added', 0)} {only_right}", style=rows.cstyle("added"))
            marks = [(f"▲{counts.get('stronger', 0)}", "stronger"), (f"▼{counts.get('weaker', 0)}", "weaker"),
                     (f"↕{counts.get('moved', 0)}", "moved")]
            text.append("  ·  " if wide else " · ")
            for n, (mark, style) in enumerate(marks):
                text.append(("" if not n else " ") + mark, style=rows.cstyle(style))
        floor = round(related_floor(self.threshold), 3)  # the live threshold, also while re-aligning
        view = [f"threshold {self.threshold:.2f} (related from {floor:g})" if width >= 100 else f"t {self.threshold:.2f}",
                FILTER_NAMES[self.status_filter] if width >= 100 else self.status_filter]
        if self.theme_filter:
            view.append(one_line(self.theme_filter))
        if width >= 100:
            view.append("split" if self.split else "unified")
        tail = " │ " + " · ".join(view)
        room = width - text.cell_len
        if len(tail) > room:
            text.truncate(max(0, width - len(tail)), overflow="ellipsis")
        text.append(tail)
        # one line (no_wrap): only its first update can change its height
        self.query_one("#compare-summary", Static).update(text, layout=not self._summary_shown)
        self._summary_shown = True

    def on_resize(self, event: Resize) -> None:
        if self.comparison is not None:
            rows = self.query_one(RowList)
            if (self.layout_choice is None and rows.split != self.split) or self.size.width != self._width:
                self._render_rows()
            else:
                self._summary()
        self.query_one("#compare-heads").set_class(not self.split, "-unified")

    # -- actions ----------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def _rows_ready(self) -> RowList | None:
        rows = self.query_one(RowList)
        return rows if self.comparison is not None and rows.display else None

    def _step(self, step: Callable[[RowList, int], bool], delta: int, none_left: str) -> None:
        """Move the rows with ``step`` (next with ``delta`` +1, previous with -1); say so when none is left."""
        rows = self._rows_ready()
        if rows is not None and not step(rows, delta):
            self.notify(none_left, timeout=2)

    def action_next_pair(self) -> None:
        self._step(RowList.step_pair, +1, "no further pair")

    def action_previous_pair(self) -> None:
        self._step(RowList.step_pair, -1, "no earlier pair")

    def action_next_run(self) -> None:
        self._step(RowList.step_run, +1, "no further one-sided run")

    def action_previous_run(self) -> None:
        self._step(RowList.step_run, -1, "no earlier one-sided run")

    def action_next_change(self) -> None:
        self._step(RowList.step_change, +1, "no further change")

    def action_previous_change(self) -> None:
        self._step(RowList.step_change, -1, "no earlier change")

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self._render_rows()

    def themes(self) -> list[str | None]:
        """``None`` (every theme), then the comparison's themes in ledger order."""
        if self.comparison is None:
            return [None]
        ledger = getattr(self.comparison, "ledger", None)
        found = [t.theme for t in ledger()] if ledger is not None else sorted({row_theme(r)
                                                                                for r in self.comparison.rows})
        return [None, *found]

    def action_cycle_theme(self, step: int = 1) -> None:
        themes = self.themes()
        here = themes.index(self.theme_filter) if self.theme_filter in themes else 0
        self.theme_filter = themes[(here + step) % len(themes)]
        self._render_rows()

    def action_toggle_fold(self) -> None:
        rows = self._rows_ready()
        if rows is not None:
            rows.fold_all(not rows.view.fold)

    def action_swap(self) -> None:
        """Swap the sides and align again. The old rows stay on screen (inert) while the swapped pair
        is aligned: a swap that is quick repaints once, when its rows are ready; only one that takes
        longer than :data:`SLOW_SWAP` hides them behind "Aligning…"."""
        self._remember(swap=True)
        self.left, self.right = self.right, self.left
        self._heads()
        if self.prepare is not None:
            self.comparison = None
            self._summary()
            pair = (self.left, self.right)
            self.set_timer(SLOW_SWAP, lambda: self._still_aligning(pair))
            self.align()

    def _still_aligning(self, pair: tuple[Document, Document]) -> None:
        if self.comparison is None and pair == (self.left, self.right):
            self.query_one(RowList).display = False
            self._message("Aligning…")

    def action_toggle_layout(self) -> None:
        wanted = "unified" if self.split else "split"
        by_width = "split" if self.size.width >= UNIFIED_BELOW else "unified"
        # a choice the width would make anyway is no choice: back to "by width", and forgotten
        self.layout_choice = None if wanted == by_width else wanted
        self.post_message(SettingChanged("layout", self.layout_choice))
        self._render_rows()

    def action_threshold(self, direction: int) -> None:
        new = round(min(0.95, max(0.05, self.threshold + direction * STEP)), 2)
        if new == self.threshold:
            self.notify(f"threshold stays at {new:.2f}", timeout=2)
            return
        if self.comparison is not None:
            self._remember()
        self.threshold = new
        self._summary()
        self.rethreshold(new)

    def action_choose(self) -> None:
        self.post_message(PickCompare(self.left.id, self.right.id))

    # -- the highlighted row ------------------------------------------------------------------------------

    def _links(self, row: Any) -> list[tuple[Any, Any]]:
        """For a one-sided pledge row: ``(group, pledge)`` of its counterparts in the other document."""
        if paired(row) or self.commitments is None:
            return []
        doc, other, sentences = (self.left, self.right, row.left) if row.left else (self.right, self.left, row.right)
        found = []
        for s in sentences:
            found += counterparts(self.commitments, doc.id, s.index, other.id)
        return found

    def _cursor_moved(self) -> None:
        self._row_highlighted()

    @on(RowList.Highlighted, "#rows")
    def _row_highlighted(self) -> None:
        rows = self.query_one(RowList)
        detail = self.query_one("#compare-detail", Static)
        position = rows.current_row()
        parts = [rows.position_text()]
        if rows.highlighted_item is not None and rows.highlighted_item.key == "ledger":
            parts.append("the ledger: what carried over by theme · n goes to the first pair, } to one-sided runs"
                         if (self.size.width or 120) >= 100 else "ledger by theme · n: first pair · }: one-sided runs")
        elif rows.current_is_fold():
            parts.append("enter expands the run · z folds or unfolds every run")
        elif position is not None and position < len(rows.rows) and self.comparison is not None:
            row = rows.rows[position]
            only_left, only_right = self.side_names
            if paired(row):
                parts.append(f"{'related' if is_related(row) else 'close'} pair"
                             + (f" {row.similarity:.2f}" if row.similarity is not None else ""))
            else:
                parts.append(only_left if row.left else only_right)
            parts.append(one_line(row_theme(row)))
            if row.moved:
                parts.append("moved")
            if row.strength in ("stronger", "weaker"):
                parts.append(f"commitment {row.strength}")
            pledge = getattr(row, "right_pledge", None) or getattr(row, "left_pledge", None)
            if pledge:
                parts.append(f"{GLYPH.get(pledge, '•')} {pledge}")
            if len(row.left) > 1 or len(row.right) > 1:
                parts.append(f"{len(row.left)}:{len(row.right)} sentences")
            links = self._links(row)
            if links:
                other = self.right if row.left else self.left
                where = ", ".join(f"#{p.index}" for _g, p in links[:3])
                parts.append(f"pledge group {one_line(links[0][0].id)} is also in {one_line(other.id)} "
                             f"({where}) — enter jumps there")
            elif paired(row):
                if row.evidence:
                    parts.append("shares: " + ", ".join(row.evidence[:6]))
                parts.append("enter: both in context")
            else:
                parts.append("enter reads it in context")
        line = one_line("  ·  ".join(parts))
        if len(line) > (self.size.width or 120) - 2:  # narrow: tighter separators before the ellipsis
            line = one_line(" · ".join(parts))
        if line == self._detail_text:
            return  # already shown (the cursor's watcher updated it before its message came)
        self._detail_text = line
        detail.update(Text(line, no_wrap=True, overflow="ellipsis"), layout=False)  # height 1 in the stylesheet

    @on(RowList.Selected, "#rows")
    def action_read(self) -> None:
        rows = self._rows_ready()
        if rows is None:
            return
        position = rows.current_row()
        if position is None:
            return
        if rows.current_is_fold():
            rows.expand(position)
            return
        row = rows.rows[position]
        if paired(row):
            self.post_message(OpenPair(self.left.id, row.left[0].index, self.right.id, row.right[0].index))
            return
        links = self._links(row)
        if links:
            self._jump_to_counterpart(row, links[0][1])
            return
        if row.left:
            self.post_message(OpenReader(self.left.id, row.left[0].index))
        elif row.right:
            self.post_message(OpenReader(self.right.id, row.right[0].index))

    def _jump_to_counterpart(self, row: Any, pledge: Any) -> None:
        """Move to the row holding ``pledge`` (a sentence of the other document), showing every row if needed."""
        side = "right" if row.left else "left"
        target = next((n for n, r in enumerate(self.comparison.rows)
                       if any(s.index == pledge.index for s in (r.right if side == "right" else r.left))), None)
        if target is None:
            return
        rows = self.query_one(RowList)
        if not rows.go_to_row(target, unfold=True):
            self.status_filter, self.theme_filter = "all", None
            self._render_rows()
            rows.go_to_row(target, unfold=True)
        self.notify(f"counterpart: {one_line(pledge.doc_id)} #{pledge.index}", timeout=2)
