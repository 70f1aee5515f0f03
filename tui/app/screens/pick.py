"""Choose two documents to compare: a modal that returns ``(left_id, right_id)`` or ``None``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.widgets.keybar import KeyBar
from tui.documents.document import Document
from tui.infra.safety import one_line


def _option(doc: Document) -> Option:
    text = Text(doc.date.isoformat() + "  ", style="bold")
    text.append(one_line(doc.id))
    text.append("\n  " + one_line(doc.title), style="italic")
    return Option(text, id=doc.id)


class PickPairScreen(ModalScreen[tuple[str, str] | None]):
    """Two lists side by side; Enter in the left moves to the right, Enter there compares."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "confirm", "Compare"),
    ]

    def __init__(self, documents: Sequence[Document], left: str | None = None,
                 right: str | None = None) -> None:
        super().__init__()
        self.documents = list(documents)
        self.initial = (left, right)

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static("Choose two documents: left, then right. Enter moves on; Esc cancels.",
                         markup=False)
            with Horizontal(id="pick-lists"):
                yield OptionList(*map(_option, self.documents), id="pick-left")
                yield OptionList(*map(_option, self.documents), id="pick-right")
            with Horizontal(id="pick-buttons"):
                yield Button("Compare", variant="primary", id="pick-ok")
                yield Button("Cancel", id="pick-cancel")
        yield KeyBar()  # this picker's own keys, not the library's underneath

    def on_mount(self) -> None:
        ids = [d.id for d in self.documents]
        left, right = self.initial
        li = ids.index(left) if left in ids else 0
        ri = ids.index(right) if right in ids else (len(ids) - 1 if li != len(ids) - 1 else 0)
        self.query_one("#pick-left", OptionList).highlighted = li
        self.query_one("#pick-right", OptionList).highlighted = ri
        self.query_one("#pick-left", OptionList).border_title = "Left"
        self.query_one("#pick-right", OptionList).border_title = "Right"
        self.query_one("#pick-left").focus()

    @on(OptionList.OptionSelected, "#pick-left")
    def _left_chosen(self) -> None:
        self.query_one("#pick-right").focus()

    @on(OptionList.OptionSelected, "#pick-right")
    def _right_chosen(self) -> None:
        self.action_confirm()

    @on(Button.Pressed, "#pick-ok")
    def action_confirm(self) -> None:
        left = self.query_one("#pick-left", OptionList).highlighted_option
        right = self.query_one("#pick-right", OptionList).highlighted_option
        if left is None or right is None or left.id == right.id:
            self.notify("choose two different documents", severity="warning")
            return
        self.dismiss((str(left.id), str(right.id)))

    @on(Button.Pressed, "#pick-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
