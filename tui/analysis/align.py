"""Sentence alignment of two statements: which sentence carries the same content as which.

The engine works in two stages so the app can move a threshold live:

:func:`prepare` does the heavy work once per pair of documents: stemmed
TF-IDF vectors (IDF learnt from the two documents plus any ``context``, e.g.
the whole corpus), candidate pairs found through an inverted index on rare
terms (no all-pairs scoring), and a gated score for each candidate.
:meth:`Alignment.at` then decides the pairs at a threshold:

1. **Score and gates.** The score is the cosine of the two sentences'
   vectors (boilerplate such as "comprehensive strategic partnership" or
   "in accordance with international law" is cut out before weighting, see
   :mod:`tui.analysis.features`), multiplied by gates that look beyond topic words:

   * *negation*: one sentence negates its commitment ("agreed not to join
     any alliance", "does not aim at") and the other does not -> x0.6
     (a negative inside the content, "not using force", does not count);
   * *numbers*: both name numbers (years, counts, percentages) and share none
     -> x0.75;
   * *thin overlap*: fewer than two shared specific content terms besides
     anchors (named instruments, acronyms, numbers), or one and no shared
     anchor -> x0.5: a shared "UNCLOS 1982" or "75th anniversary 2025"
     alone does not make two claims the same, nor do words most sentences
     carry ("cooperation", "strengthen"; :data:`COMMON_IDF`), while "EAEU"
     plus "negotiations" does.

   Who speaks is not what is said: names of people (found after titles such
   as "President", "Prime Minister", "General Secretary") and the titles
   themselves weigh :data:`ACTOR_WEIGHT` of a normal term, so "General
   Secretary Nguyen Phu Trong" in two unrelated sentences cannot pair them.

2. **One-to-one pairs**, greedily by score (best first), each sentence used
   once, keeping only pairs at or above the threshold. The field notes
   measured greedy / mutual-best above Hungarian and order-preserving DP on
   this corpus (reports reorder their material).

3. **One-to-many merges.** A sentence still unpaired joins the row of its
   best partner on the other side when most of its content weight (at least
   60 % of its IDF mass) occurs in that partner, and the score is at least
   half the threshold: a sentence split in two, or two sentences joined.

4. **Moved.** A pair is *moved* when it is not on the longest increasing
   subsequence of the pairs taken in left order (the pairs that keep their
   relative order); the others broke the order of their neighbours.

Rows follow the right document's order; a removed sentence (left only) is
placed just after the row of the nearest earlier left sentence that was
paired, so it shows up where it used to be. Every sentence of both documents
is in exactly one row.

Defaults lean toward silence: a wrong pair costs more than a missed one.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tui.analysis import features
from tui.analysis.cues import RANK, compare_strength
from tui.analysis.detection import detect
from tui.analysis.diffmodel import (
    ADDED,
    CLOSE,
    DEFAULT_THRESHOLD,
    RELATED,
    REMOVED,
    REWORDED,
    UNCHANGED,
    Change,
    Comparison,
    Row,
    related_floor,
)
from tui.analysis.themes import theme_of
from tui.analysis.wordiff import diff_words
from tui.documents.document import Document
from tui.documents.model import Sentence
from tui.infra import store
from tui.vocabulary import lexicon
from tui.vocabulary.normal import fold

__all__ = [
    "DEFAULT_THRESHOLD", "Alignment", "Change", "Comparison", "Row", "compare", "prepare",
]



NEGATION_PENALTY = 0.6
NUMBER_PENALTY = 0.75
THIN_PENALTY = 0.5
COMMON_IDF = 2.5
"""A term whose IDF is below this (it occurs in about a fifth of all sentences or more: "cooperation",
"strengthen") does not count as shared content for the thin-overlap gate."""
MERGE_COVERAGE = 0.6
MERGE_FLOOR = 0.5  # a merge needs a score of at least this share of the threshold
ATTACH_RATIO = 0.7
"""A sentence left alone joins a row as a further counterpart of its best partner when that pair
scores at least this share of the threshold."""
CANDIDATES_PER_SENTENCE = 20
INDEX_CAP = 20
"""The longest posting list a left sentence scans: a term in more right sentences than this and
than 2 % of them is too common to index; past about 1,000 right sentences (where 2 % exceeds this)
a term in more sentences than this but not more than 2 % keeps only its heaviest postings, so the
scan per sentence is bounded and candidate search stays linear in the documents' length."""
MIN_COSINE = 0.05  # below this, two sentences share next to nothing: never a candidate

ACTOR_WEIGHT = 0.25

_TITLES = ("President", "Prime Minister", "General Secretary", "Secretary", "Minister", "Premier",
           "Chairman", "Chairwoman", "Chancellor", "King", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs",
           "Party chief", "PM", "Ambassador", "Deputy")
_NAME_AFTER_TITLE = store.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in _TITLES) + r") +((?:[A-Z][\w’'-]* +){0,3}[A-Z][\w’'-]*)"
)
def _title_terms() -> frozenset[str]:
    """Words that name an office, not what is agreed: the head word of every title of the lexicon
    ("Federal Chancellor" -> chancellor, "Secretary of State" -> secretary) and a few more."""
    heads = [t.split(" of ")[0].split()[-1] for t in lexicon.section("parties")["titles"]]
    return frozenset(features.terms(" ".join(heads) + " presidents ministers general prime leaders delegation "
                                    "counterpart guest host PMs FM"))


_TITLE_TERMS = _title_terms()

class _Candidate(NamedTuple):
    score: float
    cosine: float
    i: int
    j: int


@dataclass
class Alignment:
    """Vectors and scored candidate pairs of two documents; :meth:`at` decides the pairs."""

    left: Document
    right: Document
    candidates: list[_Candidate]
    left_vectors: list[dict[str, float]]
    right_vectors: list[dict[str, float]]
    idf: features.Idf
    left_pledges: list[str | None] = field(default_factory=list)
    right_pledges: list[str | None] = field(default_factory=list)
    left_actors: list[str | None] = field(default_factory=list)
    right_actors: list[str | None] = field(default_factory=list)
    _details: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple] = field(default_factory=dict, repr=False)
    left_profiles: list[_Profile] = field(default_factory=list, repr=False)
    right_profiles: list[_Profile] = field(default_factory=list, repr=False)

    def swapped(self) -> Alignment:
        """The same pair the other way round, as ``prepare(right, left, context)`` gives it: the IDF,
        vectors, profiles and pledge strengths do not depend on the order, so only the candidate
        search runs again (the app's swap key). The profiles are those :func:`prepare` computed."""
        cands = _candidates(self.right_vectors, self.left_vectors, self.right_profiles, self.left_profiles)
        return Alignment(self.right, self.left, cands, self.right_vectors, self.left_vectors, self.idf,
                         self.right_pledges, self.left_pledges, self.right_actors, self.left_actors,
                         left_profiles=self.right_profiles, right_profiles=self.left_profiles)

    def at(self, threshold: float) -> Comparison:
        """Decide pairs at ``threshold``: close pairs, merges, related pairs, then sentences that
        attach to a row as further counterparts; build the rows."""
        threshold = float(threshold)
        left_of: dict[int, int] = {}  # right index -> left index
        right_of: dict[int, int] = {}
        links: dict[int, list[tuple[int, int, float]]] = {}  # main left index -> links of its row
        for c in self.candidates:  # sorted best first
            if c.score < threshold:
                break
            if c.i in right_of or c.j in left_of:
                continue
            right_of[c.i] = c.j
            left_of[c.j] = c.i
            links[c.i] = [(c.i, c.j, c.score)]
        groups: dict[int, tuple[list[int], list[int]]] = {i: ([i], [j]) for i, j in right_of.items()}
        self._merge(threshold, right_of, left_of, groups, links)
        related = self._related(threshold, groups)
        for c in related:
            groups[c.i] = ([c.i], [c.j])
            links[c.i] = [(c.i, c.j, c.score)]
        self._attach(threshold, groups, links)
        self._identical(groups, links)
        return self._rows(threshold, groups, links, {c.i for c in related})

    def _identical(self, groups: dict[int, tuple[list[int], list[int]]],
                   links: dict[int, list[tuple[int, int, float]]]) -> None:
        """Sentences still alone on both sides with the same text pair as unchanged, whatever their
        score: a line with no content term ("September 7 () -") has no vector, yet a document
        compared with itself must show every sentence as carried over."""
        used_left = {i for ls, _ in groups.values() for i in ls}
        used_right = {j for _, rs in groups.values() for j in rs}
        waiting: dict[str, list[int]] = defaultdict(list)
        for s in self.right.sentences:
            if s.index not in used_right:
                waiting[" ".join(s.text.split())].append(s.index)
        for s in self.left.sentences:
            same = waiting.get(" ".join(s.text.split())) if s.index not in used_left else None
            if same:
                j = same.pop(0)
                groups[s.index] = ([s.index], [j])
                links[s.index] = [(s.index, j, 1.0)]

    def _attach(self, threshold: float, groups: dict[int, tuple[list[int], list[int]]],
                links: dict[int, list[tuple[int, int, float]]]) -> None:
        """A sentence still alone whose best partner overall is in a row, scoring at least the related
        floor, joins that row as a further counterpart: a list of sectors in one report answered by
        one sentence per sector in the other. It links to that partner only (no chains)."""
        floor = threshold * ATTACH_RATIO
        row_of_left = {i: main for main, (ls, _) in groups.items() for i in ls}
        row_of_right = {j: main for main, (_, rs) in groups.items() for j in rs}
        best_left: dict[int, _Candidate] = {}
        best_right: dict[int, _Candidate] = {}
        for c in self.candidates:  # best first
            if c.score < floor:
                break
            best_left.setdefault(c.i, c)
            best_right.setdefault(c.j, c)
        for i, c in sorted(best_left.items()):
            if i not in row_of_left and c.j in row_of_right:
                main = row_of_right[c.j]
                groups[main][0].append(i)
                links[main].append((i, c.j, c.score))
        for j, c in sorted(best_right.items()):
            if j not in row_of_right and c.i in row_of_left:
                main = row_of_left[c.i]
                groups[main][1].append(j)
                links[main].append((c.i, j, c.score))

    def _related(self, threshold: float, groups: dict[int, tuple[list[int], list[int]]]) -> list[_Candidate]:
        """Related pairs among the sentences the close pass left alone: mutual best partners
        scoring at least the related floor (:func:`~tui.analysis.diffmodel.related_floor`; rounds
        repeat while new mutual pairs appear, so a sentence whose best partner was taken can still
        find its own)."""
        floor = related_floor(threshold)
        used_left = {i for ls, _ in groups.values() for i in ls}
        used_right = {j for _, rs in groups.values() for j in rs}
        pool = [c for c in self.candidates if floor <= c.score < threshold
                and c.i not in used_left and c.j not in used_right]
        taken: list[_Candidate] = []
        while pool:
            best_of_left: dict[int, _Candidate] = {}
            best_of_right: dict[int, _Candidate] = {}
            for c in pool:  # best first: the first seen is the best
                best_of_left.setdefault(c.i, c)
                best_of_right.setdefault(c.j, c)
            mutual = [c for c in best_of_left.values() if best_of_right[c.j] is c]
            if not mutual:
                break
            taken.extend(mutual)
            done_left = {c.i for c in mutual}
            done_right = {c.j for c in mutual}
            pool = [c for c in pool if c.i not in done_left and c.j not in done_right]
        return taken

    def _merge(self, threshold: float, right_of: dict[int, int], left_of: dict[int, int],
               groups: dict[int, tuple[list[int], list[int]]], links: dict[int, list[tuple[int, int, float]]]) -> None:
        """Attach unpaired sentences to a paired partner that holds most of their content."""
        floor = threshold * MERGE_FLOOR
        best_left: dict[int, _Candidate] = {}
        best_right: dict[int, _Candidate] = {}
        for c in self.candidates:
            if c.score < floor:
                break
            if c.i not in right_of and c.j in left_of and c.i not in best_left:
                best_left[c.i] = c
            if c.j not in left_of and c.i in right_of and c.j not in best_right:
                best_right[c.j] = c
        for i, c in sorted(best_left.items()):
            if _coverage(self.left_vectors[i], self.right_vectors[c.j], self.idf) >= MERGE_COVERAGE:
                groups[left_of[c.j]][0].append(i)
                links[left_of[c.j]].append((i, c.j, c.score))
        for j, c in sorted(best_right.items()):
            if _coverage(self.right_vectors[j], self.left_vectors[c.i], self.idf) >= MERGE_COVERAGE:
                groups[c.i][1].append(j)
                links[c.i].append((c.i, j, c.score))

    def _rows(self, threshold: float, groups: dict[int, tuple[list[int], list[int]]],
              links: dict[int, list[tuple[int, int, float]]], related: set[int]) -> Comparison:
        left_s, right_s = self.left.sentences, self.right.sentences
        moved = _off_order(sorted((i, js[0]) for i, (_, js) in groups.items()))
        used_left = {i for ls, _ in groups.values() for i in ls}
        used_right = {j for _, rs in groups.values() for j in rs}
        keyed: list[tuple[tuple[int, int, int], Row]] = []
        anchor_rows: list[tuple[int, int]] = []  # (left index, row position key) of paired rows
        for main, (ls, rs) in groups.items():
            lsent = tuple(left_s[i] for i in sorted(ls))  # reading order, merged sentences too
            rsent = tuple(right_s[j] for j in sorted(rs))
            key = min(rs)
            for i in ls:
                anchor_rows.append((i, key))
            row = self._pair_row(lsent, rsent, links[main], main in moved, main in related)
            keyed.append(((key, 0, 0), row))
        for j, s in enumerate(right_s):
            if j not in used_right:
                row = Row(ADDED, (), (s,), None, False, None, (Change("insert", "", s.text),), (),
                          theme=theme_of(self.right_vectors[j]), right_pledge=self._pledge("right", j),
                          right_actor=self._actor("right", j))
                keyed.append(((j, 0, 0), row))
        anchor_rows.sort()
        anchor_left = [a for a, _ in anchor_rows]
        for i, s in enumerate(left_s):
            if i in used_left:
                continue
            pos = bisect.bisect_left(anchor_left, i) - 1
            key = anchor_rows[pos][1] if pos >= 0 else -1
            row = Row(REMOVED, (s,), (), None, False, None, (Change("delete", s.text, ""),), (),
                      theme=theme_of(self.left_vectors[i]), left_pledge=self._pledge("left", i),
                      left_actor=self._actor("left", i))
            keyed.append(((key, 1, i), row))
        keyed.sort(key=lambda kr: kr[0])
        return Comparison(self.left, self.right, tuple(r for _, r in keyed), threshold)

    def _strongest(self, side: str, sentences: tuple[Sentence, ...]) -> tuple[str | None, str | None]:
        """The strongest pledge among a row's sentences on one side (a merged sentence's pledge counts)
        and who commits in it."""
        found = [s.index for s in sentences if self._pledge(side, s.index)]
        if not found:
            return None, None
        best = max(found, key=lambda i: RANK.get(self._pledge(side, i) or "", 0))
        return self._pledge(side, best), self._actor(side, best)

    def _pledge(self, side: str, index: int) -> str | None:
        found = self.left_pledges if side == "left" else self.right_pledges
        return found[index] if index < len(found) else None

    def _actor(self, side: str, index: int) -> str | None:
        found = self.left_actors if side == "left" else self.right_actors
        return found[index] if index < len(found) else None

    def _pair_row(self, lsent: tuple[Sentence, ...], rsent: tuple[Sentence, ...],
                  links: list[tuple[int, int, float]], moved: bool, related: bool) -> Row:
        key = (tuple(s.index for s in lsent), tuple(s.index for s in rsent))
        cached = self._details.get(key)
        if cached is None:  # the same pair at another threshold: reuse its diff and evidence
            ltext = " ".join(s.text for s in lsent)
            rtext = " ".join(s.text for s in rsent)
            lvec = _combined([self.left_vectors[s.index] for s in lsent])
            rvec = _combined([self.right_vectors[s.index] for s in rsent])
            (lp, la), (rp, ra) = self._strongest("left", lsent), self._strongest("right", rsent)
            cached = (
                _cased_words(ltext) == _cased_words(rtext),
                diff_words(ltext, rtext),
                compare_strength(lp, rp),
                features.readable(features.shared_terms(lvec, rvec), ltext + " " + rtext),
                theme_of(_combined([lvec, rvec])),
                lp,
                rp,
                la,
                ra,
            )
            self._details[key] = cached
        same, changes, strength, evidence, theme, lp, rp, la, ra = cached
        return Row(
            status=UNCHANGED if same else REWORDED,
            left=lsent,
            right=rsent,
            similarity=round(1.0 if same else links[0][2], 4),
            moved=moved,
            strength=strength,
            changes=changes,
            evidence=evidence,
            tier=RELATED if related and not same else CLOSE,
            theme=theme,
            left_pledge=lp,
            right_pledge=rp,
            left_actor=la,
            right_actor=ra,
            links=tuple((i, j, round(1.0 if same else sc, 4)) for i, j, sc in sorted(links)),
            main=(links[0][0], links[0][1]),
        )


_WORD = store.compile(r"[^\W_]+")


_DOTTED = store.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _cased_words(text: str) -> list[str]:
    """The words of ``text`` as written, a dotted abbreviation as one ("U.S." = "US"), diacritics
    folded: rows whose words are equal are "unchanged" (punctuation and quote marks aside)."""
    if not text.isascii():
        text = fold(text)  # "Việt Nam" and "Viet Nam" are the same words
    return _WORD.findall(_DOTTED.sub(lambda m: m.group().replace(".", ""), text))


def _combined(vecs: list[dict[str, float]]) -> dict[str, float]:
    if len(vecs) == 1:
        return vecs[0]
    out: dict[str, float] = defaultdict(float)
    for vec in vecs:
        for t, v in vec.items():
            out[t] += v
    return dict(out)


def _coverage(part: dict[str, float], whole: dict[str, float], idf: features.Idf) -> float:
    """Share of ``part``'s IDF mass whose terms occur in ``whole``."""
    total = sum(idf(t) for t in part)
    if not total:
        return 0.0
    return sum(idf(t) for t in part if t in whole) / total


def _off_order(pairs: list[tuple[int, int]]) -> set[int]:
    """Left indices of ``pairs`` (sorted by left) off a longest increasing run of right indices.

    Among runs of the same length the one whose pairs are displaced least is
    kept (displacement: how far a pair's rank among the pairs differs between
    the two documents), so the sentence that really travelled is the one
    marked moved, not the neighbour it jumped over. A Fenwick tree over right
    ranks keeps this O(n log n).
    """
    n = len(pairs)
    if not n:
        return set()
    right_rank = {j: r for r, j in enumerate(sorted(j for _, j in pairs))}
    tree: list[tuple[int, int, int]] = [(0, 0, -1)] * (n + 1)  # (length, -displacement, position)
    back = [-1] * n
    best: tuple[int, int, int] = (0, 0, -1)
    for k, (_, j) in enumerate(pairs):
        rank = right_rank[j]
        # best run ending at a smaller right rank
        prev, q = (0, 0, -1), rank
        while q > 0:
            if tree[q] > prev:
                prev = tree[q]
            q -= q & -q
        here = (prev[0] + 1, prev[1] - abs(k - rank), k)
        back[k] = prev[2]
        if here > best:
            best = here
        q = rank + 1
        while q <= n:
            if here > tree[q]:
                tree[q] = here
            q += q & -q
    keep = set()
    k = best[2]
    while k >= 0:
        keep.add(k)
        k = back[k]
    return {pairs[k][0] for k in range(n) if k not in keep}


class _Profile(NamedTuple):
    """What the gates need of one sentence, computed once."""

    numbers: frozenset[str]
    negated: bool
    plain: frozenset[str]  # specific content terms: not anchors, actors, nor in most sentences
    anchors: frozenset[str]
    content: frozenset[str]  # every term but who speaks and when (actors, months, weekdays, numbers)


_CALENDAR_TERMS = frozenset(
    features.terms("January February March April May June July August September October November December "
                   "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
                   "Saturday Sunday")
)
"""Months and weekdays: a shared date says when, not what, so it is no shared content."""


def _profile(text: str, vec: dict[str, float], actors: frozenset[str], idf: features.Idf) -> _Profile:
    rec = features.record(text)
    content = frozenset(t for t in vec.keys() - actors - _CALENDAR_TERMS if not t.isdigit())
    plain = frozenset(t for t in content - rec.anchors if idf(t) >= COMMON_IDF)
    return _Profile(rec.numbers, rec.negated, plain, frozenset(vec.keys() & rec.anchors), content)


def _gate(left: _Profile, right: _Profile, cos: float) -> float:
    """The gated score of a candidate pair (see the module docstring); 0 when the two share no
    content at all, only who speaks or when."""
    if not left.content & right.content:
        return 0.0
    score = cos
    if left.negated != right.negated:
        score *= NEGATION_PENALTY
    if left.numbers and right.numbers and not left.numbers & right.numbers:
        score *= NUMBER_PENALTY
    shared = len(left.plain & right.plain)
    if shared < 2 and not (shared and left.anchors & right.anchors):
        score *= THIN_PENALTY
    return score


def actor_terms(docs: Sequence[Document]) -> frozenset[str]:
    """Terms naming who speaks: titles, the names that follow a title in ``docs``, the people the
    documents tie to a party, and the parties themselves (named in nearly every sentence, they say
    who acts, not what is agreed)."""
    from tui.analysis import parties

    found = set(_TITLE_TERMS)
    for doc in docs:
        for match in _NAME_AFTER_TITLE.finditer(doc.body):
            found.update(features.terms(match.group(1)))
        who = parties.of_document(doc)
        for name in (*who.parties, *who.people):
            found.update(features.terms(name))
    return frozenset(found)


def _reweigh(vec: dict[str, float], actors: frozenset[str]) -> dict[str, float]:
    """``vec`` with actor terms at :data:`ACTOR_WEIGHT`, normalised again."""
    if not vec or not actors.intersection(vec):
        return vec
    out = {t: v * ACTOR_WEIGHT if t in actors else v for t, v in vec.items()}
    norm = sum(v * v for v in out.values()) ** 0.5
    return {t: v / norm for t, v in out.items()} if norm else out


def _candidates(left_vecs: list[dict[str, float]], right_vecs: list[dict[str, float]],
                left: Sequence[_Profile], right: Sequence[_Profile]) -> list[_Candidate]:
    """Scored candidate pairs, best first, found through an inverted index on rare terms.

    Terms that occur in more than :data:`INDEX_CAP` and more than 2 % of the right sentences are
    left out of the index (they cannot make a pair alone); see :data:`INDEX_CAP`. The index gives
    each left sentence a partial dot product with every right sentence that
    shares an indexed term; when no term was left out that is the exact
    cosine, otherwise the :data:`CANDIDATES_PER_SENTENCE` best get the
    frequent terms' share added. Pairs whose cosine is below
    :data:`MIN_COSINE` are dropped.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vec in enumerate(right_vecs):
        for t, w in vec.items():
            postings[t].append((j, w))
    share = len(right_vecs) // 50
    cap = INDEX_CAP
    if share > cap:
        # Long documents: a term in more than the capped number of sentences but not more than 2 %
        # keeps only its ``cap`` heaviest postings in the index (a bounded scan per left sentence,
        # so the search stays linear); the best few candidates then get their exact cosine.
        truncated = {t for t, plist in postings.items() if cap < len(plist) <= share}
        for t in truncated:
            postings[t] = sorted(postings[t], key=lambda jv: (-jv[1], jv[0]))[:cap]
    else:
        truncated = set()
    out: list[_Candidate] = []
    for i, lvec in enumerate(left_vecs):
        acc: dict[int, float] = defaultdict(float)
        common: list[tuple[str, float]] = []  # frequent terms, left out of the index
        partial = False
        for t, w in lvec.items():
            plist = postings.get(t)
            if plist is None:
                continue
            if t in truncated:
                partial = True
            elif len(plist) > cap:
                common.append((t, w))
                continue
            for j, v in plist:
                acc[j] += w * v
        if partial:  # some postings were cut: the best few by their partial score, exactly scored
            best = heapq.nlargest(CANDIDATES_PER_SENTENCE, acc.items(), key=lambda kv: kv[1])
            scored = [(j, features.cosine(lvec, right_vecs[j])) for j, _ in best]
        elif common:  # complete the dot product of the best few with the frequent terms
            best = heapq.nlargest(CANDIDATES_PER_SENTENCE, acc.items(), key=lambda kv: kv[1])
            scored = [(j, part + sum((w * right_vecs[j][t] for t, w in common if t in right_vecs[j]), 0.0))
                      for j, part in best]
        else:
            scored = list(acc.items())
        for j, cos in scored:
            if cos >= MIN_COSINE:
                score = round(_gate(left[i], right[j], cos), 6)
                if score > 0.0:
                    out.append(_Candidate(score, cos, i, j))
    out.sort(key=lambda c: (-c.score, c.i, c.j))
    return out


def prepare(left: Document, right: Document, context: Sequence[Document] = ()) -> Alignment:
    """Vectors and scored candidates for ``left`` vs ``right`` (IDF from both plus ``context``)."""
    seen = {left.id, right.id}
    texts = [s.text for s in left.sentences] + [s.text for s in right.sentences]
    for doc in context:
        if doc.id not in seen:
            seen.add(doc.id)
            texts.extend(s.text for s in doc.sentences)
    idf = features.learn_idf(texts)
    actors = actor_terms([left, right])
    lvecs = [_reweigh(features.vector(s.text, idf), actors) for s in left.sentences]
    rvecs = [_reweigh(features.vector(s.text, idf), actors) for s in right.sentences]
    lprof = [_profile(s.text, v, actors, idf) for s, v in zip(left.sentences, lvecs, strict=True)]
    rprof = [_profile(s.text, v, actors, idf) for s, v in zip(right.sentences, rvecs, strict=True)]
    cands = _candidates(lvecs, rvecs, lprof, rprof)
    (lstrength, lactor), (rstrength, ractor) = _pledges(left), _pledges(right)
    return Alignment(left, right, cands, lvecs, rvecs, idf, lstrength, rstrength, lactor, ractor,
                     left_profiles=lprof, right_profiles=rprof)


def _pledges(doc: Document) -> tuple[list[str | None], list[str | None]]:
    """Per sentence of ``doc``: the strength of its first pledge and who commits in it, as
    :func:`tui.analysis.detection.detect` finds them for the pledge groups (detected once)."""
    strengths: list[str | None] = [None] * len(doc.sentences)
    actors: list[str | None] = [None] * len(doc.sentences)
    for pledge in reversed(detect(doc)):  # reversed: the first pledge of a sentence is written last
        strengths[pledge.index] = pledge.strength
        actors[pledge.index] = pledge.actor
    return strengths, actors



def compare(left: Document, right: Document, threshold: float | None = None,
            context: Sequence[Document] = ()) -> Comparison:
    """Align ``left`` with ``right`` at ``threshold`` (default :data:`DEFAULT_THRESHOLD`)."""
    return prepare(left, right, context).at(DEFAULT_THRESHOLD if threshold is None else threshold)
