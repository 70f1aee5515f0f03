"""Scale of ``accord commitments``: grouping plus the text matrix, time and peak memory.

Each size runs in a fresh process (``accord``'s own code path: load, group, render the text matrix
at 100 columns), on a synthetic corpus (``benchmarks/synth_corpus.py``), bytecode cached in a
temporary folder (nothing is written into the repository). Budgets: 4x the documents (default 1,000
-> 4,000) in at most 4.6x the time, text output included; the largest size (default 8,000) within
1 GB peak RSS. ``--runs`` interleaved rounds of the two timed sizes (each round takes about a
minute on the 2-core machine, so the default is 3)::

    python benchmarks/commitments_scale.py [--runs 3] [--sizes 1000 4000] [--memory 8000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from _timing import env  # noqa: E402

CHILD = r"""
import json, pathlib, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
from tui.documents.corpus import load_corpus
from tui.analysis.commitments import find_commitments
from tui.render.commitments import matrix_text, select
from tui.render.styled import plain_text
docs = load_corpus([pathlib.Path({folder!r})]).documents
for d in docs:
    d.sentences
loaded = time.perf_counter()
result = find_commitments(docs)
grouped = time.perf_counter()
text = plain_text(matrix_text(result, select(result), 100))
done = time.perf_counter()
print(json.dumps({{"docs": len(docs), "groups": len(result.groups), "pledges": sum(len(g.members) for g in result.groups),
                  "load": loaded - start, "group": grouped - loaded, "text": done - grouped, "total": done - start,
                  "chars": len(text), "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def measure(folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), folder=str(folder))],
                         capture_output=True, text=True, check=True, env=env(), cwd=tempfile.gettempdir())
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    from synth_corpus import write

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 4000])
    parser.add_argument("--memory", type=int, default=8000, help="size whose peak memory must stay within 1 GB (0: skip)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for n in [*args.sizes, *([args.memory] if args.memory else [])]:
            folders[n] = Path(tmp) / f"corpus-{n}"
            write(n, folders[n])
        small_n, big_n = args.sizes
        measure(folders[small_n])  # bytecode, file cache
        rows: dict[int, list[dict]] = {small_n: [], big_n: []}
        for _ in range(args.runs):
            rows[small_n].append(measure(folders[small_n]))
            rows[big_n].append(measure(folders[big_n]))
        print(f"{args.runs} interleaved rounds, fresh process each: median (min-max)")
        for n, rs in rows.items():
            tot = sorted(r["total"] for r in rs)
            r = rs[0]
            print(f"  {n:>6} docs ({r['pledges']} pledges, {r['groups']} groups): total {statistics.median(tot):6.1f} s "
                  f"({tot[0]:.1f}-{tot[-1]:.1f}); load {statistics.median(x['load'] for x in rs):.1f} s, group "
                  f"{statistics.median(x['group'] for x in rs):.1f} s, text matrix {statistics.median(x['text'] for x in rs):.2f} s; "
                  f"peak {statistics.median(x['mb'] for x in rs):.0f} MB")
        ratios = sorted(b["total"] / a["total"] for a, b in zip(rows[small_n], rows[big_n], strict=True))
        ratio = statistics.median(ratios)
        holds = ratio <= 4.6
        ok &= holds
        print(f"  {big_n / small_n:.0f}x the documents: time x{ratio:.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f}), "
              f"budget 4.6x: {'holds' if holds else 'MISSED'}")
        if args.memory:
            r = measure(folders[args.memory])
            holds = r["mb"] <= 1024
            ok &= holds
            print(f"  {args.memory} docs: total {r['total']:.1f} s (text matrix {r['text']:.2f} s), peak {r['mb']:.0f} MB, "
                  f"budget 1 GB: {'holds' if holds else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
