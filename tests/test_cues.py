"""Cue search: trying at each word start only the patterns that can begin with its letter finds
exactly what the one full alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis import cues
from tui.documents.corpus import load_corpus

_WORDS = sorted({w for _, p in cues._PATTERNS for w in re.findall(r"[a-z]{2,}", p)}
                | {"the", "two", "sides", "Minister", "trade", "Viet", "Nam", "İstanbul", "ſhall", "K", "-will", "re-affirmed"})


def _both(text: str) -> tuple[list, list]:
    def spans(found):
        return [(m.start(), m.end(), m.lastgroup) for m in found]
    return spans(cues._CUE.finditer(text)), spans(cues._cue_matches(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.lists(st.sampled_from([" ", ", ", "-", "'", ". ", "  "]), max_size=30),
       st.sampled_from([str, str.upper, str.title, str.capitalize]))
def test_dispatch_by_first_letter_finds_what_the_full_alternation_finds(words, gaps, case):
    text = case("".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words)))
    full, dispatched = _both(text)
    assert dispatched == full


def test_dispatch_on_the_embedded_corpus():
    texts = [s.text for d in load_corpus().documents for s in d.sentences]
    found = 0
    for text in texts:
        full, dispatched = _both(text)
        assert dispatched == full, text
        found += len(full)
    assert found > len(texts) // 2  # the corpus is full of cues: the comparison compared something


def test_first_letters_of_alternatives_optional_prefixes_and_classes():
    assert cues._first_letters(r"(?:pledge|vow)(?:ed|d)?") == frozenset("pv")
    assert cues._first_letters(r"(?:the\s+)?need\s+to") == frozenset("tn")
    assert cues._first_letters(r"hope(?:s|d)?|hoping") == frozenset("h")
    assert cues._first_letters(r"[\w-]+\s+targets?") == cues._ANY_LETTER  # a class of every letter
    assert cues._first_letters(r"(?:a\s+)?") == cues._ANY_LETTER  # can match nothing: any letter follows
