"""Compare accord's sentence segmenter with pysbd: gold-set accuracy and speed.

Run from the repository root::

    python benchmarks/segmenters.py [--repeat N]

Accuracy is exact match per case on ``tests/data/segmentation.json`` (every
sentence of a case right, or the case counts as wrong). Both segmenters get
the same input: each line of a case is segmented on its own (a line is a
paragraph). Speed is megabytes of UTF-8 per second over the clean bodies of
the embedded corpus, repeated ``--repeat`` times, segmented paragraph by
paragraph. pysbd is skipped, with a note, when it is not installed
(``pip install pysbd==0.3.4``); it is run with ``clean=False`` (its
``clean=True`` path backtracks catastrophically, pysbd issue #76).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.documents.corpus import load_corpus  # noqa: E402
from tui.documents.sentences import split_spans  # noqa: E402

GOLD = ROOT / "tests" / "data" / "segmentation.json"

Segmenter = Callable[[str], list[str]]


def ours(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_spans(paragraph)]


def make_pysbd() -> Segmenter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False)

    def run(paragraph: str) -> list[str]:
        return [s.strip() for s in seg.segment(paragraph) if s.strip()]

    return run


def by_lines(segmenter: Segmenter, text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(segmenter(line))
    return out


def accuracy(segmenter: Segmenter, cases: list[dict]) -> tuple[int, list[str]]:
    right, wrong = 0, []
    for case in cases:
        if by_lines(segmenter, case["text"]) == case["sentences"]:
            right += 1
        else:
            wrong.append(case.get("note", case["text"][:40]))
    return right, wrong


def speed(segmenter: Segmenter, paragraphs: list[str], repeat: int) -> float:
    data = paragraphs * repeat
    size = sum(len(p.encode("utf-8")) for p in data)
    start = time.perf_counter()
    for p in data:
        segmenter(p)
    elapsed = time.perf_counter() - start
    return size / 1e6 / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the corpus bodies are repeated")
    parser.add_argument("--show-errors", action="store_true", help="list the cases each segmenter gets wrong")
    args = parser.parse_args(argv)

    cases = json.loads(GOLD.read_text(encoding="utf-8"))["cases"]
    paragraphs = [p.text for d in load_corpus([ROOT / "corpus"]).documents for p in d.paragraphs]
    candidates: list[tuple[str, Segmenter | None]] = [("accord", ours), ("pysbd", make_pysbd())]

    print(f"gold set: {len(cases)} cases; speed corpus: {len(paragraphs)} paragraphs x {args.repeat}")
    print(f"{'segmenter':<10} {'exact':>7} {'accuracy':>9} {'MB/s':>8}")
    for name, seg in candidates:
        if seg is None:
            print(f"{name:<10} {'-':>7} {'-':>9} {'-':>8}  (not installed: pip install pysbd)")
            continue
        right, wrong = accuracy(seg, cases)
        mbps = speed(seg, paragraphs, args.repeat)
        print(f"{name:<10} {right:>3}/{len(cases):<3} {100 * right / len(cases):>8.1f}% {mbps:>8.2f}")
        if args.show_errors and wrong:
            for note in wrong:
                print(f"    wrong: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
