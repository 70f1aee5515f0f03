"""Reader screen: sentences, pledge marks, counterparts, removed text, search."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.app.conftest import SIZE, settle
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.sentences import SentenceList


async def _open(app, pilot, doc_id: str) -> ReaderScreen:
    await settle(pilot)
    app.open_reader(doc_id)
    await settle(pilot)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_reader_shows_every_sentence(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "nhandan-2024")
        sentences = screen.query_one(SentenceList)
        ids = [i.key for i in sentences.items if i.key.startswith("s")]
        assert ids == [f"s{s.index}" for s in screen.doc.sentences]
        assert sentences.current_sentence() == 0


async def test_toggle_removed_shows_dimmed_pieces_in_place(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "nhandan-2024")
        sentences = screen.query_one(SentenceList)
        before = sentences.item_count
        await pilot.press("r")
        removed = [i for i in sentences.items if i.key.startswith("r")]
        assert len(removed) == len(screen.doc.removed) > 0
        assert not any(i.selectable for i in removed)
        # the headline (file line 12) comes before the first sentence, and the cursor skips it
        assert sentences.items[0].key == "r0"
        assert "headline" in sentences.items[0].cells[1].plain
        assert sentences.current_sentence() == 0
        await pilot.press("r")
        assert sentences.item_count == before


async def test_search_and_next_previous_match(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "nhandan-2024")
        await pilot.press("slash", *"russia", "enter")
        await pilot.pause()
        matches = screen.matches
        expected = [s.index for s in screen.doc.sentences if "russia" in s.text.lower()]
        assert matches == expected and len(matches) >= 3
        sentences = screen.query_one(SentenceList)
        assert sentences.current_sentence() == matches[0]
        await pilot.press("n")
        assert sentences.current_sentence() == matches[1]
        await pilot.press("N", "N")
        assert sentences.current_sentence() == matches[-1]  # wraps around
        assert "match" in str(screen.query_one("#reader-status").render())


async def test_search_without_match_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "vov-2025")
        await pilot.press("slash", *"zzzqqq", "enter", "n")
        await pilot.pause()
        assert screen.matches == []
        assert "0 match" in str(screen.query_one("#reader-status").render())


async def test_pledges_are_marked_and_counterparts_jump(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "nhandan-2024")
        sentences = screen.query_one(SentenceList)
        marks = sentences.marks
        shared = [i for i, m in sorted(marks.items()) if m.others > 0]
        assert shared, "the stand-in analysis groups some nhandan pledges with other documents"
        sentences.go_to(shared[0])
        await pilot.pause()
        panel = screen.query_one("#counterparts", OptionList)
        assert panel.display and panel.option_count > 0
        target_doc, _, target_index = panel.get_option_at_index(0).id.partition("\x00")
        await pilot.press("enter")  # focus the counterparts
        assert panel.has_focus
        await pilot.press("enter")  # jump
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.doc.id == target_doc
        assert app.screen.query_one(SentenceList).current_sentence() == int(target_index)
        await pilot.press("escape")
        assert app.screen is screen


async def test_reader_opens_at_a_sentence(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_reader("vgp-2025", 20)
        await settle(pilot)
        assert app.screen.query_one(SentenceList).current_sentence() == 20


async def test_reader_without_pledge_analysis(make_app):
    app = make_app(find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, "vgp-2025")
        assert screen.query_one(SentenceList).marks == {}
        assert not screen.query("#counterparts")  # the panel is made only when a pledge needs it


async def test_the_cursor_stays_in_sight_when_removed_text_shows_or_search_opens(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, "nhandan-2024")
        sentences = screen.query_one(SentenceList)
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("r")
        await settle(pilot)

        def in_sight() -> bool:
            index = sentences.highlighted
            top, bottom = sentences.scroll_offset.y, sentences.scroll_offset.y + sentences.scrollable_content_region.height
            return top <= sentences._starts[index] < bottom

        assert sentences.current_sentence() == 3 and in_sight()
        await pilot.press("slash")
        await settle(pilot)
        assert in_sight()
