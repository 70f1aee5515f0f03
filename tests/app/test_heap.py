"""The app's garbage-collection policy: deferred full collections, frozen long-lived data, idle collection."""

from __future__ import annotations

import gc

from tests.app.conftest import SIZE, settle
from tui.app import heap
from tui.app.heap import Heap


def test_start_defers_full_collections_and_stop_restores_everything():
    before = gc.get_threshold()
    h = Heap()
    h.start()
    h.start()  # idempotent: the multiplier is applied once
    assert gc.get_threshold() == (before[0], before[1], before[2] * heap.FULL_EVERY)
    h.keep()
    assert gc.get_freeze_count() > 0
    h.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_idle_collects_once_after_input_and_a_pause(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(heap.time, "monotonic", lambda: clock[0])
    collected = []
    monkeypatch.setattr(heap.gc, "collect", lambda: collected.append(clock[0]) or 0)
    h = Heap()
    assert not h.idle()  # nothing happened since the start: nothing to collect for
    h.touch()
    clock[0] += heap.IDLE_SECONDS / 2
    assert not h.idle()  # the user may still be typing
    clock[0] += heap.IDLE_SECONDS
    assert h.idle() and collected == [clock[0]]
    assert not h.idle()  # once per pause, not every tick


async def test_the_app_restores_the_collector_when_it_exits(make_app):
    before = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == before[2] * heap.FULL_EVERY
        assert gc.get_freeze_count() > 0  # the corpus and the pledge groups are kept out of collections
        await pilot.press("down")
        assert app.heap.pending
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
