"""Escaping for the human formats: Markdown and HTML, on top of visible control characters."""

from __future__ import annotations

import html
import re

from tui.infra.safety import visible

# Every character CommonMark or GFM gives a meaning inline ('&' starts an entity such as
# "&#x202E;", which a renderer would turn back into a raw control).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
# After escaping: a leading "-" or "=" (list item, setext underline, thematic break) or "1." (ordered list).
_MD_LINE_START = re.compile(r"^(\s*)(?:([-=])|(\d+)(\.))")
# GFM extended autolinks: "scheme://..." and "www." turn into links without any markup.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|javascript|data|file|mailto|vbscript)(:)|(www)(\.+)")


def _defuse_autolink(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return match.group(3) + "".join(f"\\{dot}" for dot in match.group(4))  # "www.." -> "www\.\."


def md(text: str) -> str:
    """Markdown-safe inline text: controls visible, markup characters backslash-escaped.

    The result is one line (newlines become spaces), starts no block (list,
    heading, quote) and makes no link, autolink, image, entity or raw HTML.
    """
    out = _MD_SPECIAL.sub(r"\\\1", visible(text).replace("\n", " "))
    out = _AUTOLINK.sub(_defuse_autolink, out)
    return _MD_LINE_START.sub(_escape_line_start, out)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def md_cell(text: str) -> str:
    """Text for a Markdown table cell (one line, pipes escaped)."""
    return md(text)


def html_text(text: str) -> str:
    """HTML-escaped text with controls shown visibly."""
    return html.escape(visible(text), quote=True)
