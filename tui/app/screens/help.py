"""Help: the keys of every screen, the current one first."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

MARKS = [
    ("= ~ ≈", "Unchanged, reworded (a close pair: word changes marked), related (the same item rewritten)"),
    ("+ -", "Only in the newer document, only in the older one"),
    ("↕", "Moved: the pair broke the order of its neighbours"),
    ("▲ ▼", "The pledge got stronger or weaker"),
    ("● ◐ ○ ·", "Pledge, support, intent, no pledge (● → ◐: a pledge became support)"),
    ("2025 1 3", "A row of several sentences: their numbers, as 'accord show' gives them"),
]
"""The marks of the compare and commitments screens, for the help screen's last section."""

GENERAL = [
    ("ctrl+p", "Command palette: open a document, compare a pair, go to a pledge group"),
    ("tab / shift+tab", "Move focus between panels"),
    ("up/down, pgup/pgdn, home/end", "Move the cursor; the mouse works too"),
]


def _screens() -> list[type[Screen]]:
    from tui.app.screens.commitments import CommitmentsScreen
    from tui.app.screens.compare import CompareScreen
    from tui.app.screens.group import GroupScreen
    from tui.app.screens.library import LibraryScreen
    from tui.app.screens.pair import PairScreen
    from tui.app.screens.reader import ReaderScreen

    return [LibraryScreen, ReaderScreen, CompareScreen, PairScreen, CommitmentsScreen, GroupScreen]


def _keys(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for b in bindings:
        if not isinstance(b, Binding) or not b.description:
            continue
        key = b.key_display or b.key.replace("question_mark", "?").replace("slash", "/")
        if b.action in seen:
            i = seen[b.action]
            rows[i] = (rows[i][0] + " / " + key, rows[i][1])
            continue
        seen[b.action] = len(rows)
        rows.append((key, b.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys per screen; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False, key_display="?"),
    ]

    def __init__(self, current: Screen, app_bindings: Iterable[BindingType]) -> None:
        super().__init__()
        self.current = current
        self.app_bindings = list(app_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._content(), id="help-text")

    def _content(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        screens = _screens()
        current = type(self.current)
        order = ([current] if current in screens else []) + [s for s in screens if s is not current]
        for screen in order:
            title = getattr(screen, "HELP_TITLE", screen.__name__)
            note = "  (this screen)" if screen is current else ""
            table.add_row(Text(title + note, style="underline"), "")
            for key, description in _keys(screen.BINDINGS):
                table.add_row(key, description)
            table.add_row("", "")
        table.add_row(Text("Everywhere", style="underline"), "")
        for key, description in _keys(self.app_bindings) + GENERAL:
            table.add_row(key, description)
        table.add_row("", "")
        table.add_row(Text("Marks", style="underline"), "")
        for mark, meaning in MARKS:
            table.add_row(mark, meaning)
        return table

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys  (Esc closes)"

    def action_close(self) -> None:
        self.dismiss(None)
