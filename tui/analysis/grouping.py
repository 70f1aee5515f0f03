"""Grouping the same pledge across documents: online centroid clustering over an inverted index."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from operator import mul

from tui.analysis import features
from tui.analysis.cues import RANK, find_cues
from tui.analysis.detection import Pledge
from tui.analysis.themes import INSTRUMENTS
from tui.documents.document import Document
from tui.infra import store

THRESHOLD = 0.25
"""Least centroid score for a pledge to join a group."""

KEY_TERMS = 6
"""Terms of a pledge used to look up candidate groups."""

POSTING_CAP = 64
"""A term indexed by more groups than this stops being used for look-up."""

MAX_CANDIDATES = 12
"""Candidate groups scored per pledge (those sharing the most key terms)."""

INSTRUMENT_BOOST = 2.0
"""Extra weight of named instruments and projects over ordinary terms."""

ACTOR_PENALTY = 0.12
NEGATION_PENALTY = 0.25
STRENGTH_PENALTY = 0.03



_WHO = store.compile(
    r"(?<![\w-])(?:(?i:prime\s+minister|president|general\s+secretary|party\s+chief|party\s+general\s+secretary|"
    r"deputy\s+prime\s+minister|foreign\s+minister|minister|premier|chancellor|chairman|chairwoman|leaders?|"
    r"the\s+leader)s?(?i:\s+of\s+the\s+two\s+countries)?(?:\s+[A-Z][\w'’-]*){0,3}|"
    r"(?i:he|she|they|counterparts?|guests?|hosts?|the\s+[\w-]+\s+side|long-time\s+partners))(?![\w-])",
)
"""Who speaks or commits: not what is pledged, so left out of the vectors."""


_LEGAL_BASIS = store.compile(
    r"(?<![\w-])(?:in\s+accordance\s+with|in\s+line\s+with|in\s+adherence\s+to|in\s+compliance\s+with|"
    r"consistent\s+with|based\s+on|on\s+the\s+basis\s+of)(?![\w-])"
    r"(?=[\s,]+(?:[\w'’-]+[\s,]+){0,6}?(?:laws?|charter|unclos|legislation|regulations|norms)(?![\w-]))[^;]*",
    re.I,
)
"""A legal-basis tail ("in accordance with ... international law, especially UNCLOS"): boilerplate
that pledges on any subject share, so it must not make them look alike."""
_LIGHT_VERBS = store.compile(r"(?<![\w-])(?:make|makes|made|making|take|takes|took|taking)(?![\w-])", re.I)
_NAME_HYPHEN = store.compile(r"(?<=[a-z])-(?=[A-Z])")
_OIL = store.compile(r"(?<![\w-])oil(?!\s+and\s+gas)(?![\w-])", re.I)


def content(text: str) -> str:
    """What is pledged: ``text`` without cue words (how strongly), speakers' names and titles
    (who), and legal-basis tails (boilerplate)."""
    out = _LEGAL_BASIS.sub(" ", text)
    pieces, pos = [], 0
    for cue in find_cues(out):
        pieces.append(out[pos:cue.start])
        pos = cue.end
    pieces.append(out[pos:])
    out = " ".join(pieces)
    out = _NAME_HYPHEN.sub(" ", out)  # "Vietnam-Eurasian Economic Union": two names, not one word
    out = _OIL.sub("oil and gas", out)
    out = _LIGHT_VERBS.sub(" ", out)
    return _WHO.sub(" ", out)


def pledge_vector(text: str, idf: features.Idf) -> dict[str, float]:
    vec = features.vector(content(text), idf)
    if not vec:
        return vec
    boosted = {t: (v * INSTRUMENT_BOOST if t in INSTRUMENTS else v) for t, v in vec.items()}
    norm = math.sqrt(sum(v * v for v in boosted.values()))
    return {t: v / norm for t, v in boosted.items()}


class _Cluster:
    __slots__ = ("num", "members", "total", "norm", "squares", "docs", "actors", "negated", "strengths", "_summary")

    def __init__(self, num: int) -> None:
        self.num = num
        self.members: dict[str, tuple[Pledge, dict[str, float], bool]] = {}
        self.total: dict[str, float] = {}
        self.norm = 0.0
        self.squares = 0.0
        self.docs: Counter[str] = Counter()
        self.actors: Counter[str] = Counter()
        self.negated = 0
        self.strengths: Counter[str] = Counter()
        self._summary: tuple[str, str, bool] | None = None

    def add(self, pledge: Pledge, vec: dict[str, float], negated: bool) -> None:
        self.members[pledge.key] = (pledge, vec, negated)
        self._update(pledge, vec, negated, 1)

    def remove(self, pledge: Pledge) -> None:
        _, vec, negated = self.members.pop(pledge.key)
        self._update(pledge, vec, negated, -1)

    def _update(self, pledge: Pledge, vec: dict[str, float], negated: bool, sign: int) -> None:
        total = self.total
        squares = self.squares
        for t, v in vec.items():
            old = total.get(t, 0.0)
            value = old + sign * v
            squares += value * value - old * old
            if abs(value) < 1e-12:
                total.pop(t, None)
            else:
                total[t] = value
        if not self.members:
            total.clear()
            squares = 0.0
        self.squares = max(squares, 0.0)
        self.norm = math.sqrt(self.squares)  # kept incrementally: O(terms of the pledge), not of the group
        self.docs[pledge.doc_id] += sign
        if self.docs[pledge.doc_id] <= 0:
            del self.docs[pledge.doc_id]
        self.actors[pledge.actor] += sign
        self.negated += sign * int(negated)
        self.strengths[pledge.strength] += sign
        self._summary = None

    def centroid_cosine(self, vec: dict[str, float]) -> float:
        if not self.norm:
            return 0.0
        return sum(map(mul, vec.values(), map(self.total.get, vec.keys(), repeat(0.0)))) / self.norm

    def summary(self) -> tuple[str, str, bool]:
        """(majority actor among Vietnam/Russia or "", most common strength, mostly negated)."""
        if self._summary is not None:
            return self._summary
        n = len(self.members)
        side = ""
        for who, count in self.actors.items():
            if who not in _NO_SIDE and count > n / 2:
                side = who
        common = max(self.strengths.items(), key=lambda kv: (kv[1], RANK[kv[0]]))[0]
        self._summary = (side, common, self.negated > n / 2)
        return self._summary


_NO_SIDE = frozenset({"both", "unspecified", ""})
"""Actors that are not one party: they never conflict with a group's side."""


def _gate(pledge: Pledge, negated: bool, summary: tuple[str, str, bool]) -> float:
    """Penalty for a pledge joining a cluster: opposite actor, opposite negation, other strength."""
    side, common, mostly_negated = summary
    penalty = 0.0
    if side and pledge.actor not in _NO_SIDE and pledge.actor != side:
        penalty += ACTOR_PENALTY
    if negated != mostly_negated:
        penalty += NEGATION_PENALTY
    penalty += STRENGTH_PENALTY * abs(RANK[pledge.strength] - RANK[common])
    return penalty


def similarity(a: Pledge, b: Pledge, idf: features.Idf) -> float:
    """Cosine of two pledges' weighted vectors (used to explain groups)."""
    return features.cosine(pledge_vector(a.text, idf), pledge_vector(b.text, idf))


def learn(docs: Sequence[Document]) -> features.Idf:
    """IDF over every sentence of ``docs``."""
    return features.learn_idf(s.text for d in docs for s in d.sentences)


REFINE_PASSES = 1
STABLE = 0.6
"""A member this close to the rest of its group (leave-one-out centroid) is not reconsidered."""
"""Passes that take each document's pledges out and assign them again against the settled groups."""


class _Clusterer:
    """Online centroid clustering over an inverted index of group terms."""

    def __init__(self, idf: features.Idf) -> None:
        self.idf = idf
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[int]] = {}
        self.common: set[str] = set()
        self.vec_cache: dict[str, dict[str, float]] = {}
        self.where: dict[str, int] = {}

    def vector(self, text: str) -> dict[str, float]:
        vec = self.vec_cache.get(text)
        if vec is None:
            vec = pledge_vector(text, self.idf)
            if len(self.vec_cache) < 200_000:
                self.vec_cache[text] = vec
        return vec

    def assign(self, pledges: Sequence[Pledge]) -> None:
        """Place one document's pledges: best centroid score first, one member per group."""
        vecs = [self.vector(p.text) for p in pledges]
        negs = [_negated(p) for p in pledges]
        keys = [_keys(v) for v in vecs]
        scored: list[tuple[float, int, int]] = []
        for i, p in enumerate(pledges):
            hits: Counter[int] = Counter()
            for t in keys[i]:
                for c in self.index.get(t, ()):
                    hits[c] += 1
            for c, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
                cluster = self.clusters[c]
                if not cluster.members or p.doc_id in cluster.docs:
                    continue
                score = cluster.centroid_cosine(vecs[i]) - _gate(p, negs[i], cluster.summary())
                if score >= THRESHOLD:
                    scored.append((score, i, c))
        scored.sort(key=lambda x: (-x[0], x[1], x[2]))
        placed: dict[int, int] = {}
        taken: set[int] = set()
        for _score, i, c in scored:
            if i in placed or c in taken:
                continue
            placed[i] = c
            taken.add(c)
        for i, p in enumerate(pledges):
            if i in placed:
                c = placed[i]
            else:
                c = len(self.clusters)
                self.clusters.append(_Cluster(c))
            self.clusters[c].add(p, vecs[i], negs[i])
            self.where[p.key] = c
            for t in keys[i]:
                if t in self.common:
                    continue
                posting = self.index.setdefault(t, [])
                if c not in posting:
                    posting.append(c)
                    if len(posting) > POSTING_CAP:
                        self.common.add(t)
                        del self.index[t]

    def take_out(self, pledges: Sequence[Pledge]) -> list[Pledge]:
        """Take out the pledges that are not firmly in their group; return them."""
        out = []
        for p in pledges:
            cluster = self.clusters[self.where[p.key]]
            if len(cluster.members) > 1 and self._rest_score(cluster, p) >= STABLE:
                continue  # close to the rest of its group: nothing to reconsider
            del self.where[p.key]
            cluster.remove(p)
            out.append(p)
        return out

    def _rest_score(self, cluster: _Cluster, p: Pledge) -> float:
        """Cosine of a member with the centroid of the other members (leave-one-out)."""
        vec = cluster.members[p.key][1]
        dot = cluster.centroid_cosine(vec) * cluster.norm
        rest = math.sqrt(max(cluster.squares - 2 * dot + sum(v * v for v in vec.values()), 0.0))
        return (dot - sum(v * v for v in vec.values())) / rest if rest > 1e-9 else 1.0


def cluster_pledges(pledges_by_doc: Sequence[tuple[Pledge, ...]], idf: features.Idf) -> list[_Cluster]:
    """Groups of the same pledge: online assignment in date order (one member per document),
    a refinement pass, then merging of groups whose centroids say the same thing (which also
    lets a pledge a report states twice recur within one document)."""
    work = _Clusterer(idf)
    for pledges in pledges_by_doc:
        work.assign(pledges)
    for _ in range(REFINE_PASSES):
        for pledges in pledges_by_doc:
            loose = work.take_out(pledges)
            if loose:
                work.assign(loose)
    return merge_groups([c for c in work.clusters if c.members])


GROUP_MERGE = 0.45
"""Least cosine between two groups' centroids for them to be one pledge (and merged)."""


def _centroid_keys(cluster: _Cluster) -> list[str]:
    return [t for _, t in sorted((-v, t) for t, v in cluster.total.items())[:KEY_TERMS]]


def _between(a: _Cluster, b: _Cluster) -> float:
    """Cosine of two groups' centroids, 0 when their sides or negation disagree or when they hold
    two clauses of one sentence (the clause split says those are different pledges)."""
    if not a.norm or not b.norm:
        return 0.0
    if _sentences(a) & _sentences(b):
        return 0.0
    side_a, _, neg_a = a.summary()
    side_b, _, neg_b = b.summary()
    if neg_a != neg_b or (side_a and side_b and side_a != side_b):
        return 0.0
    small, large = (a.total, b.total) if len(a.total) <= len(b.total) else (b.total, a.total)
    return sum((v * large[t] for t, v in small.items() if t in large), 0.0) / (a.norm * b.norm)


def _sentences(cluster: _Cluster) -> set[tuple[str, int]]:
    return {(p.doc_id, p.index) for p, _, _ in cluster.members.values()}


def merge_groups(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge groups whose centroids are at least :data:`GROUP_MERGE` alike, best pair first.

    Each merge compares whole centroids (never one member with another), and a merged group is
    compared again with its centroid as it now is, so topic words cannot chain different
    pledges together. Candidates come from an inverted index on the centroids' key terms.
    """
    import heapq

    index: dict[str, list[int]] = {}
    for k, c in enumerate(clusters):
        for t in _centroid_keys(c):
            index.setdefault(t, []).append(k)
    alive = [True] * len(clusters)
    version = [0] * len(clusters)

    def candidates(k: int) -> list[tuple[float, int, int, int, int]]:
        seen: set[int] = set()
        out = []
        for t in _centroid_keys(clusters[k]):
            posting = index.get(t, ())
            if len(posting) > POSTING_CAP * 4:
                continue
            for other in posting:
                if other != k and alive[other] and other not in seen:
                    seen.add(other)
                    score = _between(clusters[k], clusters[other])
                    if score >= GROUP_MERGE:
                        a, b = min(k, other), max(k, other)
                        out.append((-score, a, b, version[a], version[b]))
        return out

    heap: list[tuple[float, int, int, int, int]] = []
    for k in range(len(clusters)):
        heap.extend(c for c in candidates(k) if c[1] == k)
    heapq.heapify(heap)
    while heap:
        _score, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        target, source = clusters[a], clusters[b]
        for pledge, vec, negated in list(source.members.values()):
            target.add(pledge, vec, negated)
        alive[b] = False
        version[a] += 1
        for t in _centroid_keys(target):
            posting = index.setdefault(t, [])
            if a not in posting:
                posting.append(a)
        for item in candidates(a):
            heapq.heappush(heap, item)
    return [c for k, c in enumerate(clusters) if alive[k]]


def _keys(vec: dict[str, float]) -> list[str]:
    return [t for _, t in sorted(((-v, t) for t, v in vec.items()))[:KEY_TERMS]]


def _negated(p: Pledge) -> bool:
    return bool(re.search(r"(?<![\w-])not(?![\w-])", p.cue, re.I))
