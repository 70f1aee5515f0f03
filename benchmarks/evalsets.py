"""The labelled evaluation sets in ``tests/data/<set>/`` and how accord is scored on them.

Each set folder has a ``set.toml`` (``name``, ``heldout``, ``corpus``: ``"embedded"`` or a folder
of documents relative to the set, ``description``) and any of:

* ``align_*.json``: counterpart decisions between two documents (sure pairs, each ``close`` or
  ``related``, and sentences sure to have no counterpart), by sentence TEXT;
* ``pledge_detection.json``: sentences with the strength of their first pledge (or null) and
  who commits (``actor``: a party's name or ``both``);
* ``pledge_groups.json``: the same pledge across documents (and repeated within one), plus
  pairs that must stay apart.

Held-out sets were labelled before accord was run on their documents and are never used to
choose a number; the development sets are. Every script in ``benchmarks/`` reports both.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class EvalSet:
    """One labelled set: its folder, whether it is held out, and its documents."""

    name: str
    folder: Path
    heldout: bool
    corpus_folder: Path
    description: str

    @cached_property
    def corpus(self):  # type: ignore[no-untyped-def]
        from tui.documents.corpus import load_corpus

        return load_corpus([self.corpus_folder])

    def align_files(self) -> list[Path]:
        return sorted(self.folder.glob("align_*.json"))

    def labels(self, name: str) -> dict | None:  # type: ignore[type-arg]
        path = self.folder / name
        return json.loads(path.read_text("utf-8")) if path.exists() else None


def sets(kind: str = "all") -> list[EvalSet]:
    """The labelled sets: ``all``, ``dev`` or ``heldout``."""
    from tui.documents.corpus import embedded_folder

    out = []
    for manifest in sorted(DATA.glob("*/set.toml")):
        meta = tomllib.loads(manifest.read_text("utf-8"))
        folder = manifest.parent
        corpus = embedded_folder() if meta["corpus"] == "embedded" else folder / meta["corpus"]
        item = EvalSet(meta["name"], folder, bool(meta["heldout"]), corpus, meta.get("description", ""))
        if kind == "all" or (kind == "heldout") == item.heldout:
            out.append(item)
    return out


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class AlignScore:
    name: str
    threshold: float
    correct: int
    judged: int
    found: int
    pairs: int
    unmatched_ok: int
    unmatched: int
    missing: int
    found_by_kind: tuple[tuple[str, int, int], ...] = ()

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.pairs if self.pairs else 1.0

    @property
    def unmatched_accuracy(self) -> float:
        return self.unmatched_ok / self.unmatched if self.unmatched else 1.0

    def __add__(self, other: AlignScore) -> AlignScore:
        kinds: dict[str, list[int]] = {}
        for k, f, n in self.found_by_kind + other.found_by_kind:
            kinds.setdefault(k, [0, 0])
            kinds[k][0] += f
            kinds[k][1] += n
        return AlignScore(
            "pooled", self.threshold, self.correct + other.correct, self.judged + other.judged,
            self.found + other.found, self.pairs + other.pairs, self.unmatched_ok + other.unmatched_ok,
            self.unmatched + other.unmatched, self.missing + other.missing,
            tuple((k, v[0], v[1]) for k, v in sorted(kinds.items())))


def resolve(label: str, texts: set[str] | list[str]) -> str:
    """The sentence a label names: the one with its exact text, else the only sentence that the label
    contains or that contains it (cleaning may since have lifted a dateline or credit off its start)."""
    if label in texts:
        return label
    near = [t for t in texts if len(t) >= 20 and (t in label or label in t)]
    return near[0] if len(near) == 1 else label


def _resolved(labels: dict, left: set[str], right: set[str], left_body: str = "", right_body: str = "") -> dict:  # type: ignore[type-arg]
    """Labels with each text resolved to its sentence. A label (a pair, or a no-counterpart sentence)
    whose text is no longer in the clean body at all (cleaning has since removed it as furniture: a
    caption, a photo credit, a headline glued to an image label) is dropped: there is nothing left
    to pair."""
    def kept(text: str, body: str, texts: set[str]) -> bool:
        return not body or resolve(text, texts) in texts or text in body
    return {
        "pairs": [{**p, "left": resolve(p["left"], left), "right": resolve(p["right"], right)} for p in labels["pairs"]
                  if kept(p["left"], left_body, left) and kept(p["right"], right_body, right)],
        "left_unmatched": [resolve(t, left) for t in labels["left_unmatched"] if kept(t, left_body, left)],
        "right_unmatched": [resolve(t, right) for t in labels["right_unmatched"] if kept(t, right_body, right)],
    }


def score_alignment(comparison, labels: dict, name: str = "") -> AlignScore:  # type: ignore[no-untyped-def,type-arg]
    """Score one comparison against one labelled file.

    Every counterpart link inside a paired row (or, for a row without links, every combination of its
    sentences) is a predicted pair. A predicted pair is
    *judged* when either sentence occurs in the labels; it is correct when it is a labelled pair.
    Precision = correct / judged; recall = labelled pairs predicted / labelled pairs; unmatched
    accuracy = share of the no-counterpart sentences left in a one-sided row.
    """
    left_texts = {s.text for s in comparison.left.sentences}
    right_texts = {s.text for s in comparison.right.sentences}
    labels = _resolved(labels, left_texts, right_texts, comparison.left.body, comparison.right.body)
    gold = {(p["left"], p["right"]): p.get("kind", "close") for p in labels["pairs"]}
    left_lab = {p["left"] for p in labels["pairs"]} | set(labels["left_unmatched"])
    right_lab = {p["right"] for p in labels["pairs"]} | set(labels["right_unmatched"])
    missing = len(left_lab - left_texts) + len(right_lab - right_texts)
    predicted = set()
    alone_left, alone_right = set(), set()
    for row in comparison.rows:
        if row.left and row.right and row.links:  # the links the engine made, not every combination
            lt = {s.index: s.text for s in row.left}
            rt = {s.index: s.text for s in row.right}
            predicted.update((lt[i], rt[j]) for i, j, _ in row.links)
        elif row.left and row.right:
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
    kinds = {}
    for pair, kind in gold.items():
        kinds.setdefault(kind, [0, 0])
        kinds[kind][0] += pair in predicted
        kinds[kind][1] += 1
    return AlignScore(name, comparison.threshold, correct, len(judged), sum(p in predicted for p in gold),
                      len(gold), ok, unmatched, missing, tuple((k, v[0], v[1]) for k, v in sorted(kinds.items())))


def prepared_alignments(item: EvalSet):  # type: ignore[no-untyped-def]
    """(file stem, labels, Alignment) for every labelled pair of ``item``; IDF from the set's corpus."""
    from tui.analysis.align import prepare

    corpus = item.corpus
    out = []
    for path in item.align_files():
        labels = json.loads(path.read_text("utf-8"))
        left, right = corpus.get(labels["left"]), corpus.get(labels["right"])
        out.append((path.stem, labels, prepare(left, right, corpus.documents)))
    return out


# --------------------------------------------------------------------------- pledges


def canonical_actor(name: str | None) -> str | None:
    """An actor label or prediction in one spelling (party names through the country library)."""
    if name is None:
        return None
    low = name.strip().casefold()
    if low in ("both", ""):
        return low or None
    try:
        from tui.vocabulary.countries import canonical as canonical_party

        found = canonical_party(name)
        if found:
            return found.casefold()
    except ImportError:
        pass
    return {"viet nam": "vietnam", "russian federation": "russia", "usa": "united states",
            "us": "united states", "the united states": "united states"}.get(low, low)


def detection_items(item: EvalSet):  # type: ignore[no-untyped-def]
    """(item, sentence text, context) for every labelled detection sentence of ``item``."""
    data = item.labels("pledge_detection.json")
    if not data:
        return []
    out = []
    for entry in data["items"]:
        if "doc" in entry and "index" in entry:
            doc = item.corpus.get(entry["doc"])
            texts = [s.text for s in doc.sentences]
            index = entry["index"]
            if entry.get("text") and (index >= len(texts) or texts[index] != entry["text"]):
                found = resolve(entry["text"], texts)
                index = texts.index(found) if found in texts else -1
            if index < 0:
                out.append((entry, entry["text"], (entry["text"],), doc))
                continue
            out.append((entry, texts[index], texts[max(0, index - 6): index + 1], doc))
        else:
            out.append((entry, entry["text"], (entry["text"],), None))
    return out


@dataclass(frozen=True)
class DetectionScore:
    items: int
    accuracy: float
    precision: float
    recall: float
    f1: float
    positives: int
    actor_accuracy: float
    actor_items: int
    misses: tuple[tuple[str | None, str | None, str], ...]
    actor_misses: tuple[tuple[str | None, str | None, str], ...]


def score_detection(item: EvalSet, only: str | None = None) -> DetectionScore | None:
    """Strength accuracy, pledge-vs-none precision / recall / F1, and actor accuracy (on the
    sentences that are labelled pledges and were detected as pledges)."""
    from tui.analysis.detection import detect_text

    rows = detection_items(item)
    if only is not None:
        rows = [r for r in rows if r[0].get("source", "heldout" if item.heldout else "dev") == only]
    if not rows:
        return None
    right = tp = fp = fn = 0
    actor_right = actor_n = 0
    misses, actor_misses = [], []
    for entry, text, context, doc in rows:
        found = _detect(detect_text, text, context, doc, entry)
        got = found[0].strength if found else None
        want = entry["expected"]
        right += got == want
        tp += bool(got) and bool(want)
        fp += bool(got) and not want
        fn += not got and bool(want)
        if got != want:
            misses.append((want, got, text))
        if got and want and entry.get("actor"):
            actor_n += 1
            predicted = canonical_actor(found[0].actor)
            if predicted == canonical_actor(entry["actor"]):
                actor_right += 1
            else:
                actor_misses.append((entry["actor"], found[0].actor, text))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return DetectionScore(len(rows), right / len(rows), p, r, 2 * p * r / (p + r) if p + r else 0.0, tp + fn,
                          actor_right / actor_n if actor_n else 1.0, actor_n, tuple(misses), tuple(actor_misses))


def _detect(detect_text, text, context, doc, entry):  # type: ignore[no-untyped-def]
    """Detection of one labelled sentence, with its document's parties and people."""
    from tui.analysis import parties

    who = parties.of_document(doc) if doc is not None else None
    return detect_text(text, doc.id if doc else "", entry.get("index", 0), context, who)


@dataclass(frozen=True)
class GroupingScore:
    groups: int
    members: int
    precision: float
    recall: float
    f1: float
    apart_pairs: int
    violations: tuple[str, ...]
    undetected: tuple[str, ...]
    single_document_groups: int
    total_groups: int


def _locate(commitments, spec: dict) -> str | None:  # type: ignore[no-untyped-def,type-arg]
    """The group id of the pledge a labelled member names (None when it was not detected).

    A member is a document, a sentence index and a phrase of the pledge. When the phrase is not in
    that sentence (segmentation has changed since labelling, e.g. a list marker now joins its item),
    the sentence of the document that holds the phrase stands for it.
    """
    indices = spec["index"] if isinstance(spec["index"], list) else [spec["index"]]
    phrase = spec["contains"].lower()
    doc = next((d for d in commitments.documents if d.id == spec["doc"]), None)
    if doc is not None and not any(i < len(doc.sentences) and phrase in doc.sentences[i].text.lower()
                                   for i in indices):
        indices = [s.index for s in doc.sentences if phrase in s.text.lower()] or indices
    found = []
    for index in indices:
        for pledge, group in commitments.pledges_of(spec["doc"], index):
            if phrase in pledge.text.lower():
                found.append(group.id)
    return found[0] if found else None


def score_grouping(item: EvalSet, commitments=None) -> GroupingScore | None:  # type: ignore[no-untyped-def]
    """Pairwise precision / recall / F1 over labelled members, and must-stay-apart violations."""
    from tui.analysis.commitments import find_commitments

    data = item.labels("pledge_groups.json")
    if not data:
        return None
    if commitments is None:
        commitments = find_commitments(item.corpus.documents)
    items = []
    for g, group in enumerate(data["groups"]):
        for spec in group["members"]:
            indices = spec["index"] if isinstance(spec["index"], list) else [spec["index"]]
            options = [_locate(commitments, {**spec, "index": i}) for i in indices]
            items.append((g, options, spec))
    resolved = []
    for g, options, spec in items:  # an alternative stands for whichever joined most of its gold group
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
    for pair in data.get("must_stay_apart", []):
        a, b = _locate(commitments, pair["a"]), _locate(commitments, pair["b"])
        if a is not None and a == b:
            violations.append(pair["why"])
    undetected = tuple(f"{s['doc']} {s['index']} {s['contains']}" for _, p, s in resolved if p is None)
    single = sum(1 for g in commitments.groups if len(g.documents) == 1)
    return GroupingScore(len(data["groups"]), len(resolved), precision, recall, f1,
                         len(data.get("must_stay_apart", [])), tuple(violations), undetected, single,
                         len(commitments.groups))
