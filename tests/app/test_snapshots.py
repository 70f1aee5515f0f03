"""SVG snapshots of every screen (and both compare layouts) at 120×36, with the stand-in analysis.

Update with ``pytest tests/app/test_snapshots.py --snapshot-update`` and review the SVGs.
"""

from __future__ import annotations

import pytest

from tests.app.conftest import SIZE, settle


def _to_reworded(app) -> None:
    """Put the first reworded row of the comparison at the top, so the snapshot shows word changes."""
    from tui.app.widgets.rows import RowList

    rows = app.screen.query_one(RowList)
    reworded = [i for i, row in enumerate(rows.rows) if row.status == "reworded"]
    position = next((i for i in reworded if rows.rows[i].tier == "close"), reworded[0])
    rows.go_to_row(position, unfold=True)
    rows.go_to_index(rows.highlighted, top=True)


def _run(*keys: str, action=None, wait: bool = True, after=None):
    """A ``run_before`` hook: settle, optionally call an app method, press keys, settle again.

    ``wait=False`` when the keys open a dialog awaited by a worker (it would never complete).
    """

    async def before(pilot) -> None:
        await settle(pilot)
        if action is not None:
            action(pilot.app)
            await settle(pilot)
        await pilot.press(*keys)
        if wait:
            await settle(pilot)
        else:
            await pilot.pause()
        if after is not None:
            after(pilot.app)
            await settle(pilot)

    return before


@pytest.mark.parametrize(
    ("name", "before"),
    [
        ("library", _run()),
        ("reader", _run(action=lambda app: app.open_reader("nhandan-2024", 6))),
        ("reader_removed_search", _run("r", "slash", *"russia", "enter",
                                       action=lambda app: app.open_reader("nhandan-2024"))),
        ("compare_split", _run(action=lambda app: app.open_compare(), after=_to_reworded)),
        ("compare_unified", _run("u", action=lambda app: app.open_compare(), after=_to_reworded)),
        ("commitments", _run("p")),
        ("group", _run("p", "enter")),
        ("help", _run("question_mark")),
        ("pick_pair", _run("c", wait=False)),
    ],
)
def test_screen_snapshot(snap_compare, make_app, name, before):
    threshold = 0.3 if name.startswith("compare") else 0.5
    assert snap_compare(make_app(threshold=threshold), terminal_size=SIZE, run_before=before)


def test_compare_at_80_columns_is_unified(snap_compare, make_app):
    """Below 100 columns the comparison chooses the unified layout by itself."""
    before = _run(action=lambda app: app.open_compare(), after=_to_reworded)
    assert snap_compare(make_app(threshold=0.3), terminal_size=(80, 24), run_before=before)
