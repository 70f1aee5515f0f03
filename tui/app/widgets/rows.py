"""Aligned comparison rows, rendered split (two columns, equal heights) or unified (a redline)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text

from tui.app.widgets.wraplist import Column, Item, WrapList
from tui.infra.safety import visible

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


SPLIT = (Column(3), Column(ratio=1), Column(ratio=1), Column(4))
UNIFIED = (Column(3), Column(ratio=1), Column(4))


class RowList(WrapList):
    """One item per aligned row (key ``row<i>``, ``i`` its position in the comparison)."""

    COMPONENT_CLASSES = WrapList.COMPONENT_CLASSES | {
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
        super().__init__(columns=SPLIT, gap=1, **kwargs)
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
        items = [Item(f"row{i}", render(row), gap_after=True) for i, row in enumerate(self.rows)
                 if keep(row, self.status_filter)]
        self.set_items(items, columns=SPLIT if self.split else UNIFIED)
        if items and current is not None:
            self.go_to_row(current, nearest=True)

    # -- rendering --------------------------------------------------------------------------------------

    def _pieces(self, row: Any, side: str) -> Text:
        """One side's text with word-level changes marked (insert on the right, delete on the left)."""
        sentences = row.left if side == "left" else row.right
        text = Text()
        if sentences:
            text.append(" ".join(str(s.index) for s in sentences) + " ", style=self.cstyle("number"))
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
        """Unified text in reading order: deletions struck inside ``[-…-]``, insertions underlined inside ``{+…+}``."""
        if row.status == "added":
            return self._pieces(row, "right")
        if row.status == "removed" or not row.changes:
            return self._pieces(row, "left")
        text = Text()
        numbers = " ".join(str(s.index) for s in row.left) + "→" + " ".join(
            str(s.index) for s in row.right)
        text.append(numbers + " ", style=self.cstyle("number"))
        delete, insert, mark = self.cstyle("delete"), self.cstyle("insert"), self.cstyle("number")
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
        status_style = {"added": "added", "removed": "removed", "reworded": "reworded"}.get(row.status)
        mark = marker(row)
        text = Text(mark[0], style=self.cstyle(status_style) if status_style else "")
        text.append(mark[1], style=self.cstyle("moved"))
        text.append(mark[2], style=self.cstyle(row.strength) if row.strength in STRENGTH_MARK else "")
        return text

    def _score(self, row: Any) -> Text:
        score = "" if row.similarity is None else f"{row.similarity:.2f}"
        return Text(score, style=self.cstyle("score"), justify="right")

    def _split(self, row: Any) -> tuple[Text, ...]:
        return self._marker(row), self._pieces(row, "left"), self._pieces(row, "right"), self._score(row)

    def _unified(self, row: Any) -> tuple[Text, ...]:
        return self._marker(row), self._redline(row), self._score(row)

    # -- navigation --------------------------------------------------------------------------------------

    def current_row(self) -> int | None:
        """Position in the comparison of the highlighted row."""
        item = self.highlighted_item
        return int(item.key[3:]) if item is not None else None

    def shown_rows(self) -> list[int]:
        """Positions in the comparison of the rows shown (after the status filter)."""
        return [int(item.key[3:]) for item in self.items]

    def go_to_row(self, position: int, nearest: bool = False) -> bool:
        """Highlight comparison row ``position`` (or the nearest shown one); False if not shown."""
        shown = self.shown_rows()
        if not shown:
            return False
        if position not in shown:
            if not nearest:
                return False
            position = min(shown, key=lambda p: abs(p - position))
        self.go_to_index(shown.index(position))
        return True

    def step_change(self, direction: int) -> bool:
        """Move to the next (+1) or previous (-1) changed row; False when there is none."""
        here = self.highlighted if self.highlighted is not None else -1
        order = range(here + 1, self.item_count) if direction > 0 else range(here - 1, -1, -1)
        for i in order:
            if is_change(self.rows[int(self.items[i].key[3:])]):
                self.go_to_index(i)
                return True
        return False
