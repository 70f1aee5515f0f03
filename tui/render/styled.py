"""Styled lines: a tiny layout model shared by the plain and the coloured text output.

A renderer builds :class:`Line` objects (runs of text with semantic style
names); :func:`emit` writes them plain (markers only) or with ANSI colours, in one write (the
codes are Rich's for :data:`THEME`, without importing Rich). Text is escaped with
:func:`tui.infra.safety.visible` when a run is made, so no document text reaches the terminal raw,
and it is never parsed as markup.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TextIO

from tui.infra.safety import one_line

# Semantic style -> Rich style. Styles that colour words (changed words, row and strength marks) set a
# background as well as a foreground, so their contrast does not depend on the terminal's own background:
# each pair reaches WCAG AA (4.5:1) with the xterm and VGA palettes (tests/test_contrast.py). Markers and
# underline / strike-through carry the same meaning without colour.
THEME = {
    "title": "bold",
    "heading": "bold",
    "id": "bold",
    "dim": "dim",
    "meta": "dim",
    "added": "black on green",
    "removed": "bright_white on red",
    "insert": "bright_white on blue underline",
    "delete": "bright_white on red strike",
    "moved": "bright_white on magenta",
    "stronger": "black on cyan",
    "weaker": "black on bright_yellow",
    "related": "bold underline",
    "theme": "italic",
    "pledge": "bold",
    "support": "",
    "intent": "italic",
    "marker": "bold",
    "warn": "black on bright_yellow",
    "error": "bright_white on red",
    "score": "dim",
    "rule": "",
    "added_n": "bold",
    "removed_n": "bold",
}
"""Semantic style name -> Rich style (only the 16 standard colours)."""


@dataclass
class Line:
    """One output line: ``(text, style)`` runs."""

    runs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, text: str, style: str = "") -> Line:
        """Append ``text`` (escaped for display, newlines and tabs too: a Line is one line)."""
        if text:
            self.runs.append((one_line(text), style))
        return self

    def add_raw(self, text: str, style: str = "") -> Line:
        """Append text that is already safe (our own markers and padding)."""
        if text:
            self.runs.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(t for t, _ in self.runs)

    def width(self) -> int:
        return cell_width(self.plain)


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (wide East Asian characters count two)."""
    if text.isascii():  # escaped text has no controls left: one cell per character
        return len(text)
    return sum(_char_width(ch) for ch in text)


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` cells (no truncation)."""
    return text + " " * max(0, width - cell_width(text))


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis when too long."""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def wrap_runs(runs: list[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Wrap styled runs to ``width`` cells at spaces, splitting over-long words.

    A word that spans several runs (``"{+inserted+}."``) is kept together:
    lines break only at spaces.
    """
    width = max(4, width)
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for word in _words(runs):
        if word[0][0] == " ":
            if used and used + 1 <= width:
                lines[-1].append(word[0])
                used += 1
            continue
        w = sum(cell_width(piece) for piece, _ in word)
        if used + w > width and used:
            while lines[-1] and lines[-1][-1][0] == " ":
                lines[-1].pop()
            lines.append([])
            used = 0
        for piece, style in word:
            w = cell_width(piece)
            if used + w <= width:
                lines[-1].append((piece, style))
                used += w
                continue
            # an over-long word: cut it into line-sized pieces in one pass (linear in its length)
            start = 0
            for i, ch in enumerate(piece):
                cw = cell_width(ch)
                if used + cw > width and (i > start or used):
                    if i > start:
                        lines[-1].append((piece[start:i], style))
                    lines.append([])
                    used, start = 0, i
                used += cw
            if start < len(piece):
                lines[-1].append((piece[start:], style))
    for line in lines:
        while line and line[-1][0] == " ":
            line.pop()
    return lines


def _words(runs: list[tuple[str, str]]) -> Iterable[list[tuple[str, str]]]:
    """Spaces one by one, and words as the styled pieces they are made of."""
    word: list[tuple[str, str]] = []
    for text, style in runs:
        for piece in _split_keep_spaces(text):
            if piece == " ":
                if word:
                    yield word
                    word = []
                yield [(" ", style)]
            else:
                word.append((piece, style))
    if word:
        yield word


def _split_keep_spaces(text: str) -> Iterable[str]:
    """Words of ``text`` and each of its spaces, one by one, in order."""
    for i, part in enumerate(text.split(" ")):
        if i:
            yield " "
        if part:
            yield part


_SGR = {"title": "1", "heading": "1", "id": "1", "dim": "2", "meta": "2", "added": "30;42", "removed": "97;41",
        "insert": "4;97;44", "delete": "9;97;41", "moved": "97;45", "stronger": "30;46", "weaker": "30;103",
        "related": "1;4", "theme": "3", "pledge": "1", "support": "", "intent": "3", "marker": "1",
        "warn": "30;103", "error": "97;41", "score": "2", "rule": "", "added_n": "1", "removed_n": "1"}
"""Semantic style -> the SGR codes Rich writes for its :data:`THEME` style in the standard colour system
(tests/test_styled.py checks the two agree), so coloured output needs no Rich at all."""

_CONTROL_STRIP = {c: None for c in (7, 8, 11, 12, 13)}  # what rich.text.Text.append strips


def _sgr(style: str) -> str:
    """SGR codes of a semantic (or, outside :data:`THEME`, a Rich) style name."""
    codes = _SGR.get(style)
    if codes is None:  # not one of ours: ask Rich, as the line-by-line printer did
        from rich.color import ColorSystem
        from rich.style import Style

        spec = THEME.get(style, style)
        codes = _SGR[style] = Style.parse(spec)._make_ansi_codes(ColorSystem.STANDARD) if spec else ""
    return codes


def styled_text(lines: Iterable[Line]) -> str:
    """The lines with ANSI styles, exactly as Rich printed them one by one (standard colours, no
    wrapping): each styled run is ``ESC[<codes>m<text>ESC[0m``, unstyled runs are written as they are."""
    out: list[str] = []
    append = out.append
    for line in lines:
        for chunk, style in line.runs:
            codes = _sgr(style) if style else ""
            chunk = chunk.translate(_CONTROL_STRIP)
            if not chunk:
                continue
            append(f"\x1b[{codes}m{chunk}\x1b[0m" if codes else chunk)
        append("\n")
    return "".join(out)


def plain_text(lines: Iterable[Line]) -> str:
    """The lines without styles (markers only), trailing spaces removed."""
    return "".join(line.plain.rstrip() + "\n" for line in lines)


def emit(lines: Iterable[Line], color: bool, out: TextIO | None = None, width: int | None = None) -> None:
    """Write lines to ``out`` (stdout by default) in one write, with ANSI styles when ``color``.

    ``width`` is accepted for compatibility: styled lines are never wrapped again.
    """
    out = out or sys.stdout
    out.write(styled_text(lines) if color else plain_text(lines))
    out.flush()
