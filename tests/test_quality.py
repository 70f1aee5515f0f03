"""Measured quality on every labelled set in tests/data (see benchmarks/evalsets.py): the floors.

Each floor is the figure measured when the analysis was last changed (printed by
``benchmarks/align_quality.py`` and ``benchmarks/commitments_quality.py``), so a change that makes
accord worse on any set fails here. Development sets chose the numbers; held-out sets were labelled
before accord was run on them and only report them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import evalsets  # noqa: E402

from tui.analysis.align import DEFAULT_THRESHOLD  # noqa: E402

SETS = {item.name: item for item in evalsets.sets()}

# set -> (precision, recall, unmatched accuracy) pooled over its align_*.json files
ALIGN_FLOORS = {
    "embedded": (0.844, 0.563, 0.934),
    "pairs-dev": (0.891, 0.717, 0.971),  # 48 labelled pairs, 0.687, before a standfirst repeated by the
    # lead went (jv-vietnamplus-2023: "Tokyo (VNA) –" opens the second paragraph; 2 pairs named the copy);
    # 0.666 before thousands separators kept a number whole;
    # 0.687 before the ANI-style dateline was lifted (one pair fell to 0.168);
    # unmatched 0.972 before section labels went ("Premium", "News around you": 7 rightly lone lines, same 4 misses)
    "pairs-dev2": (0.696, 0.547, 0.942),  # 0.714 / 0.543 before a headline after a date label was lifted
    # (cv-people-2025's headline repeats its title: 4 labelled pairs went with it, 2 of them found)
    "pairs-heldout": (0.942, 0.804, 0.983),  # 0.916 / 0.767 on 43 pairs before a standfirst repeated
    # by the lead went (usvn-vietnamplus-jls-2023, "Hanoi (VNA) –"; 2 labelled pairs named the copy);
    # unmatched 0.984 (62/63) before section headings and labels inside the article went as furniture
    # ("Anadolu Agency DIPLOMACY", "ALSO READ": two rightly lone lines fewer, the same one miss): 60/61
    "vnru-heldout": (0.742, 0.5, 0.915),  # 0.722 before "leader" was a title (a TRT World pair went);
    # unmatched 0.926 (112/121) before a standfirst repeated by the lead went as a copy without its dateline
    # being read (vietnamplus-vn-ru-2021: a labelled no-counterpart sentence went, and one sentence fewer
    # moved the IDF enough to make one wrong related pair in vietnamplus2017-2018): 110/120; then 108/118
    # when section headings went ("Key Points From the Meeting": rightly lone lines fewer, same misses)
    "newpairs-heldout": (0.727, 0.560, 0.903),  # 0.757 / 0.595 / 0.914 before a lone "END" line went
    # (krjp-oananews: one sentence fewer moved the IDF, and a near tie of two right partners of one
    # sentence, 0.2228 vs 0.2227, went to the wrong one); unmatched 0.916 before "[Yonhap Photo]" went;
    # 0.571 recall before a caption ending "(Photo from …)" went as a caption (usph-pna-2024: its
    # labelled pledge "The two leaders vowed to enhance …" went with it; the body says so again)
    "acn-heldout": (0.333, 0.222, 0.888),  # labelled 2026-12-03 after the session's other changes;
    # unmatched 0.893 (42/47) before section headings went ("The People's Republic of China" alone on its
    # line, and one more: rightly lone lines fewer, the same five misses): 40/45
}
# set -> (pledge-vs-none F1, strength accuracy, actor accuracy)
DETECTION_FLOORS = {
    "embedded": (1.0, 1.0, 1.0),
    "pairs-dev": (0.979, 0.98, 0.893),  # actor 42 of 46 → 42 of 47: "envisages" found one more pledge,
    # "the Kremlin unveiled ... the joint Russian-Indian declaration, which envisages", taken for Russia's
    "pairs-dev2": (0.954, 0.954, 0.959),
    "pairs-heldout": (0.886, 0.882, 0.767),
    "vnru-heldout": (0.852, 0.913, 0.827),
    "newpairs-heldout": (0.9, 0.919, 0.8),  # F1 0.909, strength 0.927 before the usph-pna-2024 caption went (a labelled pledge)
    "acn-heldout": (0.846, 0.935, 0.909),
}
# set -> (pairwise precision, pairwise recall, must-stay-apart pairs joined at most)
GROUPING_FLOORS = {
    "embedded": (0.685, 0.614, 3),
    "pairs-dev": (0.846, 0.379, 0),
    "pairs-dev2": (1.0, 0.488, 1),
    "pairs-heldout": (0.833, 0.476, 0),
    "vnru-heldout": (1.0, 0.25, 1),
    "newpairs-heldout": (1.0, 0.351, 0),
    "acn-heldout": (1.0, 0.2, 0),
}


def test_every_set_is_labelled_and_named():
    assert {"embedded", "vnru-heldout", "pairs-dev", "pairs-heldout"} <= set(SETS)
    assert SETS["vnru-heldout"].heldout and SETS["pairs-heldout"].heldout and SETS["newpairs-heldout"].heldout
    assert SETS["acn-heldout"].heldout
    assert not SETS["embedded"].heldout and not SETS["pairs-dev"].heldout


@pytest.mark.parametrize("name", sorted(ALIGN_FLOORS))
def test_alignment_floor(name):
    pooled = None
    for stem, labels, alignment in evalsets.prepared_alignments(SETS[name]):
        score = evalsets.score_alignment(alignment.at(DEFAULT_THRESHOLD), labels, stem)
        assert score.missing == 0, f"{stem}: labels no longer match sentences"
        pooled = score if pooled is None else pooled + score
    precision, recall, unmatched = ALIGN_FLOORS[name]
    assert pooled.precision >= precision - 1e-9
    assert pooled.recall >= recall - 1e-9
    assert pooled.unmatched_accuracy >= unmatched - 1e-9


@pytest.mark.parametrize("name", sorted(DETECTION_FLOORS))
def test_detection_floor(name):
    score = evalsets.score_detection(SETS[name])
    f1, accuracy, actors = DETECTION_FLOORS[name]
    assert score.f1 >= f1 - 1e-9
    assert score.accuracy >= accuracy - 1e-9
    assert score.actor_accuracy >= actors - 1e-9


@pytest.mark.parametrize("name", sorted(GROUPING_FLOORS))
def test_grouping_floor(name):
    score = evalsets.score_grouping(SETS[name])
    precision, recall, joined = GROUPING_FLOORS[name]
    assert score.precision >= precision - 1e-9
    assert score.recall >= recall - 1e-9
    assert len(score.violations) <= joined
