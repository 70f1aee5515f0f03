"""A virtualised list of wrapped items: each item a row of cells in columns, wrapped together.

Only the lines on screen are rendered (``render_line``); wrapping is a greedy
word wrap done once per width, so a document of thousands of sentences opens
and scrolls quickly. Every cell of an item is wrapped to its column and the
item is as tall as its tallest cell, so side-by-side cells stay aligned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

_TOKEN = re.compile(r"(\s*)(\S+)")
_WORD = re.compile(r"\S+")
_CACHE_LIMIT = 4000


@dataclass(frozen=True)
class Column:
    """A fixed ``width`` in cells, or (``width=None``) a ``ratio`` share of what is left.

    ``rule``: a vertical rule ``│`` (with a space each side) separates this column from the one before.
    """

    width: int | None = None
    ratio: int = 1
    rule: bool = False


@dataclass(frozen=True)
class Item:
    """One entry: its ``key``, one :class:`~rich.text.Text` per column, whether the cursor stops on it.

    A ``full`` item has one cell laid out across the whole width (headings, folded runs).
    """

    key: str
    cells: tuple[Text, ...]
    selectable: bool = True
    gap_after: bool = False
    full: bool = False


def _width(word: str) -> int:
    return len(word) if word.isascii() else cell_len(word)


def _wrap_ascii(para: str, width: int, base: int, out: list[tuple[int, int]]) -> None:
    """The common case, one cell per character: only word boundaries are needed."""
    start = -1
    end = 0
    for match in _WORD.finditer(para):
        ws, we = match.span()
        if start >= 0 and we - start <= width:
            end = we
            continue
        if start >= 0:
            out.append((base + start, base + end))
        elif ws and ws + (we - ws) <= width:  # keep a paragraph's leading indentation
            start, end = 0, we
            continue
        while we - ws > width:  # a word longer than the line: cut it into full lines
            out.append((base + ws, base + ws + width))
            ws += width
        start, end = ws, we
    if start >= 0:
        out.append((base + start, base + end))


def _wrap_paragraph(para: str, width: int, base: int, out: list[tuple[int, int]]) -> None:
    if not para.strip():
        out.append((base, base))
        return
    if para.isascii():
        if len(para) <= width:
            out.append((base, base + len(para)))
        else:
            _wrap_ascii(para, width, base, out)
        return
    start: int | None = None
    cells = end = 0
    for match in _TOKEN.finditer(para):
        ws, we = match.start(2), match.end(2)
        word = match.group(2)
        size = _width(word)
        gap = ws - match.start(1)
        if start is not None and cells + gap + size <= width:
            cells += gap + size
            end = we
            continue
        if start is not None:
            out.append((base + start, base + end))
        if start is None and match.start(1) == 0 and gap and gap + size <= width:
            start, end, cells = 0, we, gap + size  # keep a paragraph's leading indentation
            continue
        if size > width:  # a word longer than the line: cut it into full lines
            pieces = chop_cells(word, width) if not word.isascii() else [
                word[i:i + width] for i in range(0, len(word), width)]
            offset = ws
            for piece in pieces[:-1]:
                out.append((base + offset, base + offset + len(piece)))
                offset += len(piece)
            start, end, cells = offset, we, _width(pieces[-1])
        else:
            start, end, cells = ws, we, size
    if start is not None:
        out.append((base + start, base + end))


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells: ``(start, end)`` of each line (newlines break)."""
    width = max(1, width)
    out: list[tuple[int, int]] = []
    base = 0
    for para in text.split("\n"):
        _wrap_paragraph(para, width, base, out)
        base += len(para) + 1
    return out or [(0, 0)]


class WrapList(ScrollView, can_focus=True):
    """A keyboard- and mouse-driven list of :class:`Item` rows laid out in :class:`Column` s."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"wraplist--cursor", "wraplist--cursor-blurred", "wraplist--rule",
                                             "wraplist--zebra"}

    # repaint=False: a cursor move repaints the lines of the two items it touches (``_set_highlight``)
    highlighted: reactive[int | None] = reactive(None, always_update=True, init=False, repaint=False)

    class ItemMessage(Message):
        """Base of the item messages: the list, the item and its position."""

        def __init__(self, wrap_list: WrapList, item: Item, index: int) -> None:
            super().__init__()
            self.wrap_list = wrap_list
            self.item = item
            self.index = index

        @property
        def control(self) -> WrapList:
            return self.wrap_list

    class Highlighted(ItemMessage):
        """The cursor moved to ``item``."""

    class Selected(ItemMessage):
        """Enter (or a double click) on ``item``."""

    def __init__(self, columns: Sequence[Column] = (Column(),), gap: int = 1, zebra: bool = False,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = tuple(columns)
        self.gap = gap
        self.zebra = zebra  # every other item on the ``wraplist--zebra`` background
        self.items: list[Item] = []
        self._keys: dict[str, int] = {}
        self._starts: list[int] = []
        self._heights: list[int] = []
        self._ranges: list[list[list[tuple[int, int]]]] = []
        self._widths: list[int] = []
        self._laid_out_width = -1
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._scroll_pending = False
        self._wrap_cache: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._wrap_width = -1

    # -- content ---------------------------------------------------------------------------------------

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def highlighted_item(self) -> Item | None:
        index = self.highlighted
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None

    def index_of(self, key: str) -> int | None:
        """Position of the item with ``key``, or ``None``."""
        return self._keys.get(key)

    def set_items(self, items: Sequence[Item], columns: Sequence[Column] | None = None) -> None:
        """Replace every item (and optionally the columns); the cursor stays on the same key if present."""
        current = self.highlighted_item
        self.items = list(items)
        self._keys = {item.key: n for n, item in enumerate(self.items)}
        if columns is not None:
            self.columns = tuple(columns)
        self._laid_out_width = -1
        self._starts, self._heights, self._ranges = [], [], []  # until laid out at a known width
        self._strips.clear()
        self._layout()
        index = self._keys.get(current.key) if current is not None else None
        if index is None:
            index = self._next_selectable(-1, +1)
        self._set_highlight(index, scroll=False)
        self.refresh()

    # -- layout -----------------------------------------------------------------------------------------

    def _gap_before(self, n: int) -> int:
        return 0 if n == 0 else 3 if self.columns[n].rule else self.gap

    def _column_widths(self, total: int) -> list[int]:
        gaps = sum(self._gap_before(n) for n in range(len(self.columns)))
        fixed = sum(c.width or 0 for c in self.columns)
        ratios = sum(c.ratio for c in self.columns if c.width is None) or 1
        free = max(len(self.columns), total - fixed - gaps)
        widths, given = [], 0
        flexible = [n for n, c in enumerate(self.columns) if c.width is None]
        for n, c in enumerate(self.columns):
            if c.width is not None:
                widths.append(c.width)
            elif n == flexible[-1]:
                widths.append(max(1, free - given))
            else:
                share = max(1, free * c.ratio // ratios)
                given += share
                widths.append(share)
        return widths

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._laid_out_width:
            return
        self._laid_out_width = width
        self._widths = self._column_widths(width)
        self._strips.clear()
        if self._wrap_width != width:  # wrapped lines are kept per text for the current width
            self._wrap_cache, self._wrap_width = {}, width
        cache = self._wrap_cache
        starts, heights, all_ranges = [], [], []
        line = 0
        for item in self.items:
            ranges = []
            for cell, w in zip(item.cells, (width,) if item.full else self._widths, strict=False):
                plain = cell.plain
                found = cache.get((plain, w))
                if found is None:
                    found = cache[(plain, w)] = wrap_ranges(plain, w) if plain else [(0, 0)]
                ranges.append(found)
            height = max((len(r) for r in ranges), default=1) + (1 if item.gap_after else 0)
            starts.append(line)
            heights.append(height)
            all_ranges.append(ranges)
            line += height
        self._starts, self._heights, self._ranges = starts, heights, all_ranges
        self.virtual_size = Size(width, line)

    def _on_resize(self, event: events.Resize) -> None:
        self._layout()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()
        self.refresh()

    # -- rendering --------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._layout()
        width = max(0, self._laid_out_width)
        line = self.scroll_offset.y + y
        base = self.rich_style
        if not self.laid_out or line >= self._starts[-1] + self._heights[-1]:
            return Strip.blank(width, base)
        index = bisect_right(self._starts, line) - 1
        row = line - self._starts[index]
        cursor = index == self.highlighted and self.items[index].selectable
        key = (index, row, cursor)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > _CACHE_LIMIT:
                self._strips.clear()
            strip = self._render_row(index, row, cursor, width, base)
            self._strips[key] = strip
        return strip

    def _render_row(self, index: int, row: int, cursor: bool, width: int, base: Style) -> Strip:
        item = self.items[index]
        style = base
        if cursor:
            name = "wraplist--cursor" if self.has_focus else "wraplist--cursor-blurred"
            style = base + self.get_component_rich_style(name)
        elif self.zebra and index % 2:
            style = base + self.get_component_rich_style("wraplist--zebra")
        console = self.app.console
        segments: list[Segment] = []
        widths = (width,) if item.full else self._widths
        rule = None
        for n, (cell, ranges, w) in enumerate(zip(item.cells, self._ranges[index], widths, strict=False)):
            if n and self.columns[n].rule:
                if rule is None:
                    rule = self.get_component_rich_style("wraplist--rule", partial=True)
                segments.extend((Segment(" "), Segment("│", rule), Segment(" ")))
            elif n:
                segments.append(Segment(" " * self.gap))
            if row < len(ranges) and cell.plain:
                start, end = ranges[row]
                piece = cell[start:end]
                rendered = list(piece.render(console))
                if piece.style:  # Text.render leaves the text's own (base) style to its caller
                    rendered = list(Segment.apply_style(rendered, console.get_style(piece.style)))
                segments.extend(Strip(rendered).adjust_cell_length(w))
            else:
                segments.append(Segment(" " * w))
        if cursor:  # the cursor's own colours win: coloured text on the cursor bar is unreadable
            segments = [Segment(seg.text, seg.style.without_color if seg.style else None, seg.control)
                        for seg in segments]
        return Strip(segments).adjust_cell_length(width).apply_style(style)

    # -- cursor -----------------------------------------------------------------------------------------

    def _next_selectable(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self.items):
            if self.items[index].selectable:
                return index
            index += step
        return None

    def _set_highlight(self, index: int | None, scroll: bool = True) -> None:
        if index is not None and not (0 <= index < len(self.items)):
            index = None
        old = self.highlighted
        self.highlighted = index
        if old != index or scroll:
            self._strips = {k: v for k, v in self._strips.items() if not k[2]}
        if index is not None:
            if scroll:
                self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, self.items[index], index))
        self._refresh_items(old, index)

    def _refresh_items(self, *indexes: int | None) -> None:
        """Repaint the lines of the items at ``indexes`` (every line when the layout is unknown).

        A scroll repaints the whole list by itself (``ScrollView.watch_scroll_y``)."""
        if not self.laid_out:
            self.refresh()
            return
        width, height = self.scrollable_content_region.size
        top = self.scroll_offset.y
        visible = Region(0, 0, width, height)
        regions = []
        for index in dict.fromkeys(indexes):
            if index is None or not (0 <= index < len(self._starts)):
                continue
            region = Region(0, self._starts[index] - top, width, self._heights[index]).intersection(visible)
            if region:
                regions.append(region)
        if regions:
            self.refresh(*regions)

    def go_to_index(self, index: int, top: bool = False) -> None:
        """Move the cursor to item ``index`` and scroll it into view."""
        self._set_highlight(index, scroll=False)
        self.scroll_to_highlight(top=top)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll so the highlighted item is visible (at the top when ``top``)."""
        index = self.highlighted
        if index is None or not self.laid_out or index >= len(self._starts):
            if index is not None and not self._scroll_pending:  # not laid out yet: scroll once it is
                self._scroll_pending = True
                self.call_after_refresh(self._scroll_when_laid_out, top)
            return
        height = max(1, self._heights[index] - (1 if self.items[index].gap_after else 0))
        region = Region(0, self._starts[index], self.scrollable_content_region.width, height)
        self.scroll_to_region(region, animate=False, force=True, top=top, immediate=True)

    def _scroll_when_laid_out(self, top: bool) -> None:
        self._scroll_pending = False
        self._layout()
        if self.highlighted is not None and self.highlighted < len(self._starts):
            self.scroll_to_highlight(top=top)

    def action_cursor_down(self) -> None:
        start = self.highlighted if self.highlighted is not None else -1
        index = self._next_selectable(start, +1)
        if index is not None:
            self._set_highlight(index)
        else:
            self.scroll_end(animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        start = self.highlighted if self.highlighted is not None else len(self.items)
        index = self._next_selectable(start, -1)
        if index is not None:
            self._set_highlight(index)
        else:
            self.scroll_home(animate=False, immediate=True)

    def action_first(self) -> None:
        self._set_highlight(self._next_selectable(-1, +1))

    def action_last(self) -> None:
        self._set_highlight(self._next_selectable(len(self.items), -1))

    @property
    def laid_out(self) -> bool:
        """True once the items have been wrapped at a known width (after the first resize)."""
        self._layout()
        return bool(self._starts) and len(self._starts) == len(self.items)

    def _page(self, direction: int) -> None:
        if not self.items or not self.laid_out:  # no width yet (the first resize has not come)
            return
        start = self.highlighted if self.highlighted is not None else 0
        target_line = self._starts[start] + direction * max(1, self.scrollable_content_region.height - 1)
        target_line = min(max(0, target_line), self._starts[-1])
        index = bisect_right(self._starts, target_line) - 1
        found = self._next_selectable(index - direction, direction) or self._next_selectable(index, -direction)
        if found is not None:
            self._set_highlight(found)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        item = self.highlighted_item
        if item is not None and self.highlighted is not None:
            self.post_message(self.Selected(self, item, self.highlighted))

    async def _on_click(self, event: events.Click) -> None:
        if not self.laid_out:
            return
        line = self.scroll_offset.y + event.y
        if not self._starts or line < 0 or line >= self._starts[-1] + self._heights[-1]:
            return
        index = bisect_right(self._starts, line) - 1
        if self.items[index].selectable:
            self._set_highlight(index, scroll=False)
            if event.chain >= 2:
                self.action_select()

    def plain_lines(self) -> list[str]:
        """Every line of the list as plain text, as it would be shown (for tests and exports)."""
        if not self.laid_out:
            return []
        width = self.scrollable_content_region.width
        lines = []
        for index, height in enumerate(self._heights):
            for row in range(height):
                lines.append(self._render_row(index, row, False, width, Style()).text.rstrip())
        return lines
