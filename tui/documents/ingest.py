"""Turn a user's file (plain text, Markdown or a saved HTML page) into a corpus file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tui.infra import store
from tui.infra.errors import InputError

_HTML_SNIFF = store.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)


def is_html(name: str, text: str) -> bool:
    """True for ``.html``/``.htm`` files or text that starts like an HTML page."""
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_SNIFF.match(text[:2000]))


def extract_html(html: str, label: object) -> str:
    """Main text of a saved HTML page, extracted with trafilatura (paragraphs one per line)."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    if not text or not text.strip():
        raise InputError(label, "no article text could be extracted from this HTML page")
    return text.strip() + "\n"


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def is_markdown(name: str) -> bool:
    """True for a Markdown file (by its suffix: Markdown has no signature to sniff)."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def extract_markdown(text: str, label: object) -> str:
    """The plain text of a Markdown document, one block (heading, paragraph, list item, quoted
    paragraph, table cell row) per line: emphasis, link targets, images, code fences' markers and
    raw HTML tags go, their words stay. Parsed with markdown-it-py (CommonMark)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines: list[str] = []
    for token in tokens:
        if token.type == "inline":
            words = "".join(_inline_text(child) for child in token.children or ())
            line = " ".join(words.split())
            if line:
                lines.append(line)
        elif token.type in ("fence", "code_block"):
            lines.extend(part for part in token.content.splitlines() if part.strip())
    if not lines:
        raise InputError(label, "no text found in this Markdown document")
    return "\n\n".join(lines) + "\n"


def _inline_text(token: object) -> str:
    kind = getattr(token, "type", "")
    if kind in ("text", "code_inline"):
        return str(getattr(token, "content", ""))
    if kind in ("softbreak", "hardbreak"):
        return " "
    return ""  # emphasis and link markers, images, inline HTML tags


def slug(text: str, limit: int = 48) -> str:
    """A lowercase ASCII id fragment of ``text``, at most ``limit`` characters, cut between words
    ("ministry-of-foreign-affairs-of", not "…-of-j") unless its first word is longer."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(ascii_text) > limit:
        cut = ascii_text.rfind("-", 0, limit + 1)
        ascii_text = ascii_text[:cut] if cut > 0 else ascii_text[:limit]
    return ascii_text.rstrip("-") or "document"


def _toml_string(value: str) -> str:
    escaped = []
    for ch in value:
        if ch == "\\":
            escaped.append("\\\\")
        elif ch == '"':
            escaped.append('\\"')
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def corpus_file_text(meta: dict[str, object], body: str) -> str:
    """Front matter for ``meta`` followed by ``body`` (the capture, unchanged)."""
    lines = ["+++"]
    for key in ("id", "title", "outlet", "url", "date", "published", "event", "kind", "language"):
        value = meta.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, dt.date):
            lines.append(f"{key} = {value.isoformat()}")
        else:
            lines.append(f"{key} = {_toml_string(str(value))}")
    lines.append("+++")
    return "\n".join(lines) + "\n" + body
