"""The app wired to the real analysis core (tui.analysis.align, tui.analysis.commitments) on the embedded corpus."""

from __future__ import annotations

import pytest

from tests.app.conftest import SIZE, settle
from tui.app import AccordApp
from tui.app.screens.commitments import CommitmentsScreen
from tui.app.screens.compare import CompareScreen
from tui.app.screens.group import GroupScreen
from tui.app.widgets.rows import RowList
from tui.app.widgets.sentences import SentenceList

align = pytest.importorskip("tui.analysis.align")
commitments = pytest.importorskip("tui.analysis.commitments")


async def test_defaults_use_the_analysis_core(real_corpus):
    app = AccordApp(corpus=real_corpus)
    assert app.prepare is not None and app.find_commitments is not None
    assert app.threshold == align.DEFAULT_THRESHOLD
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.commitments is not None and app.commitments.groups
        assert sum(app.screen.pledges.values()) > 0

        app.open_reader("nhandan-2024")
        await settle(pilot)
        marks = app.screen.query_one(SentenceList).marks
        assert marks and any(m.others for m in marks.values())

        app.open_compare()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        expected = align.compare(screen.left, screen.right, align.DEFAULT_THRESHOLD, real_corpus.documents)
        assert screen.comparison.summary() == expected.summary()
        assert len(screen.query_one(RowList).filtered()) == len(expected.rows)
        assert screen.query_one(RowList).items[0].key == "ledger"
        await pilot.press("plus")
        await settle(pilot)
        assert screen.comparison.threshold == pytest.approx(align.DEFAULT_THRESHOLD + 0.05)

        app.open_commitments()
        await settle(pilot)
        assert isinstance(app.screen, CommitmentsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)


def test_starting_the_app_imports_no_analysis():
    """The alignment and the commitments are imported by the workers that first need them, so the
    first screen does not wait for them."""
    import json
    import subprocess
    import sys

    code = ("import json, sys\n"
            "from tui.app import AccordApp\n"
            "AccordApp()\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('tui.analysis'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert "tui.analysis.align" not in loaded and "tui.analysis.commitments" not in loaded
    assert "tui.analysis.detection" not in loaded
