"""Labels and stable ids of pledge groups, made from the members' own words."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

from tui.analysis import features
from tui.analysis.detection import Pledge
from tui.infra import store

LABEL_MEMBERS = 12
"""Members (earliest first) whose phrases may make a group's label."""



_TOKEN = store.compile(r"[^\W_]+(?:[-’'][^\W_]+)*|\d{4}", re.UNICODE)
_LABEL_STOP = features.STOPWORDS | {
    "cooperation", "continue", "promote", "strengthen", "create", "ensure", "effective", "effectively",
    "early", "field", "fields", "area", "areas", "also", "further", "enhance", "boost", "expand", "support",
    "agreed", "agree", "pledged", "supported", "voiced", "hope", "desire", "need", "importance", "including",
    "especially", "particularly", "sides", "side", "countries", "two", "both", "leaders", "nations", "they",
    "favorable", "favourable", "conditions", "implement", "implementation", "facilitate", "bilateral", "relations", "well", "well-being", "efforts",
    "make", "toward", "towards", "accordance", "line", "basis", "based", "principles", "charter", "law",
    "affirmed", "underlined", "welcomed", "backed", "endorsed", "embraced", "intensify", "cement",
    "consolidate", "foster", "deepen", "will", "would", "shall", "ready", "plan", "aim", "aims", "aimed",
    "international", "regional", "global", "region", "world", "peace", "stability", "development",
}


_LABEL_STOP_STEMS = frozenset(features.stem(w) for w in _LABEL_STOP)


def _stop(word: str, names: frozenset[str] = frozenset()) -> bool:
    """Words a label leaves out: function words, cue and boilerplate words, country names and
    demonyms (the parties are in every pledge; the label says what is pledged), and who speaks:
    the people the documents name (``names``, lowercase) and one-word titles ("Prince", "President")."""
    low = word.lower()
    if low in _LABEL_STOP or features.stem(low) in _LABEL_STOP_STEMS or (len(word) < 3 and not word.isupper()):
        return True
    if _who_word(word, names):
        return True
    return word[:1].isupper() and _country_word(word)


def _who_word(word: str, names: frozenset[str]) -> bool:
    """A capitalised word of a person's name (``names``) or a one-word title ("Prince", "President")."""
    return word[:1].isupper() and (word.lower() in names or word.lower() in _title_words())


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """One-word titles of the lexicon ("President", "Prince", "Chancellor"), lowercase."""
    from tui.vocabulary import lexicon

    return frozenset(t.lower().rstrip(".") for t in lexicon.section("parties")["titles"] if " " not in t)


@lru_cache(maxsize=1)
def _title_parts() -> frozenset[str]:
    """Words of the lexicon's longer titles ("Crown" of "Crown Prince", "Foreign" of "Foreign Minister")."""
    from tui.vocabulary import lexicon

    return frozenset(w.lower() for t in lexicon.section("parties")["titles"] if " " in t for w in t.split())


def _who(toks: list[tuple[str, int, int, bool]], names: frozenset[str]) -> list[bool]:
    """Per token: a word of who speaks, a name or a title, written with a capital ("Crown Prince
    Mohammed bin Salman"); a part of a longer title counts only beside another such word, so
    "Defence cooperation" stays content while "Defence Minister" does not."""
    core = [_who_word(word, names) for word, _, _, _ in toks]
    marks = list(core)
    for k, (word, _, _, _) in enumerate(toks):
        if not marks[k] and word[:1].isupper() and word.lower() in _title_parts():
            marks[k] = (k > 0 and marks[k - 1]) or (
                k + 1 < len(toks) and (core[k + 1] or toks[k + 1][0].lower() in _title_parts()))
    return marks


def name_words(names: Sequence[str]) -> frozenset[str]:
    """The words of people's names, lowercase, whole and split at hyphens ("El-Sisi", "el", "sisi")."""
    out: set[str] = set()
    for name in names:
        for word in name.split():
            low = word.lower()
            out.add(low)
            out.update(p for p in low.split("-") if len(p) > 2)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _country_word(word: str) -> bool:
    from tui.vocabulary.countries import mentions

    return any(m.start == 0 and m.end == len(word) for m in mentions(word))


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


PHRASE_WORDS = 7
"""Longest label phrase, in words (stop words inside it included)."""
_BREAK = store.compile(r"[,;:.()\"“”!?—–]")
_CLAUSE = frozenset({"will", "would", "shall", "that", "which", "who", "whose", "is", "are", "was", "were", "be",
                     "been", "has", "have", "had", "can", "could", "may", "must", "should", "while", "so"})
_END_OK = frozenset({"cooperation", "support", "importance", "conditions", "implementation", "relations", "efforts",
                     "development", "peace", "stability", "region", "world", "law", "charter", "principles",
                     "areas", "fields", "partnership"})
_NO_END = frozenset({"overall", "using", "basic", "reached", "involving", "related", "dated", "based", "like",
                     "such", "mutual", "relevant"})
_NO_START = frozenset({"regarding", "praised", "took", "proposed", "advancing", "called", "urged", "requested",
                       "expressed", "stressed", "emphasized", "emphasised", "noted", "said", "told", "looking",
                       "conducive", "speedily", "soon", "participate"})
_NEGATIONS = frozenset({"not", "never", "no", "nor"})
_INNER_OK = frozenset({"of", "and", "in", "for", "on", "to", "with", "the", "a", "an", "between", "among"})


def _tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """Words of ``text`` as (surface, start, end, breaks_before): a break is punctuation before the word."""
    out = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append((m.group(), m.start(), m.end(), bool(_BREAK.search(text[pos:m.start()]))))
        pos = m.end()
    return out


def _windows(text: str, weights: dict[str, float], theme: set[str],  # type: ignore[no-untyped-def]
             names: frozenset[str] = frozenset()):
    """Contiguous phrases of ``text`` (no punctuation inside, content words at both ends) with their value."""
    toks = _tokens(text)
    stems = [features.terms(w) for w, _, _, _ in toks]
    stops = [_stop(w, names) for w, _, _, _ in toks]
    who = _who(toks, names)
    for i in range(len(toks)):
        if stops[i] or who[i] or not stems[i] or toks[i][0].lower() in _NO_START:
            continue
        # "shall not allow anything to disturb": the phrase keeps its negation, or it says the opposite
        opening = toks[i - 1][1] if i and toks[i - 1][0].lower() in _NEGATIONS and not toks[i][3] else toks[i][1]
        seen: set[str] = set()
        value = 0.0
        for j in range(i, min(len(toks), i + PHRASE_WORDS)):
            if j > i and toks[j][3]:
                break
            word = toks[j][0]
            low = word.lower()
            if who[j]:
                break  # who speaks is not what is pledged: a label never spans a name or title
            if low in _CLAUSE or (stops[j] and low not in _INNER_OK and not stems[j]):
                break  # a clause word ("that", "which", "will"): the phrase ends before it
            for t in stems[j]:
                if t not in seen:
                    seen.add(t)
                    value += weights.get(t, 0.0)
            if (stops[j] and low not in _END_OK) or not stems[j] or low in _NO_END or (i == j and word.isdigit()):
                continue
            size = j - i + 1
            content = [w for w, _, _, _ in toks[i:j + 1] if not _stop(w, names)]
            if all(w.lower() in theme for w in content):
                continue  # the theme alone is already the label's head
            yield value / (1.0 + 0.12 * size), i, opening, toks[j][2]


def _central(members: Sequence[Pledge], weights: dict[str, float]) -> list[tuple[float, int, Pledge]]:
    """Members (at most LABEL_MEMBERS, earliest first) ranked by closeness to the group's centroid."""
    ranked = []
    for order, m in enumerate(members[:LABEL_MEMBERS]):
        stems = set(features.terms(m.text))
        norm = len(stems) ** 0.5 or 1.0
        ranked.append((sum(weights.get(t, 0.0) for t in stems) / norm, order, m))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return ranked


def group_label(members: Sequence[Pledge], weights: dict[str, float], theme: str,
                names: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """A readable label, ``"Theme: phrase"``, and the group's key terms (stems, for explanations).

    The phrase is a contiguous span of one member's own wording (never a stem and never a list of
    keywords from different places): the span of at most :data:`PHRASE_WORDS` words, without
    punctuation inside and with content words at both ends, whose terms weigh most in the group's
    centroid, taken from the member closest to the centroid (the earliest on a tie). Words of
    ``names`` (people, see :func:`name_words`) never make the label.
    """
    top_terms = tuple(t for _, t in sorted((-v, t) for t, v in weights.items())[:8])
    theme_words = set(theme.split())
    best: tuple[float, int, int, str] | None = None
    for rank, (_score, _order, m) in enumerate(_central(members, weights)[:3]):
        for value, _i, a, b in _windows(m.text, weights, theme_words, names):
            value *= 1.0 - 0.08 * rank  # prefer the most central member's wording
            if best is None or value > best[0] + 1e-9:
                best = (value, rank, a, m.text[a:b])
    title = theme.capitalize()
    if best is None:
        phrase = _fallback(members, names)
    else:
        phrase = best[3]
    phrase = " ".join(phrase.split())
    if phrase and phrase[0].isupper() and not _keeps_capital(phrase.split()[0]):
        phrase = phrase[0].lower() + phrase[1:]
    return (f"{title}: {phrase}" if phrase else title), top_terms


def _keeps_capital(word: str) -> bool:
    """Proper names and acronyms keep their capital at the start of a label; ordinary words do not."""
    return any(c.isupper() for c in word[1:]) or word.lower() not in features.STOPWORDS and word.lower() not in _COMMON


_COMMON = frozenset({"cooperation", "trade", "energy", "oil", "gas", "nuclear", "defence", "defense", "security",
                     "education", "training", "science", "technology", "investment", "transport", "culture",
                     "tourism", "peace", "dialogue", "freedom", "maintaining", "building", "negotiations"})


def _fallback(members: Sequence[Pledge], names: frozenset[str] = frozenset()) -> str:
    """The first few content words of the earliest member, as written."""
    if not members:
        return ""
    toks = _tokens(members[0].text)
    words_ = [w for w, _, _, _ in toks if not _stop(w, names)][:4]
    return " ".join(words_)


def group_ids(seeds: Sequence[tuple[str, str]]) -> list[str]:
    """Stable ids: theme slug + hash of the group's first member (extended on a collision)."""
    digests = [hashlib.sha1(f"{theme}|{seed}".encode()).hexdigest() for theme, seed in seeds]
    slugs = [theme.replace(" ", "-") for theme, _ in seeds]
    size = 6
    while True:
        ids = [f"{s}-{d[:size]}" for s, d in zip(slugs, digests, strict=True)]
        if len(set(ids)) == len(ids) or size >= 40:
            return ids
        size += 2
