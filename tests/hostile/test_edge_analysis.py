"""Edge inputs for the tiers of correspondence and the pledge grouping: nothing crashes or hangs.

One-sentence documents, a document compared with itself, two documents with no shared word,
a 10,000-sentence document, a pledge of 2,000 words, and a corpus where every sentence is a pledge.
"""

from __future__ import annotations

import pytest

from tui.analysis.align import DEFAULT_THRESHOLD, compare
from tui.analysis.commitments import find_commitments
from tui.analysis.detection import detect
from tui.documents.corpus import build_document


def doc(body: str, doc_id: str = "x", date: str = "2024-01-01"):  # type: ignore[no-untyped-def]
    return build_document(f'+++\nid = "{doc_id}"\ntitle = "T"\ndate = {date}\n+++\n{body}', None)


def _covers_every_sentence_once(comparison) -> None:  # type: ignore[no-untyped-def]
    left = sorted(s.index for r in comparison.rows for s in r.left)
    right = sorted(s.index for r in comparison.rows for s in r.right)
    assert left == list(range(len(comparison.left.sentences)))
    assert right == list(range(len(comparison.right.sentences)))
    for row in comparison.rows:
        assert (row.tier is None) == (not row.paired)
        lefts, rights = {s.index for s in row.left}, {s.index for s in row.right}
        for i, j, _score in row.links:
            assert i in lefts and j in rights
        if row.paired:  # every sentence of a row is linked to a counterpart in it
            assert {i for i, _, _ in row.links} == lefts and {j for _, j, _ in row.links} == rights


@pytest.mark.parametrize("threshold", [0.0, 0.05, DEFAULT_THRESHOLD, 1.0])
def test_one_sentence_documents(threshold):
    left = doc("Both sides agreed to expand trade in rice.", "a")
    right = doc("The two countries pledged to expand the rice trade.", "b", "2025-01-01")
    result = compare(left, right, threshold)
    _covers_every_sentence_once(result)
    one_many = compare(left, doc("\n".join(f"Sentence number {k} is about fishing." for k in range(30)), "c"),
                       threshold)
    _covers_every_sentence_once(one_many)


def test_a_document_compared_with_itself_is_unchanged_and_close():
    body = ("Both sides agreed to expand trade in rice.\n"
            "They pledged to build a nuclear science centre.\n"
            "The leaders supported freedom of navigation in the sea.")
    left, right = doc(body, "a"), doc(body, "b")
    result = compare(left, right)
    _covers_every_sentence_once(result)
    assert all(r.status == "unchanged" and r.tier == "close" for r in result.rows)
    assert not result.differs


def test_no_shared_word_pairs_nothing_at_any_threshold():
    left = doc("Alpha beta gamma delta.\nEpsilon zeta eta theta.", "a")
    right = doc("Iota kappa lambda mu.\nNu xi omicron pi.", "b")
    for threshold in (0.0, 0.01, DEFAULT_THRESHOLD):
        result = compare(left, right, threshold)
        _covers_every_sentence_once(result)
        assert not any(r.paired for r in result.rows)


def test_ten_thousand_sentences_against_a_few():
    topics = ["rice", "oil", "gas", "trade", "education", "tourism", "railway", "nuclear", "fishery", "culture"]
    big = doc("\n".join(f"Both sides agreed to boost {topics[k % 10]} cooperation in area {k}." for k in range(10_000)),
              "big")
    small = doc("The two sides agreed to boost tourism cooperation.\nThey will expand the railway.", "small",
                "2025-01-01")
    result = compare(big, small)
    _covers_every_sentence_once(result)
    assert sum(r.paired for r in result.rows) <= 2 + 2 * len(result.right.sentences)


def test_a_pledge_of_two_thousand_words():
    words = " ".join(f"sector{k}" for k in range(2000))
    left = doc(f"Both sides agreed to expand cooperation in {words}.", "a")
    right = doc(f"The two countries pledged to expand cooperation in {words} and more.", "b", "2025-01-01")
    result = compare(left, right)
    _covers_every_sentence_once(result)
    found = find_commitments([left, right])
    assert sum(len(g.members) for g in found.groups) == len(detect(left)) + len(detect(right))


def test_a_corpus_where_every_sentence_is_a_pledge():
    topics = ["rice", "oil", "gas", "trade", "education", "tourism", "railway", "nuclear", "fishery", "culture"]
    docs = [doc("\n".join(f"Both sides agreed to boost {topics[(k + d) % 10]} cooperation in {k}." for k in range(40)),
                f"d{d}", f"202{d}-01-01") for d in range(5)]
    found = find_commitments(docs)
    detected = sorted(p.key for d in docs for p in detect(d))
    assert sorted(m.key for g in found.groups for m in g.members) == detected
    assert len({g.id for g in found.groups}) == len(found.groups)
    for g in found.groups:
        assert len({(m.doc_id, m.index) for m in g.members}) == len(g.members)


@pytest.mark.parametrize("sentence", [
    "It will be the first " * 3000 + ".",
    ("They agreed that " + "Chile and Peru " * 3 + "would act, ") * 1000,
    "They agreed with Marcos on " * 2000 + "trade.",
    ", offering support" * 3000,
    "Xi said " * 3000 + "both should act.",
])
def test_a_sentence_dense_with_cues_is_read_in_linear_time(sentence):
    """Tens of thousands of words in one sentence, a cue every few words: each cue's checks look at a
    bounded window before it (these took 10-20 s when they read the whole sentence before the cue)."""
    found = detect(doc(sentence))
    for pledge in found:
        assert pledge.text and pledge.text in sentence


def test_two_long_repetitive_sentences_diff_quickly():
    """A word diff of two long sentences that differ everywhere in a repeating pattern (difflib's exact
    search is cubic there: 13 s for 750 tokens a side) keeps every word and finishes."""
    left = doc("the Chile-Peru " * 1000 + "relationship should grow.", "a")
    right = doc("the Peru-Peru " * 1000 + "relationship should grow.", "b", "2025-01-01")
    result = compare(left, right)
    _covers_every_sentence_once(result)
    for row in result.rows:
        assert "".join(c.left for c in row.changes) == " ".join(s.text for s in row.left)
        assert "".join(c.right for c in row.changes) == " ".join(s.text for s in row.right)


@pytest.mark.parametrize("sentence", [
    "Boric and his Peruvian counterpart " * 2000 + "agreed to act.",
    "President Ana Silva of Chile and " * 2000 + "agreed to act.",
    "The Ministry of Foreign Affairs of Chile and " * 2000 + "will act.",
])
def test_a_sentence_naming_thousands_of_parties_is_read(sentence):
    """Who speaks is found among thousands of references in one sentence (the overlap checks were a
    scan of every reference so far: 11 s for 2,000 counterpart phrases)."""
    found = find_commitments([doc(sentence, "a"), doc(sentence.replace("Chile", "Peru"), "b", "2025-01-01")])
    assert all(m.text for g in found.groups for m in g.members)
