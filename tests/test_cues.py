"""Cue search: trying at each word start only the patterns that can begin with its letter finds
exactly what the one full alternation finds."""

from __future__ import annotations

import re

import pytest
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


# ---------------------------------------------------------------- fifth-session trials: cues and actors

def _detected(*sentences: str, title: str = "Italy and Japan hold talks") -> list[tuple[str, str] | None]:
    from tui.analysis.detection import detect
    from tui.documents.corpus import build_document

    body = "\n\n".join(sentences)
    doc = build_document(f'+++\nid = "t"\ntitle = "{title}"\ndate = 2024-01-01\n+++\n{body}\n', "t.txt")
    found = {}
    for p in reversed(detect(doc)):
        found[p.index] = (p.strength, p.actor)
    return [found.get(s.index) for s in doc.sentences]


OPENING = "Italian Prime Minister Giorgia Meloni met Japanese Prime Minister Fumio Kishida in Rome on Tuesday."


@pytest.mark.parametrize("sentence", [
    "Kishida said that China's will and determination to expand its navy worried Japan.",
    "This meeting was held in accordance with the will of both prime ministers.",
    "Meloni said that deepening the Italy-Japan partnership will encourage peace in the region.",
    "He said he trusts that the people of Japan will succeed in their endeavours.",
    "I wish to recall that in 2022 we launched the Global Combat Air Programme.",
    "The high volume of visits demonstrates both countries' commitment to strong relations.",
    "This reflects both countries' commitment to the partnership.",
])
def test_no_pledge_in_a_noun_a_forecast_a_speech_act_or_an_observation(sentence):
    assert _detected(OPENING, sentence)[1] is None


@pytest.mark.parametrize("sentence, actor", [
    ("Officials of the two foreign ministries will meet alternately in Italy and Japan once every six months.", "both"),
    ("The two leaders affirmed their committment to a forward-looking relationship.", "both"),
    ("Top diplomats from Italy and Japan have reaffirmed their commitment to peace.", "both"),
    ("The top diplomats of Italy and Japan also pledged to resume regular consultations.", "both"),
    ("The arch rivals also agreed to hold regular consultations.", "both"),
    ("Prime Minister Kishida welcomed Prime Minister Meloni and stated that he would like to deepen ties.", "Japan"),
    ("Meloni said that Italy will support Japan's bid to host the exhibition.", "Italy"),  # a party's reported pledge stays
    ("The Japanese side, Kishida also said, will continue to strengthen cooperation with Italy in energy.", "Japan"),
    ("The Italian government reaffirmed its adherence to the principles of the UN Charter.", "Italy"),
])
def test_pledges_and_who_makes_them(sentence, actor):
    found = _detected(OPENING, sentence)[1]
    assert found is not None and found[1] == actor
