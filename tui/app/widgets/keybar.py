"""A one-line key bar: the focused screen's bindings and their descriptions, as one cheap widget.

It shows what Textual's ``Footer`` shows (key, description, the command
palette at the right) and runs a binding when it is clicked, but renders as a
single ``Text`` instead of a widget per key, which keeps opening a screen fast.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget


class KeyBar(Widget, can_focus=False):
    """Bindings of the focused widget and its ancestors (``show=True``), updated as focus moves."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description", "keybar--disabled"}
    PALETTE = ("ctrl+p", "^p", "palette")
    HELP_ACTION = "help"
    WIDE = 100
    """From this width the palette key is labelled."""

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []
        self._text = Text()
        self._help = Text()  # the help key, kept in sight when the bar is too narrow for every key
        self._help_key = ""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._bindings_changed())
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object = None) -> None:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        description_style = self.get_component_rich_style("keybar--description", partial=True)
        disabled_style = self.get_component_rich_style("keybar--disabled", partial=True)
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str]] = []
        seen: set[tuple[str, str]] = set()
        self._help, self._help_key = Text(), ""
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or (binding.action, binding.description) in seen:
                continue
            seen.add((binding.action, binding.description))
            start = len(text)
            key = self.app.get_key_display(binding)
            if binding.action == self.HELP_ACTION:
                self._help = Text.assemble((f" {key} ", key_style), (binding.description + " ", description_style))
                self._help_key = binding.key
                continue
            text.append(f" {key} ", style=key_style)
            text.append(binding.description + " ", style=description_style if active.enabled else disabled_style)
            spans.append((start, len(text), binding.key))
        self._text, self._spans = text, spans
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        key, shown, label = self.PALETTE
        label = f" {label} " if width >= self.WIDE else " "  # narrow: "^p" alone, room for more keys
        palette = Text.assemble(("▏", ""), (shown, self.get_component_rich_style("keybar--key", partial=True)),
                                (label, self.get_component_rich_style("keybar--description", partial=True)))
        room = max(0, width - palette.cell_len - self._help.cell_len)
        left = self._text.copy()
        if left.cell_len > room:
            left.truncate(max(0, room - 1))
            left.append("…", style=self.get_component_rich_style("keybar--description", partial=True))
        left.append_text(self._help)
        left.truncate(max(0, width - palette.cell_len), pad=True)
        line = Text.assemble(left, palette, no_wrap=True, end="")
        line.stylize_before(self.rich_style)
        return line

    def on_click(self, event: events.Click) -> None:
        x = event.x
        width = self.size.width
        palette = len(" ^p palette ") if width >= self.WIDE else len(" ^p ")
        if x >= width - palette and self.app.ENABLE_COMMAND_PALETTE:
            self.app.action_command_palette()
            return
        help_start = min(self._text.cell_len, max(0, width - palette - 1 - self._help.cell_len))
        if self._help_key and help_start <= x < help_start + self._help.cell_len:
            self.app.simulate_key(self._help_key)
            return
        for start, end, key in self._spans:
            if start <= x < end:
                self.app.simulate_key(key)
                return
