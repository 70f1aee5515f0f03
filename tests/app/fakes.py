"""Stand-ins with the exact interfaces of ``tui.analysis.align`` and ``tui.analysis.commitments``, for app tests.

They are deliberately simple (difflib ratios, cue words) and deterministic, so
screens and snapshots do not change when the real analysis is tuned.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis.commitments import Commitments as RealCommitments
from tui.analysis.commitments import Group, Pledge
from tui.analysis.diffmodel import Change, Comparison, Row
from tui.documents.document import Document

_WORD = re.compile(r"\S+\s*")
_FIRM = re.compile(r"\b(agreed|will|pledged|committed|decided)\b", re.I)


def word_changes(left: str, right: str) -> tuple[Change, ...]:
    a, b = _WORD.findall(left), _WORD.findall(right)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        out.append(Change(op, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return tuple(out)


class Alignment:
    """Pair scores computed once; :meth:`at` re-decides the pairs at a threshold."""

    def __init__(self, left: Document, right: Document) -> None:
        self.left, self.right = left, right
        self.scores = [[difflib.SequenceMatcher(None, a.text.lower().split(), b.text.lower().split(),
                                                autojunk=False).ratio()
                        for b in right.sentences] for a in left.sentences]

    def at(self, threshold: float) -> Comparison:
        pairs = sorted(((s, i, j) for i, row in enumerate(self.scores) for j, s in enumerate(row)
                        if s >= threshold), reverse=True)
        used_l, used_r, match = set(), set(), {}
        for s, i, j in pairs:
            if i not in used_l and j not in used_r:
                used_l.add(i)
                used_r.add(j)
                match[i] = (j, s)
        rows: list[Row] = []
        last_j = -1
        for i, a in enumerate(self.left.sentences):
            if i in match:
                j, s = match[i]
                b = self.right.sentences[j]
                for k in range(last_j + 1, j):
                    if k not in used_r:
                        rows.append(_one_sided("added", self.right.sentences[k]))
                moved = j < last_j
                last_j = max(last_j, j)
                status = "unchanged" if a.text == b.text else "reworded"
                fa, fb = bool(_FIRM.search(a.text)), bool(_FIRM.search(b.text))
                strength = "stronger" if fb and not fa else "weaker" if fa and not fb else "same"
                words = lambda t: {w.strip(".,;:()\"'") for w in t.lower().split()} - {""}  # noqa: E731
                shared = tuple(sorted(words(a.text) & words(b.text), key=lambda w: (-len(w), w))[:5])
                rows.append(Row(status, (a,), (b,), round(s, 2), moved, strength, word_changes(a.text, b.text),
                                evidence=shared, tier="close" if s >= 0.6 else "related", theme=_theme(b.text),
                                left_pledge=_strength(a.text), right_pledge=_strength(b.text)))
            else:
                rows.append(_one_sided("removed", a))
        for k in range(last_j + 1, len(self.right.sentences)):
            if k not in used_r:
                rows.append(_one_sided("added", self.right.sentences[k]))
        return Comparison(self.left, self.right, tuple(rows), threshold)


def _theme(text: str) -> str:
    low = text.lower()
    return next((t for t, words in THEMES.items() if any(w in low for w in words)), "general")


def _one_sided(status: str, sentence) -> Row:  # noqa: ANN001
    left, right = ((sentence,), ()) if status == "removed" else ((), (sentence,))
    pledge = _strength(sentence.text)
    return Row(status, left, right, None, False, None, (), theme=_theme(sentence.text),
               left_pledge=pledge if left else None, right_pledge=pledge if right else None)


def prepare(left: Document, right: Document, context: Sequence[Document] = ()) -> Alignment:
    return Alignment(left, right)


@dataclass(frozen=True)
class Commitments(RealCommitments):
    """The real result type (its status, pledges_of, get) with a group_of that scans the groups."""

    def group_of(self, doc_id: str, index: int) -> Group | None:
        for g in self.groups:
            if any(p.doc_id == doc_id and p.index == index for p in g.members):
                return g
        return None


THEMES = {"energy": ("energy", "oil", "gas", "nuclear"), "trade": ("trade", "investment", "economic"),
          "politics": ("political", "trust", "delegations"), "education": ("education", "science")}


def _strength(text: str) -> str | None:
    low = text.lower()
    if re.search(r"\b(agreed|will|pledged|committed|affirmed to)\b", low):
        return "pledge"
    if re.search(r"\b(support|welcome|backed)\b", low):
        return "support"
    if re.search(r"\b(hope|plan|aim|wish|ready)\b", low):
        return "intent"
    return None


def find_commitments(docs: Sequence[Document]) -> Commitments:
    """Group pledge sentences by theme keyword (one group per theme)."""
    docs = tuple(sorted(docs, key=lambda d: (d.date, d.id)))
    members: dict[str, list[Pledge]] = {t: [] for t in THEMES}
    for doc in docs:
        for s in doc.sentences:
            strength = _strength(s.text)
            if strength is None:
                continue
            low = s.text.lower()
            theme = next((t for t, words in THEMES.items() if any(w in low for w in words)), None)
            if theme is not None:
                members[theme].append(Pledge(doc.id, s.index, s.text, strength, actor="", cue=""))
    groups = []
    for n, (theme, found) in enumerate(members.items()):
        if found:
            ids = tuple(dict.fromkeys(p.doc_id for p in found))
            groups.append(Group(f"g{n + 1}", f"cooperation on {theme}", theme, tuple(found), ids,
                                THEMES[theme][:2]))
    return Commitments(docs, tuple(groups))
