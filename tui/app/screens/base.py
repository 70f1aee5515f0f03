"""What every full screen shares, and the screen shown when the terminal is too small."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmall(Static):
    """The notice itself."""

    def __init__(self) -> None:
        super().__init__("Window too small: make it at least 40 columns × 12 lines.  (ctrl+q quits)",
                         markup=False)


class TooSmallScreen(Screen[None]):
    """Pushed over everything while the terminal is below 40×12; popped when it grows again."""

    def compose(self) -> ComposeResult:
        yield TooSmall()


class AccordScreen(Screen[None]):
    """Base of accord's screens; ``HELP_TITLE`` names the screen in the help."""

    HELP_TITLE = "Screen"
