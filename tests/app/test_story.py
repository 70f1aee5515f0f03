"""Issue 10, app side: no crash or hang, compare opens on the story, readable changes, commitments, navigation."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable

from tests.app import fakes
from tests.app.conftest import SIZE, open_compare, settle
from tui.app.screens.commitments import CommitmentsScreen
from tui.app.screens.compare import CompareScreen
from tui.app.screens.group import GroupScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.pair import PairScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.settings import Settings
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.rows import RowList, paired
from tui.app.widgets.styles import contrast, style_contrast
from tui.app.widgets.wraplist import Column, Item, WrapList
from tui.documents.corpus import Corpus

_compare = open_compare


# -- 1. the crash and the hang ----------------------------------------------------------------------------

async def test_pagedown_before_the_first_layout_does_not_crash(make_app):
    """PageDown right after the rows appear (the list's width still 0) used to raise IndexError."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_compare()
        for _ in range(20):  # PageDown from the very first moment the rows can appear
            await pilot.press("pagedown")
        await settle(pilot)
        assert app.screen.comparison is not None and app.is_running


async def test_wraplist_methods_before_any_resize():
    from textual.app import App

    class Bare(App):
        def compose(self):
            listing = WrapList(columns=(Column(3), Column()), id="bare")
            listing.display = False  # no width: no layout yet
            yield listing

    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(WrapList)
        from rich.text import Text

        listing.set_items([Item(f"k{i}", (Text(str(i)), Text("word " * 40))) for i in range(50)])
        assert not listing.laid_out
        listing.action_page_down()
        listing.action_page_up()
        listing.action_last()
        listing.scroll_to_highlight()
        assert listing.plain_lines() == []
        assert listing.render_line(0).cell_length == 0
        listing.display = True
        await pilot.pause()
        await pilot.pause()
        listing.action_page_down()
        assert listing.laid_out and listing.highlighted > 0


async def test_empty_corpus_pledges_do_not_wait_for_good(make_app):
    app = make_app(corpus=Corpus(()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, CommitmentsScreen)
        info = str(app.screen.query_one("#commitments-info").render())
        assert "Grouping" not in info and "No documents" in info


async def test_failing_pledge_analysis_reaches_an_open_matrix(make_app):
    import threading

    gate = threading.Event()

    def broken(docs):
        gate.wait(5)
        raise RuntimeError("no luck")

    app = make_app(find_commitments=broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        gate.set()
        await settle(pilot)
        info = str(app.screen.query_one("#commitments-info").render())
        assert "failed" in info and "no luck" in info


async def test_failing_corpus_loader_shows_the_problem(make_app):
    def loader():
        raise ValueError("weird")

    from tui.app import AccordApp

    app = AccordApp(loader=loader, prepare=None, find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "weird" in str(app.screen.query_one("#library-message").render())


# -- 2. compare opens on the story --------------------------------------------------------------------------

async def test_older_document_goes_left_whatever_the_order(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot, "vgp-2025", "nhandan-2024")
        assert (screen.left.id, screen.right.id) == ("nhandan-2024", "vgp-2025")
        assert screen.side_names == ("only in 2024", "new in 2025")
        await pilot.press("x")
        await settle(pilot)
        assert (screen.left.id, screen.right.id) == ("vgp-2025", "nhandan-2024")
        assert screen.side_names == ("only in 2025", "only in 2024")  # swapped: nothing on the right is new


async def test_marks_in_either_order_put_the_older_left(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        ids = [k.value for k in table.rows]
        for doc_id in ("vgp-2025", "nhandan-2024"):
            table.move_cursor(row=ids.index(doc_id))
            await pilot.press("space")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.left.id, app.screen.right.id) == ("nhandan-2024", "vgp-2025")


async def test_the_ledger_comes_first_and_says_what_carried_over(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        assert rows.items[0].key == "ledger" and rows.highlighted == 0
        text = rows.items[0].cells[0].plain
        assert "What carried over, by theme" in text
        assert "only in 2024" in text and "new in 2025" in text and "all themes" in text
        for theme in screen.comparison.ledger():
            assert theme.theme in text
        screen_text = "\n".join(rows.plain_lines()[:12])
        assert "carried" in screen_text


async def test_runs_fold_and_enter_expands(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        folds = [i for i in rows.items if i.key.startswith("run")]
        assert folds and "enter to expand" in folds[0].cells[0].plain
        assert "only in 2024" in folds[0].cells[0].plain or "new in 2025" in folds[0].cells[0].plain
        await pilot.press("right_curly_bracket")
        assert rows.current_is_fold() or not paired(rows.rows[rows.current_row()])
        rows.go_to_index(rows.index_of(folds[0].key))
        first = int(folds[0].key[3:])
        await pilot.press("enter")
        await settle(pilot)
        assert rows.index_of(f"row{first}") is not None and rows.current_row() == first
        await pilot.press("z")
        assert not [i for i in rows.items if i.key.startswith("run")]


async def test_n_and_p_land_only_on_pairs(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        seen = []
        for _ in range(6):
            await pilot.press("n")
            seen.append(rows.current_row())
        assert all(paired(rows.rows[p]) for p in seen)
        assert seen == sorted(seen)
        pairs = [i for i, r in enumerate(rows.rows) if paired(r)]
        assert seen[:len(pairs)] == pairs[:6]


async def test_filters_for_pairs_pledges_and_a_theme_count_within(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        await pilot.press("f")  # paired rows
        assert screen.status_filter == "paired"
        await pilot.press("n")
        total = sum(1 for r in rows.rows if paired(r))
        assert rows.position_text() == f"row 1/{total}"
        assert f"row 1/{total}" in str(screen.query_one("#compare-detail").render())
        await pilot.press("f")  # pledge rows
        assert all(rows.rows[p].left_pledge or rows.rows[p].right_pledge for p in rows.filtered())
        await pilot.press("t")
        theme = screen.theme_filter
        assert theme is not None and all(rows.rows[p].theme == theme for p in rows.filtered())
        assert theme in str(screen.query_one("#compare-summary").render())


async def test_rows_show_tier_pledge_and_theme(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        rows.fold_all(False)
        for item in rows.items[1:]:
            row = rows.rows[int(item.key[3:])]
            meta = item.cells[-1].plain
            assert row.theme in meta
            if paired(row):
                assert row.tier in meta
                marker = item.cells[0].plain
                assert marker[0] == ("≈" if row.tier == "related" else "~" if row.status == "reworded" else "=")
            elif row.left_pledge or row.right_pledge:
                assert (row.left_pledge or row.right_pledge) in meta


async def test_related_pair_shows_both_sentences_whole_with_what_they_share(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        position = next(i for i, r in enumerate(rows.rows) if r.tier == "related" and r.evidence)
        row = rows.rows[position]
        rows.go_to_row(position, unfold=True)
        item = rows.items[rows.index_of(f"row{position}")]
        assert row.left_text in item.cells[1].plain and row.right_text in item.cells[2].plain
        assert "shares: " + row.evidence[0] in item.cells[2].plain
        insert, delete = rows.cstyle("insert"), rows.cstyle("delete")
        assert all(span.style not in (insert, delete) for cell in item.cells for span in cell.spans)
        await pilot.press("u")
        item = rows.items[rows.index_of(f"row{position}")]
        assert "[-" not in item.cells[1].plain and row.right_text in item.cells[1].plain


async def test_enter_on_a_pair_opens_both_in_context(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        await pilot.press("n")
        row = screen.query_one(RowList).rows[screen.query_one(RowList).current_row()]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        left, right = app.screen.query_one("#pair-0"), app.screen.query_one("#pair-1")
        assert left.current_sentence() == row.left[0].index and right.current_sentence() == row.right[0].index
        await pilot.press("tab")
        assert app.screen.focused is right
        await pilot.press("escape")
        assert app.screen is screen


async def test_one_sided_pledge_row_links_to_its_counterpart(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        linked = next((i for i, r in enumerate(rows.rows) if not paired(r) and screen._links(r)), None)
        assert linked is not None, "the fake groups link some one-sided pledge rows"
        rows.go_to_row(linked, unfold=True)
        await pilot.pause()
        detail = str(screen.query_one("#compare-detail").render())
        assert "enter jumps there" in detail
        row = rows.rows[linked]
        _group, pledge = screen._links(row)[0]
        await pilot.press("enter")
        await settle(pilot)
        target = rows.rows[rows.current_row()]
        other = target.right if row.left else target.left
        assert any(s.index == pledge.index for s in other)


async def test_cursor_stays_on_its_sentence_across_thresholds(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        await pilot.press("n", "n", "n")
        row = rows.rows[rows.current_row()]
        sentence = row.left[0].index
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert screen.comparison.threshold == 0.2
        now = rows.rows[rows.current_row()]
        assert any(s.index == sentence for s in now.left)
        await pilot.press("plus", "plus", "plus")
        await settle(pilot)
        now = rows.rows[rows.current_row()]
        assert any(s.index == sentence for s in now.left)


# -- 3. readable changes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_changed_words_reach_aa_contrast(make_app, theme):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        app.theme = theme
        await settle(pilot)
        rows = screen.query_one(RowList)
        base = rows.rich_style
        figures = {}
        for name in ("insert", "delete", "number", "shared", "theme", "related", "added", "removed", "fold"):
            style = rows.cstyle(name)
            figures[name] = style_contrast(style, base)
        print(theme, {k: round(v, 2) for k, v in figures.items()})
        assert figures["insert"] >= 4.5 and figures["delete"] >= 4.5
        assert min(figures.values()) >= 3.0  # marks and labels: at least the large-text level
        assert rows.cstyle("insert").underline and rows.cstyle("delete").strike


def test_contrast_formula():
    from rich.color import Color

    assert round(contrast(Color.parse("#000000"), Color.parse("#ffffff")), 1) == 21.0
    assert round(contrast(Color.parse("#777777"), Color.parse("#ffffff")), 2) == 4.48


async def test_split_columns_have_a_visible_separator(make_app):
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        rows = screen.query_one(RowList)
        await pilot.press("n")
        start = rows._starts[rows.highlighted]
        assert "│" in rows.plain_lines()[start]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_summary_and_key_bar_fit(make_app, size):
    app = make_app(threshold=0.3)
    async with app.run_test(size=size) as pilot:
        screen = await _compare(app, pilot)
        summary = screen.query_one("#compare-summary").render().plain
        assert len(summary) <= size[0] - 2 and "…" not in summary.split("│")[-1]
        assert "threshold" in summary or "0.30" in summary
        bar = screen.query_one(KeyBar).render().plain
        for key in ("Next pair", "Prev", "Runs", "Filter", "Swap", "Back"):
            assert key in bar, (key, bar)
        assert len(bar) <= size[0]


# -- 4. commitments ---------------------------------------------------------------------------------------

async def test_commitments_status_single_search_sort_preview(make_app):
    def finder(docs):
        result = fakes.find_commitments(docs)
        from tui.analysis.commitments import Group

        lone = result.groups[0].members[0]
        single = Group("solo", "a pledge only one report makes", "trade", (lone,), (lone.doc_id,), ())
        return fakes.Commitments(result.documents, (*result.groups, single))

    app = make_app(find_commitments=finder)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        table = screen.matrix
        assert "solo" not in [item.key for item in table.items]
        assert "1 one-document groups hidden" in str(screen.query_one("#commitments-info").render())
        await pilot.press("a")
        assert "solo" in [item.key for item in table.items]
        statuses = {item.cells[0].plain.strip() for item in table.items}
        assert statuses <= {"persists", "new", "dropped"}
        assert table.items[0].cells[1].cell_len > 100  # wide screens give labels the room
        for key in ("s", "s", "s", "s"):
            await pilot.press(key)
        assert screen.sort_key == "documents"
        await pilot.press("slash", *"solo")
        await pilot.pause()
        assert [item.key for item in table.items] == ["solo"]
        await pilot.press("enter")
        assert "a pledge only one report makes" in str(screen.query_one("#commitments-preview").render())
        await pilot.press("escape")
        assert not screen.query_text and table.item_count > 1


async def test_group_witnesses_reachable_with_arrows_and_a_hint(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        group = max(app.commitments.groups, key=lambda g: len(g.documents))
        app.open_commitments(group.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GroupScreen)
        n = len(screen.documents)
        assert n >= 4
        heading = str(screen.query_one("#group-heading").render())
        assert "←/→" in heading
        for _ in range(n + 1):
            await pilot.press("right")
        assert screen.focused.id == f"witness-{n - 1}"
        last = screen.query_one(f"#witness-{n - 1}")
        assert last.region.right <= app.size.width and last.region.width > 0  # on screen
        await pilot.press("left")
        assert screen.focused.id == f"witness-{n - 2}"
        await pilot.resize_terminal(70, 30)
        await settle(pilot)
        assert screen.stacked and "stacked" in str(screen.query_one("#group-heading").render())


async def test_group_palette_from_commitments_does_not_stack_a_second_matrix(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_commitments()
        await settle(pilot)
        app.open_commitments(app.commitments.groups[0].id)
        await settle(pilot)
        app.open_commitments(app.commitments.groups[1].id)
        await settle(pilot)
        kinds = [type(s).__name__ for s in app.screen_stack]
        assert kinds.count("CommitmentsScreen") == 1 and kinds.count("GroupScreen") == 1
        await pilot.press("escape")
        assert isinstance(app.screen, CommitmentsScreen)


# -- 5. navigation and settings ----------------------------------------------------------------------------

async def test_q_goes_back_and_quits_from_the_library(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_reader("vgp-2025")
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_home_and_end_move_the_library_cursor(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_esc_after_a_counterpart_jump_returns_in_one_press(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_reader("nhandan-2024")
        await settle(pilot)
        reader = app.screen
        sentences = reader.sentences
        index = next(i for i, m in sentences.marks.items() if m.others)
        sentences.go_to(index)
        await pilot.press("enter")  # into the counterparts
        await pilot.press("enter")  # jump
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen is not reader
        await pilot.press("escape")
        assert app.screen is reader
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_reader_status_numbers_like_the_gutter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_reader("nhandan-2024", 6)
        await settle(pilot)
        status = str(app.screen.query_one("#reader-status").render())
        assert "sentence #6 of 0–" in status
        gutter = app.screen.sentences.items[app.screen.sentences.highlighted].cells[0].plain
        assert gutter.split()[0] == "6"


async def test_theme_and_layout_persist_and_a_corrupt_file_is_tolerated(make_app, tmp_path):
    path = tmp_path / "settings.json"
    app = make_app(settings=Settings(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await _compare(app, pilot)
        await pilot.press("u")
    assert json.loads(path.read_text()) == {"layout": "unified", "theme": "textual-light"}
    app = make_app(settings=Settings(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(app, pilot)
        assert app.theme == "textual-light" and not screen.split
    path.write_bytes(b"{not json\xff")
    app = make_app(settings=Settings(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.settings.problem and "corrupt" in app.settings.problem
        assert isinstance(app.screen, LibraryScreen)


async def test_screenshot_without_a_downloads_folder(make_app, tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-such-downloads")
    monkeypatch.setenv("ACCORD_CONFIG_DIR", str(tmp_path / "config"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        saved = app.deliver_screenshot()
        await pilot.pause()
    assert saved is not None and saved.startswith(str(tmp_path / "config" / "screenshots"))
    assert open(saved, encoding="utf-8").read().startswith("<svg")
    assert not (tmp_path / "no-such-downloads").exists()
