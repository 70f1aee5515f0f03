"""Scale of ``find_commitments``: time and peak memory on synthetic corpora.

Wall time depends on what else the machine runs; CPU time (process_time) is printed too
and is the steadier figure for the ratio. The synthetic sentences repeat (recombined from
~150 real ones), so per-text caches help more here than on a real corpus.

Targets: 2,000 documents grouped in under 20 s and 1.5 GB; 4x the documents
cost at most 5x the time. Each size runs in a fresh subprocess so that peak RSS
(resource.getrusage) belongs to that run alone. Not a unit test::

    python benchmarks/commitments_scale.py            # 500 and 2,000 documents
    python benchmarks/commitments_scale.py 2000 8000  # any sizes
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from tui.documents.corpus import load_corpus
from tui.analysis.commitments import find_commitments
t0 = time.perf_counter()
corpus = load_corpus([__import__("pathlib").Path({folder!r})])
docs = corpus.documents
for d in docs:
    d.sentences  # segmentation may be lazy: count it as loading
t1 = time.perf_counter()
c1 = time.process_time()
result = find_commitments(docs)
t2 = time.perf_counter()
c2 = time.process_time()
pledges = sum(len(g.members) for g in result.groups)
print(json.dumps({{"docs": len(docs), "sentences": sum(len(d.sentences) for d in docs), "pledges": pledges,
                  "groups": len(result.groups), "shared": sum(1 for g in result.groups if len(g.documents) > 1),
                  "largest": max((len(g.members) for g in result.groups), default=0),
                  "load_s": t1 - t0, "group_s": t2 - t1, "cpu_s": c2 - c1,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def measure(n: int) -> dict[str, float]:
    from synth_corpus import write

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write(n, folder)
        code = CHILD.format(root=str(ROOT), folder=str(folder))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sizes = [int(a) for a in sys.argv[1:]] or [500, 2000]
    rows = []
    for n in sizes:
        r = measure(n)
        rows.append(r)
        print(f"{r['docs']:>6} docs  {r['sentences']:>7} sentences  {r['pledges']:>7} pledges  "
              f"{r['groups']:>6} groups ({r['shared']} shared, largest {r['largest']})  "
              f"load {r['load_s']:.1f} s  group {r['group_s']:.2f} s wall / {r['cpu_s']:.2f} s CPU  "
              f"peak RSS {r['peak_mb']:.0f} MB")
    for small, big in zip(rows, rows[1:], strict=False):
        ratio = big["group_s"] / small["group_s"] if small["group_s"] else float("inf")
        cpu = big["cpu_s"] / small["cpu_s"] if small["cpu_s"] else float("inf")
        print(f"{big['docs'] / small['docs']:.0f}x documents ({small['docs']} -> {big['docs']}): "
              f"grouping time x{ratio:.2f} wall, x{cpu:.2f} CPU (target <= 5x for 4x)")
    for r in rows:
        if r["docs"] == 2000:
            ok = r["group_s"] < 20 and r["peak_mb"] < 1536
            print(f"{r['docs']} docs: {'meets' if ok else 'MISSES'} the 20 s / 1.5 GB target")


if __name__ == "__main__":
    main()
