"""Help, command palette, sizes, 'window too small', and hostile document text."""

from __future__ import annotations

import datetime as dt
import html
import io

from rich.console import Console
from textual.widgets import DataTable

from tests.app import fakes
from tests.app.conftest import SIZE, make_doc, settle
from tui.app import AccordApp
from tui.app.screens.base import TooSmallScreen
from tui.app.screens.compare import CompareScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.rows import RowList
from tui.app.widgets.sentences import SentenceList
from tui.documents.corpus import Corpus

HOSTILE = (
    "The sides agreed to [bold]cooperate[/bold] on energy. "
    "A stray closing tag [/] appears here. "
    "Click [link=http://x]here[/link] for more. "
    "Colour \x1b[31mred\x1b[0m escapes stay visible. "
    "Reversed \u202etext\u202c is shown. "
    + "W" * 5000 + " ends the paragraph.\n"
)


def _hostile_corpus() -> Corpus:
    a = make_doc("hostile-a", HOSTILE, title="Hostile [bold]A[/]", date=dt.date(2024, 1, 1))
    b = make_doc("hostile-b", HOSTILE.replace("agreed", "pledged"), title="Hostile B", date=dt.date(2024, 2, 1))
    return Corpus((a, b))


def _list_text(widget) -> str:
    """Every line a WrapList renders, as the terminal would show it (joined)."""
    return "".join(line.strip() for line in widget.plain_lines())


def _screen_text(app) -> str:
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


async def test_help_lists_keys_per_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen._content())
        text = console.export_text()
        assert "Library  (this screen)" in text
        for title in ("Library", "Reader", "Compare", "Commitments", "Pledge group", "Everywhere"):
            assert title in text
        assert "Threshold +" in text and "Swap" in text and "ctrl+p" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_command_palette_opens_a_document(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open vov")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.doc.id == "vov-2025"


async def test_command_palette_compares_a_pair(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"compare investor-2024 → vov")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.left.id, app.screen.right.id) == ("investor-2024", "vov-2025")  # older left


async def test_command_palette_goes_to_a_group(make_app):
    from tui.app.screens.group import GroupScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"group g1")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen) and app.screen.group.id == "g1"


async def test_small_and_large_terminals(make_app):
    for size in ((80, 24), (200, 60), (40, 12)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            assert app.screen.query_one(DataTable).row_count == 5
            assert not isinstance(app.screen, TooSmallScreen)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            app.open_compare()
            await settle(pilot)
            assert app.screen.query_one(RowList).item_count > 0


async def test_too_small_window_says_so_and_recovers(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert app.has_class("-too-small") and isinstance(app.screen, TooSmallScreen)
        assert "Window too small" in _screen_text(app)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(DataTable).display


async def test_hostile_text_is_shown_literally_in_reader_and_compare():
    app = AccordApp(corpus=_hostile_corpus(), prepare=fakes.prepare, find_commitments=fakes.find_commitments,
                    threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Hostile [bold]A[/]" in _screen_text(app)
        app.open_reader("hostile-a")
        await settle(pilot)
        await pilot.press("r", "slash", *"[/]", "enter", "end")
        await settle(pilot)
        assert "WWWWWWWWWW" in _screen_text(app)
        text = _list_text(app.screen.query_one(SentenceList))
        for literal in ("[bold]cooperate[/bold]", "[/]", "[link=http://x]here[/link]", "\\x1b[31mred",
                        "<U+202E>text", "WWWWWWWWWW"):
            assert literal in text, literal
        assert "\x1b" not in text and "\u202e" not in text
        assert app.screen.matches  # "[/]" was searched for as text
        for item in app.screen.query_one(SentenceList).items:
            for cell in item.cells:
                assert all(isinstance(span.style, str) or not span.style.link for span in cell.spans)
        app.open_compare("hostile-a", "hostile-b")
        await settle(pilot)
        text = _list_text(app.screen.query_one(RowList))
        assert "[link=http://x]here[/link]" in text and "\\x1b[31mred" in text
        await pilot.press("u")
        await settle(pilot)
        text = _list_text(app.screen.query_one(RowList))
        assert "[link=http://x]here[/link]" in text and "\\x1b[31mred" in text
        assert app.screen.comparison is not None


async def test_mouse_moves_cursors_and_opens(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.click("#documents", offset=(30, 3))
        assert table.cursor_row == 2
        await pilot.click("#documents", offset=(30, 3))  # a click on the cursor row opens it
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        sentences = app.screen.query_one(SentenceList)
        await pilot.click(SentenceList, offset=(20, 5))
        assert sentences.current_sentence() not in (None, 0)


async def test_theme_change_recolours_pledges(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_reader("nhandan-2024")
        await settle(pilot)
        sentences = app.screen.query_one(SentenceList)
        index = next(iter(sentences.marks))
        styled = lambda: sentences.items[sentences.index_of(f"s{index}")].cells[1].spans[0].style  # noqa: E731
        before = styled()
        app.theme = "textual-light"
        await settle(pilot)
        assert styled() != before
        assert "textual-light" in app.theme


async def test_key_bar_shows_descriptions_and_runs_a_clicked_key(make_app):
    from tui.app.widgets.keybar import KeyBar

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        text = bar.render().plain
        assert "Sort" in text and "Pledges" in text and "palette" in text
        start = text.index(" s Sort") + 1
        await pilot.click(KeyBar, offset=(start, 0))
        await pilot.pause()
        assert app.screen.sort_key == "outlet"


def test_browse_command_runs_the_app_with_the_settings(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import tui.app
    from tui.cli import cli

    seen = {}
    monkeypatch.setattr(tui.app, "run", lambda settings: seen.setdefault("corpus", settings.corpus))
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path), "browse"])
    assert result.exit_code == 0, result.output
    assert seen.pop("corpus") == (tmp_path,)
    result = CliRunner().invoke(cli, ["browse", "--corpus", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen.pop("corpus") == (tmp_path,)


def test_the_core_does_not_import_textual_or_rich():
    import subprocess
    import sys

    code = ("import sys, tui.documents.corpus, tui.analysis.align, tui.analysis.commitments, tui.infra.safety; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
