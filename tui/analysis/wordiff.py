"""Word-level changes between two texts, cleaned up to read as whole words and phrases.

Both texts are cut into tokens that keep their trailing whitespace (a word,
a run of punctuation, or leading whitespace), so the pieces of a diff rebuild
each text exactly. :class:`difflib.SequenceMatcher` (``autojunk=False``)
finds the common tokens (with its popularity heuristic only past :data:`EXACT_LIMIT`); a semantic clean-up in the spirit of
diff-match-patch's ``diff_cleanupSemantic`` then folds short equal runs (one
or two stop words, short words or punctuation) that sit between two changes
into one change, so "soon negotiate to upgrade" -> "expedite negotiations to
enhance" reads as one replaced phrase rather than chaff.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from tui.analysis.diffmodel import DELETE, EQUAL, INSERT, REPLACE, Change
from tui.analysis.features import STOPWORDS
from tui.infra import store
from tui.vocabulary.normal import fold, unify

_TOKEN = store.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*\s*|_+\s*|[^\w\s]+\s*", re.UNICODE)



EXACT_LIMIT = 250_000
"""Token pairs (left tokens x right tokens) up to which the word diff is exact (about 500 x 500)."""


def tokens(text: str) -> list[str]:
    """Tokens of ``text`` whose concatenation is ``text``."""
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    """What a token is compared by: its text without trailing whitespace, with quote and dash
    variants unified and diacritics folded ("Pakistan's" = "Pakistan’s", "Việt" = "Viet")."""
    core = token.rstrip()
    return core if core.isascii() else unify(fold(core))


def _weak(token: str) -> bool:
    """A token that does not hold a phrase together on its own: a stop word, a short word, punctuation."""
    core = token.strip().lower()
    if not core:
        return True
    if not any(ch.isalnum() for ch in core):
        return True
    return core in STOPWORDS or len(core) <= 3


def diff_words(left: str, right: str) -> tuple[Change, ...]:
    """Changes turning ``left`` into ``right``; joining ``.left`` gives ``left``, ``.right`` gives ``right``."""
    if left == right:
        return (Change(EQUAL, left, right),) if left else ()
    a, b = tokens(left), tokens(right)
    # Compare words without their trailing whitespace, so a line break or double
    # space does not break a match; the exact text stays in each side's piece.
    ka, kb = [_key(t) for t in a], [_key(t) for t in b]
    # Exact matching for sentences; on very long ones difflib's popularity heuristic (a token in
    # more than 1 % of a long sequence is junk), whose exact search is cubic on repetitive text.
    matcher = SequenceMatcher(None, ka, kb, autojunk=len(ka) * len(kb) > EXACT_LIMIT)
    segments: list[list] = []  # [op, left tokens, right tokens]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        segments.append([EQUAL if op == "equal" else REPLACE, a[i1:i2], b[j1:j2]])
    segments = _cleanup(segments)
    out: list[Change] = []
    for op, lt, rt in segments:
        ltext, rtext = "".join(lt), "".join(rt)
        if not ltext and not rtext:
            continue
        if op == EQUAL:  # same words (the spacing after them may differ)
            out.append(Change(EQUAL, ltext, rtext))
            continue
        out.append(Change(INSERT if not ltext else DELETE if not rtext else REPLACE, ltext, rtext))
    return tuple(out)


def _cleanup(segments: list[list]) -> list[list]:
    """Fold small equal runs between changes into the changes, then merge neighbouring changes."""
    changed = True
    while changed:
        changed = False
        merged: list[list] = []
        for seg in segments:
            if merged and seg[0] != EQUAL and merged[-1][0] != EQUAL:
                merged[-1][1] = merged[-1][1] + seg[1]
                merged[-1][2] = merged[-1][2] + seg[2]
            else:
                merged.append([seg[0], list(seg[1]), list(seg[2])])
        segments = merged
        for i in range(1, len(segments) - 1):
            op, lt, _ = segments[i]
            if op != EQUAL or segments[i - 1][0] == EQUAL or segments[i + 1][0] == EQUAL:
                continue
            before, after = segments[i - 1], segments[i + 1]
            size = sum(len(t) for t in lt)
            around = min(
                max(sum(len(t) for t in before[1]), sum(len(t) for t in before[2])),
                max(sum(len(t) for t in after[1]), sum(len(t) for t in after[2])),
            )
            if (len(lt) <= 2 and all(_weak(t) for t in lt)) or size <= around // 2:
                segments[i] = [REPLACE, list(lt), list(segments[i][2])]
                changed = True
                break
    return segments


def similarity(changes: tuple[Change, ...]) -> float:
    """Share of characters kept unchanged on both sides (wikidiff2's copied / all)."""
    kept = sum(len(c.left) + len(c.right) for c in changes if c.op == EQUAL)
    total = sum(len(c.left) + len(c.right) for c in changes)
    return kept / total if total else 1.0
