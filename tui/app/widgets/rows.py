"""Aligned comparison rows, rendered split (two columns, equal heights) or unified (a redline)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.safety import visible

STATUS_MARK = {"unchanged": "=", "reworded": "~", "added": "+", "removed": "-"}
STRENGTH_MARK = {"stronger": "▲", "weaker": "▼"}
FILTERS = ("all", "changed", "added", "removed", "moved")


def is_change(row: Any) -> bool:
    """True for every row but an unmoved, same-strength unchanged one."""
    return row.status != "unchanged" or row.moved or row.strength in STRENGTH_MARK


def keep(row: Any, status_filter: str) -> bool:
    """Whether ``row`` passes the status filter."""
    if status_filter == "all":
        return True
    if status_filter == "changed":
        return is_change(row)
    if status_filter == "moved":
        return bool(row.moved)
    return row.status == status_filter


def marker(row: Any) -> str:
    """Text markers that read without colour: status, then ↕ moved, then ▲/▼ strength."""
    return (STATUS_MARK.get(row.status, "?") + ("↕" if row.moved else " ")
            + STRENGTH_MARK.get(row.strength or "", " "))


def side_text(sentences: Sequence[Any]) -> str:
    return " ".join(s.text for s in sentences)


class RowList(OptionList):
    """One option per aligned row (id ``row<i>``, ``i`` its position in the comparison)."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "rows--insert",
        "rows--delete",
        "rows--added",
        "rows--removed",
        "rows--reworded",
        "rows--moved",
        "rows--stronger",
        "rows--weaker",
        "rows--number",
        "rows--score",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: tuple[Any, ...] = ()
        self.split = True
        self.status_filter = "all"

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.rows))

    def cstyle(self, name: str) -> Style:
        """The theme's style for component class ``rows--<name>``."""
        return self.get_component_rich_style(f"rows--{name}", partial=True)

    def show(self, rows: Sequence[Any], split: bool | None = None, status_filter: str | None = None) -> None:
        """Render ``rows`` (all of them, filtered by status), keeping the highlighted row if possible."""
        current = self.current_row()
        self.rows = tuple(rows)
        if split is not None:
            self.split = split
        if status_filter is not None:
            self.status_filter = status_filter
        render = self._split if self.split else self._unified
        options: list[Option | None] = []
        for i, row in enumerate(self.rows):
            if keep(row, self.status_filter):
                options += [Option(render(row), id=f"row{i}"), None]
        self.set_options(options[:-1])
        if not options:
            return
        if current is not None:
            self.go_to_row(current, nearest=True)
        else:
            self.highlighted = 0

    # -- rendering --------------------------------------------------------------------------------------

    def _pieces(self, row: Any, side: str) -> Text:
        """One side's text with word-level changes marked (insert on the right, delete on the left)."""
        sentences = row.left if side == "left" else row.right
        text = Text()
        if sentences:
            text.append(" ".join(str(s.index + 1) for s in sentences) + " ", style=self.cstyle("number"))
        if not row.changes or row.status in ("added", "removed"):
            whole = self.cstyle("removed" if side == "left" else "added")
            text.append(visible(side_text(sentences)), style=whole if row.status != "unchanged" else "")
            return text
        mark = self.cstyle("delete" if side == "left" else "insert")
        for change in row.changes:
            piece = change.left if side == "left" else change.right
            if piece:
                text.append(visible(piece), style=mark if change.op != "equal" else "")
        return text

    def _redline(self, row: Any) -> Text:
        """Unified text: deletions struck, insertions underlined, in reading order."""
        if row.status == "added":
            return self._pieces(row, "right")
        if row.status == "removed" or not row.changes:
            return self._pieces(row, "left")
        text = Text()
        numbers = " ".join(str(s.index + 1) for s in row.left) + "→" + " ".join(
            str(s.index + 1) for s in row.right)
        text.append(numbers + " ", style=self.cstyle("number"))
        for change in row.changes:
            if change.op == "equal":
                text.append(visible(change.left))
                continue
            if change.left:
                text.append(visible(change.left), style=self.cstyle("delete"))
            if change.right:
                text.append(visible(change.right), style=self.cstyle("insert"))
        return text

    def _marker(self, row: Any) -> Text:
        status_style = {"added": "added", "removed": "removed", "reworded": "reworded"}.get(row.status)
        mark = marker(row)
        text = Text(mark[0], style=self.cstyle(status_style) if status_style else "")
        text.append(mark[1], style=self.cstyle("moved"))
        text.append(mark[2], style=self.cstyle(row.strength) if row.strength in STRENGTH_MARK else "")
        return text

    def _score(self, row: Any) -> Text:
        score = "" if row.similarity is None else f"{row.similarity:.2f}"
        return Text(score, style=self.cstyle("score"), justify="right")

    def _split(self, row: Any) -> Table:
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(width=3, no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        table.add_column(ratio=1, overflow="fold")
        table.add_column(width=4, no_wrap=True)
        table.add_row(self._marker(row), self._pieces(row, "left"), self._pieces(row, "right"),
                      self._score(row))
        return table

    def _unified(self, row: Any) -> Table:
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(width=3, no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        table.add_column(width=4, no_wrap=True)
        table.add_row(self._marker(row), self._redline(row), self._score(row))
        return table

    # -- navigation --------------------------------------------------------------------------------------

    def current_row(self) -> int | None:
        """Position in the comparison of the highlighted row."""
        option = self.highlighted_option
        return int(option.id[3:]) if option is not None and option.id else None

    def go_to_row(self, position: int, nearest: bool = False) -> bool:
        """Highlight comparison row ``position`` (or the nearest shown one); False if not shown."""
        shown = [int(o.id[3:]) for o in self.options if o.id]  # positions of the shown rows
        if not shown:
            return False
        if position not in shown:
            if not nearest:
                return False
            position = min(shown, key=lambda p: abs(p - position))
        self.highlighted = shown.index(position)
        self.scroll_to_highlight()
        return True

    def step_change(self, direction: int) -> bool:
        """Move to the next (+1) or previous (-1) changed row; False when there is none."""
        here = self.highlighted if self.highlighted is not None else -1
        order = range(here + 1, self.option_count) if direction > 0 else range(here - 1, -1, -1)
        for i in order:
            option_id = self.options[i].id or ""
            if is_change(self.rows[int(option_id[3:])]):
                self.highlighted = i
                self.scroll_to_highlight()
                return True
        return False
