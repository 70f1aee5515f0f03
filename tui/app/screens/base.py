"""What every full screen shares: a 'window too small' notice shown by the stylesheet."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is below 40×12."""

    def __init__(self) -> None:
        super().__init__("Window too small: make it at least 40 columns × 12 lines.  (ctrl+q quits)",
                         markup=False)


class AccordScreen(Screen[None]):
    """Base of accord's screens; subclasses compose their own widgets then :class:`TooSmall`."""

    HELP_TITLE = "Screen"
