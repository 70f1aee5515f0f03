"""How fast ``accord compare`` is: whole-process latency, import cost, and 2,000-sentence documents.

Usage::

    python benchmarks/compare_latency.py [--runs 15] [--sentences 2000]

1. Whole-process timings (subprocess, median of ``--runs``) of
   ``python -m tui compare --format text`` with stdout piped, against
   ``python -c "import click, rich.console"`` measured in the same run, and
   their ratio (budget: 1.5x) -- both for a repeat run, which reads the
   result cache (:mod:`tui.infra.cache`), and for a first run with no cache.
2. The heaviest imports of the compare path (``python -X importtime``), and
   whether textual or rich is imported at all on the piped text path.
3. Two synthetic documents of ``--sentences`` sentences each, made by
   recombining and perturbing the corpus's real sentences, compared in
   process (budget: under 2 s).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _env() -> dict[str, str]:
    # Measure what a user runs: bytecode cached as pip's install does (PYTHONDONTWRITEBYTECODE would
    # make every run compile accord's modules from source), no startup file, no forced colour.
    # Bytecode goes to a folder outside the repository (PYTHONPYCACHEPREFIX): the benchmark writes
    # nothing into the checkout.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONSTARTUP", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    return env


_PYCACHE = os.path.join(__import__("tempfile").gettempdir(), "accord-bench-pycache")


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one whole child process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=env or _env(), cwd=ROOT, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def whole_process(runs: int) -> None:
    """Cold (no result cache) and warm (cache primed by a first run) against the click+rich baseline.

    Reports medians of wall-clock time and of CPU time; CPU time is steadier on a shared machine.
    """
    import tempfile

    py = sys.executable
    compare = [py, "-m", "tui", "compare", "--format", "text"]
    base = [py, "-c", "import click, rich.console"]
    with tempfile.TemporaryDirectory() as cache:
        cold_env = {**_env(), "ACCORD_NO_CACHE": "1"}
        warm_env = {**_env(), "ACCORD_CACHE_DIR": cache}
        _run(compare, cold_env)  # write .pyc files and warm the OS file cache
        _run(compare, warm_env)  # prime the result cache
        _run(base)
        # interleave so that machine noise hits all three alike
        samples: dict[str, list[tuple[float, float]]] = {"base": [], "warm": [], "cold": []}
        for _ in range(runs):
            samples["cold"].append(_run(compare, cold_env))
            samples["warm"].append(_run(compare, warm_env))
            samples["base"].append(_run(base))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in samples.items()}
    (bw, bc) = med["base"]
    print(f"whole process, median of {runs} interleaved runs (wall clock / CPU time; min-max of wall):")
    lo, hi = min(w for w, _ in samples["base"]), max(w for w, _ in samples["base"])
    print(f"  python -c 'import click, rich.console'            {bw * 1000:6.1f} ms / {bc * 1000:6.1f} ms"
          f"   [{lo * 1000:.0f}-{hi * 1000:.0f}]")
    for key, label, budget in (("warm", "accord compare, piped, cached result (repeat run)", 1.0),
                               ("cold", "accord compare, piped, no cache (first run)      ", 1.3)):
        w, c = med[key]
        # the ratio of each interleaved pair, then its median and spread
        ratios = sorted(a[0] / b[0] for a, b in zip(samples[key], samples["base"], strict=True))
        verdict = "holds" if statistics.median(ratios) <= budget else "NOT met"
        print(f"  {label} {w * 1000:6.1f} ms / {c * 1000:6.1f} ms   ratio {statistics.median(ratios):4.2f}x "
              f"[{ratios[0]:.2f}-{ratios[-1]:.2f}] / {c / bc:4.2f}x  budget {budget}x: {verdict}")


def imports() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "compare", "--format", "text"],
        capture_output=True, text=True, env=_env(), cwd=ROOT, check=True,
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
        name = parts[2].rstrip()
        rows.append((cumulative, name))
    top = [r for r in rows if not r[1].startswith("  ")]  # top-level imports only
    top.sort(reverse=True)
    heavy = sorted({r[1].strip().split(".")[0] for r in rows} & {"textual", "rich", "numpy", "scipy", "sklearn"})
    print("\nheaviest top-level imports of the compare path (-X importtime, cumulative):")
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


def large(n: int) -> None:
    from tui.analysis.align import compare

    left, right = synthetic(n)
    start, cpu = time.perf_counter(), time.process_time()
    result = compare(left, right)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    counts = result.summary()
    print(f"\nsynthetic documents: {len(left.sentences)} x {len(right.sentences)} sentences")
    print(f"  compare (vectors, candidates, pairs, word diffs)  {elapsed:6.2f} s wall, {cpu:.2f} s CPU"
          "  (budget 2 s)")
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def main(argv: list[str] | None = None) -> None:
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings are wall clock)\n")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args(argv)
    whole_process(max(15, args.runs))
    imports()
    large(args.sentences)


if __name__ == "__main__":
    main()
