"""Import-guarded access to the analysis core (alignment and commitments).

The app runs without these modules: screens show "not available yet" instead.
The functions here are plain callables that screens receive through their
constructors, so tests can pass their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tui.documents.document import Document

Prepare = Callable[[Document, Document, Sequence[Document]], Any]
FindCommitments = Callable[[Sequence[Document]], Any]


def _available(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def aligner() -> tuple[Prepare | None, float]:
    """``(prepare, default threshold)`` of :mod:`tui.analysis.align`, or ``(None, 0.5)`` when absent.

    ``prepare`` imports the alignment on its first call, in the worker that runs it, so that the
    first screen does not wait for the analysis modules."""
    if not _available("tui.analysis.align"):
        return None, 0.5
    from tui.analysis.diffmodel import DEFAULT_THRESHOLD

    def prepare(left: Document, right: Document, context: Sequence[Document] = ()) -> Any:
        from tui.analysis.align import prepare as align_prepare

        return align_prepare(left, right, context)

    return prepare, DEFAULT_THRESHOLD


def commitments_finder() -> FindCommitments | None:
    """:func:`tui.analysis.commitments.find_commitments` (imported on its first call, in the worker
    that runs it), or ``None`` when absent."""
    if not _available("tui.analysis.commitments"):
        return None

    def find(documents: Sequence[Document]) -> Any:
        from tui.analysis.commitments import find_commitments

        return find_commitments(documents)

    return find


def pledge_counts(commitments: Any) -> dict[str, int]:
    """How many pledge sentences each document holds, from a ``Commitments`` result."""
    counts: dict[str, int] = {}
    seen: set[tuple[str, int]] = set()
    for group in getattr(commitments, "groups", ()):
        for p in group.members:
            if (p.doc_id, p.index) not in seen:
                seen.add((p.doc_id, p.index))
                counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
    return counts


def group_of(commitments: Any, doc_id: str, index: int) -> Any:
    """The group holding sentence ``index`` of ``doc_id``, or ``None``."""
    if commitments is None:
        return None
    finder = getattr(commitments, "group_of", None)
    if finder is not None:
        return finder(doc_id, index)
    for group in commitments.groups:
        if any(p.doc_id == doc_id and p.index == index for p in group.members):
            return group
    return None


def counterparts(commitments: Any, doc_id: str, index: int, other_id: str) -> list[tuple[Any, Any]]:
    """``(group, pledge)`` for every member in ``other_id`` of the groups holding sentence ``index`` of ``doc_id``."""
    out = []
    for group in getattr(commitments, "groups", ()):
        if any(p.doc_id == doc_id and p.index == index for p in group.members):
            out += [(group, p) for p in group.members if p.doc_id == other_id]
    return out


def group_status(commitments: Any, group: Any) -> str:
    """``persists`` (in the latest year and an earlier one), ``new`` (latest year only) or ``dropped``
    (not in the latest year), on the years of the group's pair of countries; with one year
    ``recurring`` or ``single`` (:meth:`tui.analysis.commitments.Commitments.status`, shortened)."""
    return commitments.short_status(group)
