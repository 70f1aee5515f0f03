"""Themes of pledge groups: a lexicon of diplomatic subjects (in ``lexicon.toml``), and the theme a
group's terms weigh most in."""

from __future__ import annotations

from collections import Counter

from tui.analysis import features, lexicon

_LEXICON = lexicon.section("themes")
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = tuple((t, tuple(_LEXICON[t])) for t in _LEXICON["order"])
"""Theme lexicon (``[themes]`` of ``lexicon.toml``): the theme whose words weigh most in a group's
centroid names it."""

_THEME_ENTRIES: list[tuple[str, tuple[str, ...]]] = []
for _theme, _words in THEMES:
    for _w in _words:
        _stems = features.terms(_w) or (_w,)
        _THEME_ENTRIES.append((_theme, tuple(dict.fromkeys(_stems))))
_THEME_TERMS: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _theme, _stems in _THEME_ENTRIES:
    _THEME_TERMS.setdefault(_stems[0], []).append((_theme, _stems))
THEME_NAMES = tuple(t for t, _ in THEMES) + ("general",)

INSTRUMENTS = frozenset(t for w in _LEXICON["instruments"] for t in features.terms(w))
"""Terms weighted up in grouping: named instruments and distinctive subjects."""


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
