"""Fixtures for app tests: synthetic and embedded corpora, the app with stand-in analysis, no blinking."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from pathlib import Path

import pytest

from tests.app import fakes
from tui.documents.corpus import Corpus, build_document, load_corpus

ROOT = Path(__file__).resolve().parents[2]
SIZE = (120, 36)


def make_doc(doc_id: str, body: str, title: str = "", date: dt.date = dt.date(2024, 6, 20),
             kind: str = "joint-statement-report", outlet: str = "Test Outlet"):
    """A synthetic document built the way corpus files are."""
    front = (f'+++\nid = "{doc_id}"\ntitle = "{title or doc_id.title()}"\ndate = {date.isoformat()}\n'
             f'outlet = "{outlet}"\nkind = "{kind}"\n+++\n')
    return build_document(front + body, None)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in a fresh event loop (no async plugin is needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch):
    """Steady cursors, so snapshots do not depend on timing."""
    monkeypatch.setattr("textual.widgets._input.Input.cursor_blink", False)


@pytest.fixture(scope="session")
def real_corpus() -> Corpus:
    loaded = load_corpus([ROOT / "corpus"])
    assert len(loaded.documents) >= 5
    return loaded


@pytest.fixture
def make_app(real_corpus):
    """Build an app over the embedded corpus with the stand-in analysis (override with keywords)."""
    from tui.app import AccordApp

    def build(**kwargs):
        kwargs.setdefault("corpus", real_corpus)
        kwargs.setdefault("prepare", fakes.prepare)
        kwargs.setdefault("find_commitments", fakes.find_commitments)
        kwargs.setdefault("threshold", 0.5)
        return AccordApp(**kwargs)

    return build


async def settle(pilot) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_compare(app, pilot, left=None, right=None):  # type: ignore[no-untyped-def]
    """Open a comparison (the default pair when no documents are given) and return its screen."""
    from tui.app.screens.compare import CompareScreen

    await settle(pilot)
    app.open_compare(left, right)
    await settle(pilot)
    assert isinstance(app.screen, CompareScreen)
    return app.screen
