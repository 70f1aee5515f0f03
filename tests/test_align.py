"""The alignment engine: coverage, identities, gates, merges, moves, and measured quality floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.align import compare, prepare
from tui.documents.corpus import build_document, embedded_folder, load_corpus

ROOT = Path(__file__).resolve().parent.parent


def doc(body: str, doc_id: str = "x"):  # type: ignore[no-untyped-def]
    return build_document(f'+++\nid = "{doc_id}"\ntitle = "T"\ndate = 2024-01-01\n+++\n{body}', None)


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus([embedded_folder()])


def _check_rows(comparison) -> None:  # type: ignore[no-untyped-def]
    left = [s.index for r in comparison.rows for s in r.left]
    right = [s.index for r in comparison.rows for s in r.right]
    assert sorted(left) == list(range(len(comparison.left.sentences)))
    assert sorted(right) == list(range(len(comparison.right.sentences)))
    for row in comparison.rows:
        assert row.status in {"unchanged", "reworded", "added", "removed"}
        assert bool(row.left) == (row.status != "added")
        assert bool(row.right) == (row.status != "removed")
        assert "".join(c.left for c in row.changes) == " ".join(s.text for s in row.left)
        assert "".join(c.right for c in row.changes) == " ".join(s.text for s in row.right)
        if row.status in ("added", "removed"):
            assert row.similarity is None and row.strength is None and not row.moved


SENTENCES = [
    "The two sides agreed to expand cooperation in oil and gas.",
    "They pledged not to join any military alliance against each other.",
    "Both sides voiced support for negotiations on the free trade agreement.",
    "Russia will train Vietnamese students in nuclear science.",
    "The leaders hope to step up defence and security collaboration.",
    "Vietnam welcomed the 2024 plan for railway modernisation.",
    "They discussed regional and international issues of mutual concern.",
    "Trade between the two countries reached 5 billion USD in 2023.",
    "Tourism and people-to-people exchanges will be promoted.",
    "The East Sea disputes should be settled by peaceful means under UNCLOS.",
]
NOISE = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=60)
BODY = st.lists(st.one_of(st.sampled_from(SENTENCES), NOISE), max_size=12).map("\n".join)


@given(BODY, BODY, st.floats(0.0, 1.0))
@settings(max_examples=80, deadline=None)
def test_every_sentence_appears_in_exactly_one_row(left_body, right_body, threshold):
    _check_rows(compare(doc(left_body, "a"), doc(right_body, "b"), threshold))


@given(BODY, BODY)
@settings(max_examples=30, deadline=None)
def test_pairs_at_a_higher_threshold_are_kept_at_a_lower_one(left_body, right_body):
    alignment = prepare(doc(left_body, "a"), doc(right_body, "b"))

    def mains(t):  # type: ignore[no-untyped-def]
        return {r.main for r in alignment.at(t).rows if r.left and r.right}

    assert mains(0.6) <= mains(0.35) <= mains(0.1)


def test_same_document_on_both_sides_is_all_unchanged(corpus):
    for d in corpus.documents:
        result = compare(d, d, context=corpus.documents)
        _check_rows(result)
        assert {r.status for r in result.rows} <= {"unchanged"}
        assert not any(r.moved for r in result.rows)
        assert not result.differs
        assert result.summary()["unchanged"] == len(d.sentences)


def test_a_sentence_without_content_terms_still_pairs_with_itself():
    # Dates, numbers and names of months carry no content, so such a line has no vector and no
    # candidate; compared with itself it must still be carried over, not removed and added.
    d = doc("On 7 September 2024.\n\nThe two sides agreed to expand cooperation in oil and gas.", "d")
    result = compare(d, d)
    _check_rows(result)
    assert [r.status for r in result.rows] == ["unchanged", "unchanged"]
    assert not result.differs


def test_empty_and_one_sentence_documents():
    empty, one = doc("", "e"), doc("The two sides agreed to expand cooperation in oil and gas.", "o")
    assert compare(empty, empty).rows == ()
    assert not compare(empty, empty).differs
    result = compare(empty, one)
    assert [r.status for r in result.rows] == ["added"]
    assert result.differs
    assert [r.status for r in compare(one, empty).rows] == ["removed"]
    assert [r.status for r in compare(one, one).rows] == ["unchanged"]


def test_boilerplate_alone_does_not_make_a_pair():
    left = doc("The two sides affirmed the comprehensive strategic partnership in accordance with "
               "international law for peace, stability and development in the region and the world.", "l")
    right = doc("Both countries praised the comprehensive strategic partnership in accordance with "
                "international law, contributing to peace, stability and development in the region and "
                "the world, and football.", "r")
    assert [r.status for r in compare(left, right).rows] == ["removed", "added"]


def test_negated_commitment_scores_lower_than_the_same_commitment():
    base = doc("They agreed to join the regional military alliance with the third country.", "a")
    same = doc("They agreed to join the regional military alliance with a third country.", "b")
    negated = doc("They agreed not to join the regional military alliance with a third country.", "c")
    score_same = prepare(base, same).candidates[0].score
    score_negated = prepare(base, negated).candidates[0].score
    assert score_negated < score_same * 0.7


def test_names_alone_do_not_make_a_pair():
    left = doc("At the press conference, President Putin thanked General Secretary Nguyen Phu Trong for the "
               "warm reception.", "l")
    right = doc("Both leaders agreed on cooperation directions proposed by General Secretary Nguyen Phu Trong.",
                "r")
    assert all(not (r.left and r.right) for r in compare(left, right).rows)


def test_reordered_sentences_pair_and_the_displaced_one_is_moved():
    a = SENTENCES[:5]
    b = [a[3], a[0], a[1], a[2], a[4]]
    result = compare(doc("\n".join(a), "a"), doc("\n".join(b), "b"))
    _check_rows(result)
    assert all(r.status == "unchanged" for r in result.rows)
    moved = [r for r in result.rows if r.moved]
    assert [r.left[0].index for r in moved] == [3]
    assert result.differs  # same words, but out of place
    # rows follow the right document's order
    assert [r.right[0].index for r in result.rows] == [0, 1, 2, 3, 4]


def test_split_sentence_becomes_one_row_with_two_right_sentences():
    left = doc("The two sides agreed to expand cooperation in nuclear energy research and to build railway "
               "corridors for freight transport.", "l")
    right = doc("The two sides agreed to expand cooperation in nuclear energy research.\n"
                "They will also build railway corridors for freight transport.", "r")
    result = compare(left, right)
    _check_rows(result)
    assert len(result.rows) == 1
    assert [s.index for s in result.rows[0].right] == [0, 1]


def test_strength_changes_follow_the_cue_lexicon():
    left = doc("The leaders hope to step up defence and security cooperation.\n"
               "Both sides agreed to negotiations on the Eurasian Economic Union trade deal.", "l")
    right = doc("Defence and security cooperation will remain a key pillar of the leaders' cooperation.\n"
                "Both sides voiced support for negotiations on the Eurasian Economic Union trade deal.", "r")
    rows = {r.left[0].index: r for r in compare(left, right, 0.2).rows if r.left and r.right}
    assert rows[0].strength == "stronger"
    assert rows[1].strength == "weaker"
    assert compare(left, right, 0.2).summary()["stronger"] == 1


def test_evidence_is_shared_terms():
    result = compare(doc(SENTENCES[0], "a"), doc("The two sides agreed to widen cooperation in oil and gas.", "b"))
    (row,) = result.rows
    assert row.status == "reworded"
    assert row.evidence and "oil and gas" in row.evidence and "cooperation" in row.evidence


@given(st.permutations(list(range(12))))
def test_moved_pairs_are_the_complement_of_a_longest_increasing_run(order):
    from tui.analysis.align import _off_order

    pairs = list(enumerate(order))
    lis = [1] * len(order)  # quadratic reference
    for k in range(len(order)):
        for m in range(k):
            if order[m] < order[k]:
                lis[k] = max(lis[k], lis[m] + 1)
    moved = _off_order(pairs)
    kept = [j for i, j in pairs if i not in moved]
    assert kept == sorted(kept)
    assert len(kept) == max(lis)


def test_the_sentence_that_travelled_is_the_one_marked_moved():
    from tui.analysis.align import _off_order

    # Left 5 became the right document's lead and left 1 went to the end. Keeping left 0 in place or
    # left 5 in place gives runs of the same length; left 5 is the one displaced further.
    assert _off_order([(0, 1), (1, 9), (5, 0), (6, 2), (7, 3)]) == {1, 5}
    assert _off_order([(0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (5, 5)]) == {4}


def test_a_shared_date_alone_does_not_make_counterparts(corpus):
    """Months and weekdays say when, not what: two sentences sharing only "July 2024" stay apart,
    while the same date with shared content still pairs."""
    left = doc("The ministers met in Lima on Tuesday, July 9, 2024.\n"
               "They agreed to build a copper smelter and a deep-water port in Callao.", "a")
    right = doc("Quito hosted a fisheries conference on Tuesday, July 9, 2024.\n"
                "The two ministers agreed to build a deep-water port in Callao and a copper smelter.", "b")
    comparison = compare(left, right, context=corpus.documents)  # IDF of real reports
    pairs = {(s.index, t.index) for r in comparison.rows for s in r.left for t in r.right}
    assert (1, 1) in pairs
    assert (0, 0) not in pairs


def test_quotes_and_dotted_abbreviations_alone_leave_a_sentence_unchanged():
    left = doc("\u201cThe U.S.-ROK alliance will grow stronger in every field,\u201d the two presidents said.", "a")
    right = doc('"The US-ROK alliance will grow stronger in every field," the two presidents said.', "b")
    rows = [r for r in compare(left, right).rows if r.left and r.right]
    assert len(rows) == 1 and rows[0].status == "unchanged"


def test_a_swapped_alignment_is_the_pair_prepared_the_other_way_round(corpus):
    docs = corpus.documents
    for left, right in [(docs[0], docs[-1]), (docs[2], docs[4]), (docs[4], docs[2]), (docs[1], docs[1])]:
        swapped = prepare(left, right, docs).swapped()
        fresh = prepare(right, left, docs)
        assert (swapped.left, swapped.right) == (right, left)
        assert swapped.candidates == fresh.candidates
        assert swapped.left_pledges == fresh.left_pledges and swapped.right_pledges == fresh.right_pledges
        for threshold in (0.2, 0.35, 0.6):
            assert swapped.at(threshold).rows == fresh.at(threshold).rows


@given(BODY, BODY)
@settings(max_examples=30, deadline=None)
def test_swapping_twice_gives_the_same_candidates(left_body, right_body):
    alignment = prepare(doc(left_body, "a"), doc(right_body, "b"))
    assert alignment.swapped().swapped().candidates == alignment.candidates


def test_the_same_words_with_other_accents_or_quotes_are_unchanged():
    def doc(doc_id: str, body: str):
        return build_document(f'+++\nid = "{doc_id}"\ntitle = "T"\ndate = 2024-01-01\n+++\n{body}\n', None)

    left = doc("a", "Việt Nam's exports of rice to Chile will double by 2030.")
    right = doc("b", "Viet Nam’s exports of rice to Chile will double by 2030.")
    rows = compare(left, right).rows
    assert [r.status for r in rows] == ["unchanged"]
