"""The accord App: loads the corpus in a worker, owns it, and opens screens on request."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.events import Resize

from tui.analysis.diffmodel import oriented
from tui.app import analysis
from tui.app.commands import AccordCommands
from tui.app.heap import IDLE_SECONDS, Heap
from tui.app.messages import OpenCommitments, OpenCompare, OpenPair, OpenReader, PickCompare, SettingChanged
from tui.app.settings import Settings, config_dir
from tui.documents.corpus import Corpus, default_pair
from tui.infra.errors import AccordError
from tui.infra.safety import one_line

_UNSET: Any = object()
MIN_WIDTH, MIN_HEIGHT = 40, 12
NO_DOCUMENTS = "No documents in the corpus, so there are no pledges to group (accord add FILE … adds one)."


class AccordApp(App[None]):
    """Browse, read and compare a corpus of diplomatic statements.

    Give ``corpus`` to show it at once (tests), or ``loader`` (a callable
    returning a :class:`Corpus`) to load it in a worker. ``prepare`` and
    ``find_commitments`` default to the analysis core when it is installed.
    """

    CSS_PATH = "accord.tcss"
    TITLE = "accord"
    COMMANDS = App.COMMANDS | {AccordCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "back_or_quit", "Back (quit on the library)", show=False, id="app.back_or_quit"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        corpus: Corpus | None = None,
        loader: Callable[[], Corpus] | None = None,
        prepare: Any = _UNSET,
        find_commitments: Any = _UNSET,
        threshold: float | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.corpus: Corpus | None = corpus
        self._loader = loader
        default_prepare, default_threshold = analysis.aligner()
        self.prepare = default_prepare if prepare is _UNSET else prepare
        self.threshold = default_threshold if threshold is None else threshold
        self.find_commitments = (
            analysis.commitments_finder() if find_commitments is _UNSET else find_commitments
        )
        self.commitments: Any = None
        self._prepared_pairs: dict[Any, Any] = {}  # shared by the compare screens: a pair opened again
        self.commitments_error: str | None = None
        self.heap = Heap()  # garbage collection out of the way of keys

    # -- start-up ---------------------------------------------------------------------------------

    def on_mount(self) -> None:
        from tui.app.screens.library import LibraryScreen

        self.heap.start()
        self.set_interval(IDLE_SECONDS / 2, self.heap.idle)
        theme = self.settings.get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.settings.problem:
            self.notify(one_line(self.settings.problem), severity="warning", markup=False)
        if self.corpus is not None:
            self.heap.keep()
            self.push_screen(LibraryScreen(self.corpus, pledges=None))
            self._start_commitments()
        else:
            from tui.app.screens.loading import LoadingScreen

            self.push_screen(LoadingScreen())
            self.load_corpus()

    @work(thread=True, exclusive=True, group="load")
    def load_corpus(self) -> None:
        """Load the corpus off the event loop; a failure becomes a message on the library screen."""
        try:
            corpus = self._loader() if self._loader else Corpus(())
            for doc in corpus.documents:
                doc.sentences  # noqa: B018 - clean and segment here, off the event loop
        except (AccordError, OSError) as exc:
            self.call_from_thread(self._loaded, Corpus(()), str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - every worker posts a result or an error, never nothing
            self.call_from_thread(self._loaded, Corpus(()), f"internal error: {type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._loaded, corpus, None)

    def _loaded(self, corpus: Corpus, problem: str | None) -> None:
        from tui.app.screens.library import LibraryScreen

        self.corpus = corpus
        self.heap.keep()  # the corpus lives as long as the app
        self.switch_screen(LibraryScreen(corpus, pledges=None, problem=problem))
        # grouping holds the GIL for a while: start it once the library has been painted
        self.call_after_refresh(self._start_commitments)

    def _start_commitments(self) -> None:
        if self.find_commitments is None or self.corpus is None:
            return
        if not self.corpus.documents:  # nothing to group: say so instead of waiting for good
            self._commitments_failed(NO_DOCUMENTS, notify=False)
            return
        self.compute_commitments(self.corpus)

    @work(thread=True, exclusive=True, group="commitments")
    def compute_commitments(self, corpus: Corpus) -> None:
        """Group pledges across the corpus (slow), then hand the result to every open screen."""
        try:
            result = self.find_commitments(corpus.documents)
        except Exception as exc:  # noqa: BLE001 - a failing analysis must not take the app down
            self.call_from_thread(self._commitments_failed, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._commitments_ready, result)

    def _commitments_failed(self, message: str, notify: bool = True) -> None:
        self.commitments_error = message
        if notify:
            self.notify(f"pledge analysis failed: {message}", severity="error", markup=False)
        for screen in self.screen_stack:
            update = getattr(screen, "set_commitments_error", None)
            if update is not None:
                update(self.commitments_status())

    def commitments_status(self) -> str | None:
        """Why there are no pledge groups to show (``None`` while they are being computed or once ready)."""
        if self.find_commitments is None:
            return "Pledge analysis is not available yet in this build (tui.analysis.commitments is missing)."
        if self.commitments_error == NO_DOCUMENTS:
            return NO_DOCUMENTS
        if self.commitments_error:
            return f"Pledge analysis failed: {self.commitments_error}"
        return None

    def _theme_changed(self, theme: Any) -> None:
        self._remember("theme", getattr(theme, "name", None))

    def on_setting_changed(self, message: SettingChanged) -> None:
        self._remember(message.name, message.value)

    def _remember(self, name: str, value: Any) -> None:
        if self.settings.get(name) == value:
            return
        problem = self.settings.set(name, value)
        if problem:
            self.notify(one_line(problem), severity="warning", markup=False)

    def _commitments_ready(self, result: Any) -> None:
        self.commitments = result
        self.heap.keep()  # so do the pledge groups
        for screen in self.screen_stack:
            update = getattr(screen, "set_commitments", None)
            if update is not None:
                update(result)

    # -- opening screens ---------------------------------------------------------------------------

    def on_open_reader(self, message: OpenReader) -> None:
        self.open_reader(message.doc_id, message.index)

    def on_open_compare(self, message: OpenCompare) -> None:
        self.open_compare(message.left_id, message.right_id)

    def on_pick_compare(self, message: PickCompare) -> None:
        self.pick_compare(message.left_id, message.right_id)

    def on_open_pair(self, message: OpenPair) -> None:
        self.open_pair(message.left_id, message.left_index, message.right_id, message.right_index)

    def on_open_commitments(self, message: OpenCommitments) -> None:
        self.open_commitments(message.group_id)

    def _document(self, ref: str):  # type: ignore[no-untyped-def]
        if self.corpus is None:
            return None
        try:
            return self.corpus.get(ref)
        except AccordError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    def open_reader(self, doc_id: str, index: int = 0) -> None:
        """Push a reader for ``doc_id`` at sentence ``index``."""
        from tui.app.screens.reader import ReaderScreen

        doc = self._document(doc_id)
        if doc is not None:
            self.push_screen(ReaderScreen(doc, self.commitments, index=index))

    def open_pair(self, left_id: str, left_index: int, right_id: str, right_index: int) -> None:
        """Push both sentences of a pair in context, side by side."""
        from tui.app.screens.pair import PairScreen

        left, right = self._document(left_id), self._document(right_id)
        if left is not None and right is not None:
            self.push_screen(PairScreen(left, left_index, right, right_index, self.commitments))

    def open_compare(self, left_id: str | None = None, right_id: str | None = None) -> None:
        """Compare two documents (the default pair when ids are missing), the older one left."""
        from tui.app.screens.compare import CompareScreen

        if self.corpus is None:
            return
        if left_id is None or right_id is None:
            from tui.analysis.parties import same_parties

            try:
                left, right = default_pair(self.corpus, same_parties)
            except AccordError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
        else:
            left, right = self._document(left_id), self._document(right_id)
            if left is None or right is None:
                return
        left, right = oriented(left, right)
        screen = CompareScreen(left, right, self.corpus.documents, self.prepare, self.threshold,
                               commitments=self.commitments, layout=self.settings.get("layout"),
                               prepared=self._prepared_pairs)
        if isinstance(self.screen, CompareScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def pick_compare(self, left_id: str | None = None, right_id: str | None = None) -> None:
        """Let the user choose two documents, then compare them."""
        if self.corpus is None or len(self.corpus.documents) < 2:
            self.notify("the corpus needs at least two documents to compare", severity="warning")
            return
        if left_id is None and right_id is None:
            from tui.analysis.parties import same_parties

            left, right = default_pair(self.corpus, same_parties)
            left_id, right_id = left.id, right.id
        self._pick_and_compare(left_id, right_id)

    @work(exclusive=True, group="pick")
    async def _pick_and_compare(self, left_id: str | None, right_id: str | None) -> None:
        from tui.app.screens.pick import PickPairScreen

        assert self.corpus is not None
        pair = await self.push_screen_wait(PickPairScreen(self.corpus.documents, left_id, right_id))
        if pair is not None:
            self.open_compare(*pair)

    def open_commitments(self, group_id: str | None = None) -> None:
        """Push the commitments matrix, and the group ``group_id`` on top when given."""
        from tui.app.screens.commitments import CommitmentsScreen
        from tui.app.screens.group import GroupScreen

        if self.corpus is None:
            return
        if group_id is not None and isinstance(self.screen, CommitmentsScreen | GroupScreen):
            self.open_group(group_id)  # already there: no second matrix under the group
            return
        status = self.commitments_status()
        self.push_screen(CommitmentsScreen(self.commitments, self.corpus.documents, status=status))
        if group_id is not None and self.commitments is not None:
            self.open_group(group_id)

    def open_group(self, group_id: str) -> None:
        """Show the multi-witness view of one pledge group (replacing a group already shown)."""
        from tui.app.screens.group import GroupScreen

        groups = {g.id: g for g in getattr(self.commitments, "groups", ())}
        if group_id in groups and self.corpus is not None:
            screen = GroupScreen(groups[group_id], self.corpus.documents)
            if isinstance(self.screen, GroupScreen):
                self.switch_screen(screen)
            else:
                self.push_screen(screen)

    # -- everywhere ----------------------------------------------------------------------------------

    def action_back_or_quit(self) -> None:
        """``q``: quit from the first screen, go back from any other."""
        from tui.app.screens.library import LibraryScreen

        screen = self.screen
        if isinstance(screen, LibraryScreen) or len(self.screen_stack) <= 2:
            self.exit()
            return
        back = getattr(screen, "action_back", None)
        if back is not None:
            back()
        else:
            self.pop_screen()

    def screenshot_folder(self) -> Path:
        """Downloads when it exists, else accord's config folder (created), else the working folder."""
        from platformdirs import user_downloads_path

        downloads = user_downloads_path()
        if downloads.is_dir() and os.access(downloads, os.W_OK):
            return downloads
        folder = config_dir() / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            pass
        return Path.cwd()

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save an SVG of the screen where it can be written, and say where."""
        folder = Path(path) if path else self.screenshot_folder()
        try:
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as exc:
            self.notify(f"could not save the screenshot in {folder}: {exc.strerror or exc}",
                        title="Screenshot", severity="error", markup=False)
            return None
        self.notify(f"saved the screenshot to {saved}", title="Screenshot", markup=False)
        return saved


    def action_help(self) -> None:
        """Show the keys of every screen, the current one first."""
        from tui.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen, self.BINDINGS))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self.heap.touch()  # the user is here: no full collection until they pause
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.heap.stop()

    def on_resize(self, event: Resize) -> None:
        from tui.app.screens.base import TooSmallScreen

        self.heap.touch()

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
