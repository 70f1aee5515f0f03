"""Precision and recall of sentence pairs on the hand-labelled sets in ``tests/data/align_*.json``.

Usage::

    python benchmarks/align_quality.py            # the default threshold, then a sweep
    python benchmarks/align_quality.py --sweep 0.2 0.6 0.05

Scoring. A labelled set names pairs it is sure of, and sentences it is sure
have no counterpart, by their TEXT (so labels survive re-segmentation); any
other sentence is unscored. Every (left, right) combination inside a paired
row of the comparison is a predicted pair (a merged row predicts each of its
combinations). A predicted pair is *judged* when either sentence occurs in
the labels; it is correct when it is a labelled pair. Precision = correct /
judged; recall = labelled pairs predicted / labelled pairs; unmatched
accuracy = share of the "no counterpart" sentences left in an added/removed
row. A label whose text is not a sentence of its document is reported as
missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Score:
    name: str
    threshold: float
    correct: int
    judged: int
    found: int
    pairs: int
    unmatched_ok: int
    unmatched: int
    missing: int

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.pairs if self.pairs else 1.0

    @property
    def unmatched_accuracy(self) -> float:
        return self.unmatched_ok / self.unmatched if self.unmatched else 1.0


def label_files() -> list[Path]:
    return sorted(DATA.glob("align_*.json"))


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def score(comparison, labels: dict, name: str = "") -> Score:  # type: ignore[no-untyped-def]
    """Score one :class:`tui.analysis.align.Comparison` against one labelled set."""
    left_texts = {s.text for s in comparison.left.sentences}
    right_texts = {s.text for s in comparison.right.sentences}
    gold = {(p["left"], p["right"]) for p in labels["pairs"]}
    left_lab = {p["left"] for p in labels["pairs"]} | set(labels["left_unmatched"])
    right_lab = {p["right"] for p in labels["pairs"]} | set(labels["right_unmatched"])
    missing = len(left_lab - left_texts) + len(right_lab - right_texts)
    predicted = set()
    alone_left, alone_right = set(), set()
    for row in comparison.rows:
        if row.left and row.right:
            predicted.update((a.text, b.text) for a in row.left for b in row.right)
        elif row.left:
            alone_left.add(row.left[0].text)
        else:
            alone_right.add(row.right[0].text)
    judged = [p for p in predicted if p[0] in left_lab or p[1] in right_lab]
    correct = sum(p in gold for p in judged)
    unmatched = len(labels["left_unmatched"]) + len(labels["right_unmatched"])
    ok = sum(t in alone_left for t in labels["left_unmatched"]) + sum(
        t in alone_right for t in labels["right_unmatched"])
    return Score(name, comparison.threshold, correct, len(judged), len(gold & predicted), len(gold), ok,
                 unmatched, missing)


def prepared():  # type: ignore[no-untyped-def]
    """(name, labels, Alignment) for every labelled set, with the embedded corpus as IDF context."""
    from tui.analysis.align import prepare
    from tui.documents.corpus import embedded_folder, load_corpus

    corpus = load_corpus([embedded_folder()])
    out = []
    for path in label_files():
        labels = load_labels(path)
        out.append((path.stem, labels, prepare(corpus.get(labels["left"]), corpus.get(labels["right"]),
                                               corpus.documents)))
    return out


def main(argv: list[str] | None = None) -> None:
    from tui.analysis.align import DEFAULT_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", nargs=3, type=float, metavar=("FROM", "TO", "STEP"), default=(0.15, 0.6, 0.05))
    args = parser.parse_args(argv)
    sets = prepared()
    print(f"default threshold {DEFAULT_THRESHOLD}")
    print(f"{'set':24} {'pairs':>5} {'unm.':>5}  {'precision':>15} {'recall':>13} {'unmatched acc':>15}")
    for name, labels, alignment in sets:
        s = score(alignment.at(DEFAULT_THRESHOLD), labels, name)
        print(f"{name:24} {s.pairs:5} {s.unmatched:5}  {s.precision:6.2f} ({s.correct:2}/{s.judged:2})"
              f"   {s.recall:5.2f} ({s.found:2}/{s.pairs:2})   {s.unmatched_accuracy:6.2f} ({s.unmatched_ok:2}/{s.unmatched:2})"
              + (f"  [{s.missing} labels not found]" if s.missing else ""))
    lo, hi, step = args.sweep
    print("\nsweep: precision / recall / unmatched accuracy per set, and pooled")
    print(f"{'t':>5}  " + "  ".join(f"{name[6:]:>18}" for name, _, _ in sets) + f"  {'pooled':>18}")
    t = lo
    while t <= hi + 1e-9:
        cells, tot = [], [0, 0, 0, 0, 0, 0]
        for name, labels, alignment in sets:
            s = score(alignment.at(t), labels, name)
            cells.append(f"{s.precision:.2f}/{s.recall:.2f}/{s.unmatched_accuracy:.2f}")
            for k, v in enumerate((s.correct, s.judged, s.found, s.pairs, s.unmatched_ok, s.unmatched)):
                tot[k] += v
        pooled = f"{tot[0] / max(1, tot[1]):.2f}/{tot[2] / max(1, tot[3]):.2f}/{tot[4] / max(1, tot[5]):.2f}"
        print(f"{t:5.2f}  " + "  ".join(f"{c:>18}" for c in cells) + f"  {pooled:>18}")
        t += step


if __name__ == "__main__":
    main()
