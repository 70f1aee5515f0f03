"""Themes of pledge groups: a lexicon of diplomatic subjects, and the theme a group's terms weigh most in."""

from __future__ import annotations

from collections import Counter

from tui.analysis import features

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

INSTRUMENTS = frozenset(
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
