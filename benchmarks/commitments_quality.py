"""Pledge detection and grouping quality on every labelled set in ``tests/data/<set>/``.

Usage::

    python benchmarks/commitments_quality.py [--sets all|dev|heldout] [--misses]

Detection: strength accuracy and pledge-vs-none precision / recall / F1 on
``pledge_detection.json``, and actor accuracy (who commits: a party or both) on the
sentences labelled and detected as pledges. Grouping: pairwise precision / recall / F1 of
the default grouping of the set's documents against ``pledge_groups.json`` (repeats within
one document are members too), must-stay-apart pairs wrongly joined, and how many groups
hold a single document. Development sets choose numbers; held-out sets only report them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evalsets  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--misses", action="store_true", help="print every wrong detection and actor")
    args = parser.parse_args(argv)
    for item in evalsets.sets(args.sets):
        tag = "held-out" if item.heldout else "dev"
        print(f"== {item.name} ({tag}): {item.description}")
        det = evalsets.score_detection(item)
        if det:
            print(f"  detection: {det.items} sentences ({det.positives} pledges): accuracy {det.accuracy:.3f}, "
                  f"pledge-vs-none P {det.precision:.3f} R {det.recall:.3f} F1 {det.f1:.3f}; "
                  f"actor accuracy {det.actor_accuracy:.3f} on {det.actor_items}")
            if args.misses:
                for want, got, text in det.misses:
                    print(f"    expected {want!s:7} got {got!s:7} {text[:110]}")
                for want, got, text in det.actor_misses:
                    print(f"    actor {want!s:14} got {got!s:14} {text[:100]}")
        grp = evalsets.score_grouping(item)
        if grp:
            print(f"  grouping: {grp.groups} labelled groups, {grp.members} members: pairwise P {grp.precision:.3f} "
                  f"R {grp.recall:.3f} F1 {grp.f1:.3f}; must stay apart: {len(grp.violations)} of "
                  f"{grp.apart_pairs} joined; {grp.single_document_groups} of {grp.total_groups} groups hold one "
                  "document")
            if args.misses:
                for why in grp.violations:
                    print(f"    joined: {why}")
                for spec in grp.undetected:
                    print(f"    not detected: {spec}")


if __name__ == "__main__":
    main()
