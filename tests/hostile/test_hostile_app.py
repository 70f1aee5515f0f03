"""The Textual app on hostile documents: every screen renders them visibly, with no raw control
character, no markup interpretation and no hyperlink coming from document content.

Uses the real analysis (alignment and pledge grouping), the payload table of
test_hostile_documents in the text and titles, and inspects what the
compositor would paint (every segment of every line of the screen).
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

pytest.importorskip("tui.app")

from tui.documents.corpus import Corpus, build_document  # noqa: E402
from tui.infra.errors import InputError  # noqa: E402
from tui.infra.safety import UNSAFE  # noqa: E402

from .test_hostile_documents import PAYLOADS  # noqa: E402

SIZE = (160, 50)
PLEDGE = "The two sides will strengthen cooperation in oil and gas exploration on the continental shelf."


def _toml(text: str) -> str:
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in text)


def _doc(doc_id: str, payloads: list[str], title: str, date: dt.date, twist: str = ""):
    body = "\n\n".join([PLEDGE + twist] + [p + twist for p in payloads]) + "\n"
    front = (f'+++\nid = "{doc_id}"\ntitle = "{_toml(title)}"\ndate = {date.isoformat()}\n'
             f'outlet = "{_toml(payloads[0][:30])}"\nkind = "joint-statement-report"\n+++\n')
    return build_document(front + body, None)


def _corpus() -> Corpus:
    texts = [p.text for p in PAYLOADS]
    left = _doc("hostile-a", texts, PAYLOADS[2].text, dt.date(2024, 1, 1))
    right = _doc("hostile-b", texts[::-1], PAYLOADS[6].text, dt.date(2025, 1, 1), twist=" Indeed")
    bad = InputError("/corpus/evil\x1b]8;;http://x\x07name\u202e.txt", "unknown front-matter key '\x1b[2J'", 3)
    return Corpus((left, right), errors=(bad,))


def _painted(app) -> tuple[str, list[str]]:
    """The screen's text as painted, and problems: raw controls or hyperlinks in any segment."""
    problems: list[str] = []
    lines = []
    for strip in app.screen._compositor.render_strips():
        text = []
        for segment in strip:
            if segment.control:
                continue
            text.append(segment.text)
            style = segment.style
            if style is not None and style.link:
                problems.append(f"link {style.link!r} on {segment.text!r}")
        lines.append("".join(text))
    painted = "\n".join(lines)
    problems += [f"raw {m.group()!r}" for m in UNSAFE.finditer(painted)]
    return painted, problems


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _walk(folder: str) -> dict[str, tuple[str, list[str]]]:
    from pathlib import Path

    from tui.app import AccordApp
    from tui.app.settings import Settings

    seen: dict[str, tuple[str, list[str]]] = {}
    app = AccordApp(corpus=_corpus(), settings=Settings(Path(folder) / "settings.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        seen["library"] = _painted(app)
        app.open_reader("hostile-a")
        await _settle(pilot)
        seen["reader"] = _painted(app)
        for _ in range(3):
            await pilot.press("pagedown")
        await _settle(pilot)
        seen["reader-scrolled"] = _painted(app)
        await pilot.press("r")
        await _settle(pilot)
        seen["reader-removed"] = _painted(app)
        app.open_compare("hostile-a", "hostile-b")
        await _settle(pilot)
        await pilot.press("z", "down")  # unfold the runs and leave the ledger: the first rows at the top
        app.screen.query_one("#rows").scroll_to(y=app.screen.query_one("#rows")._starts[1], animate=False)
        await _settle(pilot)
        seen["compare"] = _painted(app)
        await pilot.press("u")
        await _settle(pilot)
        seen["compare-unified"] = _painted(app)
        app.open_commitments()
        await _settle(pilot)
        seen["commitments"] = _painted(app)
        groups = getattr(app.commitments, "groups", ()) or ()
        if groups:
            app.open_group(groups[0].id)
            await _settle(pilot)
            seen["group"] = _painted(app)
    return seen


@pytest.fixture(scope="module")
def screens(tmp_path_factory):
    # module scope: the per-test config folder is not set yet, so the settings get their own folder
    return asyncio.run(_walk(str(tmp_path_factory.mktemp("accord-settings"))))


def test_every_screen_was_painted(screens):
    for name in ("library", "reader", "compare", "compare-unified", "commitments"):
        assert name in screens and screens[name][0].strip(), name


@pytest.mark.parametrize("name", ["library", "reader", "reader-scrolled", "reader-removed", "compare", "compare-unified",
                                  "commitments", "group"])
def test_no_raw_controls_or_links(screens, name):
    if name not in screens:
        pytest.skip(f"{name} screen not reached (no pledge group found)")
    painted, problems = screens[name]
    assert problems == [], problems[:10]


def test_payloads_are_shown_literally(screens):
    reader = screens["reader"][0] + screens["reader-scrolled"][0]
    compare = screens["compare"][0] + screens["compare-unified"][0]
    for token in ("\\x1b[31m", "<U+202E>", "[bold]bold[/bold]", "\\x9b31m", "<U+200B>"):
        assert token in reader, token
    for token in ("\\x1b[31m", "<U+202E>", "\\x9b31m", "\\x1b]8;;http://evil.example/"):  # the first rows
        assert token in compare, token
    assert "\\x1b]8;;http://evil.example/" in screens["library"][0] + reader  # the OSC 8 title


def test_load_errors_are_listed_escaped(screens):
    library = screens["library"][0]
    assert "evil\\x1b]8;;http://x\\x07name<U+202E>.txt" in library
    assert "\\x1b[2J" in library
