"""Output safety: show untrusted text visibly instead of letting a terminal act on it.

Every human-readable format (plain text, Rich, Markdown, HTML, the app) passes
document text, titles, file names and error messages through :func:`visible`.
JSON keeps the exact text (unsafe characters written as ``\\uXXXX``). Storage
is never altered.

What counts as unsafe (:data:`UNSAFE`):

* C0 controls except tab and newline (so ESC, CR, BEL, BS, VT, FF ...), DEL and
  the C1 controls U+0080-U+009F (U+009B is a one-byte CSI on some terminals);
* bidirectional controls U+202A-U+202E, U+2066-U+2069, U+061C, U+200E/U+200F
  (Trojan Source, CVE-2021-42574);
* invisible characters: U+200B-U+200F, U+2060-U+2064, U+206A-U+206F, U+FEFF,
  U+00AD, U+180E, U+FFF9-U+FFFB and the tag characters U+E0000-U+E007F (which
  can smuggle hidden ASCII);
* line and paragraph separators U+2028/U+2029 and lone surrogates (from file
  names that are not valid UTF-8).

Escapes are visible and unambiguous about what was there: ``\\x1b``, ``\\r``,
``\\x9b``, ``<U+202E>``.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069\u061c"
_INVISIBLE = "\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\u00ad\u180e\ufff9-\ufffb"
_OTHER = "\u2028\u2029\ud800-\udfff\U000e0000-\U000e007f"
_NAMED = {"\r": "\\r", "\x1b": "\\x1b", "\x7f": "\\x7f"}

# C0 controls except tab and newline, DEL, C1 controls, bidi and invisible characters.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _INVISIBLE + _OTHER + "]")
"""One character that must never reach a terminal raw."""

# The same set plus tab and newline: what may not appear inside a one-line message.
_UNSAFE_LINE = re.compile("[\t\n\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _INVISIBLE + _OTHER + "]")


def _replace(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0xA0:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def _replace_line(match: re.Match[str]) -> str:
    ch = match.group()
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    return _replace(match)


def visible(text: str) -> str:
    """Return ``text`` with every control, bidi and invisible character shown as an escape.

    Tab and newline are kept; use :func:`one_line` where a newline would break
    the layout (messages, titles in a single line, table cells).
    """
    return UNSAFE.sub(_replace, text)


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`visible` would escape."""
    return UNSAFE.search(text) is not None


def one_line(text: str) -> str:
    """A message made safe and kept on one line (newlines and tabs shown as escapes)."""
    return _UNSAFE_LINE.sub(_replace_line, text)
