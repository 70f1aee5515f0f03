"""``accord list`` and ``accord show`` in every format, from :class:`~tui.documents.model.Document` objects."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.documents.document import Document
from tui.infra.safety import one_line, visible
from tui.render.styled import Line, cell_width, pad, truncate, wrap_runs

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


def list_markdown(docs: Sequence[Document]) -> str:
    from tui.render.escape import md_cell

    rows = ["| id | date | outlet | kind | sentences | title |", "|---|---|---|---|---:|---|"]
    for d in docs:
        rows.append(
            f"| {md_cell(d.id)} | {d.date.isoformat()} | {md_cell(d.meta.outlet)} | "
            f"{md_cell(d.meta.kind)} | {len(d.sentences)} | {md_cell(d.title)} |"
        )
    return "\n".join(rows) + "\n"


def list_text(docs: Sequence[Document], width: int = 100) -> list[Line]:
    headers = ("ID", "DATE", "OUTLET", "KIND", "SENT", "TITLE")
    # Escape first, so columns are measured on what is shown ("\x1b" takes four cells).
    cells = [
        tuple(one_line(v) for v in (d.id, d.date.isoformat(), d.meta.outlet, d.meta.kind, str(len(d.sentences)),
                                    d.title))
        for d in docs
    ]
    widths = [max([len(h)] + [cell_width(c[i]) for c in cells]) for i, h in enumerate(headers)]
    widths[2] = min(widths[2], 20)
    widths[3] = min(widths[3], 24)
    fixed = sum(widths[:5]) + 2 * 5
    if width - fixed < 30:  # narrow: give the title room, shorten outlet and kind
        widths[2] = min(widths[2], 12)
        widths[3] = min(widths[3], 14)
        fixed = sum(widths[:5]) + 2 * 5
    title_width = max(12, width - fixed)
    lines = [Line()]
    for i, h in enumerate(headers):
        lines[0].add_raw(pad(h, widths[i]) + ("  " if i < 5 else ""), "heading")
    styles = ("id", "", "meta", "meta", "", "title")
    for row in cells:
        line = Line()
        for i, value in enumerate(row):
            limit = title_width if i == 5 else widths[i]
            shown = truncate(value, limit)
            if i == 4:
                line.add(" " * (widths[i] - len(shown)) + shown + "  ", styles[i])
            else:
                line.add(pad(shown, widths[i]) + ("  " if i < 5 else ""), styles[i])
        lines.append(line)
    if not cells:
        lines.append(Line().add_raw("(no documents)", "dim"))
    return lines


def show_json(doc: Document, marks: Mapping[int, Mark] | None = None) -> str:
    from tui.render.jsonfmt import dumps

    data = _doc_summary(doc)
    data.update(
        {
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


def show_markdown(doc: Document, removed: bool = False, marks: Mapping[int, Mark] | None = None) -> str:
    from tui.render.escape import md, md_cell

    out = [f"# {md(doc.title)}", "", _meta_line_md(doc), ""]
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
    doc: Document, width: int = 100, removed: bool = False, marks: Mapping[int, Mark] | None = None
) -> list[Line]:
    lines = [Line().add(doc.title, "title")]
    meta = Line().add(doc.id, "id").add_raw("  ").add(doc.date.isoformat(), "meta")
    for value in (doc.meta.outlet, doc.meta.kind):
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
        lines.append(Line().add_raw(f"Removed by cleaning ({len(doc.removed)} pieces)", "heading"))
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
