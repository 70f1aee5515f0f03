"""``accord compare`` in every format, from a :class:`~tui.analysis.align.Comparison`.

* text: a summary header, the ledger (per theme: what carried over, what is
  only in the older document, what is new in the newer), then each row side by
  side (width >= 100; both cells wrapped to the same height, a `` │ ``
  between them) or one above the other (narrower). Changed words carry
  wdiff-style markers, ``[-deleted-]`` and ``{+inserted+}``, as well as
  colour, so the output reads without colour; row marks are ``=`` unchanged,
  ``~`` reworded (a close pair), ``≈`` related (the same item rewritten: both
  sentences whole, with what they share), ``-`` only in the older document,
  ``+`` new in the newer, with ``↕ moved``, ``▲ stronger`` / ``▼ weaker``, the
  score, the theme and the pledge strength of each side.
* markdown: a report to paste into a document (summary, ledger, then a table).
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

from tui.analysis.diffmodel import ADDED, CLOSE, RELATED, REMOVED, REWORDED, UNCHANGED, Comparison, Row
from tui.infra.safety import visible
from tui.render.styled import Line, cell_width, pad, wrap_runs

SIDE_BY_SIDE_MIN = 100
MARK = {UNCHANGED: "=", REWORDED: "~", ADDED: "+", REMOVED: "-"}
RELATED_MARK = "≈"
ROW_STYLE = {UNCHANGED: "dim", REWORDED: "marker", ADDED: "added", REMOVED: "removed"}
SUMMARY_ORDER = (UNCHANGED, REWORDED, ADDED, REMOVED, "moved", "stronger", "weaker")
PLEDGE_SYMBOL = {"pledge": "●", "support": "◐", "intent": "○"}
ONLY = ("changed", "paired", "one-sided", "pledges")
"""``--only`` filters: not unchanged in place; pairs; one-sided rows; rows with a pledge on either side."""


def legend(comparison: Comparison) -> str:
    only_left, only_right = comparison.side_names()
    return (f"= unchanged  ~ reworded (close)  ≈ related  - {only_left}  + {only_right}  ↕ moved  "
            "▲ stronger  ▼ weaker  ● pledge  ◐ support  ○ intent  [-deleted-] {+inserted+}")


def _wanted(row: Row, only: str | None) -> bool:
    if only == "changed":
        return row.status != UNCHANGED or row.moved
    if only == "paired":
        return row.paired
    if only == "one-sided":
        return not row.paired
    if only == "pledges":
        return row.pledge is not None
    return True


def shown_rows(comparison: Comparison, only: str | bool | None = None, theme: str | None = None) -> list[Row]:
    """The rows to show: all, or those ``only`` asks for (``True`` means ``"changed"``), of ``theme``."""
    if only is True:
        only = "changed"
    elif only is False:
        only = None
    wanted = theme.replace("-", " ").strip().casefold() if theme else None
    return [r for r in comparison.rows if _wanted(r, only) and (wanted is None or r.theme == wanted)]


def row_label(row: Row, comparison: Comparison) -> tuple[str, str]:
    """The row's mark and name as human formats show them: ("≈", "related"), ("-", "only in 2024") …"""
    only_left, only_right = comparison.side_names()
    if row.status == ADDED:
        return MARK[ADDED], only_right
    if row.status == REMOVED:
        return MARK[REMOVED], only_left
    if row.tier == RELATED:
        return RELATED_MARK, "related"
    return MARK[row.status], row.status


def pledge_text(row: Row) -> str:
    """Pledge strength of the row: "● pledge", or "◐ support → ● pledge" when the sides differ; "" without."""
    def one(s: str | None) -> str:
        return f"{PLEDGE_SYMBOL[s]} {s}" if s in PLEDGE_SYMBOL else "no pledge"

    if not row.left_pledge and not row.right_pledge:
        return ""
    if not row.paired:
        return one(row.pledge)
    if row.left_pledge == row.right_pledge:
        return one(row.left_pledge)
    return f"{one(row.left_pledge)} → {one(row.right_pledge)}"


def summary_text(comparison: Comparison) -> str:
    """One line: pairs by tier, one-sided rows by side, moves and strength changes."""
    c = comparison.summary()
    only_left, only_right = comparison.side_names()
    paired = c[UNCHANGED] + c[REWORDED]
    return (f"{paired} carried over: {c[CLOSE]} close ({c[UNCHANGED]} unchanged), {c[RELATED]} related · "
            f"{c[REMOVED]} {only_left} · {c[ADDED]} {only_right} · {c['moved']} moved · "
            f"{c['stronger']} stronger · {c['weaker']} weaker")


LEDGER_COLUMNS = (("CARRIED", "carried"), ("=", UNCHANGED), ("~", "close_reworded"), ("≈", RELATED),
                  ("▲", "stronger"), ("▼", "weaker"))


def ledger_rows(comparison: Comparison) -> list[tuple[str, dict[str, int]]]:
    """The ledger as (theme, counts) with a final ``all themes`` line; ``close_reworded`` = reworded − related."""
    out = []
    total = dict.fromkeys(["carried", UNCHANGED, REWORDED, "close_reworded", RELATED, "stronger", "weaker",
                           "only_left", "only_right"], 0)
    for t in comparison.ledger():
        counts = asdict(t)
        counts.pop("theme")
        counts["close_reworded"] = t.reworded - t.related
        for k in total:
            total[k] += counts[k]
        out.append((t.theme, counts))
    out.append(("all themes", total))
    return out


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
    """Styled runs of one side of a row, with change markers (a related pair: both sentences whole)."""
    if row.status == ADDED:
        return [(_flat(row.right_text), "")]
    if row.status == REMOVED:
        return [(_flat(row.left_text), "")]
    if row.tier == RELATED:
        return [(_flat(row.left_text if side == "left" else row.right_text), "")]
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


def _row_header(row: Row, comparison: Comparison) -> Line:
    mark, name = row_label(row, comparison)
    style = "related" if row.tier == RELATED else ROW_STYLE[row.status]
    line = Line().add_raw(f"{mark} {name}", style)
    if row.similarity is not None and row.status != UNCHANGED:
        line.add_raw(f"  {row.similarity:.2f}", "score")
    if row.moved:
        line.add_raw("  ", "").add_raw("↕ moved", "moved")
    if row.strength == "stronger":
        line.add_raw("  ", "").add_raw("▲ stronger", "stronger")
    elif row.strength == "weaker":
        line.add_raw("  ", "").add_raw("▼ weaker", "weaker")
    line.add_raw("  ").add(row.theme, "theme")
    pledge = pledge_text(row)
    if pledge:
        line.add_raw("  ").add_raw(pledge, row.pledge or "")
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
                      .add_raw(f"   threshold {comparison.threshold:.2f} (related from {round(comparison.related_floor, 3):g})",
                               "score"), width)
    return lines


def _ledger_heads(comparison: Comparison, width: int) -> tuple[str, str, str | None]:
    only_left, only_right = comparison.side_names()
    left, right = only_left.upper(), only_right.upper()
    theme_w = max([10] + [cell_width(t) for t, _ in ledger_rows(comparison)])
    if theme_w + 2 + 7 + 4 * 5 + 2 * 3 + cell_width(left) + cell_width(right) > width:
        return "ONLY L", "ONLY R", f"ONLY L: {only_left}   ONLY R: {only_right}"
    return left, right, None


def ledger_text(comparison: Comparison, width: int = 100) -> list[Line]:
    """Per theme: pairs carried over (by kind), sentences only in the older and new in the newer document."""
    rows = ledger_rows(comparison)
    theme_w = max([10] + [cell_width(t) for t, _ in rows])
    left_h, right_h, note = _ledger_heads(comparison, width)
    if theme_w + 2 + 7 + 4 * 5 + 2 * 3 + cell_width(left_h) + cell_width(right_h) > width:
        return _ledger_list(comparison, rows, width)
    lines = _wrapped(Line().add_raw("By theme (carried over: = unchanged ~ reworded ≈ related ▲ stronger ▼ weaker)",
                                    "heading"), width)
    head = Line().add_raw(pad("THEME", theme_w), "heading").add_raw("  CARRIED", "heading")
    for title, _key in LEDGER_COLUMNS[1:]:
        head.add_raw(f"{title:>4}", "heading")
    head.add_raw("   " + left_h + "   " + right_h, "heading")
    lines.append(head)
    for theme, counts in rows:
        total = theme == "all themes"
        line = Line().add(pad(theme, theme_w), "heading" if total else "theme")
        for i, (_title, key) in enumerate(LEDGER_COLUMNS):
            cell = str(counts[key]) if counts[key] or total else "·"
            line.add_raw(f"{cell:>{9 if i == 0 else 4}}", "" if counts[key] else "dim")
        for key, h in (("only_left", left_h), ("only_right", right_h)):
            cell = str(counts[key]) if counts[key] or total else "·"
            line.add_raw(" " * 3 + f"{cell:>{cell_width(h)}}", ("removed_n" if key == "only_left" else "added_n")
                         if counts[key] else "dim")
        lines.append(line)
    if note:
        lines += _wrapped(Line().add(note, "meta"), width)
    return lines


def _ledger_list(comparison: Comparison, rows, width: int) -> list[Line]:  # type: ignore[no-untyped-def]
    """The ledger for narrow widths: one wrapped line per theme."""
    only_left, only_right = comparison.side_names()
    lines = _wrapped(Line().add_raw("By theme", "heading"), width)
    for theme, c in rows:
        kinds = [f"{c[k]} {sym}" for sym, k in (("=", UNCHANGED), ("~", "close_reworded"), ("≈", RELATED),
                                                   ("▲", "stronger"), ("▼", "weaker")) if c[k]]
        carried = f"{c['carried']} carried" + (f" ({' '.join(kinds)})" if kinds else "")
        line = Line().add(theme, "heading" if theme == "all themes" else "theme").add_raw(": ")
        line.add(f"{carried} · {c['only_left']} {only_left} · {c['only_right']} {only_right}")
        lines += _wrapped(line, width)
    return lines


def compare_text(comparison: Comparison, width: int = 100, only: str | bool | None = None,
                 theme: str | None = None, ledger: bool = True, note: str = "") -> list[Line]:
    """Styled lines: the header (with ``note``, e.g. why this pair), the ledger, then every shown row
    (side by side when ``width`` allows)."""
    lines = _header(comparison, width, note)
    if ledger and comparison.rows:
        lines.append(Line())
        lines += ledger_text(comparison, width)
    lines.append(Line())
    lines += _wrapped(Line().add_raw(legend(comparison), "dim"), width)
    rows = shown_rows(comparison, only, theme)
    side_by_side = width >= SIDE_BY_SIDE_MIN
    if side_by_side and rows:
        cell = (width - 3) // 2
        lines.append(Line())
        lines.append(Line().add(pad(f"L {comparison.left.id} ({comparison.left.date.year})", cell), "heading")
                     .add_raw(" │ ", "rule").add(f"R {comparison.right.id} ({comparison.right.date.year})", "heading"))
    for row in rows:
        lines.append(Line())
        lines.extend(_wrapped(_row_header(row, comparison), width))
        if side_by_side:
            lines.extend(_side_by_side(row, width))
        else:
            lines.extend(_unified(row, width))
    if not rows:
        lines.append(Line())
        if not comparison.rows:
            note = "(both documents are empty: nothing to compare)"
        elif only in (None, "changed", True) and not theme:
            note = "(no changes: every sentence is unchanged and in place)"
        else:
            note = "(no rows match the filter)"
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
    """One side of a row as escaped text, its changed words wrapped by ``mark(core, side)``
    (a related pair: the whole sentence, unmarked)."""
    if not (row.left if side == "left" else row.right):
        return ""
    if row.status != REWORDED or row.tier == RELATED:
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


def ledger_markdown(comparison: Comparison) -> list[str]:
    from tui.render.escape import md

    only_left, only_right = comparison.side_names()
    out = ["## By theme", "",
           "Carried over: = unchanged, ~ reworded (close), ≈ related, ▲ stronger, ▼ weaker.", "",
           f"| theme | carried over | = | ~ | ≈ | ▲ | ▼ | {md(only_left)} | {md(only_right)} |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for theme, counts in ledger_rows(comparison):
        name = f"**{md(theme)}**" if theme == "all themes" else md(theme)
        cells = [str(counts[k]) for _t, k in LEDGER_COLUMNS] + [str(counts["only_left"]), str(counts["only_right"])]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out + [""]


def compare_markdown(comparison: Comparison, only: str | bool | None = None, theme: str | None = None,
                     note: str = "") -> str:
    """A Markdown report: title, ``note`` (e.g. why this pair), summary, ledger, legend and one table row
    per row."""
    from tui.render.escape import md

    left, right = comparison.left, comparison.right
    out = [
        f"# Comparison: {md(left.title)} → {md(right.title)}",
        "",
        f"`{md(left.id)}` ({left.date.isoformat()}) → `{md(right.id)}` ({right.date.isoformat()}) · "
        f"threshold {comparison.threshold:.2f} (related from {round(comparison.related_floor, 3):g})",
        "",
        *([f"*{md(note)}*", ""] if note else []),
        "**Summary:** " + md(summary_text(comparison)),
        "",
    ]
    if comparison.rows:
        out += ledger_markdown(comparison)
    out += [
        "## Rows",
        "",
        "Deleted words are ~~struck through~~, inserted words are **bold**; a related pair shows both "
        "sentences whole. Rows: " + md(legend(comparison).split("  [-")[0]) + ".",
        "",
        f"| # | row | theme | pledge | {md(left.id)} | {md(right.id)} | score | notes |",
        "|---:|---|---|---|---|---|---:|---|",
    ]
    rows = shown_rows(comparison, only, theme)
    for n, row in enumerate(rows, 1):
        score = f"{row.similarity:.2f}" if row.similarity is not None else ""
        mark, name = row_label(row, comparison)
        status = f"{md(mark)} {md(name)}"
        lcell = _md_side(row, "left")
        rcell = _md_side(row, "right")
        if row.left:
            lcell = f"<sup>L{_ids(row.left)}</sup> " + lcell
        if row.right:
            rcell = f"<sup>R{_ids(row.right)}</sup> " + rcell
        out.append(f"| {n} | {status} | {md(row.theme)} | {md(pledge_text(row))} | {lcell} | {rcell} | {score} | "
                   f"{_notes(row)} |")
    if not rows:
        out.append("| | | | | *(no rows)* | | | |")
    return "\n".join(out) + "\n"


# --- HTML -------------------------------------------------------------------------------------------

_CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.5em; } .meta { color: #555; }
.summary { margin: 1em 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; } th, td { border-top: 1px solid #ddd; padding: .4em .6em;
vertical-align: top; text-align: left; } td.side { width: 38%; } td.num { color: #555; white-space: nowrap; }
table.ledger { width: auto; } tr.total td { font-weight: bold; } table.ledger td.n { text-align: right; font-variant-numeric: tabular-nums; }
del { color: #b00020; text-decoration: line-through; } ins { color: #0039a6; text-decoration: underline; }
tr.added td.right { background: #eef3ff; } tr.removed td.left { background: #fff1f1; }
tr.related td.side { border-left: 3px solid #8a6d00; }
tr.unchanged { color: #555; } .badge { font: 12px sans-serif; border-radius: 3px; padding: 0 .4em;
white-space: nowrap; } .moved { background: #e3f4e3; color: #17622a; } a.moved { text-decoration: none; }
tr.moved td.side { border-left: 3px solid #2e9a48; } .stronger { background: #e6f0ff; color: #0039a6; }
.weaker { background: #fff3d6; color: #6b4600; } .ev { color: #555; font: 12px sans-serif; }
.related-badge { background: #fbf1cc; color: #5c4700; } .close-badge { background: #eee; color: #333; }
.only-left { background: #fde4e4; color: #8a0016; } .only-right { background: #dde8ff; color: #002d80; }
.theme, .pledge { font: 12px sans-serif; color: #444; } sup { color: #767676; font: 11px sans-serif; }
"""


def _html_side(row: Row, side: str) -> str:
    """HTML: deleted words in <del> on the left, inserted words in <ins> on the right."""
    from tui.render.escape import html_text

    def mark(core: str, side: str) -> str:
        tag = "del" if side == "left" else "ins"
        return f"<{tag}>{html_text(core)}</{tag}>"

    return _marked_side(row, side, html_text, mark)


def ledger_html(comparison: Comparison) -> list[str]:
    from tui.render.escape import html_text

    only_left, only_right = comparison.side_names()
    out = ["<h2>By theme</h2>",
           '<p class="meta">Carried over: = unchanged, ~ reworded (close), ≈ related, ▲ stronger, ▼ weaker.</p>',
           '<table class="ledger"><thead><tr><th>theme</th><th>carried over</th><th>=</th><th>~</th><th>≈</th>'
           f"<th>▲</th><th>▼</th><th>{html_text(only_left)}</th><th>{html_text(only_right)}</th></tr></thead><tbody>"]
    for theme, counts in ledger_rows(comparison):
        cells = [counts[k] for _t, k in LEDGER_COLUMNS] + [counts["only_left"], counts["only_right"]]
        total = ' class="total"' if theme == "all themes" else ""
        out.append(f"<tr{total}><td>{html_text(theme)}</td>" + "".join(f'<td class="n">{c}</td>' for c in cells)
                   + "</tr>")
    out.append("</tbody></table>")
    return out


def compare_html(comparison: Comparison, only: str | bool | None = None, theme: str | None = None) -> str:
    """One self-contained HTML page (inline CSS, no scripts) in redline style."""
    from tui.render.escape import html_text

    left, right = comparison.left, comparison.right
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html_text(left.id)} → {html_text(right.id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html_text(left.title)} → {html_text(right.title)}</h1>",
        f'<p class="meta"><code>{html_text(left.id)}</code> ({left.date.isoformat()}) → '
        f"<code>{html_text(right.id)}</code> ({right.date.isoformat()}) · threshold "
        f"{comparison.threshold:.2f} (related from {round(comparison.related_floor, 3):g})</p>",
        f'<p class="summary">{html_text(summary_text(comparison))}</p>',
    ]
    if comparison.rows:
        out += ledger_html(comparison)
    out += [
        "<h2>Rows</h2>",
        '<p class="meta">Deletions <del>struck through in red</del>, insertions <ins>underlined in blue</ins>; '
        'a <span class="badge related-badge">≈ related</span> pair shows both sentences whole and what they share; '
        '<span class="badge moved">moved</span> pairs link to where the left sentence used to be.</p>',
        "<table>",
        f"<thead><tr><th>#</th><th>{html_text(left.id)}</th><th>{html_text(right.id)}</th>"
        "<th>score</th></tr></thead><tbody>",
    ]
    rows = shown_rows(comparison, only, theme)
    for n, row in enumerate(rows, 1):
        classes = [row.status] + (["moved"] if row.moved else []) + ([row.tier] if row.tier else [])
        anchors = "".join(f'<a id="L{s.index}"></a>' for s in row.left)
        anchors += "".join(f'<a id="R{s.index}"></a>' for s in row.right)
        mark, name = row_label(row, comparison)
        kind = {ADDED: "only-right", REMOVED: "only-left"}.get(row.status, f"{row.tier or 'close'}-badge")
        badges = [f'<span class="badge {kind}">{html_text(mark)} {html_text(name)}</span>']
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
        about = f'<div class="theme">{html_text(row.theme)}</div>'
        pledge = pledge_text(row)
        if pledge:
            about += f'<div class="pledge">{html_text(pledge)}</div>'
        out.append(
            f'<tr class="{" ".join(classes)}"><td class="num">{anchors}{n} {" ".join(badges)}{about}</td>'
            f'<td class="side left">{lnum}{_html_side(row, "left")}</td>'
            f'<td class="side right">{rnum}{_html_side(row, "right")}</td>'
            f'<td class="num">{score}{ev}</td></tr>'
        )
    if not rows:
        out.append('<tr><td colspan="4">(no rows)</td></tr>')
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
        "actor": {"left": row.left_actor, "right": row.right_actor},
        "links": [{"left": i, "right": j, "score": score} for i, j, score in row.links],
    }


def compare_json(comparison: Comparison, only: str | bool | None = None, theme: str | None = None) -> str:
    from tui.render.jsonfmt import dumps

    return dumps({
        "left": _doc(comparison.left),
        "right": _doc(comparison.right),
        "rows": [row_json(r) for r in shown_rows(comparison, only, theme)],
        "summary": comparison.summary(),
        "threshold": comparison.threshold,
        "related_floor": comparison.related_floor,
        "ledger": [asdict(t) for t in comparison.ledger()],
    })


def lines_to_text(lines: Iterable[Line]) -> str:
    """Plain text of styled lines (for ``--output``)."""
    return "".join(line.plain.rstrip() + "\n" for line in lines)
