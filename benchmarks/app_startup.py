"""Time the app: first screen painted, opening a document, opening a comparison, a 1 MB document.

Run: ``python benchmarks/app_startup.py [--runs 15]`` (headless, 120×36). Budgets: the first screen
of a new process within 1.6x ``python -c "import textual.app"`` (``--runs`` interleaved rounds,
bytecode cached in a temporary ``PYTHONPYCACHEPREFIX``, nothing written into the repository; the
median of per-round ratios), opening a document or a comparison 80 ms (the median of ten openings:
every document, every neighbouring pair, twice; beside the document openings, interleaved, the
reference: Textual pushing a bare screen of the same kinds of widget, no accord code, so the share of
the time that is accord's own shows in the same run). "Painted" means the screen's content is ready and
one refresh has run. Then every key that stays on its screen (library, reader, comparison, pledge
groups, on the embedded corpus) is pressed and the process's CPU time until it is painted is taken
(the pilot's polling adds waits to the wall clock that a terminal does not have): budget 50 ms for
the worst.
Prints one line per measure and exits 1 if a budget is missed.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _timing  # noqa: E402,F401 - first: bytecode of what follows goes to a temporary folder

from tui.documents.corpus import build_document, load_corpus  # noqa: E402

BUDGETS = {"open document": 0.08, "open comparison": 0.08, "key, CPU (worst)": 0.05}
FIRST_SCREEN_RATIO = 1.6
WORDS = ("the two sides agreed to strengthen cooperation in energy trade investment education science "
         "culture tourism defence security and to expand exchanges at all levels while promoting dialogue").split()


def big_document(megabytes: float = 1.0):
    """A synthetic document of about ``megabytes`` MB: paragraphs of random sentences."""
    rng = random.Random(7)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = '+++\nid = "big"\ntitle = "A 1 MB document"\ndate = 2030-01-01\n+++\n' + "\n\n".join(paragraphs)
    return build_document(text, None)


def _holds(condition) -> bool:
    try:
        return bool(condition())
    except Exception:  # noqa: BLE001 - widgets not mounted yet
        return False


async def until(pilot, condition, limit: float = 30.0) -> None:
    """Poll ``condition`` between event-loop turns until it holds."""
    start = time.perf_counter()
    while not _holds(condition):
        if time.perf_counter() - start > limit:
            raise TimeoutError("condition not reached")
        await pilot.pause(0.002)


def _bare_screen_class():  # type: ignore[no-untyped-def]
    """A screen with what a reader screen has, and no accord code: header, two lines of heading, a
    page of text, a status line and a footer (what pushing any screen costs Textual itself)."""
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static

    class BareScreen(Screen):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Static("A heading\nits second line")
            yield Static(" ".join(WORDS * 30), id="body")
            yield Static("status")
            yield Footer()

    return BareScreen


async def measure() -> dict[str, float]:
    from textual.widgets import DataTable

    from tui.app import AccordApp
    from tui.app.screens.compare import CompareScreen
    from tui.app.screens.library import LibraryScreen
    from tui.app.screens.reader import ReaderScreen
    from tui.app.widgets.sentences import SentenceList
    from tui.documents.corpus import Corpus

    BareScreen = _bare_screen_class()  # noqa: N806 - a class
    results: dict[str, float] = {}
    start = time.perf_counter()
    app = AccordApp(loader=load_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen)
                    and app.screen.query_one(DataTable).row_count > 0)
        results["first screen"] = time.perf_counter() - start
        await app.workers.wait_for_complete()

        times, bare = [], []
        for doc_id in [d.id for d in app.corpus.documents] * 2:
            start = time.perf_counter()
            app.open_reader(doc_id)
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen)
                        and app.screen.query_one(SentenceList).item_count > 0)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
            # the reference, interleaved: Textual itself pushing a screen of the same kinds of widget
            start = time.perf_counter()
            app.push_screen(BareScreen())
            await until(pilot, lambda: isinstance(app.screen, BareScreen) and app.screen.query_one("#body").size.height > 0)
            await pilot.pause()
            bare.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        results["open document"] = statistics.median(times)
        results["open document (worst)"] = max(times)
        results["open a bare Textual screen (reference)"] = statistics.median(bare)
        results[f"open document / bare screen: {statistics.median(times) / statistics.median(bare):.2f}x"] = -1.0

        times = []
        docs = [d.id for d in app.corpus.documents]
        for left, right in list(zip(docs, docs[1:] + docs[:1], strict=True)) * 2:
            start = time.perf_counter()
            app.open_compare(left, right)
            await until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.comparison is not None)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        results["open comparison"] = statistics.median(times)
        results["open comparison (worst)"] = max(times)

        # every key that stays on its screen, on the embedded corpus: the time until it is painted
        keys = {
            "library": ["down", "up", "end", "home", "s", "S", "space", "pagedown", "pageup"],
            "reader": ["down", "up", "pagedown", "pageup", "end", "home", "r", "r", "tab", "n", "N"],
            "compare": ["down", "up", "pagedown", "pageup", "n", "p", "}", "{", "f", "t", "T", "x", "u", "u",
                        "+", "-", "z", "z", "]", "[", "end", "home"],
            "commitments": ["down", "up", "pagedown", "pageup", "a", "a", "s", "t", "T", "end", "home"],
        }
        openers = {
            "library": lambda: None,
            "reader": lambda: app.open_reader(docs[2]),
            "compare": lambda: app.open_compare(docs[2], docs[4]),
            "commitments": lambda: app.open_commitments(None),
        }
        worst: list[tuple[float, str]] = []
        every: list[float] = []
        for name, pressed in keys.items():
            openers[name]()
            await pilot.pause()
            await pilot.pause(0.05)
            screen = app.screen
            for key in pressed:
                # CPU time of the process (every thread) from the key to its painted screen: the
                # work a key costs; the wall clock under the test pilot adds its own polling waits
                start = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                took = time.process_time() - start
                every.append(took)
                worst.append((took, f"{name}: {key}"))
            if screen is not app.screen or name != "library":
                while len(app.screen_stack) > 2:
                    app.pop_screen()
                await pilot.pause()
        worst.sort(reverse=True)
        results["key, CPU (median of every key)"] = statistics.median(every)
        results["key, CPU (worst)"] = worst[0][0]
        results["worst keys: " + ", ".join(f"{k} {t * 1000:.0f} ms" for t, k in worst[:3])] = -1.0

    big = big_document(1.0)
    big.sentences  # noqa: B018 - segmentation is the core's cost, not the app's
    results["1 MB: sentences"] = len(big.sentences)
    app = AccordApp(corpus=Corpus((big,)), find_commitments=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.open_reader("big")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen)
                    and app.screen.query_one(SentenceList).item_count > 0)
        await pilot.pause()
        results["1 MB: open"] = time.perf_counter() - start
        from textual.geometry import Region

        sentences = app.screen.query_one(SentenceList)
        start = time.perf_counter()
        for _ in range(20):
            sentences.action_page_down()
            sentences.render_lines(Region(0, 0, sentences.size.width, sentences.size.height))
        results["1 MB: page down, list"] = (time.perf_counter() - start) / 20
        start = time.perf_counter()
        for _ in range(10):
            await pilot.press("pagedown")
        await pilot.press("end")
        await pilot.pause()
        results["1 MB: page down, screen"] = (time.perf_counter() - start) / 11
        start = time.perf_counter()
        await pilot.press("r")
        await pilot.pause()
        results["1 MB: toggle removed"] = time.perf_counter() - start
    return results


COLD = """
import asyncio, sys, time
sys.path.insert(0, {root!r})
from tui.app import AccordApp
from tui.documents.corpus import load_corpus
from textual.widgets import DataTable

async def go():
    app = AccordApp(loader=load_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        while True:
            try:
                if app.screen.query_one(DataTable).row_count:
                    break
            except Exception:
                pass
            await pilot.pause(0.002)
        print(time.time() - {start!r})

asyncio.run(go())
"""


def _first_screen(child_env: dict[str, str]) -> float:
    import subprocess

    root = str(Path(__file__).resolve().parents[1])
    start = time.time()
    out = subprocess.run([sys.executable, "-c", COLD.format(root=root, start=start)], capture_output=True,
                         text=True, check=True, env=child_env, cwd=tempfile.gettempdir())
    return float(out.stdout.strip().splitlines()[-1])


def cold_start(runs: int) -> bool:
    """First screen of a new process (imports included) against ``import textual.app``, interleaved."""
    from _timing import env, ratio_spread, run_once, spread

    child_env = env()
    reference = [sys.executable, "-c", "import textual.app"]
    for _ in range(2):  # write the bytecode into the temporary prefix, warm the file cache
        _first_screen(child_env)
        run_once(reference, child_env)
    first, ref = [], []
    for _ in range(runs):
        first.append(_first_screen(child_env))
        ref.append(run_once(reference, child_env))
    print(f"new process, {runs} interleaved runs: median [IQR] (min-max)")
    for label, values in (("import textual.app", ref), ("first screen", first)):
        med, q1, q3, lo, hi = spread(values)
        print(f"  {label:20} {med * 1000:7.1f} ms [{q1 * 1000:6.1f}-{q3 * 1000:6.1f}] ({lo * 1000:6.1f}-{hi * 1000:6.1f})")
    ratio, r1, r3 = ratio_spread(first, ref)
    ok = ratio <= FIRST_SCREEN_RATIO
    print(f"  first screen / import textual.app: {ratio:.2f}x [{r1:.2f}-{r3:.2f}], budget {FIRST_SCREEN_RATIO}x: "
          f"{'holds' if ok else 'MISSED'}")
    return ok


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    failed = not cold_start(max(15, args.runs))
    results = asyncio.run(measure())
    for name, value in results.items():
        budget = BUDGETS.get(name)
        if name.endswith("sentences"):
            print(f"{name:24} {int(value)}")
            continue
        if value < 0:
            print(f"  {name}")
            continue
        verdict = "" if budget is None else ("  holds" if value <= budget else f"  MISSED budget {budget * 1000:.0f} ms")
        failed |= budget is not None and value > budget
        print(f"{name:24} {value * 1000:8.1f} ms{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
