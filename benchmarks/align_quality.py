"""Precision and recall of sentence pairs on every labelled set in ``tests/data/<set>/align_*.json``.

Usage::

    python benchmarks/align_quality.py            # the default threshold per set, then a sweep
    python benchmarks/align_quality.py --sweep 0.2 0.6 0.05 --sets dev

Development sets (``heldout = false``) are where numbers are chosen; held-out sets were labelled
before accord was run on them and are reported, never tuned on. Scoring is described in
:func:`evalsets.score_alignment`: labels name sure pairs (``close`` or ``related``) and sentences
sure to have no counterpart, by their text; other sentences are unscored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evalsets  # noqa: E402


def set_scores(threshold: float | None = None, kind: str = "all"):  # type: ignore[no-untyped-def]
    """{set name: (per-file scores, pooled score)} at ``threshold`` (default: accord's)."""
    from tui.analysis.align import DEFAULT_THRESHOLD

    t = DEFAULT_THRESHOLD if threshold is None else threshold
    out = {}
    for item in evalsets.sets(kind):
        files = [evalsets.score_alignment(a.at(t), labels, stem) for stem, labels, a in evalsets.prepared_alignments(item)]
        if files:
            pooled = files[0]
            for s in files[1:]:
                pooled = pooled + s
            out[item.name] = (item, files, pooled)
    return out


def _line(name: str, s) -> str:  # type: ignore[no-untyped-def]
    kinds = " ".join(f"{k} {f}/{n}" for k, f, n in s.found_by_kind)
    return (f"{name:44} {s.pairs:5} {s.unmatched:5}  {s.precision:5.2f} ({s.correct:3}/{s.judged:3})"
            f"  {s.recall:5.2f} ({s.found:3}/{s.pairs:3})  {s.unmatched_accuracy:5.2f} ({s.unmatched_ok:3}/{s.unmatched:3})"
            f"  {kinds}" + (f"  [{s.missing} labels not found]" if s.missing else ""))


def main(argv: list[str] | None = None) -> None:
    from tui.analysis.diffmodel import DEFAULT_THRESHOLD, RELATED_RATIO

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", nargs=3, type=float, metavar=("FROM", "TO", "STEP"), default=(0.2, 0.5, 0.05))
    parser.add_argument("--sets", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--files", action="store_true", help="one line per labelled file too")
    args = parser.parse_args(argv)
    prepared = {item.name: (item, evalsets.prepared_alignments(item)) for item in evalsets.sets(args.sets)}
    print(f"default threshold {DEFAULT_THRESHOLD} (related pairs from {DEFAULT_THRESHOLD * RELATED_RATIO:.3f})")
    print(f"{'set / file':44} {'pairs':>5} {'unm.':>5}  {'precision':>15}  {'recall':>15}  {'unmatched':>15}  recall by kind")
    for name, (item, alignments) in prepared.items():
        scores = [evalsets.score_alignment(a.at(DEFAULT_THRESHOLD), labels, stem) for stem, labels, a in alignments]
        if not scores:
            continue
        pooled = scores[0]
        for s in scores[1:]:
            pooled = pooled + s
        tag = "held-out" if item.heldout else "dev"
        print(_line(f"{name} ({tag}, {len(scores)} files)", pooled))
        if args.files:
            for s in scores:
                print(_line("  " + s.name, s))
    lo, hi, step = args.sweep
    print("\nsweep of the threshold (related floor moves with it): precision / recall / unmatched accuracy")
    names = [n for n, (_, a) in prepared.items() if a]
    print(f"{'t':>5}  " + "  ".join(f"{n:>18}" for n in names))
    t = lo
    while t <= hi + 1e-9:
        cells = []
        for n in names:
            scores = [evalsets.score_alignment(a.at(t), labels, stem) for stem, labels, a in prepared[n][1]]
            pooled = scores[0]
            for s in scores[1:]:
                pooled = pooled + s
            cells.append(f"{pooled.precision:.2f}/{pooled.recall:.2f}/{pooled.unmatched_accuracy:.2f}")
        print(f"{t:5.2f}  " + "  ".join(f"{c:>18}" for c in cells))
        t += step


if __name__ == "__main__":
    main()
