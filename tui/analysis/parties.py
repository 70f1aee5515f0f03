"""Who a statement is between, and who commits in a clause: for statements between any countries.

Three services, none of which names a country or a person in code:

* :func:`find_parties` / :func:`of_document`: the countries a statement is between, from the
  front matter's ``parties`` key when given, else the two most mentioned countries of the title and
  body (title mentions and mentions as a subject weigh more; third countries named in passing lose);
* :func:`actor`: the party that commits in a clause, ``"both"``, a third country's name (so the
  caller can reject it), or ``""`` when the text does not say;
* :func:`instruments`: named treaties, declarations, initiatives, projects, companies and acronyms
  found by capitalisation and head nouns, as normalised anchor terms.

Country names, folding and mentions are :mod:`tui.vocabulary.countries`.

Everything else that must be a list (titles, "both" expressions, prepositions, abbreviations such
as "US" or "PRC", seats of government such as the Kremlin, instrument head nouns) is in
``lexicon.toml``. People are learnt per document from title patterns: "<Demonym> <Title> <Name>",
"<Title> <Name> of <Country>", "<Country>'s <Title> <Name>", "<Title> of ... <Country> <Name>".

Matching runs on diacritic-folded text (:func:`~tui.vocabulary.countries.fold_map`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from tui.infra import store
from tui.vocabulary import lexicon
from tui.vocabulary.countries import (
    TOKEN,
    Mention,
    canonical,
    fold_map,
    fold_text,
    folded_mentions,
    to_folded,
)

BOTH = "both"
"""The actor of a clause that both (all) parties commit to."""


# ---------------------------------------------------------------------------------------------
# Lexicon patterns (compiled once, lazily)
# ---------------------------------------------------------------------------------------------


def _spaced(text: str) -> str:
    """``text`` with each run of whitespace one space: the key a name found by an :func:`_alternation`
    pattern (``\\s+`` between its words, so "Olaf\\nScholz" across a line break) has in its index."""
    return " ".join(text.split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _Patterns(NamedTuple):
    title: re.Pattern[str]
    title_then_name: re.Pattern[str]
    both: re.Pattern[str]
    pronoun: re.Pattern[str]
    it: re.Pattern[str]
    counterpart: re.Pattern[str]
    prep_before: re.Pattern[str]
    party_noun_after: re.Pattern[str]
    institution_of: re.Pattern[str]
    name_stop: frozenset[str]


_NAME = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?"
_PARTICLE = r"(?:bin|bint|ibn|al|el|da|de|do|dos|das|di|du|van|von|der|den|ter|ten|la|le|del|della|degli)"
"""Lowercase parts of a name between capitalised ones: "Mohammed bin Salman", "Lula da Silva", "von der Leyen",
"Juan Ramon de la Fuente" (and before them: "Foreign Secretary de la Fuente")."""


@cache
def _patterns() -> _Patterns:
    lex = lexicon.section("parties")
    titles = _alternation(lex["titles"])
    title = store.compile(rf"(?<![\w-])(?:{titles})(?![\w-])")
    title_then_name = store.compile(rf"(?<![\w-])(?:{titles})\s+((?:{_PARTICLE}\s+){{0,2}}"
                                    rf"(?:{_NAME}\s+(?:{_PARTICLE}\s+){{0,2}}){{0,3}}{_NAME})"
                                    r"(?![\w-])")
    both = store.compile(rf"(?<![\w-])(?:{_alternation(lex['both'])})(?![\w-])", re.I)
    pronoun = store.compile(rf"(?<![\w-])(?:{_alternation(lex['pronouns'] + lex['title_pronouns'])})(?![\w-])", re.I)
    it = store.compile(rf"(?<![\w-])(?:{_alternation(lex['country_pronouns'])})(?![\w-])", re.I)
    counterpart = store.compile(r"(?<![\w-])and\s+(?:his|her|their|its)\s+(?:[A-Z][\w-]*\s+)?counterparts?(?![\w-])")
    prep_before = store.compile(rf"(?<![\w-])(?:{_alternation(lex['prepositions'])})\s+(?:the\s+)?$", re.I)
    nouns = _alternation(lex["party_nouns"] + ["counterpart", "counterparts"])
    party_noun_after = store.compile(rf"^(?:'s)?\s+(?:(?:{nouns})(?![\w-])|(?:{titles})(?![\w-])|[A-Z])")
    institution_of = store.compile(rf"(?<![\w-])(?:{_alternation(lex['institutions'])})(?:\s+(?:of|for|and|[A-Z][\w'-]*))*"
                                   r"\s+of\s+(?:the\s+)?$"
                                   rf"|(?<![\w-])(?i:{_alternation(lex['envoys'])})\s+(?:of|from)\s+(?:the\s+)?$")
    stop = {w for t in lex["titles"] for w in TOKEN.findall(t)}
    stop |= set(lexicon.section("instruments")["not_names"])
    return _Patterns(title, title_then_name, both, pronoun, it, counterpart, prep_before, party_noun_after,
                     institution_of, frozenset(stop))


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_TIE_BEFORE = store.compile(r"^(?:'s)?[^\S\n]+(?:the[^\S\n]+)?(?:(?:[A-Z][a-z]+|of|the)[^\S\n]+){0,2}$")
"""The gap between a country and a title that ties the person to it, on one line ("Russian President
X"; not a headline ending in "Indonesia" over a body opening "Prime Minister X")."""


def _clean_name(name: str, folded_mentions_at: set[int], start: int) -> str:
    """The name without leading/trailing words that are titles, countries or stop words."""
    stop = _patterns().name_stop
    words = name.split()
    kept: list[str] = []
    pos = start
    for w in words:
        at = name.find(w, pos - start) + start
        pos = at + len(w)
        if w in stop or at in folded_mentions_at:
            if kept:
                break
            continue
        kept.append(w)
    return " ".join(kept)


def _learn_folded(folded: str, found: list[Mention]) -> dict[str, str]:
    """Full names of people tied to a country by a title pattern in ``folded`` text."""
    pats = _patterns()
    starts = {m.start for m in found}
    by_start = {m.start: m for m in found}
    ends = [m.end for m in found]
    start_list = [m.start for m in found]
    # Mentions come in text order without overlaps, so both lists are sorted and a window of them is
    # found by bisection (linear in the document, not mentions x titles); any other order is scanned.
    ordered = all(a < b for a, b in zip(ends, ends[1:], strict=False)) and all(
        a < b for a, b in zip(start_list, start_list[1:], strict=False))
    people: dict[str, str] = {}
    for tm in pats.title_then_name.finditer(folded):
        name = _clean_name(tm.group(1), starts, tm.start(1))
        if not name:
            continue
        party = ""
        # "<Demonym|Country>('s) (the)? <Title> <Name>"
        if ordered:
            k = bisect_right(ends, tm.start()) - 1
            last = found[k] if k >= 0 and found[k].end >= tm.start() - 60 else None
        else:
            prior = [m for m in found if m.end <= tm.start() and m.end >= tm.start() - 60]
            last = prior[-1] if prior else None
        if last is not None and _TIE_BEFORE.match(folded[last.end:tm.start()]):
            party = last.country
        # "<Title> <Name> of (the)? <Country>"
        if not party:
            tail = folded[tm.end(): tm.end() + 80]
            am = re.match(r"\s+of\s+(?:the\s+)?", tail)
            if am is not None and tm.end() + am.end() in by_start:
                party = by_start[tm.end() + am.end()].country
        people.setdefault(name, party)
        if party and not people[name]:
            people[name] = party
    # "<Title> of (the)? ... <Country> <Name>" ("General Secretary of the Communist Party of X To Lam")
    for t in pats.title.finditer(folded):
        rest = folded[t.end(): t.end() + 90]
        om = re.match(r"\s+of\s+(?:the\s+)?", rest)
        if om is None:
            continue
        for idx in range(bisect_right(start_list, t.end()) if ordered else 0, len(found)):
            m = found[idx]
            if ordered and m.start > t.end() + 70:
                break  # no later mention is in the window either
            if t.end() < m.start <= t.end() + 70 and m.kind in ("name", "demonym"):
                between = folded[t.end():m.start]
                if re.search(r"[,.;:()]", between):
                    break
                # (matched in place: a slice of the rest of the text per mention would be quadratic)
                nm = store.compile(rf"\s+((?:{_NAME}\s+){{0,3}}{_NAME})(?![\w-])").match(folded, m.end)
                if nm is None:
                    continue
                name = _clean_name(nm.group(1), starts, nm.start(1))
                if name:
                    people[name] = m.country
                break
    # "<Name>, <title> of ... <Country> ..., said" ("Xi Jinping, general secretary of the CPC Central
    # Committee and Chinese president, ..."): an apposition that opens with a title
    for am in _appositive().finditer(folded):
        name = _clean_name(am.group("name"), starts, am.start("name"))
        if not name or name in people and people[name]:
            continue
        a, b = am.start("rest"), am.end("rest")
        k = bisect_left(start_list, a) if ordered else 0
        inside = [m for m in found[k:] if a <= m.start and m.end <= b] if ordered else \
            [m for m in found if a <= m.start and m.end <= b]
        if inside and inside[0].kind in ("name", "demonym"):
            people[name] = inside[0].country
    # "<Demonym> counterpart <Name>"
    for m in found:
        cm = re.match(rf"\s+counterparts?,?\s+((?:{_NAME}\s+){{0,3}}{_NAME})(?![\w-])", folded[m.end:m.end + 80])
        if m.kind == "demonym" and cm:
            name = _clean_name(cm.group(1), starts, m.end + cm.start(1))
            if name:
                people[name] = m.country
    return people


@cache
def _appositive() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted({t.lower() for t in lexicon.section("parties")["titles"]
                                                  if t[-1].isalpha()}, key=lambda t: (-len(t), t)))
    return store.compile(rf"(?<![\w-])(?P<name>(?:{_NAME}\s+){{1,3}}{_NAME}),\s+(?P<rest>(?:the\s+)?"
                         rf"(?i:{titles})(?![\w-])[^,;:.\n]{{0,110}}?)(?=,|\s+(?:said|says|holds|held|met)\b)")


@cache
def _other_tails() -> tuple[re.Pattern[str], ...]:
    titles = _patterns().title.pattern
    return (store.compile(rf"(?:'s)?(?:\s+(?:[a-z]+|on\s+[A-Z][a-z]+day)){{1,6}}?\s+(\w+)\s+(?:counterparts?|{titles})(?![\w-])"),
            store.compile(r"(?:'s)?\s+(?:[a-z]+\s+){0,3}visit\s+to\s+(?:the\s+)?(\w+(?:\s\w+)?)"))


def _other_side(folded: str, people: dict[str, str], parties: Sequence[str]) -> dict[str, str]:
    """Titled people of no stated country, given the other of two ``parties`` when the text says so:
    "<Name> told his visiting <Demonym> counterpart", "<Name> met with <Demonym> <Title> ...",
    "<Name>'s official visit to <Country>"."""
    if len(parties) != 2:
        return {k: v for k, v in people.items() if v}
    out = dict(people)
    untied = [k for k, v in people.items() if not v]
    if not untied:
        return {k: v for k, v in out.items() if v}
    tails = _other_tails()
    # One pass finds every place where some untied name's form starts (overlapping); each name then
    # visits only the places that begin with one of its own forms' first words, resuming after its
    # previous occurrence as its own ``finditer`` would. Linear where a scan per name was quadratic.
    own: dict[str, re.Pattern[str]] = {}
    by_first: dict[str, list[str]] = {}
    every: set[str] = set()
    for name in untied:
        forms = sorted({name, name.split()[-1]}, key=lambda w: (-len(w), w))
        own[name] = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in forms)})(?![\w-])")
        every.update(forms)
        for first in dict.fromkeys(f.split()[0] for f in forms):
            by_first.setdefault(first, []).append(name)
    places = re.compile(rf"(?<![\w-])(?=(?:{'|'.join(re.escape(w) for w in sorted(every, key=lambda w: (-len(w), w)))})"
                        rf"(?![\w-]))")
    resume = dict.fromkeys(untied, 0)
    for place in places.finditer(folded):
        p = place.start()
        token = _NAME_TOKEN.match(folded, p)
        word = token.group() if token else ""
        firsts = [word] + [word[:i] for i, ch in enumerate(word) if ch == "'"]  # "O" of "O'Brien" too
        for name in dict.fromkeys(n for f in firsts for n in by_first.get(f, ())):
            if resume[name] > p:
                continue
            occurrence = own[name].match(folded, p)
            if occurrence is None:
                continue
            resume[name] = occurrence.end()
            m = next((t.match(folded, occurrence.end()) for t in tails if t.match(folded, occurrence.end())), None)
            if m is None:
                continue
            other = canonical(m.group(1).split()[0]) or canonical(m.group(1))
            if other in parties:
                out[name] = parties[1] if other == parties[0] else parties[0]
                resume[name] = len(folded) + 1  # tied: its later occurrences are not looked at
    return _paired_ties(folded, out, parties)


_MET = store.compile(r"(?:'s)?,?\s+(?:(?P<and>and)|with|met(?:\s+with)?|received|welcomed|hosted|told|"
                     r"(?:(?:held|holds?|having)\s+)?talks\s+with|(?:a\s+)?meeting\s+with)\s+(?:(?:his|her|the|visiting)\s+)?")
"""Between two people of the two sides: "<A> held talks with <B>", "<A> and <title> <B>" (weaker:
two of one side are listed so too)."""
_ASKS = store.compile(r"(?:\s+also)?\s+(?:requested|urged|asked|invited|called\s+on|called\s+upon)\s+(?:the\s+)?")
"""After a person who asks the other side ("<A> requested China to ...")."""
_CAPITALISED = store.compile(r"[A-Z][\w'-]*\s+")


PAIRING_VOTES = {"talks": 2, "asks": 2, "and": 1}
"""What one pairing of an untied person with the other side weighs, by its kind."""


def _paired_ties(folded: str, people: dict[str, str], parties: Sequence[str]) -> dict[str, str]:
    """Untied people given the other of two ``parties`` when the text pairs them with a tied person
    ("Chinh held talks with Xi", "Modi and Russian President Vladimir Putin") or has them ask a
    party ("Chinh requested China to"). Each pairing votes (:data:`PAIRING_VOTES`: talks and
    requests count twice, a bare "and" once, as two of one side are listed so too); a person takes
    the side with more votes, none on a tie."""
    tied = {k: v for k, v in people.items() if v}
    if len(parties) != 2 or not tied:
        return tied
    tied_index = _build_name_index(tied)
    untied_forms: dict[str, str] = {}
    for name, party in people.items():
        if not party and name not in tied_index:
            for form in (name, name.split()[-1]):
                if form not in tied_index:
                    untied_forms.setdefault(form, name)
    if not untied_forms:
        return tied
    untied_rx = _compile_names(tuple(sorted(untied_forms)))
    tied_rx = _compile_names(tuple(sorted(tied_index)))
    assert untied_rx is not None and tied_rx is not None

    def other(party: str) -> str:
        return parties[1] if party == parties[0] else parties[0]

    def partner_after(end: int, rx: re.Pattern[str]) -> tuple[re.Match[str] | None, int]:
        """A name of ``rx`` after a pairing gap at ``end``, past up to four capitalised words
        (titles, demonyms: "and Russian President Vladimir Putin"), and the weight of the gap."""
        gap = _MET.match(folded, end)
        pos = gap.end() if gap else -1
        for _ in range(5 if gap else 0):
            found = rx.match(folded, pos)
            if found is not None:
                return found, PAIRING_VOTES["and" if gap and gap.group("and") else "talks"]
            word = _CAPITALISED.match(folded, pos)
            if word is None:
                break
            pos = word.end()
        return None, 0

    votes: dict[str, Counter[str]] = {}
    for m in untied_rx.finditer(folded):
        name = untied_forms[_spaced(m.group())]
        partner, weight = partner_after(m.end(), tied_rx)
        if partner is not None and tied_index[_spaced(partner.group())] in parties:
            votes.setdefault(name, Counter())[other(tied_index[_spaced(partner.group())])] += weight
        ask = _ASKS.match(folded, m.end())
        if ask is not None:
            asked = folded_mentions(folded[ask.end(): ask.end() + 40])
            if asked and asked[0].start == 0 and asked[0].kind in ("name", "demonym") and asked[0].country in parties:
                votes.setdefault(name, Counter())[other(asked[0].country)] += PAIRING_VOTES["asks"]
    for m in tied_rx.finditer(folded):
        partner, weight = partner_after(m.end(), untied_rx)
        if partner is not None and tied_index[_spaced(m.group())] in parties:
            votes.setdefault(untied_forms[_spaced(partner.group())], Counter())[other(tied_index[_spaced(m.group())])] += weight
    out = dict(tied)
    for name, sides in votes.items():
        (best, top), *rest = sides.most_common(2) + [("", 0)]
        if top > rest[0][1]:
            out[name] = best
    return out


_NAME_TOKEN = store.compile(r"[\w'-]+")


def learn_people(text: str) -> dict[str, str]:
    """People named in ``text`` with a title that ties them to a country: full name (folded) ->
    country ("Russian President Vladimir Putin" -> ``{"Vladimir Putin": "Russia"}``)."""
    folded = fold_text(text)
    return {k: v for k, v in _learn_folded(folded, folded_mentions(folded)).items() if v}


class _Recent:
    """The last ``size`` answers of a function of one argument that is kept by identity (held here, so
    its identity cannot be reused while it is remembered); a mapping's length is checked too, so one
    that grew is asked again."""

    def __init__(self, compute: Any, size: int) -> None:
        import threading

        self._compute = compute
        self._size = size
        self._kept: dict[int, tuple[Any, int, Any]] = {}
        self._lock = threading.Lock()  # the app's workers (alignment, pledges) may ask at once

    def __call__(self, arg: Any) -> Any:
        length = len(arg) if isinstance(arg, Mapping) else -1
        with self._lock:
            kept = self._kept.get(id(arg))
        if kept is not None and kept[0] is arg and kept[1] == length:
            return kept[2]
        value = self._compute(arg)
        with self._lock:
            self._kept.pop(id(arg), None)
            self._kept[id(arg)] = (arg, length, value)
            while len(self._kept) > self._size:
                del self._kept[next(iter(self._kept))]  # the oldest goes
        return value


def _name_index(people: Mapping[str, str]) -> dict[str, str]:
    """Full names and their single words (when unambiguous and not a function word) -> country.

    A document's ``people`` are asked for clause after clause: the last few indexes are kept
    (:class:`_Recent`), which keeps the per-clause cost flat as a document names more people."""
    return _recent_name_index(people)


def _build_name_index(people: Mapping[str, str]) -> dict[str, str]:
    from tui.analysis.features import STOPWORDS

    index: dict[str, str] = {}
    clash: set[str] = set()
    for full, party in people.items():
        index[full] = party
    for full, party in people.items():
        words = full.split()
        if len(words) < 2:
            continue
        for w in words:
            if w.lower() in STOPWORDS or len(w) < 2 or w in people:
                continue
            if w in index and index[w] != party:
                clash.add(w)
            index.setdefault(w, party)
    for w in clash:
        index.pop(w, None)
    return index


def _name_regex(names: Mapping[str, str]) -> re.Pattern[str] | None:
    """One pattern for every name of an index from :func:`_name_index` (kept like the index)."""
    return _recent_name_regex(names)


@cache
def _compile_names(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])")  # a document's own: not stored


_recent_name_index = _Recent(_build_name_index, 8)
_recent_name_regex = _Recent(lambda names: _compile_names(tuple(sorted(names))), 8)


# ---------------------------------------------------------------------------------------------
# Parties of a document
# ---------------------------------------------------------------------------------------------

_SUBJECT_AFTER = store.compile(
    r"^(?:'s)?(?:\s+(?:[A-Z][\w-]*|of|the))*\s+(?:and|will|would|shall|can|must|may|has|have|had|is|are|was|were|"
    r"[a-z]+ed|[a-z]+s)(?![\w-])"
)
TITLE_WEIGHT = 3.0
PAIR_WEIGHT = 3.0
"""Two countries joined by a dash ("Vietnam-Japan relations", "the India–Russia Summit") name the pair."""
_PAIR_GAP = store.compile(r"\s?[-–—]\s?")
SUBJECT_WEIGHT = 2.0
PLACE_WEIGHT = 0.5


_TOPIC_BEFORE = store.compile(r"(?<![\w-])(?:in|on|including|regarding|about|concerning|over)\s+(?:the\s+)?"
                              r"(?:(?:situation|crisis|conflict|war|issue|question)\s+(?:in|of)\s+(?:the\s+)?)?$",
                              re.I)
"""A country as a topic or a place ("the situation in Afghanistan", "talks on Ukraine")."""


def _weights(folded: str, found: list[Mention], base: float) -> Counter[str]:
    pats = _patterns()
    score: Counter[str] = Counter()
    paired = set()
    for a, b in zip(found, found[1:], strict=False):
        if a.country != b.country and _PAIR_GAP.fullmatch(folded[a.end:b.start]):
            paired.update((a.start, b.start))  # "the India-Russia Summit": the pair is named
    for m in found:
        w = base
        before = folded[max(0, m.start - 40):m.start]
        if m.start in paired:
            w *= PAIR_WEIGHT
        elif m.kind == "capital" and pats.prep_before.search(before):
            w *= PLACE_WEIGHT  # "in Hanoi": a place
        elif _TOPIC_BEFORE.search(before) and not pats.party_noun_after.match(folded[m.end:m.end + 40]):
            w *= PLACE_WEIGHT  # "including the Afghanistan situation", "talks on Ukraine": a topic
        elif _SUBJECT_AFTER.match(folded[m.end:m.end + 80]):
            w *= SUBJECT_WEIGHT
        score[m.country] += w
    return score


def _people_in(folded: str, people: Mapping[str, str], base: float) -> Counter[str]:
    """Each mention of a person tied to a country, weighed as a mention of the country: a title
    that names its leaders ("Modi, Putin discuss ...") names their countries."""
    score: Counter[str] = Counter()
    names = _name_index({k: v for k, v in people.items() if v})
    rx = _name_regex(names)
    if rx is not None:
        for m in rx.finditer(folded):
            score[names[_spaced(m.group())]] += base
    return score


def find_parties(title: str, body: str, declared: Sequence[str] = (), limit: int = 2) -> tuple[str, ...]:
    """The countries a statement is between, most mentioned first.

    ``declared`` (front matter) wins when given. Otherwise countries are weighed by mentions in
    the title (x3) and body, a mention as a subject counting double and a capital used as a place
    half; the ``limit`` heaviest are the parties, plus any further country that the title names
    and that weighs at least three quarters of the last one (a trilateral summit).
    """
    if declared:
        out = [canonical(d) or d for d in declared]
        return tuple(dict.fromkeys(out))
    ftitle, fbody = fold_text(title), fold_text(body)
    return _rank(ftitle, folded_mentions(ftitle), fbody, folded_mentions(fbody), limit)


def _rank(ftitle: str, tfound: list[Mention], fbody: str, bfound: list[Mention], limit: int,
          people: Mapping[str, str] | None = None) -> tuple[str, ...]:
    tscore = _weights(ftitle, tfound, TITLE_WEIGHT)
    if people:
        tscore += _people_in(ftitle, people, TITLE_WEIGHT)
    score = tscore + _weights(fbody, bfound, 1.0)
    ranked = sorted(score, key=lambda c: (-score[c], c))
    out = ranked[:limit]
    if len(ranked) > limit:
        floor = score[ranked[limit - 1]] * 0.75
        out += [c for c in ranked[limit:] if c in tscore and score[c] >= floor]
    return tuple(out)


@dataclass(frozen=True)
class DocumentParties:
    """The parties of one document and the people its titles tie to them."""

    parties: tuple[str, ...]
    people: Mapping[str, str] = field(default_factory=dict)

    def actor(self, clause: str, cue_start: int, context: Sequence[str] = ()) -> str:
        """:func:`actor` with this document's parties and people."""
        return actor(clause, cue_start, self.parties, context, self.people)


def of_text(title: str, body: str, declared: Sequence[str] = ()) -> DocumentParties:
    """Parties and people of a statement given as title and body."""
    ftitle, fbody = fold_text(title), fold_text(body)
    tfound, bfound = folded_mentions(ftitle), folded_mentions(fbody)
    folded = ftitle + "\n" + fbody
    shift = len(ftitle) + 1
    found = tfound + [Mention(m.start + shift, m.end + shift, m.country, m.kind) for m in bfound]
    learnt = _learn_folded(folded, found)
    parties = find_parties(title, body, declared) if declared else _rank(ftitle, tfound, fbody, bfound, 2, learnt)
    return DocumentParties(parties, _other_side(folded, learnt, parties))


def of_document(doc: Any) -> DocumentParties:
    """Parties and people of a :class:`~tui.documents.document.Document` (front matter ``parties``
    when given). The last 64 documents' answers are kept (:class:`_Recent`): alignment and detection
    both ask for the same two documents."""
    return _recent_documents(doc)


def same_parties(a: Any, b: Any) -> bool:
    """True unless two documents are between different countries (when either's two parties are
    unknown, nothing says they differ)."""
    pa, pb = of_document(a).parties, of_document(b).parties
    return len(pa) < 2 or len(pb) < 2 or set(pa) == set(pb)


def parties_note(a: Any, b: Any) -> str:
    """A header note when two documents are between different countries, else ``""``."""
    if same_parties(a, b):
        return ""
    pa, pb = of_document(a).parties, of_document(b).parties
    return f"{a.id} is between {' and '.join(pa)}, {b.id} between {' and '.join(pb)}"


def _of_document(doc: Any) -> DocumentParties:
    declared = tuple(getattr(doc.meta, "parties", ()) or ())
    return of_text(doc.title, doc.body, declared)


_recent_documents = _Recent(_of_document, 64)


# ---------------------------------------------------------------------------------------------
# Actor of a clause
# ---------------------------------------------------------------------------------------------


@dataclass
class _Ref:
    start: int
    end: int
    kind: str   # country | person | both | pronoun | it | counterpart | unknown
    value: str = ""


_JOIN = store.compile(r"^(?:'s)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|[-–—]\s*|together\s+with\s+|along\s+with\s+)"
                   r"(?:(?:his|her|their|its|the)\s+)?$")
_AND = store.compile(r"^(?:'s)?\s*(?:,?\s*(?:and|&|or)\s+(?:the\s+)?|\s*[-–—]\s*)$|^ $")
"""Between two objects of one preposition: "between X and Y", "of the X-Y", "of X Y partnership"."""
_PLACE_LIST = store.compile(r"(?<![\w-])(?:in|at|from|across)\s+(?:[A-Z][\w'’-]*(?:\s+and\s+[A-Z][\w'’-]*)?"
                            r"(?:,\s+|\s+))+and\s+$")
"""Before the last place of a list that follows a preposition ("in A, B and ")."""
_SAME_NP = store.compile(r"^(?:'s)?(?:\s+(?:of|the|[A-Z][A-Za-z'-]*))*\s*$")


def _refs(folded: str, names: Mapping[str, str], found: list[Mention] | None = None) -> list[_Ref]:
    pats = _patterns()
    found = folded_mentions(folded) if found is None else found
    refs: list[_Ref] = []
    taken = _Spans()
    free = taken.free

    def preposed(at: int) -> bool:
        before = folded[max(0, at - 40):at]
        return bool(pats.prep_before.search(before)) and not re.search(r"(?:together|along)\s+with\s+(?:the\s+)?$",
                                                                       before, re.I)

    rx = _name_regex(names)
    if rx is not None:
        for m in rx.finditer(folded):
            if preposed(m.start()) and not re.search(r"\bof\s+$", folded[max(0, m.start() - 5):m.start()]):
                taken.add(m.start(), m.end())
                continue
            refs.append(_Ref(m.start(), m.end(), "person", names[_spaced(m.group())]))
            taken.add(m.start(), m.end())
    skipped_end = -1
    for m in found:
        if not free(m.start, m.end):
            continue
        if skipped_end >= 0 and _AND.match(folded[skipped_end:m.start]):
            skipped_end = m.end  # "between X and Y", "of X and Y", "of the X-Y relationship": both objects
            continue
        after = folded[m.end:m.end + 40]
        if not _names_a_party(folded, m):
            continue  # "Vietnamese students": not a party
        if m.kind in ("capital", "seat") and re.match(r"^\s*\(|^,\s*[A-Z][a-z]+\.?\s+\d", after):
            continue  # a dateline
        if m.kind == "capital" and _PLACE_LIST.search(folded, max(0, m.start - 80), m.start):
            continue  # "the attacks in Jammu and Kashmir, Dagestan and Moscow": the last of a list of places
        if preposed(m.start):
            # "the President of X": a person of X; "cooperation with X": an object
            head = folded[max(0, m.start - 60):m.start]
            office = re.search(rf"(?:{pats.title.pattern})\s+of\s+(?:the\s+)?$", head) or \
                pats.institution_of.search(head)
            if office:  # the ref spans the office, so "the Ministry of X and the Department of Y" joins
                refs.append(_Ref(m.start - len(head) + office.start(), m.end, "person", m.country))
                taken.add(m.start - len(head) + office.start(), m.end)
            else:
                skipped_end = m.end
            continue
        refs.append(_Ref(m.start, m.end, "country", m.country))
    for kind, rx2 in (("both", pats.both), ("pronoun", pats.pronoun), ("it", pats.it)):
        for m in rx2.finditer(folded):
            if free(m.start(), m.end()):
                refs.append(_Ref(m.start(), m.end(), kind))
                taken.add(m.start(), m.end())
    refs.sort(key=lambda r: (r.start, r.end))  # stable: equal spans keep their order of finding
    counterparts = list(pats.counterpart.finditer(folded))
    if counterparts:
        starts = [r.start for r in refs]
        gone: set[int] = set()
        added: list[_Ref] = []
        for m in counterparts:  # "X and his Y counterpart": the refs inside give way to one
            lo, hi = bisect_left(starts, m.start()), bisect_left(starts, m.end())
            inner = [k for k in range(lo, hi) if k not in gone]
            gone.update(inner)
            first = min(inner, key=lambda k: (_FOUND_ORDER.get(refs[k].kind, 2), refs[k].start), default=None)
            added.append(_Ref(m.start() + 4, m.end(), "counterpart", refs[first].value if first is not None else ""))
        refs = sorted([r for k, r in enumerate(refs) if k not in gone] + added, key=lambda r: (r.start, r.end))
    starts = [r.start for r in refs]
    unknown: list[_Ref] = []
    for m in pats.title_then_name.finditer(folded):
        name = m.group(1)
        a, b = m.start(1), m.end(1)
        inside = any(refs[k].end <= b for k in range(bisect_left(starts, a), bisect_left(starts, b)))
        if free(a, b) and not inside and name.split()[0] not in pats.name_stop:
            unknown.append(_Ref(m.start(), b, "unknown"))  # a person of no known country
    if unknown:
        refs = sorted(refs + unknown, key=lambda r: (r.start, r.end))
    return refs


_FOUND_ORDER = {"person": 0, "country": 1}
"""The order refs are found in (people, then countries, then the rest): inside a counterpart phrase
the first found names it ("and his Russian counterpart" -> Russia)."""


class _Spans:
    """Spans of text already taken by a reference, asked whether a new span overlaps any: a sorted
    list searched by bisection (linear in the refs of a sentence, where a scan of all was quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, a: int, b: int) -> None:
        k = bisect_right(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)
        self.longest = max(self.longest, b - a)

    def free(self, a: int, b: int) -> bool:
        """True when ``[a, b)`` overlaps no taken span."""
        k = bisect_left(self.starts, b) - 1
        while k >= 0 and self.starts[k] > a - self.longest - 1:
            if self.ends[k] > a and self.starts[k] < b:
                return False
            k -= 1
        return True


def _last_person(folded: str, names: Mapping[str, str], end: int | None = None) -> str | None:
    """Whom "he" at ``end`` means: the last person named before it, but the sentence's subject when
    "he" follows a verb joined to it ("X welcomed Y and stated that he would like ...": X)."""
    text = folded if end is None else folded[:end]
    people = [r for r in _refs(text, names) if r.kind == "person"]
    if len(people) > 1 and _AND_SAID_BEFORE.search(text):
        return people[0].value
    return people[-1].value if people else None


_AND_SAID_BEFORE = store.compile(r"(?<![\w-])and\s+(?:\w+\s+)?(?:said|stated|added|noted|stressed|affirmed|told\s+\w+)"
                                 r"\s+(?:that\s+)?$")


_SAID = store.compile(r"(?<![\w-])(?:said|says|told|stressed|noted|added|emphasi[sz]ed|underlined|stated|declared)(?![\w-])")


def _context_person(folded: str, names: Mapping[str, str]) -> str | None:
    """Whom "he" or "the president" in the next sentence means: the speaker of a sentence that says
    who said it ("…, said Chancellor X at his meeting with President Y": X), else the last person it
    names ("X met Y. He …": Y)."""
    people = [r for r in _refs(folded, names) if r.kind == "person"]
    if not people:
        return None
    for said in _SAID.finditer(folded):
        before = [r for r in people if 0 <= said.start() - r.end <= 2]  # "X said"
        after = [r for r in people if 0 <= r.start - said.end() <= 40  # "said (Federal Chancellor) X"
                 and all(w[:1].isupper() for w in folded[said.end():r.start].split())]
        if before or after:
            return (before or after)[0].value
    return people[-1].value


def _country_refs(folded: str, names: Mapping[str, str]) -> list[_Ref]:
    return [r for r in _refs(folded, names) if r.kind in ("country", "person")]


def _last_country(folded: str, names: Mapping[str, str], end: int | None = None) -> str | None:
    refs = _country_refs(folded if end is None else folded[:end], names)
    return refs[-1].value if refs else None


def _subject_country(folded: str, names: Mapping[str, str]) -> str | None:
    """The country a sentence opens with as its subject ("China supports Saudi Arabia's plans" ->
    China: what a following "It is ready to ..." refers to), else the last one it names."""
    refs = _country_refs(folded, names)
    if refs and _SUBJECT_OPENING.match(folded[: refs[0].start]):
        return refs[0].value
    return refs[-1].value if refs else None


_SUBJECT_OPENING = store.compile(r"^\W*(?:the\s+)?$", re.I)


_AND_UNTIED_NAME = store.compile(r"\s+and\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+"
                                 r"(?:\s+(?:[a-z]+ly|also|then|on\s+[A-Z][a-z]+day|today))*\s*$")
"""After a person, "and" and a capitalised name that is no reference at all, right before the cue."""


def _and_bare_title(before: str, end: int) -> bool:
    """True when what follows ``end`` up to the cue is "and (the) <title>", with no name after it."""
    tail = _AND_THE.match(before, end)
    if tail is None:
        return False
    title = _patterns().title.match(before, tail.end())
    return bool(title) and not before[title.end():].strip(" ,")


_AND_THE = store.compile(r"\s+and\s+(?:the\s+)?")


def actor(clause: str, cue_start: int, parties: Sequence[str] = (), context: Sequence[str] = (),
          people: Mapping[str, str] | None = None) -> str:
    """Who commits in ``clause``, whose deciding cue starts at ``cue_start``.

    The last party-naming expression before the cue decides: a country, a demonym with a party
    noun or title ("the Japanese side", "Chinese Premier Li Qiang"), a person tied to a country
    (``people``, else learnt from ``context`` and the clause), a capital or seat of government used
    for its government; two parties joined ("X and Y", "X and his Y counterpart") or a "both"
    expression give ``"both"``; "he" or "the president" is the last person named before it, in the
    clause or in ``context`` (the sentences before, oldest first; not the clause's own sentence).

    Returns one of ``parties``, ``"both"``, a third country's canonical name (not one of
    ``parties``: the caller may reject it), or ``""`` when no subject is found. With no
    ``parties`` every country counts as a party.
    """
    folded, where = fold_map(clause)
    cut = to_folded(where, max(0, min(cue_start, len(clause))))
    before = folded[:cut]
    if people is None:
        people = learn_people("\n".join([*context, clause]))
    names = _name_index(people)
    refs = _refs(before, names)
    if not refs:
        return ""
    chain = [refs[-1]]
    i = len(refs) - 2
    while i >= 0:
        gap = before[refs[i].end:chain[0].start]
        two_countries = refs[i].kind == chain[0].kind == "country" and refs[i].value != chain[0].value
        if _SAME_NP.match(gap) and not two_countries and refs[i].kind in ("country", "person", "unknown") and \
                chain[0].kind in ("country", "person", "unknown"):
            # one noun phrase: "Russian President Vladimir Putin"; a person's party beats a demonym
            pair = (chain[0], refs[i])
            merged = next((r for r in pair if r.kind == "person"), None) or next(
                (r for r in pair if r.kind == "country"), chain[0])
            value = merged.value or next((r.value for r in pair if r.value), "")
            chain[0] = _Ref(refs[i].start, chain[0].end, "person" if value and merged.kind == "unknown"
                            else merged.kind, value)
        elif _JOIN.match(gap) or (two_countries and gap == " ") or (chain[0].kind == "counterpart" and not gap.strip()) or _JOIN.match(
                _patterns().title.sub("", gap).replace("  ", " ")):  # "X and Prime Minister Y"
            chain.insert(0, refs[i])
        else:
            break
        i -= 1
    values: list[str] = []
    other = counterpart = False
    if chain[-1].kind == "person" and _AND_UNTIED_NAME.match(before, chain[-1].end):
        other = True  # "Biden and Xi agreed", Xi tied to no country in this document: most likely the other side
    elif chain[-1].kind in ("person", "country") and _and_bare_title(before, chain[-1].end):
        other = True  # "the Taoiseach and Prime Minister agreed": a title of no country, the other side
    for ref in chain:
        if ref.kind == "both":
            values.append(BOTH)
        elif ref.kind in ("country", "person"):
            values.append(ref.value)
        elif ref.kind == "counterpart":
            if ref.value:
                values.append(ref.value)  # "X and his Y counterpart": Y (a third country is kept)
            other = counterpart = True
        elif ref.kind in ("pronoun", "it"):
            find = _last_person if ref.kind == "pronoun" else _last_country
            found = find(before, names, ref.start)
            for sentence in reversed(context):
                if found is not None:
                    break
                found = _subject_country(fold_text(sentence), names) if ref.kind == "it" else _context_person(
                    fold_text(sentence), names)
            if len(chain) > 1 and ref.kind == "pronoun" and (
                    not found or any(r is not ref and r.value == found for r in chain)):
                other = True  # "The Prime Minister and Prime Minister Kishida": not Kishida twice
            else:
                values.append(found or "")
        elif len(chain) > 1:
            other = True  # "X and President Y": Y of no known country, most likely the other side
    known = [v for v in values if v]
    if not known:
        return BOTH if counterpart else ""
    if parties:
        third = [v for v in known if v != BOTH and v not in parties]
        if third:
            return third[-1]
    distinct = set(known) - {BOTH}
    if BOTH in known or len(distinct) >= 2 or (other and distinct):
        return BOTH
    return known[-1]


def addressed(text: str, parties: Sequence[str] = ()) -> str:
    """The party ``text`` names as a party (a country, its capital, or a demonym with a party noun or
    title: "Russia", "the Australian government"; not "Chinese enterprises"), or ``""``."""
    folded = fold_text(text)
    for m in folded_mentions(folded):
        if _names_a_party(folded, m) and (not parties or m.country in parties):
            return m.country
    return ""


def _names_a_party(folded: str, m: Mention) -> bool:
    """False for a demonym that names no party ("Vietnamese students"): it needs a party noun or a
    title after it ("the Japanese side", "Chinese Premier")."""
    return m.kind != "demonym" or bool(_patterns().party_noun_after.match(folded[m.end:m.end + 40]))


def named_after(clause: str, offset: int, parties: Sequence[str] = ()) -> str:
    """The first country named in ``clause`` from ``offset`` on ("affirmed Viet Nam's support" ->
    the party "Vietnam"), for a caller whose :func:`actor` found no subject; ``""`` if none."""
    folded, where = fold_map(clause)
    start = to_folded(where, max(0, min(offset, len(clause))))
    for m in folded_mentions(folded[start:]):
        if not parties or m.country in parties:
            return m.country
    return ""


# ---------------------------------------------------------------------------------------------
# Instruments
# ---------------------------------------------------------------------------------------------


class _InstrumentPatterns(NamedTuple):
    phrase: re.Pattern[str]
    lower_head: re.Pattern[str]
    acronym: re.Pattern[str]
    single: re.Pattern[str]
    heads: frozenset[str]
    not_names: frozenset[str]


@cache
def _instrument_patterns() -> _InstrumentPatterns:
    lex = lexicon.section("instruments")
    cap = r"(?:[A-Z][A-Za-z0-9'-]*|\d{1,4})"
    conn = _alternation(c for c in lex["connectors"] if c != "and") + r"|and(?!\s+the\s)"  # "X and the Y": two
    phrase = store.compile(rf"(?<![\w-]){cap}(?:\s+(?:(?:{conn})\s+)*{cap})*")
    lower_head = store.compile(rf"^(?:\s+\d+)?(?:\s+[a-z]+){{0,2}}?\s+(?:{_alternation(lex['lower_heads'])})(?![\w-])")
    acronym = store.compile(r"(?<![\w.-])[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)?(?![\w-])")
    single = store.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][A-Za-z]+|(?<![\w-])[A-Z][a-z]{5,}(?![\w-])")
    return _InstrumentPatterns(phrase, lower_head, acronym, single, frozenset(lex["heads"]),
                               frozenset(lex["not_names"]))


def _normal(text: str) -> str:
    words = text.lower().split()
    while words and (words[0] in ("the", "a", "an") or words[0].isdigit()):
        words.pop(0)
    while words and words[-1] in ("of", "on", "the", "and", "for", "in", "to"):
        words.pop()
    return " ".join(words)


def instruments(text: str, people: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Named instruments in ``text`` as normalised terms (lowercase, folded, no leading "the" or
    year), in order of appearance, without repeats.

    Found by pattern: a capitalised phrase with a head noun of the lexicon ("the 1982 UN
    Convention on the Law of the Sea" -> "un convention on the law of the sea", "Belt and Road
    Initiative"); a capitalised name before a lowercase project noun ("the Dung Quat refinery");
    acronyms ("EAEU"); single capitalised words mid-sentence that are not countries, people
    (``people``), titles or function words, such as company names ("Vietsovpetro").
    """
    pats = _instrument_patterns()
    folded = fold_text(text)
    found = folded_mentions(folded)
    country_spans = [(m.start, m.end) for m in found]
    names = set(_name_index(people or learn_people(text)))
    out: list[str] = []
    used: list[tuple[int, int]] = []

    def add(term: str, a: int, b: int) -> None:
        term = _normal(term)
        if term and term not in out:
            out.append(term)
        used.append((a, b))

    def is_country(a: int, b: int) -> bool:
        return any(x <= a and b <= y for x, y in country_spans)

    for m in pats.phrase.finditer(folded):
        words = m.group().split()
        caps = [w for w in words if w[0].isupper()]
        if any(w.rstrip("s") in pats.heads or w in pats.heads for w in caps) and len(caps) >= 2:
            # trim leading words that are not part of a name ("Vietnam's" stays out via connectors)
            start = m.start()
            while words and (words[0] in pats.not_names and words[0] not in pats.heads):
                start = folded.index(words[0], start) + len(words[0])
                words.pop(0)
            if len(words) >= 2:
                add(" ".join(words), m.start(), m.end())
                tail = folded[m.end():m.end() + 12]
                am = re.match(r"\s*\(([A-Z][A-Z0-9-]{1,9})\)", tail)
                if am:
                    add(am.group(1), m.end(), m.end() + am.end())
                continue
        lh = pats.lower_head.match(folded[m.end():m.end() + 60])
        if lh and caps and not all(w in pats.not_names for w in caps):
            add(m.group() + lh.group(), m.start(), m.end() + lh.end())
    for m in pats.acronym.finditer(folded):
        a, b = m.start(), m.end()
        if any(x <= a and b <= y for x, y in used) or is_country(a, b) or m.group() in pats.not_names:
            continue
        if m.group().isalpha() and len(m.group()) > 6:
            continue  # a word in capitals (a headline), not an acronym
        if re.fullmatch(r"[IVXLC]+", m.group()):
            continue  # a Roman numeral
        add(m.group(), a, b)
    for m in pats.single.finditer(folded):
        a, b = m.start(), m.end()
        word = m.group()
        if any(x <= a and b <= y for x, y in used) or is_country(a, b) or word in pats.not_names:
            continue
        if word in names or any(word in n.split() for n in names):
            continue
        if a == 0 or re.search(r"[.!?:\"]\s*$", folded[:a]) or re.search(r"\n\s*$", folded[:a]):
            continue  # a sentence opener
        nxt = folded[b:b + 30]
        if re.match(r"\s+[A-Z]", nxt) or re.search(r"[A-Z][a-z]*\s+$", folded[max(0, a - 30):a]):
            continue  # part of a longer capitalised name (a person, a place)
        if re.search(rf"(?:{_patterns().title.pattern})\s+$", folded[max(0, a - 40):a]):
            continue  # "President X"
        add(word, a, b)
    return tuple(out)
