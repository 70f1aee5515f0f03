"""``accord compare`` in every format, from a :class:`~tui.analysis.align.Comparison`.

* text: a summary header, then each row side by side (width >= 100; both
  cells wrapped to the same height so rows stay aligned) or one above the
  other (narrower). Changed words carry wdiff-style markers, ``[-deleted-]``
  and ``{+inserted+}``, as well as colour, so the output reads without
  colour; row markers are ``=`` unchanged, ``~`` reworded, ``+`` added,
  ``-`` removed, with ``↕ moved``, ``▲ stronger`` / ``▼ weaker`` and the score.
* markdown: a report to paste into a document (summary, then a table).
* html: one self-contained page with inline CSS and redline conventions:
  deletions red and struck through (``<del>``), insertions blue and
  underlined (``<ins>``), moved pairs green with a link to where the left
  sentence used to be.
* json: the exact text and every field of every row.

Document text is escaped for display (:func:`tui.infra.safety.visible`, then
Markdown or HTML escaping) before it is wrapped; JSON keeps it exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from tui.analysis.diffmodel import ADDED, REMOVED, REWORDED, UNCHANGED, Comparison, Row
from tui.infra.safety import visible
from tui.render.styled import Line, cell_width, pad, wrap_runs

SIDE_BY_SIDE_MIN = 100
MARK = {UNCHANGED: "=", REWORDED: "~", ADDED: "+", REMOVED: "-"}
ROW_STYLE = {UNCHANGED: "dim", REWORDED: "marker", ADDED: "added", REMOVED: "removed"}
SUMMARY_ORDER = (UNCHANGED, REWORDED, ADDED, REMOVED, "moved", "stronger", "weaker")
LEGEND = ("= unchanged  ~ reworded  + added  - removed  ↕ moved  ▲ stronger  ▼ weaker  "
          "[-deleted-] {+inserted+}")


def shown_rows(comparison: Comparison, only_changed: bool = False) -> list[Row]:
    """The rows to show: all, or only those that are not unchanged in place."""
    if not only_changed:
        return list(comparison.rows)
    return [r for r in comparison.rows if r.status != UNCHANGED or r.moved]


def summary_text(comparison: Comparison) -> str:
    counts = comparison.summary()
    return " · ".join(f"{counts[k]} {k}" for k in SUMMARY_ORDER)


def _flat(text: str) -> str:
    """Display text on one line: visible escapes, newlines and tabs as spaces."""
    return visible(text).replace("\n", " ").replace("\t", " ")


def _split_space(text: str) -> tuple[str, str, str]:
    """``text`` as (leading space, core, trailing space), so markers hug the words."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core[0])
    return text[:start], core, text[start + len(core):]


def _side_runs(row: Row, side: str) -> list[tuple[str, str]]:
    """Styled runs of one side of a row, with change markers."""
    if row.status == ADDED:
        return [(_flat(row.right_text), "added")]
    if row.status == REMOVED:
        return [(_flat(row.left_text), "removed")]
    runs: list[tuple[str, str]] = []
    for change in row.changes:
        text = change.left if side == "left" else change.right
        if not text:
            continue
        if change.op == "equal":
            runs.append((_flat(text), ""))
            continue
        lead, core, trail = _split_space(text)
        if lead:
            runs.append((_flat(lead), ""))
        if core:
            if side == "left":
                runs.append(("[-" + _flat(core) + "-]", "delete"))
            else:
                runs.append(("{+" + _flat(core) + "+}", "insert"))
        if trail:
            runs.append((_flat(trail), ""))
    return runs


def _ids(sentences) -> str:  # type: ignore[no-untyped-def]
    return ",".join(str(s.index) for s in sentences)


def _wrapped(line: Line, width: int, indent: str = "  ") -> list[Line]:
    """``line`` wrapped to ``width`` cells, continuation lines indented."""
    out = []
    for i, runs in enumerate(wrap_runs(line.runs, width - len(indent))):
        part = Line().add_raw(indent if i else "")
        for chunk, style in runs:
            part.add_raw(chunk, style)
        out.append(part)
    return out


def _row_header(row: Row) -> Line:
    line = Line().add_raw(f"{MARK[row.status]} {row.status}", ROW_STYLE[row.status])
    if row.similarity is not None and row.status != UNCHANGED:
        line.add_raw(f"  {row.similarity:.2f}", "score")
    if row.moved:
        line.add_raw("  ↕ moved", "moved")
    if row.strength == "stronger":
        line.add_raw("  ▲ stronger", "stronger")
    elif row.strength == "weaker":
        line.add_raw("  ▼ weaker", "weaker")
    where = []
    if row.left:
        where.append(f"L{_ids(row.left)}")
    if row.right:
        where.append(f"R{_ids(row.right)}")
    line.add_raw("  " + " → ".join(where), "dim")
    if row.evidence:
        line.add_raw("  shared: ", "dim").add(", ".join(row.evidence), "dim")
    return line


def _header(comparison: Comparison, width: int, note: str = "") -> list[Line]:
    left, right = comparison.left, comparison.right
    lines = _wrapped(
        Line().add_raw("Compare ", "title").add(left.id, "id").add_raw(f" ({left.date.isoformat()})", "meta")
        .add_raw("  →  ", "title").add(right.id, "id").add_raw(f" ({right.date.isoformat()})", "meta"), width)
    for label, doc in (("L", left), ("R", right)):
        for i, wrapped in enumerate(wrap_runs([(_flat(doc.title), "meta")], width - 3)):
            line = Line().add_raw(f"{label}  " if i == 0 else "   ", "dim")
            for chunk, style in wrapped:
                line.add_raw(chunk, style)
            lines.append(line)
    if note:
        lines += _wrapped(Line().add(note, "dim"), width)
    lines += _wrapped(Line().add_raw(summary_text(comparison), "heading")
                      .add_raw(f"   threshold {comparison.threshold:.2f}", "score"), width)
    lines += _wrapped(Line().add_raw(LEGEND, "dim"), width)
    return lines


def compare_text(comparison: Comparison, width: int = 100, only_changed: bool = False,
                 note: str = "") -> list[Line]:
    """Styled lines: the header (with ``note``, e.g. why this pair), then every shown row."""
    lines = _header(comparison, width, note)
    rows = shown_rows(comparison, only_changed)
    side_by_side = width >= SIDE_BY_SIDE_MIN
    for row in rows:
        lines.append(Line())
        lines.extend(_wrapped(_row_header(row), width))
        if side_by_side:
            lines.extend(_side_by_side(row, width))
        else:
            lines.extend(_unified(row, width))
    if not rows:
        lines.append(Line())
        if not comparison.rows:
            note = "(both documents are empty: nothing to compare)"
        else:
            note = "(no changes: every sentence is unchanged and in place)"
        lines += _wrapped(Line().add_raw(note, "dim"), width)
    return lines


def _side_by_side(row: Row, width: int) -> list[Line]:
    cell = (width - 3) // 2
    left = wrap_runs(_side_runs(row, "left"), cell) if row.left else [[]]
    right = wrap_runs(_side_runs(row, "right"), cell) if row.right else [[]]
    height = max(len(left), len(right))
    left += [[] for _ in range(height - len(left))]
    right += [[] for _ in range(height - len(right))]
    out = []
    for lcell, rcell in zip(left, right, strict=True):
        line = Line()
        used = 0
        for chunk, style in lcell:
            line.add_raw(chunk, style)
            used += cell_width(chunk)
        line.add_raw(pad("", cell - used) + " │ ", "rule")
        for chunk, style in rcell:
            line.add_raw(chunk, style)
        out.append(line)
    return out


def _unified(row: Row, width: int) -> list[Line]:
    out = []
    for side, label, present in (("left", "L ", row.left), ("right", "R ", row.right)):
        if not present:
            continue
        for i, wrapped in enumerate(wrap_runs(_side_runs(row, side), width - 2)):
            line = Line().add_raw(label if i == 0 else "  ", "dim")
            for chunk, style in wrapped:
                line.add_raw(chunk, style)
            out.append(line)
    return out


# --- Markdown ---------------------------------------------------------------------------------------


def _marked_side(row: Row, side: str, escape, mark) -> str:  # type: ignore[no-untyped-def]
    """One side of a row as escaped text, its changed words wrapped by ``mark(core, side)``."""
    if not (row.left if side == "left" else row.right):
        return ""
    if row.status != REWORDED:
        return escape(row.left_text if side == "left" else row.right_text)
    parts = []
    for change in row.changes:
        text = change.left if side == "left" else change.right
        if not text:
            continue
        if change.op == "equal":
            parts.append(escape(text))
            continue
        lead, core, trail = _split_space(text)
        parts.append(escape(lead) + (mark(core, side) if core else "") + escape(trail))
    return "".join(parts)


def _md_side(row: Row, side: str) -> str:
    """Markdown: deleted words ~~struck~~ on the left, inserted words **bold** on the right."""
    from tui.render.escape import md

    def mark(core: str, side: str) -> str:
        tag = "~~" if side == "left" else "**"
        return f"{tag}{md(core)}{tag}"

    return _marked_side(row, side, md, mark)


def _notes(row: Row) -> str:
    from tui.render.escape import md

    bits = []
    if row.moved:
        bits.append("↕ moved")
    if row.strength == "stronger":
        bits.append("▲ stronger")
    elif row.strength == "weaker":
        bits.append("▼ weaker")
    if row.evidence:
        bits.append("shared: " + md(", ".join(row.evidence)))
    return "; ".join(bits)


def compare_markdown(comparison: Comparison, only_changed: bool = False, note: str = "") -> str:
    """A Markdown report: title, ``note`` (e.g. why this pair), summary, legend and one table row per row."""
    from tui.render.escape import md

    left, right = comparison.left, comparison.right
    out = [
        f"# Comparison: {md(left.title)} → {md(right.title)}",
        "",
        f"`{md(left.id)}` ({left.date.isoformat()}) → `{md(right.id)}` ({right.date.isoformat()}) · "
        f"threshold {comparison.threshold:.2f}",
        "",
        *([f"*{md(note)}*", ""] if note else []),
        "**Summary:** " + md(summary_text(comparison)),
        "",
        "Deleted words are ~~struck through~~, inserted words are **bold**. "
        "Status: = unchanged, ~ reworded, \\+ added, \\- removed.",
        "",
        f"| # | status | {md(left.id)} | {md(right.id)} | score | notes |",
        "|---:|---|---|---|---:|---|",
    ]
    rows = shown_rows(comparison, only_changed)
    for n, row in enumerate(rows, 1):
        score = f"{row.similarity:.2f}" if row.similarity is not None else ""
        status = f"{md(MARK[row.status])} {row.status}"
        lcell = _md_side(row, "left")
        rcell = _md_side(row, "right")
        if row.left:
            lcell = f"<sup>L{_ids(row.left)}</sup> " + lcell
        if row.right:
            rcell = f"<sup>R{_ids(row.right)}</sup> " + rcell
        out.append(f"| {n} | {status} | {lcell} | {rcell} | {score} | {_notes(row)} |")
    if not rows:
        out.append("| | | *(no changes)* | | | |")
    return "\n".join(out) + "\n"


# --- HTML -------------------------------------------------------------------------------------------

_CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { font-size: 1.4em; } .meta { color: #555; } .summary { margin: 1em 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; } th, td { border-top: 1px solid #ddd; padding: .4em .6em;
vertical-align: top; text-align: left; } td.side { width: 42%; } td.num { color: #777; white-space: nowrap; }
del { color: #b00020; text-decoration: line-through; } ins { color: #0039a6; text-decoration: underline; }
tr.added td.right { color: #0039a6; text-decoration: underline; }
tr.removed td.left { color: #b00020; text-decoration: line-through; }
tr.unchanged { color: #666; } .badge { font: 12px sans-serif; border-radius: 3px; padding: 0 .4em;
white-space: nowrap; } .moved { background: #e3f4e3; color: #17622a; } a.moved { text-decoration: none; }
tr.moved td.side { border-left: 3px solid #2e9a48; } .stronger { background: #e6f0ff; color: #0039a6; }
.weaker { background: #fff3d6; color: #8a5a00; } .ev { color: #777; font: 12px sans-serif; }
sup { color: #999; font: 11px sans-serif; }
"""


def _html_side(row: Row, side: str) -> str:
    """HTML: deleted words in <del> on the left, inserted words in <ins> on the right."""
    from tui.render.escape import html_text

    def mark(core: str, side: str) -> str:
        tag = "del" if side == "left" else "ins"
        return f"<{tag}>{html_text(core)}</{tag}>"

    return _marked_side(row, side, html_text, mark)


def compare_html(comparison: Comparison, only_changed: bool = False) -> str:
    """One self-contained HTML page (inline CSS, no scripts) in redline style."""
    from tui.render.escape import html_text

    left, right = comparison.left, comparison.right
    counts = comparison.summary()
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html_text(left.id)} → {html_text(right.id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html_text(left.title)} → {html_text(right.title)}</h1>",
        f'<p class="meta"><code>{html_text(left.id)}</code> ({left.date.isoformat()}) → '
        f"<code>{html_text(right.id)}</code> ({right.date.isoformat()}) · threshold "
        f"{comparison.threshold:.2f}</p>",
        '<p class="summary">' + " · ".join(f"{counts[k]} {k}" for k in SUMMARY_ORDER) + "</p>",
        '<p class="meta">Deletions <del>struck through in red</del>, insertions <ins>underlined in blue</ins>; '
        '<span class="badge moved">moved</span> pairs link to where the left sentence used to be.</p>',
        "<table>",
        f"<thead><tr><th>#</th><th>{html_text(left.id)}</th><th>{html_text(right.id)}</th>"
        "<th>score</th></tr></thead><tbody>",
    ]
    rows = shown_rows(comparison, only_changed)
    for n, row in enumerate(rows, 1):
        classes = [row.status] + (["moved"] if row.moved else [])
        anchors = "".join(f'<a id="L{s.index}"></a>' for s in row.left)
        anchors += "".join(f'<a id="R{s.index}"></a>' for s in row.right)
        badges = []
        if row.moved:
            prev = row.left[0].index - 1
            if prev >= 0:
                badges.append(f'<a class="badge moved" href="#L{prev}" title="in the left document this '
                              f'followed sentence {prev}">↕ moved</a>')
            else:
                badges.append('<span class="badge moved" title="first sentence of the left document">'
                              "↕ moved</span>")
        if row.strength in ("stronger", "weaker"):
            arrow = "▲" if row.strength == "stronger" else "▼"
            badges.append(f'<span class="badge {row.strength}">{arrow} {row.strength}</span>')
        lnum = f"<sup>L{_ids(row.left)}</sup> " if row.left else ""
        rnum = f"<sup>R{_ids(row.right)}</sup> " if row.right else ""
        score = f"{row.similarity:.2f}" if row.similarity is not None else ""
        ev = f'<div class="ev">shared: {html_text(", ".join(row.evidence))}</div>' if row.evidence else ""
        out.append(
            f'<tr class="{" ".join(classes)}"><td class="num">{anchors}{n} {MARK[row.status]}</td>'
            f'<td class="side left">{lnum}{_html_side(row, "left")}</td>'
            f'<td class="side right">{rnum}{_html_side(row, "right")}</td>'
            f'<td class="num">{score} {" ".join(badges)}{ev}</td></tr>'
        )
    if not rows:
        out.append('<tr><td colspan="4">(no changes)</td></tr>')
    out += ["</tbody></table>", "</body></html>", ""]
    return "\n".join(out)


# --- JSON -------------------------------------------------------------------------------------------


def _doc(doc) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"id": doc.id, "title": doc.title, "date": doc.date.isoformat()}


def _sent(s) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"index": s.index, "text": s.text}


def row_json(row: Row) -> dict[str, object]:
    """One row as plain data (exact text)."""
    return {
        "status": row.status,
        "left": _sent(row.left[0]) if row.left else None,
        "right": _sent(row.right[0]) if row.right else None,
        "left_more": [_sent(s) for s in row.left[1:]],
        "right_more": [_sent(s) for s in row.right[1:]],
        "similarity": row.similarity,
        "moved": row.moved,
        "strength": row.strength,
        "changes": [{"op": c.op, "left": c.left, "right": c.right} for c in row.changes],
        "evidence": list(row.evidence),
        "tier": row.tier,
        "theme": row.theme,
        "pledge": {"left": row.left_pledge, "right": row.right_pledge},
        "links": [{"left": i, "right": j, "score": score} for i, j, score in row.links],
    }


def compare_json(comparison: Comparison, only_changed: bool = False) -> str:
    from tui.render.jsonfmt import dumps

    return dumps({
        "left": _doc(comparison.left),
        "right": _doc(comparison.right),
        "rows": [row_json(r) for r in shown_rows(comparison, only_changed)],
        "summary": comparison.summary(),
        "threshold": comparison.threshold,
        "ledger": [asdict(t) for t in comparison.ledger()],
    })


def lines_to_text(lines: Iterable[Line]) -> str:
    """Plain text of styled lines (for ``--output``)."""
    return "".join(line.plain.rstrip() + "\n" for line in lines)
