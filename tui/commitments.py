"""Shared commitments: which sentences commit the parties, and the same pledge across documents.

Detection
    A sentence is split into clauses where a second cue verb opens a new
    clause ("agreed to X; voiced support for Y", "... and requested Russia to
    ..."). Each clause whose deciding cue (:func:`tui.cues.classify`) has a
    party as its subject is a :class:`Pledge` of strength ``pledge`` /
    ``support`` / ``intent``. Descriptions (greetings, history, signing
    ceremonies, reported opinions) carry no cue, or a cue whose subject is not
    a party ("the visit will ..."), and are not pledges. The actor is the
    last party named before the cue: ``both``, ``Vietnam``, ``Russia`` or
    ``unspecified``.

Grouping
    Pledges are TF-IDF vectors over folded, boilerplate-free stems
    (:mod:`tui.features`), with named instruments (UNCLOS, DOC/COC, EAEU,
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

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from tui import features
from tui.cues import RANK, Cue, classify, find_cues
from tui.errors import AccordError
from tui.model import Document

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
MAX_CLAUSE_CHARS = 2000
LABEL_MEMBERS = 12
"""Members (earliest first) whose phrases may make a group's label."""


class UnknownGroup(AccordError):
    """A group id or prefix that matches no group, or more than one."""


@dataclass(frozen=True)
class Pledge:
    """A sentence, or a clause of one, that commits a party."""

    doc_id: str
    index: int
    text: str
    strength: str
    actor: str
    cue: str
    start: int = 0
    """Offset of the clause in the sentence (0 when it is the whole sentence)."""

    @property
    def key(self) -> str:
        return f"{self.doc_id}:{self.index}:{self.start}"


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
        from tui.safety import one_line

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


# --------------------------------------------------------------------------- detection

_BOTH = re.compile(
    r"(?<![\w-])(?:both|the\s+two|two|they|we|the\s+leaders|leaders|the\s+parties|"
    r"(?:viet\s*nam|vietnam)(?:ese)?\s+and\s+russia(?:n)?|russia\s+and\s+(?:viet\s*nam|vietnam)|"
    r"the\s+(?:prime\s+ministers|presidents|ministers)|each\s+other)(?![\w-])",
    re.I,
)
_VIETNAM = re.compile(
    r"(?<![\w-])(?:viet\s*nam(?:'s|’s)?|vietnamese\s+(?:side|government|leaders?|party|state)|"
    r"trong|to\s+lam|lam|chinh|the\s+vietnamese\s+leader)(?![\w-])",
    re.I,
)
_RUSSIA = re.compile(
    r"(?<![\w-])(?:russia(?:'s|’s)?|the\s+russian\s+(?:side|sides|government|leader|federation)|moscow|"
    r"putin|mishustin|lavrov|the\s+kremlin)(?![\w-])",
    re.I,
)
_PRONOUN = re.compile(
    r"(?<![\w-])(?:he|she|it|i|the\s+prime\s+minister|the\s+president|the\s+party\s+chief|"
    r"the\s+general\s+secretary)(?![\w-])",
    re.I,
)
_PARTY_WORD = re.compile(
    r"(?<![\w-])(?:sides?|countries|nations|leaders?|ministers|presidents|parties|they|we|both|"
    r"viet\s*nam|vietnam|russia|trong|lam|chinh|putin|mishustin|he|she|it|i|governments?|"
    r"secretary|minister|president|chief|leader)(?:'s|’s)?(?![\w-])",
    re.I,
)
_MODAL_OR_AIM = re.compile(r"^(?:will|shall|would|aim|aims|aimed|aiming|aim\s+to|aims\s+to|aim\s+at|"
                           r"aims\s+at|aiming\s+to|aiming\s+at|aimed\s+to|aimed\s+at)(?:\s+not)?$", re.I)
_WOULD_PARTY = re.compile(
    r"(?<![\w-])(?:the\s+two\s+(?:sides|countries|nations|leaders)|both\s+(?:sides|countries|nations)|"
    r"they|we|vietnam|viet\s+nam|russia)\s+would(?![\w-])",
    re.I,
)
_CLAUSE_START = re.compile(
    r"(?:;\s*(?:and\s+)?|,\s*(?:and\s+|while\s+|as\s+well\s+as\s+)?|\s+(?:and|while)\s+)", re.I
)
_SUBJECT_PREFIX = re.compile(
    r"^(?:(?:the|both|two|sides?|countries|nations|leaders?|they|we|he|she|it|vietnam|viet|nam|russia|"
    r"also|further|jointly|strongly|fully|highly|firmly|continued?|to|have|has|had|all|each)\s+){0,4}",
    re.I,
)
_DESCRIPTION = re.compile(
    r"(?<![\w-])(?:witness(?:ed|es)?\s+the\s+signing|thank(?:ed|s)?|congratulat(?:ed|es)|"
    r"recall(?:ed|s)?|took\s+place|was\s+held|were\s+held|co-chair(?:ed|ing)?)(?![\w-])",
    re.I,
)


def split_clauses(text: str) -> list[tuple[int, str]]:
    """``(offset, clause)`` pieces of a sentence, split where a new cue verb opens a clause.

    A boundary (``;``, a comma, ``and``, ``while``) splits only when the text
    after it starts, past an optional subject, with a cue, and the text before
    it already has a cue: lists ("trade, investment and energy") stay whole.
    """
    if len(text) > MAX_CLAUSE_CHARS * 4:
        return [(0, text)]
    cues = find_cues(text)
    if len(cues) < 2:
        return [(0, text)]
    cue_at = {c.start: c for c in cues}
    cuts: list[int] = []
    for match in _CLAUSE_START.finditer(text):
        after = match.end()
        prefix = _SUBJECT_PREFIX.match(text, after)
        begin = prefix.end() if prefix else after
        opener = cue_at.get(begin) or cue_at.get(after)
        if opener is None or _MODAL_OR_AIM.match(opener.text):
            continue  # "... and will ensure": the same subject goes on
        joint = match.group().strip(" ,;").lower()
        if joint == "and" and opener.text.lower().endswith("ing"):
            continue  # "called for increasing X and supporting Y": one list of objects
        if not any(c.start < match.start() and c.start >= (cuts[-1][1] if cuts else 0) for c in cues):
            continue
        if len(text[after:].split()) < 3:
            continue
        cuts.append((match.start(), after))
    if not cuts:
        return [(0, text)]
    pieces = []
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(text)]
    for a, b in zip(starts, ends, strict=True):
        raw = text[a:b]
        piece = raw.strip(" ,;")
        if piece:
            pieces.append((a + len(raw) - len(raw.lstrip(" ,;")), piece))
    return pieces


def _parties(text: str) -> list[tuple[int, str]]:
    found = []
    for pattern, who in ((_BOTH, "both"), (_VIETNAM, "Vietnam"), (_RUSSIA, "Russia")):
        for m in pattern.finditer(text):
            found.append((m.end(), who))
    return sorted(found)


def _actor(clause: str, cue: Cue, context: Sequence[str], inherited: str = "") -> str:
    """Who commits: the last party named before the cue (a pronoun or bare title is resolved
    to the last person named in the sentences before), else the previous clause's actor, else
    the first party named after the cue, else ``unspecified``."""
    before = clause[: cue.start]
    found = _parties(before)
    pronoun = [m.end() for m in _PRONOUN.finditer(before)]
    if found and not (pronoun and pronoun[-1] > found[-1][0]):
        return found[-1][1]
    if pronoun:
        for sentence in reversed(context):
            names = [(m.end(), "Vietnam") for m in _VIETNAM_PERSON.finditer(sentence)]
            names += [(m.end(), "Russia") for m in _RUSSIA_PERSON.finditer(sentence)]
            if names:
                return sorted(names)[-1][1]
    if inherited:
        return inherited
    named = [who for _, who in _parties(clause[cue.end:]) if who != "both"]
    if named:
        return named[0]
    return "unspecified"


_VIETNAM_PERSON = re.compile(r"(?<![\w-])(?:trong|to\s+lam|lam|chinh|the\s+vietnamese\s+leader)(?![\w-])", re.I)
_RUSSIA_PERSON = re.compile(r"(?<![\w-])(?:putin|mishustin|lavrov|the\s+russian\s+leader)(?![\w-])", re.I)
_PASSIVE = re.compile(r"(?<![\w-])(?:be|been|being|is|are|was|were)\s+$", re.I)
_BARE_VERB = frozenset({"support", "back", "endorse", "welcome", "embrace", "uphold", "seek", "urge", "request",
                        "propose", "hope", "wish", "desire"})
_ABOUT_EVENT = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:visit|anniversary|talks|meeting|atmosphere|reception)(?![\w-])", re.I
)


def _party_subject(clause: str, cue: Cue) -> bool:
    """True when the few words before a modal or "aim" cue name a party (not "the visit will")."""
    before = clause[: cue.start].rstrip()
    words = re.findall(r"[\w'’-]+", before)[-4:]
    fillers = {"also", "further", "soon", "continue", "jointly", "then", "both", "the", "two", "now", "all"}
    while words and words[-1].lower() in fillers - {"both", "two"}:
        words.pop()
    if not words:
        return False
    return bool(_PARTY_WORD.fullmatch(words[-1])) or words[-1].lower() in {"sides", "both"}


def _decide(clause: str) -> Cue | None:
    cue = classify(clause)
    while cue is not None and _PASSIVE.search(clause[: cue.start]) and re.match(r"(?:resolve|decide)", cue.text, re.I):
        rest = clause[cue.end:]
        nxt = classify(rest)  # "disputes should be resolved": passive, not a pledge
        cue = Cue(nxt.strength, nxt.text, nxt.start + cue.end, nxt.end + cue.end, nxt.negated) if nxt else None
    if cue is not None and _MODAL_OR_AIM.match(cue.text) and not _party_subject(clause, cue):
        later = [c for c in find_cues(clause) if c.start > cue.start and not _MODAL_OR_AIM.match(c.text)]
        cue = classify(clause[later[0].start:]) if later else None
        if cue is not None:
            cue = Cue(cue.strength, cue.text, cue.start + later[0].start, cue.end + later[0].start, cue.negated)
    if cue is None:
        m = _WOULD_PARTY.search(clause)
        if m:
            start = m.end() - len("would")
            cue = Cue("pledge", "would", start, m.end(), False)
    return cue


def detect(doc: Document) -> tuple[Pledge, ...]:
    """The pledges of ``doc`` in reading order (several per sentence when clauses carry several)."""
    out: list[Pledge] = []
    texts = [s.text for s in doc.sentences]
    for s in doc.sentences:
        out.extend(detect_text(s.text, doc.id, s.index, texts[max(0, s.index - 6): s.index + 1]))
    return tuple(out)


def detect_text(text: str, doc_id: str = "", index: int = 0, context: Sequence[str] = ()) -> list[Pledge]:
    """The pledges of one sentence (``context``: it and the sentences before, to resolve "he")."""
    out: list[Pledge] = []
    context = context or (text,)
    if len(text.split()) < 4:
        return out  # headings and captions
    previous: Pledge | None = None
    dropped = False
    for offset, clause in split_clauses(text):
        cue = _decide(clause)
        if cue is None:
            continue
        if dropped and cue.start == 0:
            continue  # a bare clause continuing a description
        if _DESCRIPTION.search(clause[: cue.start]) and (
            cue.text.lower().endswith("ing") or re.search(r"while\s+$", clause[: cue.start], re.I)
        ):
            dropped = True
            continue  # "the talks took place ..., while supporting the principles"
        if _ABOUT_EVENT.match(clause[cue.end:]):
            dropped = True
            continue  # "emphasised the significance of the visit": about the event, not a pledge
        dropped = False
        if len(features.terms(clause)) < 2:
            continue
        strength = cue.strength
        if previous is not None and offset and cue.start == 0 and cue.text.lower() in _BARE_VERB:
            strength = previous.strength  # "aim to overcome X, support Y": Y is under "aim"
        inherited = previous.actor if previous is not None else ""
        actor = _actor(clause, cue, context, inherited)
        previous = Pledge(doc_id, index, clause, strength, actor, cue.text, offset)
        out.append(previous)
    return out


# --------------------------------------------------------------------------- themes

THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("east sea", ("east sea", "unclos", "doc", "coc", "navigation", "overflight", "aviation", "code of conduct",
                  "freedom of navigation", "disputes", "continental shelf")),
    ("nuclear", ("nuclear", "atomic", "rosatom", "nuclearpower", "radiation")),
    ("energy", ("energy", "oilgas", "oil", "gas", "lng", "vietsovpetro", "zarubezhneft", "gazprom", "novatek",
                "renewable", "wind", "crude")),
    ("trade", ("trade", "eaeu", "fta", "export", "exports", "market", "goods", "barriers", "tariff", "rice",
               "agricultural", "pharmaceuticals")),
    ("investment", ("investment", "invest", "businesses", "enterprises", "infrastructure", "financial", "credit",
                    "bank", "currencies", "projects")),
    ("defence", ("defense", "military", "security cooperation", "biosafety", "terrorism", "crime", "crimes",
                 "criminal", "judicial")),
    ("science", ("science", "technology", "innovation", "digital", "research", "information")),
    ("education", ("education", "training", "scholarships", "students", "universities", "language", "languages",
                   "vocational", "human resource")),
    ("people", ("citizen", "peopletopeople", "tourism", "culture", "cultural", "youth", "generations",
                "labor", "sports", "art", "arts", "localities", "local", "friendship")),
    ("transport", ("transport", "transportation", "railway", "rail", "shipbuilding", "flights", "connectivity",
                   "corridors")),
    ("political dialogue", ("political", "dialogue", "trust", "delegations", "exchanges", "party", "parliamentary",
                            "mechanisms", "intergovernmental", "assembly", "duma", "alliance", "third")),
    ("world order", ("multipolar", "order", "sanctions", "multilateral", "un", "asean", "apec", "g20",
                     "ukraine", "architecture", "forums", "international relations", "force", "peaceful",
                     "mekong", "asia-pacific")),
)
"""Theme lexicon: the theme whose words weigh most in a group's centroid names it."""

_THEME_ENTRIES: list[tuple[str, tuple[str, ...]]] = []
for _theme, _words in THEMES:
    for _w in _words:
        _stems = features.terms(_w) or (_w,)
        _THEME_ENTRIES.append((_theme, tuple(dict.fromkeys(_stems))))
_THEME_TERMS: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _theme, _stems in _THEME_ENTRIES:
    _THEME_TERMS.setdefault(_stems[0], []).append((_theme, _stems))
THEME_NAMES = tuple(t for t, _ in THEMES) + ("general",)

_INSTRUMENTS = frozenset(
    t for w in ("doc", "coc", "eaeu", "fta", "nuclear", "atomic", "oilgas", "vietsovpetro",
                "zarubezhneft", "gazprom", "novatek", "rosatom", "lng", "citizen", "asean", "apec", "sanctions",
                "multipolar", "alliance", "biosafety", "scholarships", "rice", "navigation", "overflight")
    for t in features.terms(w)
)


def theme_of(weights: dict[str, float]) -> str:
    """The theme whose lexicon terms carry the most weight in ``weights`` (``general`` if none)."""
    score: Counter[str] = Counter()
    for term in weights:
        for theme, stems in _THEME_TERMS.get(term, ()):
            if all(t in weights for t in stems):  # a phrase entry ("security cooperation") needs every word
                score[theme] += sum(weights[t] for t in stems) / len(stems)
    if not score:
        return "general"
    order = {t: i for i, t in enumerate(THEME_NAMES)}
    return min(score, key=lambda t: (-round(score[t], 9), order[t]))


# --------------------------------------------------------------------------- grouping


_WHO = re.compile(
    r"(?<![\w-])(?:(?:prime\s+minister|president|general\s+secretary|party\s+chief|party\s+general\s+secretary|"
    r"deputy\s+prime\s+minister|foreign\s+minister|minister|chairman|chairwoman|leaders?|the\s+leader)s?"
    r"(?:\s+of\s+the\s+two\s+countries)?|vladimir\s+putin|putin|mikhail\s+mishustin|mishustin|"
    r"(?:nguyen\s+phu\s+)?trong|(?:pham\s+minh\s+)?chinh|to\s+lam|lam|he|she|they|counterpart|guest|"
    r"the\s+(?:russian|vietnamese)\s+side|long-time\s+partners)(?![\w-])",
    re.I,
)
"""Who speaks or commits: not what is pledged, so left out of the vectors."""


_LEGAL_BASIS = re.compile(
    r"(?<![\w-])(?:in\s+accordance\s+with|in\s+line\s+with|in\s+adherence\s+to|in\s+compliance\s+with|"
    r"consistent\s+with|based\s+on|on\s+the\s+basis\s+of)(?![\w-])"
    r"(?=[\s,]+(?:[\w'’-]+[\s,]+){0,6}?(?:laws?|charter|unclos|legislation|regulations|norms)(?![\w-]))[^;]*",
    re.I,
)
"""A legal-basis tail ("in accordance with ... international law, especially UNCLOS"): boilerplate
that pledges on any subject share, so it must not make them look alike."""
_LIGHT_VERBS = re.compile(r"(?<![\w-])(?:make|makes|made|making|take|takes|took|taking)(?![\w-])", re.I)
_NAME_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")
_OIL = re.compile(r"(?<![\w-])oil(?!\s+and\s+gas)(?![\w-])", re.I)


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


def _pledge_vector(text: str, idf: features.Idf) -> dict[str, float]:
    vec = features.vector(content(text), idf)
    if not vec:
        return vec
    boosted = {t: (v * INSTRUMENT_BOOST if t in _INSTRUMENTS else v) for t, v in vec.items()}
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
        for who in ("Vietnam", "Russia"):
            if self.actors[who] > n / 2:
                side = who
        common = max(self.strengths.items(), key=lambda kv: (kv[1], RANK[kv[0]]))[0]
        self._summary = (side, common, self.negated > n / 2)
        return self._summary


def _gate(pledge: Pledge, negated: bool, summary: tuple[str, str, bool]) -> float:
    """Penalty for a pledge joining a cluster: opposite actor, opposite negation, other strength."""
    side, common, mostly_negated = summary
    penalty = 0.0
    if side and pledge.actor in ("Vietnam", "Russia") and pledge.actor != side:
        penalty += ACTOR_PENALTY
    if negated != mostly_negated:
        penalty += NEGATION_PENALTY
    penalty += STRENGTH_PENALTY * abs(RANK[pledge.strength] - RANK[common])
    return penalty


def similarity(a: Pledge, b: Pledge, idf: features.Idf) -> float:
    """Cosine of two pledges' weighted vectors (used to explain groups)."""
    return features.cosine(_pledge_vector(a.text, idf), _pledge_vector(b.text, idf))


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
            vec = _pledge_vector(text, self.idf)
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


def _cluster(pledges_by_doc: Sequence[tuple[Pledge, ...]], idf: features.Idf) -> list[_Cluster]:
    work = _Clusterer(idf)
    for pledges in pledges_by_doc:
        work.assign(pledges)
    for _ in range(REFINE_PASSES):
        for pledges in pledges_by_doc:
            loose = work.take_out(pledges)
            if loose:
                work.assign(loose)
    return [c for c in work.clusters if c.members]


def _keys(vec: dict[str, float]) -> list[str]:
    return [t for _, t in sorted(((-v, t) for t, v in vec.items()))[:KEY_TERMS]]


def _negated(p: Pledge) -> bool:
    return bool(re.search(r"(?<![\w-])not(?![\w-])", p.cue, re.I))


# --------------------------------------------------------------------------- labels and ids

_TOKEN = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*|\d{4}", re.UNICODE)
_LABEL_STOP = features.STOPWORDS | {
    "cooperation", "continue", "promote", "strengthen", "create", "ensure", "effective", "effectively",
    "early", "field", "fields", "area", "areas", "also", "further", "enhance", "boost", "expand", "support",
    "agreed", "agree", "pledged", "supported", "voiced", "hope", "desire", "need", "importance", "including",
    "especially", "particularly", "sides", "side", "countries", "two", "both", "leaders", "nations", "they",
    "favorable", "favourable", "conditions", "implement", "implementation", "facilitate", "vietnam", "russia",
    "viet", "nam", "russian", "vietnamese", "bilateral", "relations", "well", "well-being", "efforts",
    "make", "toward", "towards", "accordance", "line", "basis", "based", "principles", "charter", "law",
    "affirmed", "underlined", "welcomed", "backed", "endorsed", "embraced", "intensify", "cement",
    "consolidate", "foster", "deepen", "will", "would", "shall", "ready", "plan", "aim", "aims", "aimed",
    "international", "regional", "global", "region", "world", "peace", "stability", "development",
}


_LABEL_STOP_STEMS = frozenset(features.stem(w) for w in _LABEL_STOP)


def _stop(word: str) -> bool:
    low = word.lower()
    return low in _LABEL_STOP or features.stem(low) in _LABEL_STOP_STEMS or (len(word) < 3 and not word.isupper())


def _phrases(text: str) -> list[list[str]]:
    """Runs of content words of ``text`` (surface forms), split at stop words and punctuation."""
    runs: list[list[str]] = []
    current: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        gap = text[pos:m.start()]
        pos = m.end()
        word = m.group()
        if word.lower() == "of" and current and current[-1] != "of" and not any(ch in gap for ch in ",;:.()\"“”"):
            current.append("of")  # "freedom of navigation": kept inside a phrase, never at its ends
            continue
        stop = _stop(word)
        if any(ch in gap for ch in ",;:.()\"“”") or stop:
            while current and current[-1] == "of":
                current.pop()
            if current:
                runs.append(current)
            current = []
            if stop:
                continue
        current.append(word)
    while current and current[-1] == "of":
        current.pop()
    if current:
        runs.append(current)
    return runs


def _label(members: Sequence[Pledge], weights: dict[str, float], theme: str) -> tuple[str, tuple[str, ...]]:
    """A readable label from the group's weightiest phrases, and its key terms (stems)."""
    top_terms = [t for _, t in sorted((-v, t) for t, v in weights.items())][:8]
    scored: dict[str, tuple[float, int, str]] = {}
    for order, m in enumerate(members[:LABEL_MEMBERS]):
        for run in _phrases(m.text):
            for size in (4, 3, 2, 1):
                for i in range(0, max(0, len(run) - size) + 1):
                    words_ = run[i:i + size]
                    if len(words_) != size or words_[0] == "of" or words_[-1] == "of":
                        continue
                    if {w.lower() for w in words_} <= set(theme.split()):
                        continue  # the theme is already the label's head
                    stems = [t for w in words_ for t in features.terms(w)]
                    if not stems or len(set(stems)) != len(stems):
                        continue
                    value = sum(weights.get(t, 0.0) for t in stems) / (len(stems) ** 0.5)
                    if any(weights.get(t, 0.0) == 0 for t in stems):
                        continue
                    surface = " ".join(words_)
                    key = " ".join(stems)
                    best = scored.get(key)
                    if best is None or (-value, order) < (-best[0], best[1]):
                        scored[key] = (value, order, surface)
    picked: list[str] = []
    used: set[str] = set()
    for key, (_value, _order, surface) in sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0])):
        stems = set(key.split())
        if stems & used:
            continue
        picked.append(surface if any(c.isupper() for c in surface[1:]) else surface.lower())
        used |= stems
        if len(picked) == 3:
            break
    title = theme.title() if theme == "east sea" else theme.capitalize()
    body = ", ".join(picked) if picked else ", ".join(top_terms[:3])
    return f"{title}: {body}", tuple(top_terms)


def _ids(seeds: Sequence[tuple[str, str]]) -> list[str]:
    """Stable ids: theme slug + hash of the group's first member (extended on a collision)."""
    digests = [hashlib.sha1(f"{theme}|{seed}".encode()).hexdigest() for theme, seed in seeds]
    slugs = [theme.replace(" ", "-") for theme, _ in seeds]
    size = 6
    while True:
        ids = [f"{s}-{d[:size]}" for s, d in zip(slugs, digests, strict=True)]
        if len(set(ids)) == len(ids) or size >= 40:
            return ids
        size += 2


def find_commitments(docs: Sequence[Document]) -> Commitments:
    """Detect the pledges of ``docs`` and group the same pledge across documents."""
    unique = {d.id: d for d in docs}
    ordered = tuple(sorted(unique.values(), key=lambda d: (d.date, d.id)))
    pledges_by_doc = [detect(d) for d in ordered]
    idf = learn(ordered)
    clusters = _cluster(pledges_by_doc, idf)
    order = {d.id: i for i, d in enumerate(ordered)}
    built: list[tuple[str, Group]] = []
    seeds = []
    pending = []
    for c in clusters:
        weights = {t: v / (c.norm or 1.0) for t, v in c.total.items()}
        theme = theme_of(weights)
        members = [m for m, _, _ in c.members.values()]
        members.sort(key=lambda p: (order[p.doc_id], p.index, p.start))
        label, top = _label(members, weights, theme)
        seeds.append((theme, members[0].key))
        pending.append((members, theme, label, top))
    ids = _ids(seeds)
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
    return Commitments(ordered, groups, where)


def _start_in(group: Group, key: tuple[str, int]) -> int:
    return min(m.start for m in group.members if (m.doc_id, m.index) == key)


def explain(commitments: Commitments, group: Group) -> Explanation:
    """Pairwise scores and shared terms of a group's members, and each member's score to the rest."""
    idf = learn(commitments.documents)
    vecs = [_pledge_vector(m.text, idf) for m in group.members]
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
