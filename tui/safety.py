"""Output safety: show untrusted text visibly instead of letting a terminal act on it.

Every human-readable format (plain text, Rich, Markdown, HTML, the app) passes
document text, titles, file names and error messages through :func:`visible`.
JSON keeps the exact text. Storage is never altered.
"""

from __future__ import annotations

import re

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"
_NAMED = {"\r": "\\r", "\x1b": "\\x1b", "\x7f": "\\x7f"}

# C0 controls except tab and newline, DEL, C1 controls, bidi and invisible characters.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f" + _BIDI + _INVISIBLE + "\u2028\u2029]"
)


def _replace(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0xA0:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Return ``text`` with every control, bidi and invisible character shown as an escape."""
    return UNSAFE.sub(_replace, text)


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`visible` would escape."""
    return UNSAFE.search(text) is not None


def one_line(text: str) -> str:
    """A message made safe and kept on one line (newlines and tabs shown as escapes)."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")
