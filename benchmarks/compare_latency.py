"""How fast ``accord compare`` (and list, show, commitments) are: whole processes, and long documents.

Usage::

    python benchmarks/compare_latency.py [--runs 15] [--scale-runs 3] [--sentences 2000]

1. Whole-process timings, ``--runs`` interleaved rounds (at least 15), stdout piped, bytecode cached
   in a temporary ``PYTHONPYCACHEPREFIX`` (nothing is written into the repository), against
   ``python -c "import click, rich.console"`` measured in the same rounds. Budgets (ratio of the
   medians of per-round ratios): ``compare`` with the cache off 1.3x, from the cache 1.0x;
   (``compare, cache and store off`` also turns off the derived-data store of compiled patterns
   and built tables, :mod:`tui.infra.store`: the cost of the very first run, for reference);
   ``list``, ``show`` and ``commitments`` with the cache off 1.5x; coloured output (``--color
   always``) 1.1x the plain output of the same command.
2. The heaviest imports of the cold compare path (``python -X importtime``).
3. Two synthetic documents of ``--sentences`` and 4x as many sentences, compared in fresh
   processes (``--scale-runs`` interleaved rounds): the time ratio must stay within 4.6x and peak
   memory must grow no faster than time.

Prints medians with their spread and whether each budget holds; exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from _timing import env, interleaved, report, spread  # noqa: E402


def whole_process(runs: int) -> bool:
    py = sys.executable
    accord = [py, "-m", "tui"]
    with tempfile.TemporaryDirectory() as cache:
        os.chmod(cache, 0o700)
        cold, warm = env(ACCORD_NO_CACHE="1"), env(ACCORD_CACHE_DIR=cache)
        commands = {
            "floor": ([py, "-c", "import click, rich.console"], env()),
            "compare, cache off": ([*accord, "compare"], cold),
            "compare, from the cache": ([*accord, "compare"], warm),
            "compare, cache and store off": ([*accord, "compare"], env(ACCORD_NO_CACHE="1", ACCORD_NO_STORE="1")),
            "list, cache off": ([*accord, "list"], cold),
            "show, cache off": ([*accord, "show", "nhandan"], cold),
            "commitments, cache off": ([*accord, "commitments"], cold),
            "show, from the cache": ([*accord, "show", "nhandan"], warm),
            "commitments, from the cache": ([*accord, "commitments"], warm),
            "compare --width 120, plain": ([*accord, "compare", "--width", "120"], cold),
            "compare --width 120, coloured": ([*accord, "--color", "always", "compare", "--width", "120"], cold),
        }
        samples = interleaved(commands, runs)
    budgets = {
        "compare, cache off": ("floor", 1.3), "compare, from the cache": ("floor", 1.0),
        "list, cache off": ("floor", 1.5), "show, cache off": ("floor", 1.5),
        "commitments, cache off": ("floor", 1.5),
        "compare --width 120, coloured": ("compare --width 120, plain", 1.1),
    }
    return report(samples, "floor", budgets)


def imports() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "compare", "--format", "text"],
        capture_output=True, text=True, env=env(ACCORD_NO_CACHE="1"), cwd=tempfile.gettempdir(), check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        try:
            cumulative = int(parts[1])
        except ValueError:
            continue
        rows.append((cumulative, parts[2].rstrip()))
    top = sorted((r for r in rows if not r[1].startswith("  ")), reverse=True)
    heavy = sorted({r[1].strip().split(".")[0] for r in rows} & {"textual", "rich", "numpy", "platformdirs"})
    print("\nheaviest top-level imports of the cold compare path (-X importtime, cumulative):")
    for us, name in top[:8]:
        print(f"  {us / 1000:7.1f} ms  {name.strip()}")
    print(f"  heavy libraries imported: {', '.join(heavy) if heavy else 'none'}")


def synthetic(n: int, seed: int = 7):  # type: ignore[no-untyped-def]
    """Two documents of ``n`` sentences from the corpus's sentences, recombined and perturbed."""
    from tui.documents.corpus import build_document, embedded_folder, load_corpus

    rng = random.Random(seed)
    pool = [s.text for d in load_corpus([embedded_folder()]).documents for s in d.sentences]
    vocabulary = sorted({w for t in pool for w in t.split() if w.isalpha() and len(w) > 3})

    def perturb(text: str) -> str:
        words = text.rstrip(".").split()
        out = []
        for w in words:
            r = rng.random()
            if r < 0.08:
                continue
            if r < 0.14:
                out.append(rng.choice(vocabulary))
            else:
                out.append(w)
        if len(out) > 6 and rng.random() < 0.3:  # move a clause
            cut = rng.randrange(2, len(out) - 2)
            out = out[cut:] + out[:cut]
        out.append(f"item{rng.randrange(n * 4)}")  # a rare term, as real documents have
        return " ".join(out) + "."

    left = [perturb(rng.choice(pool)) for _ in range(n)]
    right = []
    for i in range(0, n, 20):  # blocks of the left document, shuffled, perturbed, some replaced
        block = [perturb(t) if rng.random() < 0.85 else perturb(rng.choice(pool)) for t in left[i:i + 20]]
        right.append(block)
    rng.shuffle(right)
    right_text = [t for block in right for t in block]

    def doc(doc_id: str, sentences: list[str]):  # type: ignore[no-untyped-def]
        body = "\n".join(sentences)
        return build_document(f'+++\nid = "{doc_id}"\ntitle = "synthetic"\ndate = 2024-01-01\n+++\n{body}', None)

    return doc("synthetic-left", left), doc("synthetic-right", right_text)


CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [{root!r}, {here!r}]
from compare_latency import synthetic
from tui.analysis.align import compare
left, right = synthetic({n})
left.sentences, right.sentences
start = time.perf_counter()
result = compare(left, right)
print(json.dumps({{"s": time.perf_counter() - start, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "summary": result.summary()}}))
"""


def _large_once(n: int) -> dict:
    code = CHILD.format(root=str(ROOT), here=str(HERE), n=n)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env(),
                         cwd=tempfile.gettempdir(), check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def large(n: int, runs: int) -> bool:
    """``n`` and ``4n`` sentences, ``runs`` interleaved rounds in fresh processes."""
    small, big = [], []
    for _ in range(runs):
        small.append(_large_once(n))
        big.append(_large_once(4 * n))
    ts, tb = [r["s"] for r in small], [r["s"] for r in big]
    ms, mb = statistics.median(r["mb"] for r in small), statistics.median(r["mb"] for r in big)
    ratios = sorted(b / a for a, b in zip(ts, tb, strict=True))
    ratio = statistics.median(ratios)
    print(f"\nsynthetic documents, compare in process, {runs} interleaved rounds: median (min-max)")
    for label, t, m, rs in ((f"{n} x {n}", ts, ms, small), (f"{4 * n} x {4 * n}", tb, mb, big)):
        med, _, _, lo, hi = spread(t)
        print(f"  {label:>12} sentences  {med:6.2f} s ({lo:.2f}-{hi:.2f})  peak {m:5.0f} MB  "
              + ", ".join(f"{v} {k}" for k, v in rs[0]["summary"].items()))
    growth = mb / ms
    ok_time, ok_mem = ratio <= 4.6, growth <= ratio
    print(f"  4x the sentences: time x{ratio:.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f}), budget 4.6x: "
          f"{'holds' if ok_time else 'MISSED'}; peak memory x{growth:.2f}, no faster than time: "
          f"{'holds' if ok_mem else 'MISSED'}")
    return ok_time and ok_mem


def main(argv: list[str] | None = None) -> None:
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings are wall clock)\n")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scale-runs", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args(argv)
    ok = whole_process(max(15, args.runs))
    imports()
    if args.scale_runs > 0:
        ok &= large(args.sentences, args.scale_runs)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
