"""Sentence features shared by alignment and commitments: words, stems, TF-IDF vectors.

Similarity is TF-IDF cosine over Snowball-stemmed content words (PyStemmer) (the best
measure in the field notes: P@1 1.00 on the same-event pair), with three
adjustments for diplomatic prose:

* spelling variants and common synonyms fold to one term ("defence" /
  "defense", country names and demonyms through the country library);
* boilerplate phrases ("comprehensive strategic partnership", "in accordance
  with international law") are removed before weighting, so they cannot by
  themselves make two sentences look alike;
* anchors -- acronyms, numbers, named instruments -- weigh more.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import Stemmer  # PyStemmer: the Snowball algorithms in C (same stems as snowballstemmer)

from tui.infra import store
from tui.vocabulary import lexicon as _lexicon

_WORD = store.compile(r"\d{1,3}(?:,\d{3})+(?![\w,])|[^\W_]+(?:[’'][^\W_]+)?", re.UNICODE)
"""A word, or a number with thousands separators ("3,000" is one number, not "3" and "000")."""

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why with would
    you your yours yourself yourselves upon via per within across along toward towards among amongst
    said says say stated told noted added highlighted stressed emphasised emphasized underlined
    underscored affirmed reaffirmed mr ms mrs s t he's it's one two three time times ahead
    especially particularly including notably""".split()
)
"""Function words and reporting verbs: they carry no content of a pledge."""

BOILERPLATE: tuple[str, ...] = tuple(_lexicon.section("features")["boilerplate"])
"""Phrases that recur in nearly every statement; they are cut out before weighting (lexicon.toml)."""

VARIANTS: dict[str, str] = dict(_lexicon.section("features")["variants"])
"""Spelling variants and synonyms folded before stemming (lowercase, whole words / phrases; lexicon.toml)."""

_VARIANT_RE = store.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(VARIANTS, key=len, reverse=True)) + r")(?![\w-])"
)
_BOILER_RE = store.compile(
    r"(?<![\w-])(" + "|".join(re.escape(b) for b in sorted(BOILERPLATE, key=len, reverse=True)) + r")(?![\w-])"
)
_ANCHOR = store.compile(r"^(?:\d{2,}|[a-z]*\d+[a-z\d]*)$")

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of a lowercase word."""
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lowercase word tokens of ``text`` (letters and digits, inner apostrophes kept)."""
    return [w.lower().replace("’", "'") if not w[0].isdigit() else w.replace(",", "") for w in _WORD.findall(text)]


def fold_countries(text: str) -> str:
    """``text`` with every country name and demonym written as the country's one canonical word
    ("Viet Nam", "Vietnamese" -> "Vietnam"; "the United States", "American" -> "UnitedStates"), so
    statements between any two countries weigh their parties' names alike."""
    from tui.vocabulary.countries import mentions

    found = [m for m in mentions(text) if m.kind in ("name", "demonym")]
    if not found:
        return text
    out, pos = [], 0
    for m in found:
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        out.append(m.country.replace(" ", ""))
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


_LIST_MARKER = store.compile(r"^\s*\(?\d{1,2}[.)](?:\s*\d{1,2}[.)])*\s+")
"""A list item's number ("2. Both ministers ...", "(3) "): where it stands, not what it says."""


def normalize(text: str) -> str:
    """Lowercase ``text`` with country names, variants and synonyms folded and boilerplate cut out."""
    low = fold_countries(_LIST_MARKER.sub("", text, count=1)).lower().replace("’", "'")
    low = _BOILER_RE.sub(" ", low)
    return _VARIANT_RE.sub(lambda m: VARIANTS[m.group(1)], low)


@lru_cache(maxsize=65536)
def _terms_cached(text: str) -> tuple[str, ...]:
    out = []
    for w in words(normalize(text)):
        if w.endswith("'s"):
            w = w[:-2]
        if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(w if w.isdigit() else stem(w))
    return tuple(out)


def terms(text: str) -> tuple[str, ...]:
    """Content terms of ``text``: folded, boilerplate-free, stop-word-free stems, in order."""
    return _terms_cached(text)


ACRONYM = store.compile(r"(?<![\w-])(?:[A-Z]{2,}[A-Z0-9]*|\d{4})(?![\w-])")
_ANCHOR_TERMS = frozenset(_lexicon.section("features")["anchors"])
"""Instrument names that are anchors in any case (``anchors`` of ``lexicon.toml``)."""


def anchors(text: str) -> frozenset[str]:
    """Named instruments and numbers of ``text`` (acronyms, years, folded instrument names)."""
    return record(text).anchors


# A negated commitment ("agreed not to join", "does not aim at", "will never"), not a negative
# word inside the content ("not using force" is the content of a pledge, on both sides).
_NEGATED = store.compile(
    r"(?<![\w-])(?:(?:not|never)\s+to|(?:will|shall|would|do|does|did|can|could|must|should|may)"
    r"\s+(?:not|never)|no\s+longer|refrain(?:s|ed)?\s+from)(?![\w-])",
    re.I,
)
_NUMBER = store.compile(r"(?<![\w.,])\d[\d.,]*\d|(?<![\w.,])\d(?![\w])")


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """Everything the analysis reads off one sentence's text, computed once and shared by
    alignment and commitments: content terms (stems, in order), their counts, anchors (named
    instruments, acronyms, numbers), the numbers it names and whether it negates its commitment."""

    terms: tuple[str, ...]
    counts: dict[str, int]
    anchors: frozenset[str]
    numbers: frozenset[str]
    negated: bool


@lru_cache(maxsize=131072)
def record(text: str) -> SentenceFeatures:
    """The :class:`SentenceFeatures` of ``text`` (cached by text: the same sentence in another
    comparison, or in the pledge grouping, is not analysed again)."""
    found_terms = terms(text)
    found = {t for token in ACRONYM.findall(text) for t in terms(token)}
    found.update(t for t in found_terms if t in _ANCHOR_TERMS or _ANCHOR.match(t))
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
    return SentenceFeatures(found_terms, dict(Counter(found_terms)), frozenset(found), numbers,
                            bool(_NEGATED.search(text)))


class Idf(NamedTuple):
    """Inverse document frequencies learnt from a collection of sentences."""

    weights: dict[str, float]
    default: float
    count: int

    def __call__(self, term: str) -> float:
        return self.weights.get(term, self.default)


def learn_idf(texts: Iterable[str]) -> Idf:
    """Smoothed IDF over ``texts`` (each a sentence): ``log((1 + n) / (1 + df)) + 1``."""
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update(record(text).counts.keys())
    weights = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    return Idf(weights, math.log(1 + n) + 1.0, n)


ANCHOR_BOOST = 1.5


def vector(text: str, idf: Idf) -> dict[str, float]:
    """L2-normalised TF-IDF vector of ``text`` (anchor terms boosted)."""
    rec = record(text)
    counts = rec.counts
    if not counts:
        return {}
    anchor_terms = rec.anchors
    vec = {}
    for term, tf in counts.items():
        weight = (1.0 + math.log(tf)) * idf(term)
        if term in anchor_terms:
            weight *= ANCHOR_BOOST
        vec[term] = weight
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum((v * b[t] for t, v in a.items() if t in b), 0.0)  # the same sum as over every term


def shared_terms(a: dict[str, float], b: dict[str, float], limit: int = 6) -> tuple[str, ...]:
    """The terms contributing most to the similarity of ``a`` and ``b`` (evidence)."""
    common = sorted(((a[t] * b[t], t) for t in a.keys() & b.keys()), reverse=True)
    return tuple(t for _, t in common[:limit])


def vectors(texts: Sequence[str], idf: Idf) -> list[dict[str, float]]:
    """Vectors of several texts with one IDF."""
    return [vector(t, idf) for t in texts]


def readable(stems: Sequence[str], text: str) -> tuple[str, ...]:
    """``stems`` (analysis terms) as the words of ``text`` they come from ("cooperation", "oil and
    gas" for "cooper", "oilgas"), in the same order; a stem not found in ``text`` stays as it is."""
    wanted = set(stems)
    surface: dict[str, str] = {}
    for word in words(text):
        if len(surface) == len(wanted):
            break
        t = word if word.isdigit() else stem(word[:-2] if word.endswith("'s") else word)
        if t in wanted:
            surface.setdefault(t, word)
    if len(surface) < len(wanted):  # folded variants: "oil and gas" -> oilgas
        low = text.lower()
        for phrase, folded in VARIANTS.items():
            if phrase in low:
                for t in terms(folded):
                    if t in wanted:
                        surface.setdefault(t, phrase)
    if len(surface) < len(wanted):  # folded countries: "British" -> unitedkingdom
        from tui.vocabulary.countries import mentions

        for m in mentions(text):
            if m.kind in ("name", "demonym"):
                for t in terms(m.country.replace(" ", "")):
                    if t in wanted:
                        surface.setdefault(t, text[m.start:m.end])
    out: list[str] = []
    for t in stems:
        word = surface.get(t, t)
        if word not in out:
            out.append(word)
    return tuple(out)
