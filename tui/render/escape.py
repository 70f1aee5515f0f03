"""Escaping for the human formats: Markdown and HTML, on top of visible control characters."""

from __future__ import annotations

import html
import re

from tui.safety import visible

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~>])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+\.)(?=\s|$)")


def md(text: str) -> str:
    """Markdown-safe inline text: controls visible, markup characters backslash-escaped."""
    out = _MD_SPECIAL.sub(r"\\\1", visible(text))
    out = _MD_LINE_START.sub(r"\1\\\2", out)
    return out.replace("\n", " ")


def md_cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return md(text).replace("\n", " ")


def html_text(text: str) -> str:
    """HTML-escaped text with controls shown visibly."""
    return html.escape(visible(text), quote=True)
