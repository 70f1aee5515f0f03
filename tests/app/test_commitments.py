"""Commitments screen: matrix, theme filter, group multi-witness view."""

from __future__ import annotations

from rich.text import Text

from tests.app import fakes
from tests.app.conftest import SIZE, settle
from tui.app.screens.commitments import CommitmentsScreen, cell
from tui.app.screens.group import GroupScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.witness import WitnessList, word_diff


async def _matrix(app, pilot) -> CommitmentsScreen:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, CommitmentsScreen)
    return app.screen


async def test_matrix_has_a_column_per_document_by_date(make_app, real_corpus):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _matrix(app, pilot)
        table = screen.matrix
        expected = fakes.find_commitments(real_corpus.documents)
        assert table.item_count == sum(1 for g in expected.groups if len(g.documents) > 1)
        docs = sorted(real_corpus.documents, key=lambda d: (d.date, d.id))
        assert screen.column_keys == ("status", "label", "theme", *[f"d{n}" for n in range(len(docs))])
        head = str(screen.query_one("#matrix-head").render()).split("\n")
        assert head[0].split()[:3] == ["Status", "Pledge", "group"]
        assert head[0].split()[-len(docs):] == [d.id[:5] for d in docs]
        assert head[1].split() == [d.date.isoformat()[2:7] for d in docs]
        rows = {item.key: item for item in table.items}
        first = expected.groups[0]
        row = rows[first.id].cells
        assert [c.plain.strip() for c in row[3:]] == [cell(first, d.id) for d in docs]
        assert {"●", "◐", "○"} & {c.plain.strip() for g in expected.groups if g.id in rows
                                  for c in rows[g.id].cells[3:]}
        assert row[0].plain.strip() in ("persists", "new", "dropped")
        assert len({sum(c.cell_len for c in item.cells) for item in table.items}) == 1  # columns line up


async def test_theme_filter_cycles(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _matrix(app, pilot)
        table = screen.matrix
        themes = screen.themes
        assert themes[0] == "all" and len(themes) > 2
        await pilot.press("t")
        assert screen.theme_filter == themes[1]
        shown = [item.key for item in table.items]
        groups = {g.id: g for g in app.commitments.groups}
        assert shown and all(groups[k].theme == themes[1] for k in shown)
        await pilot.press("T")
        assert screen.theme_filter == "all"


async def test_open_group_shows_members_per_document(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _matrix(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        group = app.screen.group
        columns = list(app.screen.query(WitnessList))
        assert len(columns) == len({p.doc_id for p in group.members})
        assert sum(c.option_count for c in columns) == len(group.members)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)


def test_word_diff_keeps_the_witness_wording_and_marks_its_variants():
    text = word_diff("the two sides agreed to cooperate", "the sides firmly agreed to cooperate", "underline")
    assert isinstance(text, Text)
    assert text.plain == "the sides firmly agreed to cooperate"
    styled = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert styled == {"firmly": "underline"}


async def test_commitments_unavailable_says_so(make_app):
    app = make_app(find_commitments=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _matrix(app, pilot)
        assert "not available" in str(screen.query_one("#commitments-info").render())
        assert not screen.matrix.display


async def test_commitments_arrive_after_the_screen_opens(make_app, real_corpus):
    import threading

    gate = threading.Event()

    def slow(docs):
        gate.wait(5)
        return fakes.find_commitments(docs)

    app = make_app(find_commitments=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert "Grouping pledges" in str(screen.query_one("#commitments-info").render())
        gate.set()
        await settle(pilot)
        assert screen.matrix.item_count > 0
