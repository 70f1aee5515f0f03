"""Themes of pledge groups: a lexicon of diplomatic subjects (in ``lexicon.toml``), and the theme a
group's terms weigh most in."""

from __future__ import annotations

from collections import Counter

from tui.analysis import features
from tui.infra import store
from tui.vocabulary import lexicon

_LEXICON = lexicon.section("themes")
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = tuple((t, tuple(_LEXICON[t])) for t in _LEXICON["order"])
"""Theme lexicon (``[themes]`` of ``lexicon.toml``): the theme whose words weigh most in a group's
centroid names it."""


def _stems() -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    """The lexicon's theme words and instrument words as analysis terms (stems, countries folded)."""
    entries = [(theme, tuple(dict.fromkeys(features.terms(w) or (w,)))) for theme, words in THEMES for w in words]
    return entries, sorted({t for w in _LEXICON["instruments"] for t in features.terms(w)})


def _key() -> str:
    import Stemmer

    from tui.vocabulary import countries, normal

    return (f"{lexicon.fingerprint()}|{countries.table_key()}|"
            f"{store.files_key(__file__, features.__file__, normal.__file__, Stemmer.__file__)}")


# Stemming every lexicon word costs ~15 ms a process: the terms are kept in the derived-data store.
_THEME_ENTRIES, _INSTRUMENT_TERMS = store.table("themes", _key(), _stems)
_THEME_TERMS: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _theme, _stems_of in _THEME_ENTRIES:
    _THEME_TERMS.setdefault(_stems_of[0], []).append((_theme, tuple(_stems_of)))
THEME_NAMES = tuple(t for t, _ in THEMES) + ("general",)

INSTRUMENTS = frozenset(_INSTRUMENT_TERMS)
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
