"""Shown while the corpus loads in a worker."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import LoadingIndicator, Static

from tui.app.screens.base import AccordScreen


class LoadingScreen(AccordScreen):
    """A spinner and a line of text until the library is ready."""

    HELP_TITLE = "Loading"

    def compose(self) -> ComposeResult:
        yield Static("accord · loading the corpus…", id="loading-text", markup=False)
        yield LoadingIndicator()
