"""Labels and stable ids of pledge groups, made from the members' own words."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from tui.analysis import features
from tui.analysis.detection import Pledge

LABEL_MEMBERS = 12
"""Members (earliest first) whose phrases may make a group's label."""



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


def group_label(members: Sequence[Pledge], weights: dict[str, float], theme: str) -> tuple[str, tuple[str, ...]]:
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
    title = theme.capitalize()
    body = ", ".join(picked) if picked else ", ".join(top_terms[:3])
    return f"{title}: {body}", tuple(top_terms)


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
