"""Library screen: table, sort, filter, marks, errors, empty and unreadable corpora."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.app.conftest import SIZE, settle
from tui.app import AccordApp
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.documents.corpus import Corpus, load_corpus
from tui.infra.errors import InputError


def _ids(table: DataTable) -> list[str]:
    return [str(key.value) for key in table.rows]


async def test_library_lists_every_document_by_date(make_app, real_corpus):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert _ids(table) == [d.id for d in sorted(real_corpus.documents, key=lambda d: (d.date, d.id))]
        # the pledge column is filled once the (stand-in) pledge analysis is done
        assert app.screen.pledges is not None and sum(app.screen.pledges.values()) > 0


async def test_sort_cycles_and_reverses(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("s")
        assert screen.sort_key == "outlet"
        outlets = [app.corpus.get(i).meta.outlet.casefold() for i in _ids(screen.query_one(DataTable))]
        assert outlets == sorted(outlets)
        await pilot.press("s", "s", "s")
        assert screen.sort_key == "sentences"
        await pilot.press("S")
        counts = [len(app.corpus.get(i).sentences) for i in _ids(screen.query_one(DataTable))]
        assert counts == sorted(counts, reverse=True)


async def test_filter_narrows_and_escape_clears(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("slash", *"vov")
        await pilot.pause()
        assert _ids(table) == ["vov-2025"]
        await pilot.press("enter")  # back to the table
        await pilot.press("escape")
        await pilot.pause()
        assert len(_ids(table)) == len(app.corpus.documents)


async def test_enter_opens_the_reader(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.doc.id == _ids_sorted(app)[1]


def _ids_sorted(app) -> list[str]:
    return [d.id for d in sorted(app.corpus.documents, key=lambda d: (d.date, d.id))]


async def test_two_marked_documents_compare(make_app):
    from tui.app.screens.compare import CompareScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "down", "space", "c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        first, second = _ids_sorted(app)[:2]
        assert (app.screen.left.id, app.screen.right.id) == (first, second)


async def test_a_third_mark_says_which_mark_gave_way(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "down", "space", "down", "space")
        await settle(pilot)
        first, second, third = _ids_sorted(app)[:3]
        assert app.screen.marked == [second, third]
        assert any(first in n.message and "two" in n.message for n in app._notifications)


async def test_empty_corpus_says_what_to_do(tmp_path: Path):
    app = AccordApp(corpus=load_corpus([tmp_path]), prepare=None, find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = str(app.screen.query_one("#library-message", Static).render())
        assert "No documents found" in message and "accord add" in message
        assert not app.screen.query_one(DataTable).display


async def test_unreadable_files_are_listed_with_their_error(tmp_path: Path, real_corpus):
    (tmp_path / "broken.txt").write_text("no front matter here\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(
        '+++\nid = "good"\ntitle = "Good"\ndate = 2024-01-01\n+++\nThey agreed to cooperate.\n', encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert len(corpus.errors) == 1
    app = AccordApp(corpus=corpus, prepare=None, find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        errors = str(app.screen.query_one("#library-errors", Static).render())
        assert "broken.txt" in errors and "missing front matter" in errors
        assert _ids(app.screen.query_one(DataTable)) == ["good"]


async def test_loader_runs_in_a_worker_and_failure_is_a_message():
    def fails() -> Corpus:
        raise InputError("/nowhere", "corpus folder does not exist")

    app = AccordApp(loader=fails, prepare=None, find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        message = str(app.screen.query_one("#library-message", Static).render())
        assert "corpus folder does not exist" in message and "--corpus" in message


async def test_loader_success_shows_the_library(real_corpus):
    app = AccordApp(loader=lambda: real_corpus, prepare=None, find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(DataTable).row_count == len(real_corpus.documents)


async def test_clicking_a_header_sorts_by_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        x = sum(col.get_render_width(table) for col in list(table.columns.values())[:3]) + 2  # the title column
        await pilot.click("#documents", offset=(x, 0))
        await pilot.pause()
        assert screen.sort_key == "title"
        titles = [app.corpus.get(i).title.casefold() for i in _ids(table)]
        assert titles == sorted(titles)
        await pilot.click("#documents", offset=(x, 0))
        await pilot.pause()
        assert screen.sort_reverse
