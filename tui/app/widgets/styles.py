"""Theme styles resolved to solid colours, and the WCAG contrast of a style.

Textual's *partial* component styles keep a colour's alpha unapplied (``$success 20%``
becomes the full ``$success``; ``$text-muted`` becomes white), so text styled with
them can be unreadable. :func:`component_style` composes the component's colours over
the widget's background, as Textual does when it paints a widget, and drops the
background when the component has none of its own, so a cursor row still shows through.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """The rich style of component class ``name`` of ``widget``, with solid colours."""
    full = widget.get_component_rich_style(name, partial=False)
    own_background = widget.get_component_styles(name).has_rule("background")
    if own_background:
        return full
    return full.without_color + Style(color=full.color)


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(color: RichColor) -> float:
    """WCAG 2 relative luminance of a truecolor ``color``."""
    r, g, b = color.get_truecolor()
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: RichColor, background: RichColor) -> float:
    """WCAG 2 contrast ratio (1 to 21) of two colours."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def style_contrast(style: Style, base: Style) -> float:
    """Contrast of text drawn in ``style`` over ``base`` (the widget's own colours fill what is unset)."""
    foreground = style.color or base.color
    background = style.bgcolor or base.bgcolor
    assert foreground is not None and background is not None
    return contrast(foreground, background)
