"""A seeded monkey: random keys and resizes on every screen; any exception fails the test.

200 keys per screen locally, 600 per screen (3,600 in all) in CI (``CI`` set). Keys that would
leave the screen under test (esc, q, ctrl+q, ctrl+p) are replaced by going back to it.
"""

from __future__ import annotations

import asyncio
import os
import random

import pytest

from tests.app.conftest import settle

KEYS = ["up", "down", "pageup", "pagedown", "home", "end", "enter", "tab", "shift+tab", "left", "right",
        "n", "p", "N", "P", "right_curly_bracket", "left_curly_bracket", "right_square_bracket",
        "left_square_bracket", "f", "t", "T", "x", "u", "plus", "minus", "z", "c", "s", "S", "a", "r",
        "slash", "space", "escape", "question_mark", "x", "w", "1", "backspace"]
SIZES = [(80, 24), (120, 36), (200, 60), (100, 30), (90, 40), (160, 50)]
PER_SCREEN = 600 if os.environ.get("CI") else 200  # 3,600 keys in CI: about 40 s on 2 cores
BURST = 8  # keys sent between two repaints


def _open(app, name: str) -> None:
    if name == "reader":
        app.open_reader("nhandan-2024", 5)
    elif name == "compare":
        app.open_compare()
    elif name == "commitments":
        app.open_commitments()
    elif name == "group":
        app.open_commitments(app.commitments.groups[0].id)
    elif name == "pair":
        app.open_pair("nhandan-2024", 3, "vgp-2025", 4)


@pytest.mark.parametrize("name", ["library", "reader", "compare", "commitments", "group", "pair"])
async def test_random_keys_never_crash(make_app, name):
    rng = random.Random(f"accord-{name}")
    app = make_app(threshold=0.3)
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        _open(app, name)
        await settle(pilot)
        home = type(app.screen)
        for n in range(0, PER_SCREEN, BURST):
            if rng.random() < 0.15:
                await pilot.resize_terminal(*rng.choice(SIZES))
            keys = [rng.choice(KEYS) for _ in range(BURST)]
            await _send(pilot, keys)
            if len(app.screen_stack) > 2 and rng.random() < 0.05:
                await pilot.press("q")  # back (from the first screen q quits: tested elsewhere)
            if n % (BURST * 4) == 0:
                await _calm(pilot)
            assert app.is_running, f"the app stopped after {n} keys"
            if type(app.screen) is not home and rng.random() < 0.3:
                await _calm(pilot)
                while len(app.screen_stack) > 2 and type(app.screen) is not home:  # back to the screen under test
                    app.pop_screen()
                    await pilot.pause()
                if type(app.screen) is not home:
                    _open(app, name)
                    await _calm(pilot)
        await _calm(pilot)
    assert app._exception is None
    assert app.return_code in (0, None)


async def _send(pilot, keys: list[str]) -> None:
    """Queue ``keys`` as the terminal would deliver them (no wait between keys), then wait for the screen."""
    from textual import events
    from textual.app import _character_to_key

    for key in keys:
        char = key if len(key) == 1 else None
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        char = {"space": " ", "slash": "/", "plus": "+", "minus": "-", "question_mark": "?",
                "right_curly_bracket": "}", "left_curly_bracket": "{", "right_square_bracket": "]",
                "left_square_bracket": "[", "enter": "\r", "tab": "\t", "backspace": "\x7f"}.get(key, char)
        event = events.Key(name, char)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await pilot.pause()


async def _calm(pilot) -> None:
    """Let workers finish, except the pair picker's (it waits for the user's answer)."""
    await pilot.pause()
    waiting = [w for w in pilot.app.workers if w.group != "pick" and not w.is_finished]
    for worker in waiting:
        await asyncio.wait_for(worker.wait(), 20)
    await pilot.pause()
