"""Coloured output is written in one piece, byte for byte what Rich printed line by line."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.render import styled
from tui.render.styled import THEME, Line, emit


def _rich_lines(lines: list[Line]) -> str:
    """The former printer: one Rich ``print`` per line."""
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, highlight=False, emoji=False, markup=False, width=10_000,
                      soft_wrap=True, no_color=False, color_system="standard", legacy_windows=False)
    for line in lines:
        text = Text(no_wrap=True, end="\n")
        for chunk, style in line.runs:
            text.append(chunk, THEME.get(style, style) or None)
        console.print(text, soft_wrap=True)
    return out.getvalue()


def test_sgr_table_is_riches():
    from rich.color import ColorSystem
    from rich.style import Style

    assert set(styled._SGR) >= set(THEME)
    for name, spec in THEME.items():
        expected = Style.parse(spec)._make_ansi_codes(ColorSystem.STANDARD) if spec else ""
        assert styled._SGR[name] == expected, name


_STYLES = st.sampled_from([*THEME, "", "bold red"])
_TEXT = st.text(alphabet=st.sampled_from(list("ab ~[-]{+}\u00e9\u4e2d\x07\x08\x0b\x0c\r")), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(_TEXT, _STYLES), max_size=6), max_size=5))
def test_styled_text_equals_rich_line_by_line(raw):
    lines = [Line([(t, s) for t, s in runs if t]) for runs in raw]
    out = io.StringIO()
    emit(lines, True, out=out)
    assert out.getvalue() == _rich_lines(lines)


def test_plain_output_strips_trailing_spaces_in_one_write():
    writes: list[str] = []

    class Out(io.StringIO):
        def write(self, s):  # type: ignore[override]
            writes.append(s)
            return len(s)

    emit([Line().add("a  "), Line().add("b", "dim")], False, out=Out())
    assert writes == ["a\nb\n"]


def test_cli_theme_names_are_the_analysis_themes():
    from tui.analysis.themes import THEME_NAMES
    from tui.cli import _THEMES

    assert _THEMES == THEME_NAMES
