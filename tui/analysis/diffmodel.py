"""The results of a comparison as plain frozen data: word changes, rows, the comparison.

Kept apart from the alignment engine (:mod:`tui.analysis.align`) so that reading a
cached result or rendering one needs none of the analysis machinery.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.documents.document import Document
from tui.documents.model import Sentence

UNCHANGED, REWORDED, ADDED, REMOVED = "unchanged", "reworded", "added", "removed"
EQUAL, INSERT, DELETE, REPLACE = "equal", "insert", "delete", "replace"
CLOSE, RELATED = "close", "related"
"""Tiers of a pair: *close* (a paraphrase: the word diff is meaningful) or *related* (the same
commitment or item rewritten: what the two share matters, not their word changes)."""

DEFAULT_THRESHOLD = 0.35
"""The default pairing threshold (:func:`tui.analysis.align.compare`), chosen on the labelled sets in
``tests/data`` (see ``benchmarks/align_quality.py``); here so that showing it imports no alignment."""
RELATED_RATIO = 0.5
"""A related pair (mutual best partners among the sentences left unpaired) needs a score of at
least this share of the threshold, so the live threshold moves both tiers in step."""


def related_floor(threshold: float) -> float:
    """The least score of a related pair at ``threshold``."""
    return threshold * RELATED_RATIO


@dataclass(frozen=True)
class Change:
    """One piece of a diff: ``left`` is its text in the left document, ``right`` in the right."""

    op: str  # "equal" | "insert" | "delete" | "replace"
    left: str
    right: str


@dataclass(frozen=True)
class Row:
    """One line of a comparison: a pair (with merges), or a sentence on one side only."""

    status: str  # "unchanged" | "reworded" | "added" (right only) | "removed" (left only)
    left: tuple[Sentence, ...]  # in reading order, merged sentences too; () when added
    right: tuple[Sentence, ...]
    similarity: float | None
    moved: bool
    strength: str | None  # "same" | "stronger" | "weaker" | None
    changes: tuple[Change, ...]
    evidence: tuple[str, ...] = ()
    tier: str | None = None  # "close" | "related" for a pair; None for a one-sided row
    theme: str = "general"  # the subject of the row's content (see tui.analysis.themes)
    left_pledge: str | None = None  # strength of the left sentence's pledge: pledge | support | intent
    right_pledge: str | None = None
    links: tuple[tuple[int, int, float], ...] = ()
    """The counterpart links the engine made inside the row: (left index, right index, score); a
    row of several sentences links each of them to its own counterpart, not all to all."""
    main: tuple[int, int] | None = None
    """The link the row was built on (left index, right index): its first and best pair; None for a
    one-sided row."""
    left_actor: str | None = None
    """Who commits in the left pledge (a party's name or ``both``; None without a pledge)."""
    right_actor: str | None = None

    @property
    def paired(self) -> bool:
        """True when the row holds sentences of both documents."""
        return bool(self.left) and bool(self.right)

    @property
    def pledge(self) -> str | None:
        """The row's pledge strength: the newer (right) side's, else the older side's."""
        return self.right_pledge or self.left_pledge

    @property
    def left_text(self) -> str:
        """The row's left text: its sentences joined by one space (what ``changes`` rebuild)."""
        return " ".join(s.text for s in self.left)

    @property
    def right_text(self) -> str:
        return " ".join(s.text for s in self.right)


@dataclass(frozen=True)
class Comparison:
    """The rows comparing ``left`` with ``right`` at ``threshold``."""

    left: Document
    right: Document
    rows: tuple[Row, ...]
    threshold: float

    @property
    def related_floor(self) -> float:
        """The least score of a related pair at this threshold."""
        return related_floor(self.threshold)

    def summary(self) -> dict[str, int]:
        """Counts: unchanged, reworded, added, removed, moved, stronger, weaker, and the tiers
        of the pairs (close, related)."""
        out = {k: 0 for k in (UNCHANGED, REWORDED, ADDED, REMOVED, "moved", "stronger", "weaker", CLOSE, RELATED)}
        for row in self.rows:
            out[row.status] += 1
            out["moved"] += row.moved
            if row.strength in ("stronger", "weaker"):
                out[row.strength] += 1
            if row.tier in (CLOSE, RELATED):
                out[row.tier] += 1
        return out

    def ledger(self) -> tuple[ThemeLedger, ...]:
        """Per theme: rows carried over (paired), only in the left document, only in the right.

        Themes with the most rows first; ``general`` (no theme word) last.
        """
        found: dict[str, dict[str, int]] = {}
        for row in self.rows:
            counts = found.setdefault(row.theme, dict.fromkeys(LEDGER_KEYS, 0))
            if row.paired:
                counts["carried"] += 1
                counts[row.status] += 1
                if row.tier == RELATED:
                    counts[RELATED] += 1
                if row.strength in ("stronger", "weaker"):
                    counts[row.strength] += 1
            else:
                counts["only_left" if row.left else "only_right"] += 1
        order = sorted(found, key=lambda t: (t == "general", -sum(found[t][k] for k in ("carried", "only_left",
                                                                                       "only_right")), t))
        return tuple(ThemeLedger(t, **found[t]) for t in order)

    def side_names(self) -> tuple[str, str]:
        """How human formats name one-sided rows: ("only in 2024", "new in 2025"), or with ids
        when both documents are of the same year."""
        return side_names(self.left, self.right)

    @property
    def differs(self) -> bool:
        """True when anything is not unchanged (or a pair moved)."""
        return any(r.status != UNCHANGED or r.moved for r in self.rows)


LEDGER_KEYS = ("carried", UNCHANGED, REWORDED, RELATED, "stronger", "weaker", "only_left", "only_right")


@dataclass(frozen=True)
class ThemeLedger:
    """One theme's line of a comparison's ledger (see :meth:`Comparison.ledger`)."""

    theme: str
    carried: int = 0
    unchanged: int = 0
    reworded: int = 0
    related: int = 0
    stronger: int = 0
    weaker: int = 0
    only_left: int = 0
    only_right: int = 0


def side_names(left: Document, right: Document) -> tuple[str, str]:
    """("only in <left year>", "new in <right year>"); "only in" on both sides when the right is the
    older (a swapped pair: nothing in it is new); document ids instead when the years match or a side
    is undated text from stdin (its date is only today's)."""
    from tui.documents.corpus import STDIN_ID  # text from stdin without front matter

    undated = any(d.id == STDIN_ID and getattr(d, "path", None) is None for d in (left, right))
    if undated:
        return f"only in {left.id}", f"only in {right.id}"
    if left.date.year < right.date.year:
        return f"only in {left.date.year}", f"new in {right.date.year}"
    if left.date.year > right.date.year:
        return f"only in {left.date.year}", f"only in {right.date.year}"
    return f"only in {left.id}", f"only in {right.id}"


def oriented(a: Document, b: Document) -> tuple[Document, Document]:
    """``(older, newer)``: the order in which two documents are compared by default (date, then id)."""
    return (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
