"""Time parties + actors on the embedded corpus: ``python benchmarks/parties_speed.py``.

Prints the one-time cost (import, country library, patterns) apart from the per-run cost of finding
each document's parties and people and the actor of every detected pledge (budget: < 20 ms).
"""

from __future__ import annotations

import sys
import time

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

t0 = time.perf_counter()
from tui.analysis import parties  # noqa: E402

t1 = time.perf_counter()
from tui.analysis import detection  # noqa: E402
from tui.documents.corpus import embedded_folder, load_corpus  # noqa: E402

docs = load_corpus([embedded_folder()]).documents
work = []
for doc in docs:
    texts = [s.text for s in doc.sentences]
    for pledge in detection.detect(doc):
        cue = detection._decide(pledge.text)
        work.append((doc, pledge.text, cue.start if cue else 0, texts[max(0, pledge.index - 6):pledge.index]))
t2 = time.perf_counter()
parties.canonical("Vietnam")
parties.of_document(docs[0])
t3 = time.perf_counter()


def run() -> float:
    start = time.perf_counter()
    found = {doc.id: parties.of_document(doc) for doc in docs}
    for doc, clause, cue_start, context in work:
        found[doc.id].actor(clause, cue_start, context)
    return time.perf_counter() - start


first = run()
best = min(run() for _ in range(5))
print(f"import tui.analysis.parties: {(t1 - t0) * 1e3:.1f} ms")
print(f"first use (country library + patterns): {(t3 - t2) * 1e3:.1f} ms")
print(f"{len(docs)} documents, {len(work)} actors: first run {first * 1e3:.1f} ms, best of 5 {best * 1e3:.1f} ms")
