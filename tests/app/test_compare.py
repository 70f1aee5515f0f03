"""Compare screen: alignment in a worker, changes, filter, swap, threshold, layout, picker."""

from __future__ import annotations

from textual.widgets import Static

from tests.app.conftest import SIZE, open_compare, settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.pick import PickPairScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.rows import RowList, is_change

_compare = open_compare


async def test_default_pair_is_compared(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        assert (screen.left.id, screen.right.id) == ("nhandan-2024", "vgp-2025")
        rows = screen.query_one(RowList)
        assert len(rows.filtered()) == len(screen.comparison.rows) > 0
        assert rows.items[0].key == "ledger"
        summary = str(screen.query_one("#compare-summary").render())
        counts = screen.comparison.summary()
        assert f"{counts['added']} new in 2025" in summary and f"{counts['removed']} only in 2024" in summary
        assert "threshold 0.50" in summary


async def test_next_and_previous_pair_and_change(make_app):
    app = make_app(threshold=0.2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        pairs = [i for i, r in enumerate(screen.comparison.rows) if r.left and r.right]
        rows.go_to_index(0)
        await pilot.press("n")
        assert rows.current_row() == pairs[0]
        await pilot.press("n")
        assert rows.current_row() == pairs[1]
        await pilot.press("p")
        assert rows.current_row() == pairs[0]
        changed = [i for i, r in enumerate(screen.comparison.rows) if is_change(r) and i > pairs[0]]
        await pilot.press("right_square_bracket")
        assert rows.current_row() in changed


async def test_filter_cycles(make_app):
    app = make_app(threshold=0.2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        seen = []
        for _ in range(5):
            await pilot.press("f")
            seen.append(screen.status_filter)
            shown = [rows.rows[p] for p in rows.filtered()]
            assert [rows.rows[p] for p in rows.shown_rows()] == [r for r in shown if r in
                                                                 [rows.rows[p] for p in rows.shown_rows()]]
            if screen.status_filter == "paired":
                assert shown and all(r.left and r.right for r in shown)
            if screen.status_filter == "one-sided":
                assert shown and all(not (r.left and r.right) for r in shown)
            if screen.status_filter == "pledges":
                assert shown and all(r.left_pledge or r.right_pledge for r in shown)
            if screen.status_filter == "changed":
                assert all(is_change(r) for r in shown)
        assert seen == ["paired", "pledges", "changed", "one-sided", "all"]


async def test_swap_sides(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        added = screen.comparison.summary()["added"]
        await pilot.press("x")
        await settle(pilot)
        assert (screen.left.id, screen.right.id) == ("vgp-2025", "nhandan-2024")
        assert screen.comparison.left.id == "vgp-2025"
        assert screen.comparison.summary()["removed"] == added
        assert "vgp-2025" in str(screen.query_one("#compare-left-head", Static).render())


async def test_a_quick_swap_keeps_the_old_rows_until_the_new_ones_and_a_slow_one_says_aligning(make_app):
    import threading

    from tests.app import fakes

    release = threading.Event()
    calls = []

    def slow_prepare(left, right, context=()):  # type: ignore[no-untyped-def]
        calls.append((left.id, right.id))
        if len(calls) > 1:
            release.wait(5)  # the swap's alignment waits until the test lets it go
        return fakes.prepare(left, right, context)

    app = make_app(prepare=slow_prepare)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        await pilot.press("x")
        await pilot.pause()
        assert rows.display and screen.comparison is None  # the old rows stay, inert
        assert "vgp-2025" in str(screen.query_one("#compare-left-head", Static).render())
        await pilot.pause(0.3)  # longer than SLOW_SWAP
        assert not rows.display
        assert "Aligning" in str(screen.query_one("#compare-message", Static).render())
        release.set()
        await settle(pilot)
        assert rows.display and screen.comparison.left.id == "vgp-2025"
        assert calls == [("nhandan-2024", "vgp-2025"), ("vgp-2025", "nhandan-2024")]


async def test_threshold_plus_minus_realigns(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        unmatched = lambda: sum(1 for r in screen.comparison.rows if r.status in ("added", "removed"))  # noqa: E731
        at_half = unmatched()
        await pilot.press("minus", "minus", "minus", "minus", "minus", "minus")
        await settle(pilot)
        assert screen.threshold == 0.2 and screen.comparison.threshold == 0.2
        assert unmatched() < at_half
        assert "threshold 0.20" in str(screen.query_one("#compare-summary").render())
        await pilot.press("plus")
        await settle(pilot)
        assert screen.comparison.threshold == 0.25
        scores = [r.similarity for r in screen.comparison.rows if r.similarity is not None]
        assert scores and min(scores) >= 0.25


async def test_layout_by_width_and_toggle(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        assert screen.split and rows.split
        await pilot.press("u")
        assert not screen.split and not rows.split
        assert app.settings.get("layout") == "unified"  # remembered for the next run
        await pilot.press("u")
        assert rows.split
        assert app.settings.get("layout") is None  # what the width gives anyway: back to "by width"
    app = make_app()
    async with app.run_test(size=(90, 30)) as pilot:
        screen = await _compare(app, pilot)
        assert not screen.query_one(RowList).split  # narrower than 100 columns: unified
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert screen.query_one(RowList).split


async def test_split_rows_keep_both_cells_the_same_height(make_app):
    app = make_app(threshold=0.2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        assert len(rows.columns) == 4  # marker, left, right, score
        lines = rows.plain_lines()
        # every item is as tall as its taller side (plus one blank line after it)
        for index, item in enumerate(rows.items):
            if not item.key.startswith("row"):
                continue
            left, right = item.cells[1].plain, item.cells[2].plain
            height = rows._heights[index] - 1
            assert height == max(len(rows._ranges[index][1]), len(rows._ranges[index][2]))
            assert left.split()[0] in lines[rows._starts[index]] if left else True
            assert right.split()[0] in lines[rows._starts[index]] if right else True


async def test_enter_reads_the_row_in_context(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        rows.focus()
        rows.fold_all(False)
        position = next(i for i, r in enumerate(rows.rows) if not (r.left and r.right) and not r.right_pledge
                        and not r.left_pledge)
        rows.go_to_row(position)
        row = rows.rows[rows.current_row()]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        doc, sentences = (screen.left, row.left) if row.left else (screen.right, row.right)
        assert app.screen.doc.id == doc.id
        assert app.screen.sentences.current_sentence() == sentences[0].index


async def test_pick_any_pair(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickPairScreen)
        await pilot.press("home", "enter", "end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen is not screen
        ids = sorted(app.corpus.documents, key=lambda d: (d.date, d.id))
        assert (app.screen.left.id, app.screen.right.id) == (ids[0].id, ids[-1].id)


async def test_without_alignment_module_says_not_available(make_app):
    app = make_app(prepare=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        assert "not available" in str(screen.query_one("#compare-message").render())
        await pilot.press("n", "x", "plus", "u", "f")  # keys do nothing harmful
        assert screen.comparison is None


async def test_alignment_failure_is_shown(make_app):
    def broken(left, right, context):
        raise ValueError("boom")

    app = make_app(prepare=broken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        assert "Alignment failed: ValueError: boom" in str(screen.query_one("#compare-message").render())


async def test_theme_change_recolours_rows_and_summary(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        rows.fold_all(False)
        item = next(i for i in rows.items if i.key.startswith("row") and rows.rows[int(i.key[3:])].status == "added")
        before = item.cells[2].spans[-1].style
        summary_before = [span.style for span in screen.query_one("#compare-summary").render().spans]
        app.theme = "textual-light"
        await settle(pilot)
        item = rows.items[rows.index_of(item.key)]
        assert item.cells[2].spans[-1].style != before
        assert [span.style for span in screen.query_one("#compare-summary").render().spans] != summary_before


async def test_library_compare_starts_on_the_headline_pair(make_app):
    """With nothing marked, `c` then Enter, Enter compares the 2024 and 2025 joint statements."""
    from tui.documents.corpus import default_pair

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()  # not settle(): the picker's worker waits for the picker's answer
        assert isinstance(app.screen, PickPairScreen)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        left, right = default_pair(app.corpus)
        assert (app.screen.left.id, app.screen.right.id) == (left.id, right.id) == ("nhandan-2024", "vgp-2025")


async def test_the_ledger_fits_80_columns_when_the_sides_are_named_by_ids(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _compare(app, pilot, "hanoitimes-2024", "nhandan-2024")  # one year: ids name the sides
        rows = screen.query_one(RowList)
        assert screen.side_names[0].endswith("hanoitimes-2024")
        lines = rows.ledger_text().plain.split("\n")
        assert "only L" in lines[1] and "only R" in lines[1]
        assert lines[-1] == f"only L = {screen.side_names[0]}  ·  only R = {screen.side_names[1]}"
        assert all(len(line) <= 78 for line in lines[1:-2]), lines  # the table rows: one line each
