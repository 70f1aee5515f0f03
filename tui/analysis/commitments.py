"""Shared commitments: which sentences commit the parties, and the same pledge across documents.

Detection
    A sentence is split into clauses where a second cue verb opens a new
    clause ("agreed to X; voiced support for Y", "... and requested Russia to
    ..."). Each clause whose deciding cue (:func:`tui.analysis.cues.classify`) has a
    party as its subject is a :class:`Pledge` of strength ``pledge`` /
    ``support`` / ``intent``. Descriptions (greetings, history, signing
    ceremonies, reported opinions) carry no cue, or a cue whose subject is not
    a party ("the visit will ..."), and are not pledges. The actor is the
    last party named before the cue: ``both``, ``Vietnam``, ``Russia`` or
    ``unspecified``.

Grouping
    Pledges are TF-IDF vectors over folded, boilerplate-free stems
    (:mod:`tui.analysis.features`), with named instruments (UNCLOS, DOC/COC, EAEU,
    nuclear centre, companies ...) weighted up. Documents are visited in date
    order; each pledge looks up candidate groups through an inverted index on
    its highest-weighted terms (terms shared by too many groups are dropped
    from the index), scores each candidate against the group's centroid
    (gated by negation, actor and strength), and the document's pledges are
    assigned greedily by score with at most one member per document per
    group. A pledge with no candidate above the threshold starts a group.
    Comparing with a centroid, not with the nearest member, stops chaining.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.analysis import features, parties
from tui.analysis.detection import Pledge, detect
from tui.analysis.grouping import THRESHOLD, cluster_pledges, learn, pledge_vector
from tui.analysis.labels import group_ids, group_label, name_words
from tui.analysis.themes import THEME_NAMES, theme_of
from tui.documents.document import Document
from tui.infra.errors import AccordError
from tui.vocabulary import countries

__all__ = [
    "THEME_NAMES", "Commitments", "Explanation", "Group", "PairScore", "Pledge", "UnknownGroup", "detect", "explain",
    "find_commitments",
]


class UnknownGroup(AccordError):
    """A group id or prefix that matches no group, or more than one."""





@dataclass(frozen=True)
class Group:
    """The same pledge across documents."""

    id: str
    label: str
    theme: str
    members: tuple[Pledge, ...]
    documents: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class PairScore:
    """Evidence for two members of a group: their similarity and shared terms."""

    a: Pledge
    b: Pledge
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Why a group's members were grouped."""

    group: Group
    pairs: tuple[PairScore, ...]
    centroid: tuple[tuple[str, float], ...]
    member_scores: tuple[tuple[Pledge, float], ...]
    threshold: float = THRESHOLD


@dataclass(frozen=True)
class Commitments:
    """Pledge groups of a corpus, documents in date order."""

    documents: tuple[Document, ...]
    groups: tuple[Group, ...]
    _where: dict[tuple[str, int], Group] = field(default_factory=dict, repr=False, compare=False)
    parties: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    """Each document's two countries (sorted; empty when unknown): pledges group, and a group's
    status is read, within one pair of countries."""

    _years: dict[tuple[str, ...], tuple[list[int], dict[str, int]]] = field(
        default_factory=dict, repr=False, compare=False)

    def pair_of(self, group: Group) -> tuple[str, ...]:
        """The two countries a group's documents are between (empty when unknown)."""
        return self.parties.get(group.documents[0], ()) if group.documents else ()

    def status(self, group: Group) -> str:
        """``persistent`` / ``new in YEAR`` / ``dropped in YEAR`` across the years of the documents
        between the group's two countries (the whole corpus when it is one pair, or they are
        unknown); with one year, ``recurring`` (several documents) or ``single``."""
        years, dates = self._calendar(self.pair_of(group))
        mine = {dates[d] for d in group.documents if d in dates}
        if len(years) < 2:
            return "recurring" if len(group.documents) > 1 else "single"
        latest = years[-1]
        if latest in mine and len(mine) > 1:
            return "persistent"
        if latest in mine:
            return f"new in {latest}"
        return f"dropped in {latest}"

    def short_status(self, group: Group) -> str:
        """:meth:`status` in one word: ``persists``, ``new``, ``dropped``, ``recurring``, ``single``."""
        return short_status(self.status(group))

    def _calendar(self, pair: tuple[str, ...]) -> tuple[list[int], dict[str, int]]:
        """The years of one pair's documents (sorted) and each one's year, once per pair (not per
        group: that made the matrix quadratic in the documents)."""
        found = self._years.get(pair)
        if found is None:
            docs: Sequence[Document] = self.documents
            if len(set(self.parties.values())) > 1:
                docs = [d for d in self.documents if self.parties.get(d.id, ()) == pair] or self.documents
            found = (sorted({d.date.year for d in docs}), {d.id: d.date.year for d in docs})
            self._years[pair] = found
        return found

    def group_of(self, doc_id: str, index: int) -> Group | None:
        """The group of the (first) pledge in sentence ``index`` of ``doc_id``."""
        return self._where.get((doc_id, index))

    def pledges_of(self, doc_id: str, index: int) -> list[tuple[Pledge, Group]]:
        """Every pledge of one sentence with its group."""
        out = []
        for group in self.groups:
            for m in group.members:
                if m.doc_id == doc_id and m.index == index:
                    out.append((m, group))
        return sorted(out, key=lambda pg: pg[0].start)

    def get(self, ref: str) -> Group:
        """The group whose id is ``ref`` or starts with it; raises :class:`UnknownGroup`."""
        key = ref.strip().casefold()
        for g in self.groups:
            if g.id.casefold() == key:
                return g
        matches = [g for g in self.groups if key and g.id.casefold().startswith(key)]
        if len(matches) == 1:
            return matches[0]
        from tui.infra.safety import one_line

        shown = one_line(ref)
        if len(matches) > 1:
            raise UnknownGroup(f"'{shown}' is ambiguous: it starts {', '.join(g.id for g in matches[:6])}")
        import difflib

        ids = [g.id for g in self.groups]
        close = difflib.get_close_matches(key, ids, n=3, cutoff=0.5)
        if close:
            hint = "did you mean " + ", ".join(close) + "?"
        elif ids:
            hint = "see 'accord commitments' for group ids"
        else:
            hint = "no pledge was found in the corpus"
        raise UnknownGroup(f"no pledge group '{shown}'; {hint}")





def find_commitments(docs: Sequence[Document]) -> Commitments:
    """Detect the pledges of ``docs`` and group the same pledge across documents."""
    unique = {d.id: d for d in docs}
    ordered = tuple(sorted(unique.values(), key=lambda d: (d.date, d.id)))
    pledges_by_doc = [detect(d) for d in ordered]
    idf = learn(ordered)
    pair = _pair_keys(ordered)
    by_pair: dict[tuple[str, ...], list[tuple[Pledge, ...]]] = {}
    for d, pledges in zip(ordered, pledges_by_doc, strict=True):
        by_pair.setdefault(pair[d.id], []).append(pledges)
    clusters = [c for part in by_pair.values() for c in cluster_pledges(part, idf)]  # never across pairs
    order = {d.id: i for i, d in enumerate(ordered)}
    names = name_words([n for d in ordered for n in parties.of_document(d).people])
    built: list[tuple[str, Group]] = []
    seeds = []
    pending = []
    for c in clusters:
        weights = {t: v / (c.norm or 1.0) for t, v in c.total.items()}
        theme = theme_of(weights)
        members = [m for m, _, _ in c.members.values()]
        members.sort(key=lambda p: (order[p.doc_id], p.index, p.start))
        label, top = group_label(members, weights, theme, names)
        seeds.append((theme, members[0].key))
        pending.append((members, theme, label, top))
    ids = group_ids(seeds)
    for gid, (members_, theme, label, top) in zip(ids, pending, strict=True):
        members = tuple(members_)
        documents = tuple(dict.fromkeys(m.doc_id for m in members))
        built.append((gid, Group(gid, label, theme, members, documents, top)))
    groups = tuple(
        g for _, g in sorted(built, key=lambda kv: (-len(kv[1].documents), order[kv[1].members[0].doc_id],
                                                    kv[1].members[0].index, kv[1].members[0].start))
    )
    where: dict[tuple[str, int], Group] = {}
    for g in groups:
        for m in g.members:
            key = (m.doc_id, m.index)
            prev = where.get(key)
            if prev is None or _start_in(prev, key) > m.start:
                where[key] = g
    return Commitments(ordered, groups, where, pair)


SHORT_STATUS = {"persistent": "persists", "new": "new", "dropped": "dropped", "recurring": "recurring",
                "single": "single"}


def short_status(text: str) -> str:
    """``persistent`` → ``persists``, ``new in 2025`` → ``new``, ``dropped in 2025`` → ``dropped``."""
    return SHORT_STATUS.get(text.split()[0], text)


def _pair_key(doc: Document) -> tuple[str, ...]:
    """The document's two countries, sorted, or ``()`` when they are not both known."""
    found = parties.of_document(doc).parties
    return tuple(sorted(found)) if len(found) == 2 else ()


def _pair_keys(docs: Sequence[Document]) -> dict[str, tuple[str, ...]]:
    """Each document's pair of countries, for grouping within one pair.

    A pair that two or more documents are between is a pair of the corpus. A document whose own
    pair is none of them (its parties were found wrongly, or not at all: "Modi, Putin discuss ...
    Afghanistan") joins the corpus pair whose two countries it names most, when it names both;
    otherwise it keeps its own.
    """
    own = {d.id: _pair_key(d) for d in docs}
    held = Counter(own.values())
    main = [k for k, n in held.items() if k and n >= 2]
    out = dict(own)
    for d in docs:
        if own[d.id] in main or not main:
            continue
        named = Counter(m.country for m in countries.mentions(d.title + "\n" + d.body))
        best = max(main, key=lambda k: (min(named[c] for c in k), sum(named[c] for c in k), k))
        if min(named[c] for c in best) > 0:
            out[d.id] = best
    return out


def _start_in(group: Group, key: tuple[str, int]) -> int:
    return min(m.start for m in group.members if (m.doc_id, m.index) == key)


def explain(commitments: Commitments, group: Group) -> Explanation:
    """Pairwise scores and shared terms of a group's members, and each member's score to the rest."""
    idf = learn(commitments.documents)
    vecs = [pledge_vector(m.text, idf) for m in group.members]
    pairs = []
    for i in range(len(vecs)):
        for j in range(i + 1, len(vecs)):
            pairs.append(PairScore(group.members[i], group.members[j], round(features.cosine(vecs[i], vecs[j]), 4),
                                   features.shared_terms(vecs[i], vecs[j])))
    total: dict[str, float] = {}
    for v in vecs:
        for t, w in v.items():
            total[t] = total.get(t, 0.0) + w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    heaviest = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    centroid = tuple((t, round(w / norm, 4)) for t, w in heaviest)
    member_scores = []
    for i, m in enumerate(group.members):
        rest: dict[str, float] = {}
        for j, v in enumerate(vecs):
            if j != i:
                for t, w in v.items():
                    rest[t] = rest.get(t, 0.0) + w
        rnorm = math.sqrt(sum(w * w for w in rest.values()))
        score = sum(w * rest.get(t, 0.0) for t, w in vecs[i].items()) / rnorm if rnorm else 0.0
        member_scores.append((m, round(score, 4)))
    return Explanation(group, tuple(pairs), centroid, tuple(member_scores))


def key_words(group: Group) -> tuple[str, ...]:
    """A group's key terms as its members write them ("France", "production"), not as stems
    ("franc", "product"): what people read (JSON keeps the terms and adds these as ``words``)."""
    return features.readable(group.terms, " ".join(m.text for m in group.members))
