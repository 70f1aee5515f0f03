"""Both sentences of a compared pair in context: the two documents side by side (stacked when narrow)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import Resize
from textual.widgets import Header, Static

from tui.app.screens.base import AccordScreen
from tui.app.screens.reader import pledge_marks
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.sentences import SentenceList
from tui.documents.document import Document
from tui.infra.safety import one_line

STACK_BELOW = 100


class PairScreen(AccordScreen):
    """Two readers, each on its sentence of the pair; ``tab`` moves between them."""

    HELP_TITLE = "Pair in context"
    BINDINGS = [
        Binding("escape", "back", "Back", id="pair.back"),
        Binding("tab", "switch", "Other side", id="pair.switch"),
        Binding("left", "side(0)", "Left side", show=False, id="pair.left"),
        Binding("right", "side(1)", "Right side", show=False, id="pair.right"),
    ]

    def __init__(self, left: Document, left_index: int, right: Document, right_index: int,
                 commitments: Any = None) -> None:
        super().__init__()
        self.docs = (left, right)
        self.indexes = (left_index, right_index)
        self.commitments = commitments

    def compose(self) -> ComposeResult:
        # the sub-title is set before the header mounts: no extra repaint when the screen opens
        left, right = self.docs
        self.sub_title = f"{one_line(left.id)} #{self.indexes[0]} ↔ {one_line(right.id)} #{self.indexes[1]}"
        yield Header()
        yield Static(id="pair-heading", markup=False)
        with Container(id="pair-sides"):
            for n, doc in enumerate(self.docs):
                side = SentenceList(doc, pledge_marks(doc, self.commitments), id=f"pair-{n}", classes="pair-side")
                side.border_title = f"{one_line(doc.id)} · {doc.date.isoformat()} · #{self.indexes[n]}"
                yield side
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#pair-heading", Static).update(
            "The pair in context: each document on its sentence (numbered as in accord show) · tab: other side")
        self._arrange()
        for n in (0, 1):
            self.call_after_refresh(self.query_one(f"#pair-{n}", SentenceList).go_to, self.indexes[n], False)
        self.query_one("#pair-0").focus()

    def _arrange(self) -> None:
        self.query_one("#pair-sides").set_class(self.size.width < STACK_BELOW, "-stacked")

    def on_resize(self, event: Resize) -> None:
        self._arrange()

    def action_switch(self) -> None:
        self.action_side(1 if self.focused is self.query_one("#pair-0") else 0)

    def action_side(self, n: int) -> None:
        self.query_one(f"#pair-{n}").focus()

    def action_back(self) -> None:
        self.dismiss()
