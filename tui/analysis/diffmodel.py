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
    left: tuple[Sentence, ...]  # main sentence first, then merged sentences; () when added
    right: tuple[Sentence, ...]
    similarity: float | None
    moved: bool
    strength: str | None  # "same" | "stronger" | "weaker" | None
    changes: tuple[Change, ...]
    evidence: tuple[str, ...] = ()

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

    def summary(self) -> dict[str, int]:
        """Counts: unchanged, reworded, added, removed, moved, stronger, weaker."""
        out = {k: 0 for k in (UNCHANGED, REWORDED, ADDED, REMOVED, "moved", "stronger", "weaker")}
        for row in self.rows:
            out[row.status] += 1
            out["moved"] += row.moved
            if row.strength in ("stronger", "weaker"):
                out[row.strength] += 1
        return out

    @property
    def differs(self) -> bool:
        """True when anything is not unchanged (or a pair moved)."""
        return any(r.status != UNCHANGED or r.moved for r in self.rows)
