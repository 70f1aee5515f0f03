"""Quality of ``accord commitments`` against the hand-labelled sets.

Prints detection accuracy (four classes: pledge / support / intent / none) on
tests/data/pledge_detection.json, and pairwise precision / recall / F1 of the
default grouping against tests/data/pledge_groups.json, with the number of
must-stay-apart pairs wrongly joined. Run from the repository root::

    python benchmarks/commitments_quality.py
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.analysis.commitments import Commitments, find_commitments  # noqa: E402
from tui.analysis.detection import detect_text  # noqa: E402
from tui.documents.corpus import load_corpus  # noqa: E402

DATA = ROOT / "tests" / "data"


def detection_scores(corpus=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Accuracy and pledge-vs-none F1 on the detection set."""
    corpus = corpus or load_corpus([ROOT / "corpus"])
    items = json.loads((DATA / "pledge_detection.json").read_text("utf-8"))["items"]
    right = tp = fp = fn = 0
    misses = []
    by_source: dict[str, list[int]] = {}
    for item in items:
        if item["source"] == "corpus":
            doc = corpus.get(item["doc"])
            texts = [s.text for s in doc.sentences]
            text = texts[item["index"]]
            found = detect_text(text, doc.id, item["index"], texts[max(0, item["index"] - 6): item["index"] + 1])
        else:
            text = item["text"]
            found = detect_text(text)
        got = found[0].strength if found else None
        want = item["expected"]
        right += got == want
        by_source.setdefault(item["source"], [0, 0])
        by_source[item["source"]][0] += got == want
        by_source[item["source"]][1] += 1
        tp += bool(got) and bool(want)
        fp += bool(got) and not want
        fn += not got and bool(want)
        if got != want:
            misses.append((want, got, text))
    n = len(items)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"items": n, "accuracy": right / n, "pledge_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "misses": misses, "by_source": {k: v[0] / v[1] for k, v in by_source.items()},  # type: ignore[dict-item]
            "sizes": {k: v[1] for k, v in by_source.items()}}


def _locate(commitments: Commitments, spec: dict) -> str | None:  # type: ignore[type-arg]
    """The group id of the pledge a labelled member names (None when it was not detected)."""
    indices = spec["index"] if isinstance(spec["index"], list) else [spec["index"]]
    found = []
    for index in indices:
        for pledge, group in commitments.pledges_of(spec["doc"], index):
            if spec["contains"].lower() in pledge.text.lower():
                found.append(group.id)
    return found[0] if len(found) == 1 else (found or [None])[0]


def grouping_scores(commitments: Commitments | None = None) -> dict[str, object]:
    """Pairwise precision / recall / F1 over labelled members, and must-stay-apart violations."""
    if commitments is None:
        commitments = find_commitments(load_corpus([ROOT / "corpus"]).documents)
    data = json.loads((DATA / "pledge_groups.json").read_text("utf-8"))
    items = []  # (gold group, predicted group id, spec)
    for g, group in enumerate(data["groups"]):
        for spec in group["members"]:
            indices = spec["index"] if isinstance(spec["index"], list) else [spec["index"]]
            options = [_locate(commitments, {**spec, "index": i}) for i in indices]
            items.append((g, options, spec))
    # an alternative member stands for whichever of its sentences joined the most of its gold group
    resolved = []
    for g, options, spec in items:
        others = [o for gg, oo, _ in items if gg == g for o in oo if oo is not options and o]
        best = max(options, key=lambda o: (others.count(o) if o else -1))
        resolved.append((g, best, spec))
    tp = fp = fn = 0
    for (g1, p1, _), (g2, p2, _) in combinations(resolved, 2):
        same_pred = p1 is not None and p1 == p2
        same_gold = g1 == g2
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    violations = []
    for pair in data["must_stay_apart"]:
        a, b = _locate(commitments, pair["a"]), _locate(commitments, pair["b"])
        if a is not None and a == b:
            violations.append(pair["why"])
    undetected = [spec for _, p, spec in resolved if p is None]
    return {"groups": len(data["groups"]), "members": len(resolved), "precision": precision, "recall": recall,
            "f1": f1, "apart_pairs": len(data["must_stay_apart"]), "violations": violations,
            "undetected": undetected}


def main() -> None:
    det = detection_scores()
    print(f"detection: {det['items']} sentences, accuracy {det['accuracy']:.3f}, "
          f"pledge-vs-none F1 {det['pledge_f1']:.3f}")
    for source, acc in det["by_source"].items():  # type: ignore[attr-defined]
        print(f"  {source}: {det['sizes'][source]} sentences, accuracy {acc:.3f}")  # type: ignore[index]
    for want, got, text in det["misses"]:  # type: ignore[attr-defined]
        print(f"  expected {want!s:7} got {got!s:7} {text[:90]}")
    grp = grouping_scores()
    print(f"grouping: {grp['groups']} labelled groups, {grp['members']} members; pairwise precision "
          f"{grp['precision']:.3f} recall {grp['recall']:.3f} F1 {grp['f1']:.3f}")
    print(f"must stay apart: {len(grp['violations'])} of {grp['apart_pairs']} pairs wrongly joined")  # type: ignore[arg-type]
    for why in grp["violations"]:  # type: ignore[attr-defined]
        print(f"  joined: {why}")
    for spec in grp["undetected"]:  # type: ignore[attr-defined]
        print(f"  not detected: {spec['doc']} {spec['index']} {spec['contains']}")


if __name__ == "__main__":
    main()
