"""The reader: one document sentence by sentence, pledges marked, removed text on demand, search."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import OpenReader, PickCompare
from tui.app.screens.base import AccordScreen
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.sentences import GLYPHS, PledgeMark, SentenceList
from tui.documents.document import Document
from tui.infra.safety import one_line, visible


def pledge_marks(doc: Document, commitments: Any) -> dict[int, PledgeMark]:
    """Pledge marks for ``doc``'s sentences from a ``Commitments`` result."""
    marks: dict[int, PledgeMark] = {}
    for group in getattr(commitments, "groups", ()):
        others = len({d for d in group.documents if d != doc.id})
        for p in group.members:
            if p.doc_id == doc.id:
                mark = marks.get(p.index)
                marks[p.index] = (mark.add(p.strength, group.id, others) if mark
                                  else PledgeMark(p.strength, (group.id,), others))
    return marks


class ReaderScreen(AccordScreen):
    """Read one document; select a pledge to see and jump to its counterparts elsewhere."""

    HELP_TITLE = "Reader"
    AUTO_FOCUS = "#sentences"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "next_match", "Next match"),
        Binding("N", "previous_match", "Prev match"),
        Binding("r", "toggle_removed", "Removed"),
        Binding("c", "compare", "Compare with…"),
        Binding("tab", "focus_next", "Counterparts", show=False),
    ]

    def __init__(self, doc: Document, commitments: Any = None, index: int = 0) -> None:
        super().__init__()
        self.doc = doc
        self.commitments = commitments
        self.start = index
        self.matches: list[int] = []

    def compose(self) -> ComposeResult:
        # the sub-title is set before the header mounts: no extra repaint when the screen opens
        self.sub_title = one_line(self.doc.id)
        yield Header()
        yield Static(self._heading(), id="reader-heading")
        yield SentenceList(self.doc, pledge_marks(self.doc, self.commitments), id="sentences")
        yield Static(id="reader-status", markup=False)
        yield KeyBar()

    def _heading(self) -> Text:
        meta = self.doc.meta
        text = Text(one_line(meta.title), style="bold")
        parts = [meta.date.isoformat(), meta.outlet, meta.kind, f"{len(self.doc.sentences)} sentences",
                 f"{len(self.doc.removed)} removed by cleaning"]
        text.append("\n" + one_line("  ·  ".join(p for p in parts if p)), style="italic")
        return text

    def on_mount(self) -> None:
        sentences = self.query_one(SentenceList)
        if self.start:
            self.call_after_refresh(sentences.go_to, self.start, True)
        self._status()

    @property
    def sentences(self) -> SentenceList:
        return self.query_one(SentenceList)

    def set_commitments(self, commitments: Any) -> None:
        """Show pledge marks once the pledge analysis is ready."""
        self.commitments = commitments
        self.sentences.set_marks(pledge_marks(self.doc, commitments))
        self._show_counterparts(self.sentences.current_sentence())

    # -- counterparts ---------------------------------------------------------------------------------------

    @on(SentenceList.Highlighted, "#sentences")
    def _highlighted(self) -> None:
        self._show_counterparts(self.sentences.current_sentence())
        self._status()

    def _panel(self, create: bool) -> OptionList | None:
        found = self.query("#counterparts")
        if found:
            return found.first(OptionList)
        if not create:
            return None
        panel = OptionList(id="counterparts")
        self.mount(panel, after=self.sentences)
        return panel

    def _show_counterparts(self, index: int | None) -> None:
        mark = self.sentences.marks.get(index) if index is not None else None
        members = []
        if mark is not None:
            groups = [g for g in getattr(self.commitments, "groups", ()) if g.id in mark.group_ids]
            seen: set[tuple[str, int]] = set()
            for group in groups:
                for p in group.members:
                    if p.doc_id != self.doc.id and (p.doc_id, p.index) not in seen:
                        seen.add((p.doc_id, p.index))
                        members.append(p)
        existed = bool(self.query("#counterparts"))
        panel = self._panel(create=bool(members))
        if panel is None:
            return
        if panel.display != bool(members) or not existed:
            panel.display = bool(members)
            self.call_after_refresh(self.sentences.scroll_to_highlight)  # the list got shorter or taller
        if not members:
            panel.clear_options()
            return
        options = []
        for p in members:
            text = Text(f"{GLYPHS.get(p.strength, '•')} ", style="bold")
            text.append(one_line(p.doc_id), style="bold")
            text.append(f" #{p.index}: ")
            text.append(visible(p.text))
            options.append(Option(text, id=f"{p.doc_id}\x00{p.index}"))
        panel.set_options(options)
        panel.border_title = f"Also in {len({p.doc_id for p in members})} other document(s) — Enter jumps"

    @on(SentenceList.Selected, "#sentences")
    def _sentence_selected(self) -> None:
        panel = self._panel(create=False)
        if panel is not None and panel.display and panel.option_count:
            panel.focus()
            panel.highlighted = 0

    @on(OptionList.OptionSelected, "#counterparts")
    def _counterpart_selected(self, event: OptionList.OptionSelected) -> None:
        doc_id, _, index = (event.option.id or "").partition("\x00")
        if doc_id:
            self.sentences.focus()  # coming back (esc) lands on the text, so one more esc leaves
            self.post_message(OpenReader(doc_id, int(index)))

    # -- search ---------------------------------------------------------------------------------------------

    def _search_box(self) -> Input | None:
        found = self.query("#reader-search")
        return found.first(Input) if found else None

    def action_search(self) -> None:
        box = self._search_box()
        if box is None:  # made on first use: opening the reader stays cheap
            box = Input(placeholder="search this document (Enter: find, Esc: close)", id="reader-search")
            self.mount(box, before=self.query_one("#reader-status"))
        box.display = True
        box.focus()
        self.call_after_refresh(self.sentences.scroll_to_highlight)  # the box took a line: keep the cursor in sight

    @on(Input.Submitted, "#reader-search")
    def _search(self, event: Input.Submitted) -> None:
        self.matches = self.sentences.set_query(event.value.strip())
        event.input.display = False
        self.sentences.focus()
        if self.matches:
            self.action_next_match(from_current=False)
        self._status()

    def action_next_match(self, from_current: bool = True) -> None:
        self._step(+1, from_current)

    def action_previous_match(self) -> None:
        self._step(-1, True)

    def _step(self, direction: int, from_current: bool) -> None:
        if not self.matches:
            if self.sentences.search_query:
                self.notify("no match", severity="warning")
            return
        here = self.sentences.current_sentence()
        here = -1 if here is None or not from_current else here
        if direction > 0:
            target = next((m for m in self.matches if m > here), self.matches[0])
        else:
            target = next((m for m in reversed(self.matches) if m < here), self.matches[-1])
        self.sentences.go_to(target)
        self._status()

    # -- other actions --------------------------------------------------------------------------------------

    def action_toggle_removed(self) -> None:
        self.sentences.toggle_removed()
        self._status()
        self.call_after_refresh(self.sentences.scroll_to_highlight)  # lines came or went: keep the cursor in sight

    def action_back(self) -> None:
        box = self._search_box()
        if box is not None and box.display:
            box.display = False
            self.sentences.focus()
        elif self.focused is not None and self.focused is self._panel(create=False):
            self.sentences.focus()
        else:
            self.dismiss()

    def action_compare(self) -> None:
        self.post_message(PickCompare(self.doc.id, None))

    def _status(self) -> None:
        current = self.sentences.current_sentence()
        parts = []
        if current is not None:
            parts.append(f"sentence #{current} of 0–{len(self.doc.sentences) - 1} (numbered as in accord show)")
        if self.sentences.search_query:
            if self.matches and current in self.matches:
                parts.append(f"match {self.matches.index(current) + 1}/{len(self.matches)}")
            else:
                parts.append(f"{len(self.matches)} match(es) for '{one_line(self.sentences.search_query)}'")
        if self.sentences.show_removed:
            parts.append(f"showing {len(self.doc.removed)} removed piece(s), dimmed")
        marks = self.sentences.marks
        if marks:
            parts.append(f"{len(marks)} pledge sentence(s): ● pledge ◐ support ○ intent, n = other docs")
        self.query_one("#reader-status", Static).update("  ·  ".join(parts), layout=False)  # height 1
