"""``accord list`` and ``accord show`` in every format, from :class:`~tui.documents.model.Document` objects."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.documents.document import Document
from tui.infra.safety import one_line, visible
from tui.render.styled import Line, cell_width, pad, wrap_runs

_BREAK = re.compile(r"\s*\n\s*")


def sentence_line(text: str) -> str:
    """A sentence for display on one line: a paragraph break inside it ("1." + item) becomes a space."""
    return _BREAK.sub(" ", text) if "\n" in text else text


@dataclass(frozen=True)
class Mark:
    """An annotation shown beside a sentence (e.g. a pledge's strength and group)."""

    label: str
    style: str = "meta"
    data: Mapping[str, object] | None = None


def list_json(docs: Sequence[Document]) -> str:
    from tui.render.jsonfmt import dumps

    return dumps({"documents": [_doc_summary(d) for d in docs]})


def _doc_summary(doc: Document) -> dict[str, object]:
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date.isoformat(),
        "outlet": doc.meta.outlet,
        "kind": doc.meta.kind,
        "sentences": len(doc.sentences),
        "published": doc.meta.published.isoformat() if doc.meta.published else None,
        "path": str(doc.path) if doc.path else None,
    }


LIST_CSV = ("id", "date", "title", "outlet", "kind", "sentences", "published", "path")


def list_csv(docs: Sequence[Document]) -> str:
    """One row per document, the fields of ``list --format json``."""
    from tui.render.csvfmt import dumps

    return dumps(LIST_CSV, ([_doc_summary(d)[k] for k in LIST_CSV] for d in docs))


def list_markdown(docs: Sequence[Document]) -> str:
    from tui.render.escape import md_cell

    rows = ["| id | date | outlet | kind | sentences | title |", "|---|---|---|---|---:|---|"]
    for d in docs:
        rows.append(
            f"| {md_cell(d.id)} | {d.date.isoformat()} | {md_cell(d.meta.outlet)} | "
            f"{md_cell(d.meta.kind)} | {len(d.sentences)} | {md_cell(d.title)} |"
        )
    return "\n".join(rows) + "\n"


TITLE_ROOM = 60
"""Cells the title column keeps (at least; the longest title when it is longer) before outlet and
kind grow past their narrow caps."""


def list_text(docs: Sequence[Document], width: int = 100) -> list[Line]:
    headers = ("ID", "DATE", "OUTLET", "KIND", "SENT", "TITLE")
    # Escape first, so columns are measured on what is shown ("\x1b" takes four cells).
    cells = [
        tuple(one_line(v) for v in (d.id, d.date.isoformat(), d.meta.outlet, d.meta.kind, str(len(d.sentences)),
                                    d.title))
        for d in docs
    ]
    widths = [max([len(h)] + [cell_width(c[i]) for c in cells]) for i, h in enumerate(headers)]
    natural = widths[:]
    widths[2] = min(widths[2], 20)
    widths[3] = min(widths[3], 24)
    fixed = sum(widths[:5]) + 2 * 5
    # a wide terminal: outlet and kind as long as they are (to a cap), once the titles fit whole
    spare = width - fixed - max(TITLE_ROOM, natural[5])
    for i, cap in ((2, 36), (3, 30)):
        grow = max(0, min(natural[i], cap) - widths[i])
        if 0 < grow <= spare:
            widths[i] += grow
            spare -= grow
            fixed += grow
    if width - fixed < 40:
        return _list_stacked(cells, width)
    title_width = max(12, width - fixed)
    widths[5] = title_width
    lines = [Line()]
    for i, h in enumerate(headers):
        lines[0].add_raw(pad(h, widths[i]) + ("  " if i < 5 else ""), "heading")
    styles = ("id", "", "meta", "meta", "", "title")
    for row in cells:
        # Nothing is cut: a cell longer than its column wraps, and the row grows as tall as its tallest cell.
        wrapped = [wrap_runs([(value, styles[i])], widths[i]) for i, value in enumerate(row)]
        for n in range(max(len(w) for w in wrapped)):
            line = Line()
            for i, parts in enumerate(wrapped):
                runs = parts[n] if n < len(parts) else []
                text = "".join(t for t, _ in runs)
                if i == 4:
                    line.add_raw(" " * (widths[i] - cell_width(text)) + text + "  ", styles[i])
                else:
                    line.add_raw(pad(text, widths[i]) + ("  " if i < 5 else ""), styles[i])
            lines.append(line)
    if not cells:
        lines.append(Line().add_raw("(no documents)", "dim"))
    return lines


def _list_stacked(cells: Sequence[tuple[str, ...]], width: int) -> list[Line]:
    """``accord list`` for narrow widths: id, date, sentences, outlet and kind on one line, the title whole
    on the lines below it (indented)."""
    id_w = max([2] + [cell_width(c[0]) for c in cells])
    sent_w = max([4] + [len(c[4]) for c in cells])
    lead = id_w + 2 + 10 + 2 + sent_w + 2
    lines = [Line().add_raw(pad("ID", id_w) + "  " + pad("DATE", 10) + "  " + pad("SENT", sent_w) + "  "
                            + "OUTLET · KIND", "heading")]
    lines.append(Line().add_raw("  TITLE", "heading"))
    for doc_id, date, outlet, kind, sentences, title in cells:
        about = " · ".join(v for v in (outlet, kind) if v)
        first = True
        for runs in wrap_runs([(about, "meta")], max(12, width - lead)):
            line = Line()
            if first:
                line.add_raw(pad(doc_id, id_w) + "  ", "id").add_raw(date + "  ")
                line.add_raw(" " * (sent_w - len(sentences)) + sentences + "  ")
                first = False
            else:
                line.add_raw(" " * lead)
            for chunk, style in runs:
                line.add_raw(chunk, style)
            lines.append(line)
        for runs in wrap_runs([(title, "title")], width - 2):
            line = Line().add_raw("  ")
            for chunk, style in runs:
                line.add_raw(chunk, style)
            lines.append(line)
    return lines


def show_json(doc: Document, marks: Mapping[int, Mark] | None = None, parties: Sequence[str] = ()) -> str:
    """``accord show --format json``: the document, its sentences with their pledge marks, what
    cleaning removed, and ``parties`` (the countries it is between, as found)."""
    from tui.render.jsonfmt import dumps

    data = _doc_summary(doc)
    data.update(
        {
            "parties": list(parties),
            "event": doc.meta.event,
            "url": doc.meta.url,
            "language": doc.meta.language,
            "furniture": {
                "headline": doc.furniture.headline,
                "dateline": doc.furniture.dateline,
                "source": doc.furniture.source,
                "byline": doc.furniture.byline,
                "credits": list(doc.furniture.credits),
            },
            "text": doc.body,
            "sentences": [_sentence_json(s, marks) for s in doc.sentences],
            "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in doc.removed],
        }
    )
    return dumps(data)


def _sentence_json(s, marks):  # type: ignore[no-untyped-def]
    item: dict[str, object] = {"index": s.index, "text": s.text, "start": s.start, "end": s.end,
                               "paragraph": s.paragraph}
    if marks and s.index in marks and marks[s.index].data:
        item.update(marks[s.index].data)
    return item


def show_markdown(doc: Document, removed: bool = False, marks: Mapping[int, Mark] | None = None,
                  parties: Sequence[str] = ()) -> str:
    """``accord show --format markdown``."""
    from tui.render.escape import md, md_cell

    meta = _meta_line_md(doc) + (f" · between {md(' and '.join(parties))}" if parties else "")
    out = [f"# {md(doc.title)}", "", meta, ""]
    if removed:
        out += ["## Removed by cleaning", "", "| line | reason | text |", "|---:|---|---|"]
        out += [f"| {r.line} | {md_cell(r.reason)} | {md_cell(r.text)} |" for r in doc.removed]
        return "\n".join(out) + "\n"
    para = -1
    for s in doc.sentences:
        if s.paragraph != para:
            if para >= 0:
                out.append("")
            para = s.paragraph
        note = f" — {md(marks[s.index].label)}" if marks and s.index in marks else ""
        out.append(f"{md(sentence_line(s.text))}{note} <sup>{s.index}</sup>")
    return "\n".join(out) + "\n"


def _meta_line_md(doc: Document) -> str:
    from tui.render.escape import md

    bits = [f"`{doc.id}`", doc.date.isoformat()]
    if doc.meta.outlet:
        bits.append(md(doc.meta.outlet))
    if doc.meta.kind:
        bits.append(md(doc.meta.kind))
    return " · ".join(bits)


def show_text(
    doc: Document, width: int = 100, removed: bool = False, marks: Mapping[int, Mark] | None = None,
    parties: Sequence[str] = (),
) -> list[Line]:
    """``accord show``: title, meta line (with the ``parties`` found), furniture fields, sentences."""
    lines = [Line().add(doc.title, "title")]
    meta = Line().add(doc.id, "id").add_raw("  ").add(doc.date.isoformat(), "meta")
    for value in (doc.meta.outlet, doc.meta.kind, "between " + " and ".join(parties) if parties else ""):
        if value:
            meta.add_raw("  ·  ", "meta").add(value, "meta")
    lines.append(meta)
    furniture = doc.furniture
    extra = [("dateline", furniture.dateline), ("source", furniture.source), ("byline", furniture.byline),
             ("credits", "; ".join(furniture.credits))]
    shown = [f"{k}: {v}" for k, v in extra if v]
    if shown:
        lines.append(Line().add("  ".join(shown), "dim"))
    lines.append(Line())
    if removed:
        lines.append(Line().add_raw(f"Removed by cleaning ({len(doc.removed)} piece{'' if len(doc.removed) == 1 else 's'})", "heading"))
        for r in doc.removed:
            head = f"{r.line:>5}  "
            for i, wrapped in enumerate(wrap_runs([(visible(r.text), "dim")], width - len(head))):
                line = Line().add_raw(head if i == 0 else " " * len(head), "meta")
                for chunk, style in wrapped:
                    line.add_raw(chunk, style)
                lines.append(line)
            lines.append(Line().add_raw(" " * len(head), "meta").add(f"↳ {r.reason}", "warn"))
        return lines
    gutter = len(str(max(len(doc.sentences) - 1, 0))) + 2
    para = -1
    for s in doc.sentences:
        if s.paragraph != para and para >= 0:
            lines.append(Line())
        para = s.paragraph
        runs = [(visible(sentence_line(s.text)), "")]
        mark = marks.get(s.index) if marks else None
        if mark:
            runs.append((visible(f"  [{mark.label}]"), mark.style))
        for i, wrapped in enumerate(wrap_runs(runs, width - gutter)):
            line = Line().add_raw(f"{s.index:>{gutter - 2}}  " if i == 0 else " " * gutter, "dim")
            for chunk, style in wrapped:
                line.add_raw(chunk, style)
            lines.append(line)
    if not doc.sentences:
        lines.append(Line().add_raw("(no article text after cleaning)", "dim"))
    return lines
