"""Word-level changes: exact reconstruction and readable, word-sized pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.wordiff import diff_words, similarity, tokens

WORDS = st.sampled_from(["the", "two", "sides", "agreed", "to", "soon", "negotiate", "upgrade", "FTA", ",",
                         ".", "  ", "\n", "not", "Việt", "[/]", "\x1b[31m", "‮", "a"])
PHRASES = st.lists(WORDS, max_size=30).map(" ".join)


@given(st.text())
def test_tokens_rebuild_any_text(text):
    assert "".join(tokens(text)) == text


@given(st.text(), st.text())
@settings(max_examples=200)
def test_changes_rebuild_both_texts_for_arbitrary_strings(left, right):
    changes = diff_words(left, right)
    assert "".join(c.left for c in changes) == left
    assert "".join(c.right for c in changes) == right
    for c in changes:
        assert c.op in {"equal", "insert", "delete", "replace"}
        assert (c.op == "insert") == (not c.left and bool(c.right))
        assert (c.op == "delete") == (bool(c.left) and not c.right)


@given(PHRASES, PHRASES)
def test_changes_rebuild_word_soup(left, right):
    changes = diff_words(left, right)
    assert "".join(c.left for c in changes) == left
    assert "".join(c.right for c in changes) == right
    # no two neighbouring changes: cleanup merges them
    for a, b in zip(changes, changes[1:], strict=False):
        assert not (a.op != "equal" and b.op != "equal")


def test_reworded_phrase_is_one_change_not_chaff():
    left = "the two sides will continue to effectively implement and soon negotiate to upgrade the free trade agreement"
    right = "The two sides agreed to effectively implement and expedite negotiations to enhance the free trade agreement"
    changes = diff_words(left, right)
    replaced = [(c.left.strip(), c.right.strip()) for c in changes if c.op == "replace"]
    assert ("soon negotiate to upgrade", "expedite negotiations to enhance") in replaced
    # every changed piece is made of whole words: no change starts or ends inside a word
    for c in changes:
        if c.op != "equal":
            for text, whole in ((c.left, left), (c.right, right)):
                if text.strip():
                    start = whole.index(text)
                    end = start + len(text)
                    assert start == 0 or not whole[start - 1].isalnum() or not text[0].isalnum()
                    assert end == len(whole) or not whole[end].isalnum() or not text[-1].isalnum()


def test_identical_and_empty():
    assert diff_words("", "") == ()
    assert [c.op for c in diff_words("same text.", "same text.")] == ["equal"]
    assert [c.op for c in diff_words("", "new words")] == ["insert"]
    assert [c.op for c in diff_words("old words", "")] == ["delete"]


def test_similarity_share_of_kept_characters():
    assert similarity(diff_words("a b c", "a b c")) == 1.0
    assert similarity(diff_words("alpha", "omega")) == 0.0
    part = similarity(diff_words("alpha beta gamma", "alpha beta delta"))
    assert 0.0 < part < 1.0


def test_quote_and_accent_variants_are_the_same_word():
    changes = diff_words("China supports Pakistan's projects in Việt Nam.", "China supports Pakistan’s projects in Viet Nam.")
    assert [c.op for c in changes] == ["equal"]
    assert "".join(c.left for c in changes).endswith("Việt Nam.") and "".join(c.right for c in changes).endswith("Viet Nam.")
