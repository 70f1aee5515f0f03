"""Changed words and marks are readable: WCAG contrast of the text styles on dark and light terminals.

Colours are the terminal's, so the figures use two reference palettes of the 16 standard colours
(xterm's defaults and VGA's). A style that sets its own background is measured against it; one that
does not is measured against a dark (#000000, #1e1e1e) and a light (#ffffff) terminal background, and a
style without a foreground uses the terminal's own (light grey on dark, black on light).
"""

from __future__ import annotations

import pytest
from rich.style import Style

from tui.render.styled import THEME

XTERM = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
         "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]
VGA = ["#000000", "#aa0000", "#00aa00", "#aa5500", "#0000aa", "#aa00aa", "#00aaaa", "#aaaaaa",
       "#555555", "#ff5555", "#55ff55", "#ffff55", "#5555ff", "#ff55ff", "#55ffff", "#ffffff"]
TERMINALS = {"dark": ("#e5e5e5", "#000000"), "dark-grey": ("#d4d4d4", "#1e1e1e"), "light": ("#000000", "#ffffff")}
WORD_STYLES = ("delete", "insert", "added", "removed", "moved", "stronger", "weaker", "related", "warn", "error")


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(style_name: str, palette: list[str], terminal: str) -> tuple[str, str]:
    style = Style.parse(THEME[style_name] or "none")
    default_fg, default_bg = TERMINALS[terminal]
    fg = palette[style.color.number] if style.color is not None else default_fg
    bg = palette[style.bgcolor.number] if style.bgcolor is not None else default_bg
    return fg, bg


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [XTERM, VGA], ids=["xterm", "vga"])
@pytest.mark.parametrize("terminal", list(TERMINALS))
@pytest.mark.parametrize("name", WORD_STYLES)
def test_word_styles_reach_aa(name, terminal, palette):
    fg, bg = colours(name, palette, terminal)
    assert contrast(fg, bg) >= 4.5, (name, terminal, fg, bg, round(contrast(fg, bg), 2))


def test_changed_words_never_rely_on_colour_alone():
    assert "strike" in THEME["delete"] and "underline" in THEME["insert"]
    for name in WORD_STYLES:  # no "bold": some terminals draw bold black as grey
        assert "bold" not in THEME[name] or Style.parse(THEME[name]).color is None, name


def test_no_color_keeps_markers():
    from click.testing import CliRunner

    from tui.cli import cli
    from tui.documents.corpus import embedded_folder

    out = CliRunner().invoke(cli, ["--corpus", str(embedded_folder()), "compare", "nhandan", "investor"],
                             env={"NO_COLOR": "1"}).output
    assert "[-" in out and "{+" in out and "\x1b[" not in out
    assert " │ " in out  # the split columns keep a visible separator


def report() -> list[str]:  # pragma: no cover - printed by `python tests/test_contrast.py`
    lines = []
    for name in WORD_STYLES:
        figures = [f"{t}/{p}: {contrast(*colours(name, pal, t)):.1f}" for p, pal in (("xterm", XTERM), ("vga", VGA))
                   for t in TERMINALS]
        lines.append(f"{name:9} {THEME[name]:32} " + "  ".join(figures))
    return lines


if __name__ == "__main__":  # pragma: no cover
    print("\n".join(report()))
