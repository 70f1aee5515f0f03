"""``accord commitments`` in every format, and the pledge marks of ``accord show``.

The text view is a matrix: one row per pledge group, one column per document
in date order, each cell the pledge's strength in that document (● pledge,
◐ support, ○ intent, · absent), with a status column telling what persists
across years, what is new in the latest year and what was dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.analysis.commitments import Commitments, Explanation, Group, find_commitments
from tui.documents.document import Document
from tui.infra.safety import visible
from tui.render.documents import Mark
from tui.render.escape import md, md_cell
from tui.render.jsonfmt import dumps
from tui.render.styled import Line, pad, truncate, wrap_runs

SYMBOL = {"pledge": "●", "support": "◐", "intent": "○"}
ABSENT = "·"
LEGEND = "● pledge (agreed, pledged, will)   ◐ support (supported, welcomed)   ○ intent (hope, need, plan)   · absent"
STATUS_ORDER = ("persistent", "new", "dropped", "recurring", "single")


def status(commitments: Commitments, group: Group) -> str:
    """``persistent`` / ``new in YEAR`` / ``dropped in YEAR`` across the corpus's years.

    With one year in the corpus: ``recurring`` (several documents) or ``single``.
    """
    years = sorted({d.date.year for d in commitments.documents})
    dates = {d.id: d.date.year for d in commitments.documents}
    mine = {dates[d] for d in group.documents if d in dates}
    if len(years) < 2:
        return "recurring" if len(group.documents) > 1 else "single"
    latest = years[-1]
    if latest in mine and len(mine) > 1:
        return "persistent"
    if latest in mine:
        return f"new in {latest}"
    return f"dropped in {latest}"


def _status_rank(text: str) -> int:
    return next((i for i, s in enumerate(STATUS_ORDER) if text.startswith(s)), len(STATUS_ORDER))


def select(commitments: Commitments, min_docs: int = 1, theme: str | None = None) -> list[Group]:
    """Groups in at least ``min_docs`` documents (of ``theme``), persistent first, then new, then dropped."""
    wanted = theme.replace("-", " ").strip().casefold() if theme else None
    groups = [g for g in commitments.groups if len(g.documents) >= min_docs
              and (wanted is None or g.theme == wanted)]
    return sorted(groups, key=lambda g: (_status_rank(status(commitments, g)), -len(g.documents), g.theme,
                                         g.label, g.id))


def _strength_in(group: Group, doc_id: str) -> str | None:
    for m in group.members:
        if m.doc_id == doc_id:
            return m.strength
    return None


def _short(doc: Document, width: int) -> str:
    return truncate(doc.id, width)


# --------------------------------------------------------------------------- text

def matrix_text(commitments: Commitments, groups: Sequence[Group], width: int = 100) -> list[Line]:
    """The groups × documents matrix with a status column and a legend."""
    docs = commitments.documents
    id_w = max([5] + [len(g.id) for g in groups])
    st_w = max([6] + [len(status(commitments, g)) for g in groups])
    room = (width - id_w - st_w - 4 - 36) // max(len(docs), 1) - 1  # leave ~36 cells for the label
    col = max(7, min(12, max((len(d.id) for d in docs), default=3), room))  # 7: "2024-06" fits
    fixed = id_w + 2 + st_w + 2 + (col + 1) * len(docs) + 1
    label_w = max(16, width - fixed)
    lines: list[Line] = []
    head = Line().add_raw(pad("GROUP", id_w) + "  " + pad("STATUS", st_w) + "  ", "heading")
    dates = Line().add_raw(" " * (id_w + 2 + st_w + 2))
    for d in docs:
        head.add(pad(_short(d, col), col) + " ", "heading")
        dates.add_raw(pad(d.date.isoformat()[:col], col) + " ", "meta")
    head.add_raw(" PLEDGE", "heading")
    lines += [head, dates]
    for g in groups:
        line = Line().add(pad(g.id, id_w) + "  ", "id")
        st = status(commitments, g)
        line.add_raw(pad(st, st_w) + "  ", "added" if st.startswith("new") else
                     "removed" if st.startswith("dropped") else "meta")
        for d in docs:
            strength = _strength_in(g, d.id)
            symbol = SYMBOL[strength] if strength else ABSENT
            line.add_raw(pad(symbol, col) + " ", strength or "dim")
        line.add(" " + truncate(g.label, label_w), "")
        lines.append(line)
    if not groups:
        lines.append(Line().add_raw("(no pledge groups match)", "dim"))
    lines.append(Line())
    lines.append(Line().add_raw(LEGEND, "meta"))
    total = len(commitments.groups)
    shared = sum(1 for g in commitments.groups if len(g.documents) > 1)
    lines.append(Line().add_raw(
        f"{len(groups)} of {total} groups shown; {shared} span more than one document. "
        "Details: accord commitments --explain GROUP", "meta"))
    return lines


def explain_text(commitments: Commitments, exp: Explanation, width: int = 100) -> list[Line]:
    """Members, their score to the rest of the group, pairwise scores and shared terms."""
    g = exp.group
    lines = [Line().add(g.label, "title"),
             Line().add(g.id, "id").add_raw("  ").add(f"theme: {g.theme}", "meta").add_raw("  ")
             .add(status(commitments, g), "meta").add_raw("  ").add(f"key terms: {', '.join(g.terms)}", "meta"),
             Line()]
    lines.append(Line().add_raw("Members", "heading"))
    for m, score in exp.member_scores:
        head = f"{m.doc_id}:{m.index}"
        lines.append(Line().add(head, "id").add_raw("  ").add(f"{SYMBOL[m.strength]} {m.strength}", m.strength)
                     .add_raw("  ").add(f"actor: {m.actor}", "meta").add_raw("  ")
                     .add(f"cue: {m.cue}", "meta").add_raw("  ").add(f"score to the rest {score:.2f}", "score"))
        for wrapped in wrap_runs([(visible(m.text), "")], width - 4):
            line = Line().add_raw("    ")
            for chunk, style in wrapped:
                line.add_raw(chunk, style)
            lines.append(line)
    lines.append(Line())
    lines.append(Line().add_raw("Pairwise similarity (cosine of weighted content terms)", "heading"))
    if not exp.pairs:
        lines.append(Line().add_raw("(one member: nothing to compare)", "dim"))
    for p in exp.pairs:
        lines.append(Line().add(f"{p.a.doc_id}:{p.a.index}", "id").add_raw(" ~ ").add(f"{p.b.doc_id}:{p.b.index}", "id")
                     .add_raw("  ").add(f"{p.score:.2f}", "score").add_raw("  ")
                     .add("shared: " + (", ".join(p.shared) or "-"), "meta"))
    lines.append(Line())
    lines.append(Line().add_raw(
        f"A pledge joins a group when its score to the group's centroid is at least {exp.threshold:.2f} "
        "(less penalties for an opposite actor, negation or strength), one member per document.", "meta"))
    return lines


# --------------------------------------------------------------------------- markdown

def matrix_markdown(commitments: Commitments, groups: Sequence[Group]) -> str:
    docs = commitments.documents
    out = ["# Shared commitments", ""]
    header = "| group | status | theme | " + " | ".join(f"{md_cell(d.id)}<br>{d.date.isoformat()}" for d in docs) \
        + " | pledge |"
    out += [header, "|---|---|---|" + "---|" * len(docs) + "---|"]
    for g in groups:
        cells = []
        for d in docs:
            s = _strength_in(g, d.id)
            cells.append(SYMBOL[s] if s else ABSENT)
        out.append(f"| `{g.id}` | {md_cell(status(commitments, g))} | {md_cell(g.theme)} | " + " | ".join(cells)
                   + f" | {md_cell(g.label)} |")
    if not groups:
        out.append("")
        out.append("*No pledge groups match.*")
    out += ["", md(LEGEND), ""]
    return "\n".join(out) + "\n"


def explain_markdown(commitments: Commitments, exp: Explanation) -> str:
    g = exp.group
    out = [f"# {md(g.label)}", "", f"`{g.id}` · theme: {md(g.theme)} · {md(status(commitments, g))} · "
           f"key terms: {md(', '.join(g.terms))}", "", "## Members", "",
           "| document | sentence | strength | actor | score to the rest | text |", "|---|---:|---|---|---:|---|"]
    for m, score in exp.member_scores:
        out.append(f"| {md_cell(m.doc_id)} | {m.index} | {SYMBOL[m.strength]} {m.strength} | {md_cell(m.actor)} | "
                   f"{score:.2f} | {md_cell(m.text)} |")
    out += ["", "## Pairwise similarity", "", "| a | b | score | shared terms |", "|---|---|---:|---|"]
    for p in exp.pairs:
        out.append(f"| {md_cell(p.a.doc_id)}:{p.a.index} | {md_cell(p.b.doc_id)}:{p.b.index} | {p.score:.2f} | "
                   f"{md_cell(', '.join(p.shared))} |")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- json

def _group_json(commitments: Commitments, g: Group) -> dict[str, object]:
    return {
        "id": g.id,
        "label": g.label,
        "theme": g.theme,
        "status": status(commitments, g),
        "terms": list(g.terms),
        "documents": list(g.documents),
        "members": [{"doc": m.doc_id, "index": m.index, "text": m.text, "strength": m.strength,
                     "actor": m.actor, "cue": m.cue} for m in g.members],
    }


def matrix_json(commitments: Commitments, groups: Sequence[Group] | None = None) -> str:
    """Every group (one-document groups included, unless filtered) and the documents in date order."""
    chosen = commitments.groups if groups is None else groups
    return dumps({
        "groups": [_group_json(commitments, g) for g in chosen],
        "documents": [{"id": d.id, "date": d.date.isoformat(), "title": d.title} for d in commitments.documents],
    })


def explain_json(commitments: Commitments, exp: Explanation) -> str:
    data = _group_json(commitments, exp.group)
    data["threshold"] = exp.threshold
    data["member_scores"] = [{"doc": m.doc_id, "index": m.index, "score": s} for m, s in exp.member_scores]
    data["pairs"] = [{"a": {"doc": p.a.doc_id, "index": p.a.index}, "b": {"doc": p.b.doc_id, "index": p.b.index},
                      "score": p.score, "shared": list(p.shared)} for p in exp.pairs]
    data["centroid"] = [{"term": t, "weight": w} for t, w in exp.centroid]
    return dumps(data)


# --------------------------------------------------------------------------- accord show

def sentence_marks(corpus, doc: Document, commitments: Commitments | None = None) -> dict[int, Mark]:  # type: ignore[no-untyped-def]
    """Marks for ``accord show``: each pledge sentence's strength, group and how many other documents share it.

    ``commitments`` may be given when already computed over ``corpus`` (plus ``doc``).
    """
    if commitments is None:
        docs = list(getattr(corpus, "documents", corpus))
        if all(d.id != doc.id for d in docs):
            docs.append(doc)
        commitments = find_commitments(docs)
    marks: dict[int, Mark] = {}
    for s in doc.sentences:
        found = commitments.pledges_of(doc.id, s.index)
        if not found:
            continue
        labels, items = [], []
        for pledge, group in found:
            others = len(group.documents) - 1
            where = f"in {others} other doc{'s' if others != 1 else ''}" if others else "only here"
            labels.append(f"{pledge.strength} · {group.label} · {where}")
            items.append({"strength": pledge.strength, "group": group.id, "label": group.label,
                          "actor": pledge.actor, "other_documents": others})
        data: dict[str, object] = {"pledge": items[0]}
        if len(items) > 1:
            data["pledges"] = items
        marks[s.index] = Mark(label=" | ".join(labels), style=found[0][0].strength, data=data)
    return marks
