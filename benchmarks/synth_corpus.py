"""Write a synthetic corpus for scale tests: real sentences recombined and perturbed.

Each synthetic document takes 20-40 sentences of the embedded corpus at
random (pledges and descriptions alike), then perturbs them: synonyms swapped,
adverbs dropped, years and figures changed, and -- for about a third of the
sentences -- a content word replaced by a made-up one, so that new pledges keep
appearing as the corpus grows (the number of distinct pledges grows with N).
Dates spread over 2000-2025. Deterministic for a given seed::

    python benchmarks/synth_corpus.py 2000 /tmp/synth
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # the benchmark compiles nothing into the repository

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.documents.corpus import load_corpus  # noqa: E402

SYNONYMS = [
    ("agreed to", "decided to"), ("supported", "backed"), ("enhance", "strengthen"), ("boost", "promote"),
    ("expand", "broaden"), ("cooperation", "collaboration"), ("Vietnam", "Viet Nam"), ("the two sides", "both sides"),
    ("favourable", "favorable"), ("expressed the desire", "voiced the wish"), ("soon", "early"),
]
ADVERBS = re.compile(r"\b(?:also|further|actively|effectively|regularly|soon|continue to)\s+")
YEAR = re.compile(r"\b(19|20)\d\d\b")
WORD = re.compile(r"\b[a-z]{6,}\b")
SYLLABLES = ["ka", "lo", "mi", "ran", "tex", "vo", "sul", "dar", "pen", "quo", "ni", "bre"]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def perturb(text: str, rng: random.Random) -> str:
    for a, b in SYNONYMS:
        if a in text and rng.random() < 0.4:
            text = text.replace(a, b, 1)
    if rng.random() < 0.5:
        text = ADVERBS.sub("", text, count=1)
    text = YEAR.sub(lambda m: str(rng.randint(1990, 2035)), text) if rng.random() < 0.3 else text
    if rng.random() < 0.35:
        words = WORD.findall(text)
        if words:
            target = rng.choice(words)
            text = re.sub(rf"\b{target}\b", _made_up(rng), text, count=1)
    return text


def sentences() -> list[str]:
    docs = load_corpus([ROOT / "corpus"]).documents
    return [s.text for d in docs for s in d.sentences if len(s.text.split()) >= 4]


def write(n: int, folder: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    pool = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        k = rng.randint(20, 40)
        chosen = [perturb(rng.choice(pool), rng) for _ in range(k)]
        year = 2000 + (i * 26) // max(n, 1)
        date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        body = "\n\n".join(chosen)
        text = f'+++\nid = "synth-{i:05d}"\ntitle = "Synthetic report {i}"\ndate = {date}\n+++\n{body}\n'
        path = folder / f"synth-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("synth-corpus")
    write(n, folder)
    print(f"wrote {n} documents to {folder}")


if __name__ == "__main__":
    main()
