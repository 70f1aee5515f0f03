"""Whole-process timing shared by the benchmarks: interleaved runs, medians with their spread.

Every child runs with bytecode caching as an installed user has it (``PYTHONDONTWRITEBYTECODE``
removed), but with ``PYTHONPYCACHEPREFIX`` pointing at a temporary folder, so that nothing is
written into the repository (the first, unmeasured, run of each command fills that folder).
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PYCACHE = tempfile.mkdtemp(prefix="accord-bench-pyc-")
atexit.register(shutil.rmtree, _PYCACHE, True)
sys.pycache_prefix = _PYCACHE  # the benchmark's own imports write no bytecode into the repository either


def env(**extra: str) -> dict[str, str]:
    """The environment of a measured child: no startup file, no forced colour, bytecode cached outside."""
    out = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONSTARTUP", "FORCE_COLOR", "NO_COLOR", "PYTHONDONTWRITEBYTECODE", "ACCORD_NO_CACHE",
                        "ACCORD_CACHE_DIR", "ACCORD_CORPUS")}
    out["PYTHONPATH"] = str(ROOT)
    out["PYTHONPYCACHEPREFIX"] = _PYCACHE
    out.update(extra)
    return out


def run_once(argv: Sequence[str], child_env: dict[str, str] | None = None) -> float:
    """Wall-clock seconds of one whole child process (stdout and stderr piped)."""
    start = time.perf_counter()
    subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env or env(),
                   cwd=tempfile.gettempdir(), check=True)
    return time.perf_counter() - start


def interleaved(commands: dict[str, tuple[Sequence[str], dict[str, str] | None]], runs: int,
                warmup: int = 2) -> dict[str, list[float]]:
    """Run every command ``runs`` times, round-robin, so that machine noise hits all of them alike."""
    for _ in range(warmup):
        for argv, child_env in commands.values():
            run_once(argv, child_env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, child_env) in commands.items():
            samples[name].append(run_once(argv, child_env))
    return samples


def spread(values: Sequence[float]) -> tuple[float, float, float, float, float]:
    """Median, quartiles, min and max."""
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else [ordered[0]] * 3
    return statistics.median(ordered), q[0], q[2], ordered[0], ordered[-1]


def ratio_spread(values: Sequence[float], reference: Sequence[float]) -> tuple[float, float, float]:
    """Median ratio of run i over reference run i (paired, same round), with its quartiles."""
    ratios = sorted(v / r for v, r in zip(values, reference, strict=True))
    q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    return statistics.median(ratios), q[0], q[2]


def report(samples: dict[str, list[float]], reference: str, budgets: dict[str, tuple[str, float]],
           labels: dict[str, str] | None = None) -> bool:
    """Print each command's median and spread, its ratio to ``reference`` and whether its budget holds.

    ``budgets`` maps a command to (the reference it is measured against, the largest ratio allowed).
    Returns True when every budget holds.
    """
    labels = labels or {}
    width = max(len(labels.get(k, k)) for k in samples)
    runs = len(next(iter(samples.values())))
    print(f"whole process, {runs} interleaved runs, wall clock: median [IQR] (min-max)")
    ok = True
    for name, values in samples.items():
        med, q1, q3, lo, hi = spread(values)
        line = (f"  {labels.get(name, name):<{width}}  {med * 1000:7.1f} ms [{q1 * 1000:6.1f}-{q3 * 1000:6.1f}]"
                f" ({lo * 1000:6.1f}-{hi * 1000:6.1f})")
        if name in budgets:
            against, limit = budgets[name]
            rmed, rq1, rq3 = ratio_spread(values, samples[against])
            holds = rmed <= limit
            ok &= holds
            line += (f"  {rmed:4.2f}x [{rq1:4.2f}-{rq3:4.2f}] of {labels.get(against, against)}"
                     f"  budget {limit:.2f}x: {'holds' if holds else 'MISSED'}")
        print(line)
    return ok


def python() -> str:
    return sys.executable
