"""``accord commitments`` in every format, and the pledge marks of ``accord show``.

The text view is a matrix: one row per pledge group, one column per document
in date order, each cell the pledge's strength in that document (● pledge,
◐ support, ○ intent, · absent), with a status column telling what persists
across years, what is new in the latest year and what was dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis.commitments import (
    Commitments,
    Explanation,
    Group,
    find_commitments,
    key_words,
    short_status,
)
from tui.analysis.features import readable
from tui.documents.document import Document
from tui.infra.safety import visible
from tui.render.documents import Mark
from tui.render.escape import md, md_cell
from tui.render.jsonfmt import dumps
from tui.render.styled import Line, cell_width, pad, wrap_runs

SYMBOL = {"pledge": "●", "support": "◐", "intent": "○"}
ABSENT = "·"
LEGEND = "● pledge (agreed, pledged, will)   ◐ support (supported, welcomed)   ○ intent (hope, need, plan)   · absent"
STATUS_ORDER = ("persistent", "new", "dropped", "recurring", "single")


def status(commitments: Commitments, group: Group) -> str:
    """The group's status (:meth:`Commitments.status`): ``persistent``, ``new in YEAR``, ``dropped in
    YEAR``, ``recurring`` or ``single``, on the years of the group's pair of countries."""
    return commitments.status(group)


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


RANK = {"pledge": 3, "support": 2, "intent": 1}
STATUS_LEGEND = ("STATUS: persists = in the latest year and an earlier one; new = only in the latest year; "
                 "dropped = not in the latest year; recurring / single = in several documents / in one, "
                 "where the documents of the pair are all of one year")


@dataclass(frozen=True)
class Column:
    """A column of the matrix: one document, or (when there are too many) one year or span of years."""

    head: str
    docs: frozenset[str]
    legend: str


def _base_name(doc_id: str) -> str:
    """``hanoitimes-2024`` → ``hanoitimes`` (a trailing date or year is left out of a column head)."""
    return re.sub(r"(?:[-_]\d{4}(?:-\d\d){0,2}|[-_]\d+)+$", "", doc_id) or doc_id


def doc_heads(docs: Sequence[Document], width: int) -> list[str]:
    """Short, readable, unique column heads of at most ``width`` cells (at least 3).

    The whole id when it fits; else the shortest prefix of its name (id without the trailing date)
    that tells it from every other name, then a two-digit year when one name has several years, and
    a number as a last resort. Heads are shown with a legend, so they only need to be told apart.
    """
    width = max(3, width)
    ids = [visible(d.id) for d in docs]
    if all(cell_width(i) <= width for i in ids) and len(set(ids)) == len(ids):
        return ids
    names = [_base_name(i) for i in ids]
    distinct = sorted(set(names))
    heads = []
    for doc, name in zip(docs, names, strict=True):
        room = width - 2 if names.count(name) > 1 else width
        cut = _abbreviate(name, [n for n in distinct if n != name], room)
        head = cut.rstrip("-") or cut  # "governo", not "governo-"
        if names.count(name) > 1:
            head += f"{doc.date.year % 100:02d}"
        heads.append(head[:width])
    seen: dict[str, int] = {}
    repeated = {h for h in heads if heads.count(h) > 1}
    for i, h in enumerate(list(heads)):  # still equal (same name and year, or cut by the width): letter them
        if h in repeated:
            seen[h] = seen.get(h, 0) + 1
            letter = "abcdefghijklmnopqrstuvwxyz"[(seen[h] - 1) % 26]
            year = f"{docs[i].date.year % 100:02d}"
            if h.endswith(year) and width >= 4:  # "gov24a", never "gov21" for a 2024 document
                heads[i] = h[:len(h) - 2][:width - 3] + year + letter
            else:
                heads[i] = h[:width - 1] + letter
    if len(set(heads)) != len(heads):
        heads = [f"d{i + 1}"[:width] for i in range(len(heads))]
    return heads


def _abbreviate(name: str, others: Sequence[str], room: int) -> str:
    """``name`` in at most ``room`` cells, keeping what tells it from ``others``: its start, or its start and
    the part after the prefix it shares ("vietnamnet", "vietnamplus" → "vietnet", "vieplus")."""
    room = max(1, room)
    if cell_width(name) <= room:
        return name
    shared = max((len(_common_prefix(name, o)) for o in others), default=0)
    if shared < room:
        return name[:room]
    tail = name[shared:]
    if len(tail) <= room - 2:
        return name[:room - len(tail)] + tail
    return name[:2] + tail[:room - 2]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def columns(commitments: Commitments, room: int, per_doc: int = 3) -> tuple[list[Column], str]:
    """Columns that fit ``room`` cells: one per document (``"documents"``) or, when the documents do not
    fit at ``per_doc`` cells each, one per year (``"years"``), the earliest years merged when even those
    do not fit."""
    docs = commitments.documents
    if docs and len(docs) * (per_doc + 1) <= room:
        width = min(12, room // len(docs) - 1)
        heads = doc_heads(docs, width)
        cols = [Column(h, frozenset({d.id}), f"{d.id} ({d.date.isoformat()}) {d.title}") for h, d in
                zip(heads, docs, strict=True)]
        return cols, "documents"
    years: dict[int, set[str]] = {}
    for d in docs:
        years.setdefault(d.date.year, set()).add(d.id)
    ordered = sorted(years)
    fit = max(1, room // 5)
    cols = []
    if len(ordered) > fit:
        early, ordered = ordered[:len(ordered) - fit + 1], ordered[len(ordered) - fit + 1:]
        merged = frozenset(i for y in early for i in years[y])
        cols.append(Column(f"≤{early[-1] % 100:02d}" if early[-1] >= 2000 else f"≤{early[-1]}", merged,
                           f"{early[0]}–{early[-1]}: {len(merged)} documents"))
    for y in ordered:
        cols.append(Column(str(y), frozenset(years[y]), f"{y}: {len(years[y])} documents"))
    return cols, "years"


def cell(group: Group, column: Column, mode: str, by_doc: dict[str, str] | None = None) -> tuple[str, str | None]:
    """(text, strength) of one cell: the pledge's symbol; by year, the strongest symbol and how many documents."""
    by_doc = by_doc if by_doc is not None else {m.doc_id: m.strength for m in group.members}
    found = [by_doc[d] for d in column.docs if d in by_doc] if len(column.docs) < len(by_doc) else \
        [s for d, s in by_doc.items() if d in column.docs]
    if not found:
        return ABSENT, None
    best = max(found, key=RANK.__getitem__)
    if mode == "documents":
        return SYMBOL[best], best
    return SYMBOL[best] + (str(len(found)) if len(found) > 1 else ""), best


def _row_cells(group: Group, cols: Sequence[Column], column_of: dict[str, int], mode: str
               ) -> list[tuple[str, str | None]]:
    """:func:`cell` for every column of one group, from one pass over its members (``column_of``:
    document id -> column, built once for the matrix) instead of a scan per cell."""
    by_doc = {m.doc_id: m.strength for m in group.members}
    if sum(len(c.docs) for c in cols) != len(column_of):  # a document in two columns: cell by cell
        return [cell(group, c, mode, by_doc) for c in cols]
    best: dict[int, str] = {}
    count: dict[int, int] = {}
    for d, strength in by_doc.items():
        k = column_of.get(d)
        if k is None:
            continue
        count[k] = count.get(k, 0) + 1
        if k not in best or RANK[strength] > RANK[best[k]]:
            best[k] = strength
    out: list[tuple[str, str | None]] = []
    for k in range(len(cols)):
        if k not in best:
            out.append((ABSENT, None))
        elif mode == "documents":
            out.append((SYMBOL[best[k]], best[k]))
        else:
            out.append((SYMBOL[best[k]] + (str(count[k]) if count[k] > 1 else ""), best[k]))
    return out


# --------------------------------------------------------------------------- text

def matrix_text(commitments: Commitments, groups: Sequence[Group], width: int = 100) -> list[Line]:
    """The groups × documents matrix (× years when the documents do not fit), with a status column.

    Nothing is cut: a label wraps inside its column, followed by the group's id for ``--explain``.
    """
    st_w = max([6] + [len(short_status(status(commitments, g))) for g in groups])
    label_min = max(24, min(40, width // 3))
    room = width - st_w - 2 - 1 - label_min
    cols, mode = columns(commitments, room)
    col_w = max([3] + [cell_width(c.head) for c in cols])
    if mode == "years":
        col_w = max(col_w, 4)
    fixed = st_w + 2 + (col_w + 1) * len(cols) + 1
    label_w = max(12, width - fixed)
    lines: list[Line] = []
    head = Line().add_raw(pad("STATUS", st_w) + "  ", "heading")
    for c in cols:
        head.add(pad(c.head, col_w) + " ", "heading")
    head.add_raw(" PLEDGE  (group id)", "heading")
    lines.append(head)
    if mode == "documents":
        dates = Line().add_raw(" " * (st_w + 2))
        for c in cols:
            doc = next(d for d in commitments.documents if d.id in c.docs)
            dates.add_raw(pad(doc.date.isoformat()[:col_w] if col_w >= 7 else f"'{doc.date.year % 100:02d}", col_w)
                          + " ", "meta")
        lines.append(dates)
    column_of: dict[str, int] = {}
    for k, c in enumerate(cols):
        for d in c.docs:
            column_of.setdefault(d, k)
    for g in groups:
        st = status(commitments, g)
        cells = Line().add_raw(pad(short_status(st), st_w) + "  ", "added" if st.startswith("new") else
                               "removed" if st.startswith("dropped") else "meta")
        for text, strength in _row_cells(g, cols, column_of, mode):
            cells.add_raw(pad(text, col_w) + " ", strength or "dim")
        runs = [(visible(" ".join(g.label.split())), ""), ("  ", ""), (g.id, "meta")]
        for i, wrapped in enumerate(wrap_runs(runs, label_w)):
            line = cells if i == 0 else Line().add_raw(" " * fixed)
            if i == 0:
                line.add_raw(" ")
            for chunk, style in wrapped:
                line.add_raw(chunk, style)
            lines.append(line)
    if not groups:
        lines.append(Line().add_raw("(no pledge groups match)", "dim"))
    lines.append(Line())
    for text in _legend_lines(commitments, cols, mode):
        lines += _wrap_meta(text, width)
    total = len(commitments.groups)
    shared = sum(1 for g in commitments.groups if len(g.documents) > 1)
    lines += _wrap_meta(f"{len(groups)} of {total} groups shown; {shared} span more than one document. "
                        "Details: accord commitments --explain GROUP", width)
    return lines


def _legend_lines(commitments: Commitments, cols: Sequence[Column], mode: str) -> list[str]:
    out = [LEGEND, STATUS_LEGEND]
    if mode == "years":
        out.append(f"Columns are years ({len(commitments.documents)} documents): each cell is the strongest pledge "
                   "that year and, after it, in how many documents it appears.")
        out += [c.legend for c in cols if c.head.startswith("≤")]
    else:
        out += [f"{c.head} = {c.legend}" for c in cols if c.head != next(iter(c.docs))]
    return out


def _wrap_meta(text: str, width: int) -> list[Line]:
    out = []
    for i, wrapped in enumerate(wrap_runs([(visible(text), "meta")], width - 2)):
        line = Line().add_raw("  " if i else "")
        for chunk, style in wrapped:
            line.add_raw(chunk, style)
        out.append(line)
    return out


def explain_text(commitments: Commitments, exp: Explanation, width: int = 100) -> list[Line]:
    """Members, their score to the rest of the group, pairwise scores and shared terms."""
    g = exp.group
    lines = [Line().add(g.label, "title"),
             Line().add(g.id, "id").add_raw("  ").add(f"theme: {g.theme}", "meta").add_raw("  ")
             .add(status(commitments, g), "meta").add_raw("  ").add(f"key terms: {', '.join(key_words(g))}", "meta"),
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
                     .add("shared: " + (", ".join(readable(p.shared, p.a.text + " " + p.b.text)) or "-"), "meta"))
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
           f"key terms: {md(', '.join(key_words(g)))}", "", "## Members", "",
           "| document | sentence | strength | actor | score to the rest | text |", "|---|---:|---|---|---:|---|"]
    for m, score in exp.member_scores:
        out.append(f"| {md_cell(m.doc_id)} | {m.index} | {SYMBOL[m.strength]} {m.strength} | {md_cell(m.actor)} | "
                   f"{score:.2f} | {md_cell(m.text)} |")
    out += ["", "## Pairwise similarity", "", "| a | b | score | shared terms |", "|---|---|---:|---|"]
    for p in exp.pairs:
        out.append(f"| {md_cell(p.a.doc_id)}:{p.a.index} | {md_cell(p.b.doc_id)}:{p.b.index} | {p.score:.2f} | "
                   f"{md_cell(', '.join(readable(p.shared, p.a.text + ' ' + p.b.text)))} |")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- json

def _group_json(commitments: Commitments, g: Group) -> dict[str, object]:
    return {
        "id": g.id,
        "label": g.label,
        "theme": g.theme,
        "status": status(commitments, g),
        "parties": list(commitments.pair_of(g)),
        "terms": list(g.terms),
        "words": list(key_words(g)),
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


# --------------------------------------------------------------------------- csv

COMMITMENTS_CSV = ("group_id", "label", "theme", "status", "document_id", "date", "strength", "actor", "text",
                   "sentence_index", "cue")


def matrix_csv(commitments: Commitments, groups: Sequence[Group]) -> str:
    """One row per group × document it appears in (its member there), groups in matrix order."""
    from tui.render.csvfmt import dumps

    dates = {d.id: d.date.isoformat() for d in commitments.documents}

    def rows():  # type: ignore[no-untyped-def]
        for g in groups:
            st = status(commitments, g)
            for m in g.members:
                yield (g.id, g.label, g.theme, st, m.doc_id, dates.get(m.doc_id, ""), m.strength, m.actor, m.text,
                       m.index, m.cue)

    return dumps(COMMITMENTS_CSV, rows())


# --------------------------------------------------------------------------- html

_CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 1400px; color: #222;
padding: 0 1em; } h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 1.6em 0 .3em; }
.meta { color: #555; } table { border-collapse: collapse; } th, td { border-top: 1px solid #ddd;
padding: .3em .5em; vertical-align: top; text-align: left; } td.c { text-align: center; font-family: sans-serif; }
td.label { min-width: 22em; } .status-new { color: #0b5d1e; } .status-dropped { color: #8a0016; }
.scroll { overflow-x: auto; } .wordings { display: flex; gap: 1em; overflow-x: auto; padding-bottom: .5em; }
.wording { flex: 0 0 22em; border: 1px solid #ddd; border-radius: 4px; padding: .5em .7em; }
.wording .who { font: 12px sans-serif; color: #444; margin-bottom: .3em; } code { font-size: .9em; }
"""


def matrix_html(commitments: Commitments, groups: Sequence[Group]) -> str:
    """One self-contained page (inline CSS, no scripts): the matrix, then each group's wordings side by side."""
    from tui.render.escape import html_text as h

    cols, mode = columns(commitments, room=60 * 4, per_doc=3)
    docs = {d.id: d for d in commitments.documents}
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', "<title>Shared commitments</title>",
           f"<style>{_CSS}</style></head><body>", "<h1>Shared commitments</h1>",
           f'<p class="meta">{h(LEGEND)}<br>{h(STATUS_LEGEND)}</p>']
    if mode == "years":
        out.append(f'<p class="meta">{len(commitments.documents)} documents: columns are years, each cell the '
                   "strongest pledge that year and in how many documents.</p>")
    out += ['<div class="scroll"><table class="matrix"><thead><tr><th>status</th>']
    for c in cols:
        title = f' title="{h(c.legend)}"'
        out.append(f"<th{title}>{h(c.head)}</th>")
    out.append("<th>pledge</th><th>theme</th></tr></thead><tbody>")
    for g in groups:
        st = status(commitments, g)
        kind = st.split()[0]
        by_doc = {m.doc_id: m.strength for m in g.members}
        cells = "".join(f'<td class="c">{h(cell(g, c, mode, by_doc)[0])}</td>' for c in cols)
        out.append(f'<tr><td class="status-{h(kind)}">{h(short_status(st))}</td>{cells}'
                   f'<td class="label"><a href="#{h(g.id)}">{h(g.label)}</a></td><td>{h(g.theme)}</td></tr>')
    if not groups:
        out.append(f'<tr><td colspan="{len(cols) + 3}">No pledge groups match.</td></tr>')
    out.append("</tbody></table></div>")
    if mode == "documents":
        out.append('<p class="meta">' + "<br>".join(f"<b>{h(c.head)}</b> = {h(c.legend)}" for c in cols) + "</p>")
    for g in groups:
        st = status(commitments, g)
        out.append(f'<h2 id="{h(g.id)}">{h(g.label)}</h2>')
        out.append(f'<p class="meta"><code>{h(g.id)}</code> · {h(g.theme)} · {h(st)} · in {len(g.documents)} '
                   f"document{'s' if len(g.documents) != 1 else ''}</p>")
        out.append('<div class="wordings">')
        for m in g.members:
            doc = docs.get(m.doc_id)
            when = doc.date.isoformat() if doc else ""
            out.append(f'<div class="wording"><div class="who"><b>{h(m.doc_id)}</b> {h(when)} · sentence '
                       f"{m.index} · {SYMBOL[m.strength]} {h(m.strength)} · actor: {h(m.actor)}</div>"
                       f"{h(m.text)}</div>")
        out.append("</div>")
    out += ["</body></html>", ""]
    return "\n".join(out)


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
            who = f" by {pledge.actor}" if pledge.actor and pledge.actor != "unspecified" else ""
            labels.append(f"{pledge.strength}{who} · {group.label} · {where}")
            items.append({"strength": pledge.strength, "group": group.id, "label": group.label,
                          "actor": pledge.actor, "other_documents": others})
        data: dict[str, object] = {"pledge": items[0]}
        if len(items) > 1:
            data["pledges"] = items
        marks[s.index] = Mark(label=" | ".join(labels), style=found[0][0].strength, data=data)
    return marks
