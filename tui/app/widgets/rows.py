"""Aligned comparison rows: a ledger first, then the rows, split (two columns) or unified.

Keys: ``ledger`` (the per-theme ledger), ``row<i>`` (row ``i`` of the comparison) and
``run<i>`` (a folded run of one-sided rows starting at row ``i``; Enter expands it).
A *close* pair shows its word changes; a *related* pair (the same commitment rewritten)
shows both sentences whole with the words they share picked out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.style import Style
from rich.text import Text

from tui.app.widgets.styles import component_style
from tui.app.widgets.wraplist import Column, Item, WrapList
from tui.infra.safety import one_line, visible

STATUS_MARK = {"unchanged": "=", "reworded": "~", "added": "+", "removed": "-"}
RELATED_MARK = "≈"
STRENGTH_MARK = {"stronger": "▲", "weaker": "▼"}
GLYPH = {"pledge": "●", "support": "◐", "intent": "○"}
FILTERS = ("all", "paired", "pledges", "changed", "one-sided")
FILTER_NAMES = {"all": "all rows", "paired": "paired rows", "pledges": "pledge rows",
                "changed": "changed rows", "one-sided": "one-sided rows"}
FOLD_MIN = 2  # runs of at least this many one-sided rows fold


def is_change(row: Any) -> bool:
    """True for every row but an unmoved, same-strength unchanged one."""
    return row.status != "unchanged" or row.moved or row.strength in STRENGTH_MARK


def is_related(row: Any) -> bool:
    return getattr(row, "tier", None) == "related"


def paired(row: Any) -> bool:
    return bool(row.left) and bool(row.right)


def row_pledge(row: Any) -> str | None:
    return getattr(row, "right_pledge", None) or getattr(row, "left_pledge", None)


def row_theme(row: Any) -> str:
    return getattr(row, "theme", None) or "general"


def keep(row: Any, status_filter: str, theme: str | None = None) -> bool:
    """Whether ``row`` passes the filter (and the theme, when one is chosen)."""
    if theme is not None and row_theme(row) != theme:
        return False
    if status_filter == "paired":
        return paired(row)
    if status_filter == "one-sided":
        return not paired(row)
    if status_filter == "pledges":
        return row_pledge(row) is not None
    if status_filter == "changed":
        return is_change(row)
    if status_filter in ("added", "removed"):
        return row.status == status_filter
    if status_filter == "moved":
        return bool(row.moved)
    return True


def marker(row: Any) -> str:
    """Text markers that read without colour: status (``≈`` a related pair), ↕ moved, ▲/▼ strength."""
    status = RELATED_MARK if is_related(row) else STATUS_MARK.get(row.status, "?")
    return status + ("↕" if row.moved else " ") + STRENGTH_MARK.get(row.strength or "", " ")


def side_text(sentences: Sequence[Any]) -> str:
    return " ".join(s.text for s in sentences)


def shared_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the shared ``terms`` (words, phrases or stems) occur in ``text``, case-insensitively."""
    spans = []
    for term in terms:
        words = term.split()
        if not words:
            continue
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\w*"
        spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


META = 12
ROW_STYLES = ("insert", "delete", "added", "removed", "reworded", "related", "moved", "stronger", "weaker",
              "number", "score", "shared", "fold", "heading", "theme", "side")
CELL_CACHE_LIMIT = 20000
SPLIT = (Column(3), Column(ratio=1), Column(ratio=1, rule=True), Column(META))
UNIFIED = (Column(3), Column(ratio=1), Column(META))


@dataclass
class View:
    """What the list shows: filter, theme, layout, folding and the names of the two sides."""

    status_filter: str = "all"
    theme: str | None = None
    split: bool = True
    fold: bool = True
    expanded: set[int] = field(default_factory=set)
    labels: tuple[str, str] = ("left", "right")  # short names: "2024", "2025" (ids when years match)
    side_names: tuple[str, str] = ("only left", "only right")  # "only in 2024", "new in 2025"
    ledger: Any = None  # Comparison.ledger() result, shown first when given


LEDGER_THEME_MIN = 14
"""Least width of the ledger's theme column before the side columns get short heads ("only L")."""


class RowList(WrapList):
    """The ledger, then one item per shown row or folded run of one-sided rows."""

    COMPONENT_CLASSES = WrapList.COMPONENT_CLASSES | {
        "rows--insert", "rows--delete", "rows--added", "rows--removed", "rows--reworded",
        "rows--related", "rows--moved", "rows--stronger", "rows--weaker", "rows--number",
        "rows--score", "rows--shared", "rows--fold", "rows--heading", "rows--theme", "rows--side",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(columns=SPLIT, gap=1, **kwargs)
        self.rows: tuple[Any, ...] = ()
        self.view = View()
        self._styles: dict[str, Style] = {}
        # the cells of each row as rendered, by (row, split, labels); kept while the styles stay the same,
        # so a new threshold or filter renders only the rows that changed
        self._cells: dict[tuple[Any, bool, tuple[str, str]], tuple[Text, ...]] = {}

    @property
    def split(self) -> bool:
        return self.view.split

    @property
    def status_filter(self) -> str:
        return self.view.status_filter

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.rows))

    def cstyle(self, name: str) -> Style:
        """The theme's style for component class ``rows--<name>``, with solid colours."""
        return component_style(self, f"rows--{name}")

    # -- content ---------------------------------------------------------------------------------------

    def filtered(self) -> list[int]:
        """Positions of the rows passing the filter and theme (folded or not)."""
        view = self.view
        return [i for i, row in enumerate(self.rows) if keep(row, view.status_filter, view.theme)]

    def runs(self) -> dict[int, list[int]]:
        """Foldable runs among the filtered rows: first position -> positions of the run."""
        out: dict[int, list[int]] = {}
        if not self.view.fold or self.view.status_filter == "one-sided":
            return out
        run: list[int] = []
        for i in [*self.filtered(), -1]:
            if i >= 0 and not paired(self.rows[i]) and (not run or run[-1] == i - 1):
                run.append(i)
                continue
            if len(run) >= FOLD_MIN:
                out[run[0]] = run
            run = [i] if i >= 0 and not paired(self.rows[i]) else []
        return out

    def show(self, rows: Sequence[Any], **changes: Any) -> None:
        """Render ``rows`` for the current view (``changes`` update it), keeping the cursor's row."""
        current = self.current_row()
        key = self.highlighted_item.key if self.highlighted_item is not None else None
        if rows is not self.rows:  # another comparison: its runs are other runs
            self.view.expanded = set()
        self.rows = rows if isinstance(rows, tuple) else tuple(rows)
        for name, value in changes.items():
            setattr(self.view, name, value)
        styles = {name: self.cstyle(name) for name in ROW_STYLES}
        if styles != self._styles:
            self._cells = {}
        self._styles = styles
        render = self._split if self.view.split else self._unified
        cells = self._cells
        shape = (self.view.split, self.view.labels)
        items: list[Item] = []
        if self.view.ledger is not None:
            items.append(Item("ledger", (self.ledger_text(),), gap_after=True, full=True))
        runs = self.runs()
        skip: set[int] = set()
        for i in self.filtered():
            if i in skip:
                continue
            run = runs.get(i)
            if run is not None and i not in self.view.expanded:
                items.append(Item(f"run{i}", (self._fold(run),), gap_after=True, full=True))
                skip.update(run)
                continue
            row = self.rows[i]
            try:
                key = (row, *shape)
                found = cells.get(key)
            except TypeError:  # an unhashable row: render it every time
                key, found = None, None
            if found is None:
                found = render(row)
                if key is not None:
                    cells[key] = found
            items.append(Item(f"row{i}", found, gap_after=True))
        if len(cells) > CELL_CACHE_LIMIT:
            self._cells = {}
        self.set_items(items, columns=SPLIT if self.view.split else UNIFIED)
        if not items:
            return
        if current is not None:
            self.go_to_row(current, nearest=True)
        elif key is not None and self.index_of(key) is not None:
            self.go_to_index(self.index_of(key))

    def style(self, name: str) -> Style:
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = self.cstyle(name)
        return found

    # -- the ledger ----------------------------------------------------------------------------------

    def ledger_text(self) -> Text:
        """Per theme: carried over (with how), only in the older document, new in the newer."""
        ledger = list(self.view.ledger or ())
        names = only_left, only_right = self.view.side_names
        width = max(40, (self.size.width or 80) - 2)
        numbers = 7 + 10 + len(only_left) + len(only_right) + 6
        short = width - numbers < LEDGER_THEME_MIN  # long side names (document ids): short heads, a key below
        if short:
            only_left, only_right = "only L", "only R"
            numbers = 7 + 10 + len(only_left) + len(only_right) + 6
        theme_width = max(8, min(22, width - numbers))
        heading = self.style("heading")
        total = {k: sum(getattr(t, k) for t in ledger) for k in
                 ("carried", "unchanged", "reworded", "related", "stronger", "weaker", "only_left", "only_right")}
        text = Text()
        text.append("What carried over, by theme", style=heading)
        text.append(f"  ({len(self.rows)} rows; n/p step through pairs, {{ }} through one-sided runs)\n",
                    style=self.style("number"))
        text.append(f"{'theme':<{theme_width}} {'carried':>7}  {'how':<10} {only_left:>{len(only_left)}}"
                    f"   {only_right:>{len(only_right)}}\n", style=heading)

        def line(name: str, t: dict[str, int], style: Style | str = "") -> None:
            how = " ".join(f"{sign}{n}" for sign, n in (
                ("=", t["unchanged"]), ("~", t["reworded"] - t["related"]), (RELATED_MARK, t["related"]),
                ("▲", t["stronger"]), ("▼", t["weaker"])) if n)
            name = one_line(name)
            name = name if len(name) <= theme_width else name[:theme_width - 1] + "…"
            text.append(f"{name:<{theme_width}} {t['carried'] or '·':>7}  {how:<10} "
                        f"{t['only_left'] or '·':>{len(only_left)}}   {t['only_right'] or '·':>{len(only_right)}}\n",
                        style=style)

        for t in ledger:
            line(t.theme, {k: getattr(t, k) for k in total})
        line("all themes", total, heading)
        text.append(f"= unchanged  ~ reworded (close)  {RELATED_MARK} related (same commitment rewritten)"
                    "  ▲ stronger  ▼ weaker", style=self.style("number"))
        if short:
            text.append(f"\nonly L = {names[0]}  ·  only R = {names[1]}", style=self.style("number"))
        return text

    def _fold(self, run: Sequence[int]) -> Text:
        only_left, only_right = self.view.side_names
        left = sum(1 for i in run if self.rows[i].left)
        right = len(run) - left
        pledges = sum(1 for i in run if row_pledge(self.rows[i]))
        parts = [f"{n} {name}" for n, name in ((left, only_left), (right, only_right)) if n]
        text = Text("▸ ", style=self.style("fold"))
        text.append(f"{len(run)} sentences: " + ", ".join(parts), style=self.style("fold"))
        if pledges:
            text.append(f" ({pledges} pledge{'s' if pledges > 1 else ''})", style=self.style("fold"))
        themes = list(dict.fromkeys(row_theme(self.rows[i]) for i in run))
        text.append("  · " + one_line(", ".join(themes[:4]) + (" …" if len(themes) > 4 else "")),
                    style=self.style("theme"))
        text.append("  — enter to expand", style=self.style("number"))
        return text

    # -- rows ----------------------------------------------------------------------------------------

    def _numbers(self, sentences: Sequence[Any]) -> str:
        return " ".join(str(s.index) for s in sentences) + " "

    def _pieces(self, row: Any, side: str) -> Text:
        """One side's text; a close pair's word changes marked (insert on the right, delete on the left)."""
        sentences = row.left if side == "left" else row.right
        text = Text()
        if not sentences:
            return text
        text.append(self._numbers(sentences), style=self.style("number"))
        if is_related(row) or not row.changes or not paired(row):
            body = Text(visible(side_text(sentences)))
            if is_related(row):
                for start, end in shared_spans(body.plain, row.evidence):
                    body.stylize(self.style("shared"), start, end)
            text.append_text(body)
            if is_related(row) and side == "right" and row.evidence:
                text.append("\nshares: " + visible(", ".join(row.evidence[:8])), style=self.style("number"))
            return text
        mark = self.style("delete" if side == "left" else "insert")
        for change in row.changes:
            piece = change.left if side == "left" else change.right
            if piece:
                text.append(visible(piece), style=mark if change.op != "equal" else "")
        return text

    def _redline(self, row: Any) -> Text:
        """Unified: one-sided text, a related pair as both sentences, a close pair as a redline."""
        if not row.left:
            return self._pieces(row, "right")
        if not row.right:
            return self._pieces(row, "left")
        left_label, right_label = self.view.labels
        if is_related(row) or not row.changes:
            text = Text(f"{left_label} ", style=self.style("side"))
            text.append_text(self._pieces(row, "left"))
            text.append(f"\n{right_label} ", style=self.style("side"))
            text.append_text(self._pieces(row, "right"))
            return text
        text = Text()
        numbers = " ".join(str(s.index) for s in row.left) + "→" + " ".join(str(s.index) for s in row.right)
        text.append(numbers + " ", style=self.style("number"))
        delete, insert, mark = self.style("delete"), self.style("insert"), self.style("number")
        for change in row.changes:
            if change.op == "equal":
                text.append(visible(change.left))
                continue
            # wdiff-style markers, so the redline also reads without colour: [-old-]{+new+}
            old, new = change.left.rstrip(), change.right.rstrip()
            if old:
                text.append("[-", style=mark)
                text.append(visible(old), style=delete)
                text.append("-]", style=mark)
                if not new:
                    text.append(visible(change.left[len(old):]))
            if new:
                text.append("{+", style=mark)
                text.append(visible(new), style=insert)
                text.append("+}", style=mark)
                text.append(visible(change.right[len(new):]))
        return text

    def _marker(self, row: Any) -> Text:
        mark = marker(row)
        status_style = ("related" if is_related(row) else
                        {"added": "added", "removed": "removed", "reworded": "reworded"}.get(row.status))
        text = Text(mark[0], style=self.style(status_style) if status_style else "")
        text.append(mark[1], style=self.style("moved"))
        text.append(mark[2], style=self.style(row.strength) if row.strength in STRENGTH_MARK else "")
        return text

    def _meta(self, row: Any) -> Text:
        """Tier and score, pledge strength (older → newer for a pair), theme."""
        text = Text()
        if paired(row):
            tier = getattr(row, "tier", None) or ("same" if row.status == "unchanged" else "pair")
            score = "" if row.similarity is None else f" {row.similarity:.2f}".replace(" 0.", " .")
            text.append(f"{tier}{score}", style=self.style("related" if is_related(row) else "score"))
            left, right = getattr(row, "left_pledge", None), getattr(row, "right_pledge", None)
            if left or right:
                text.append(f"\n{GLYPH.get(left or '', '·')}→{GLYPH.get(right or '', '·')}")
                if row.strength in STRENGTH_MARK:
                    text.append(f" {row.strength}", style=self.style(row.strength))
        else:
            names = self.view.labels
            side = f"{names[0]} only" if row.left else f"new {names[1]}"
            text.append(side[:META], style=self.style("removed" if row.left else "added"))
            pledge = row_pledge(row)
            if pledge:
                text.append(f"\n{GLYPH.get(pledge, '•')} {pledge}")
        text.append("\n" + one_line(row_theme(row)), style=self.style("theme"))
        return text

    def _split(self, row: Any) -> tuple[Text, ...]:
        return self._marker(row), self._pieces(row, "left"), self._pieces(row, "right"), self._meta(row)

    def _unified(self, row: Any) -> tuple[Text, ...]:
        return self._marker(row), self._redline(row), self._meta(row)

    # -- navigation --------------------------------------------------------------------------------------

    def current_row(self) -> int | None:
        """Position in the comparison of the highlighted row (a fold: its first row; the ledger: None)."""
        item = self.highlighted_item
        if item is None or item.key == "ledger":
            return None
        return int(item.key[3:])

    def current_is_fold(self) -> bool:
        item = self.highlighted_item
        return item is not None and item.key.startswith("run")

    def shown_rows(self) -> list[int]:
        """Positions in the comparison of the rows shown as rows (not folded, not the ledger)."""
        return [int(item.key[3:]) for item in self.items if item.key.startswith("row")]

    def expand(self, first: int) -> bool:
        """Unfold the run starting at row ``first``; False when there is none."""
        if first in self.view.expanded or first not in self.runs():
            return False
        self.view.expanded.add(first)
        self.show(self.rows)
        self.go_to_row(first)
        return True

    def fold_all(self, fold: bool) -> None:
        self.view.expanded = set()
        self.show(self.rows, fold=fold)

    def _item_of(self, position: int, unfold: bool) -> int | None:
        index = self.index_of(f"row{position}")
        if index is not None:
            return index
        for first, run in self.runs().items():
            if position in run:
                if unfold:
                    self.view.expanded.add(first)
                    self.show(self.rows)
                    return self.index_of(f"row{position}")
                return self.index_of(f"run{first}")
        return None

    def go_to_row(self, position: int, nearest: bool = False, unfold: bool = False) -> bool:
        """Highlight comparison row ``position`` (or the nearest shown one); False if not shown."""
        index = self._item_of(position, unfold)
        if index is None:
            if not nearest:
                return False
            keys = [(n, int(item.key[3:])) for n, item in enumerate(self.items) if item.key != "ledger"]
            if not keys:
                return False
            index = min(keys, key=lambda k: abs(k[1] - position))[0]
        self.go_to_index(index)
        return True

    def _step(self, direction: int, wanted: Any) -> bool:
        here = self.highlighted if self.highlighted is not None else -1
        order = range(here + 1, self.item_count) if direction > 0 else range(here - 1, -1, -1)
        for i in order:
            if wanted(i):
                self.go_to_index(i)
                return True
        return False

    def _row_at(self, i: int) -> Any:
        key = self.items[i].key
        return self.rows[int(key[3:])] if key.startswith("row") else None

    def step_pair(self, direction: int) -> bool:
        """Move to the next (+1) or previous (-1) paired row."""
        return self._step(direction, lambda i: (row := self._row_at(i)) is not None and paired(row))

    def step_change(self, direction: int) -> bool:
        """Move to the next (+1) or previous (-1) changed row."""
        return self._step(direction, lambda i: (row := self._row_at(i)) is not None and is_change(row))

    def step_run(self, direction: int) -> bool:
        """Move to the start of the next (+1) or previous (-1) run of one-sided rows (folded or not)."""
        def starts_run(i: int) -> bool:
            if self.items[i].key.startswith("run"):
                return True
            row = self._row_at(i)
            if row is None or paired(row):
                return False
            before = self._row_at(i - 1) if i > 0 else None
            return before is None or paired(before)

        return self._step(direction, starts_run)

    def position_text(self) -> str:
        """``row N/M`` counted within the filter (M the rows passing it), or the rows a fold holds."""
        shown = self.filtered()
        item = self.highlighted_item
        if item is None or item.key == "ledger":
            return f"{len(shown)} rows"
        position = int(item.key[3:])
        where = shown.index(position) + 1 if position in shown else 0
        if item.key.startswith("run"):
            run = self.runs().get(position, [position])
            return f"rows {where}–{where + len(run) - 1}/{len(shown)} folded"
        return f"row {where}/{len(shown)}"


def keep_any(rows: Collection[Any], status_filter: str, theme: str | None) -> bool:
    """Whether any of ``rows`` passes the filter and theme."""
    return any(keep(row, status_filter, theme) for row in rows)
