"""Unicode normalisation for matching only: NFC, diacritics folded, quote and dash variants unified.

Display and storage never change: the body keeps the capture's characters.
Cleaning decides on a folded *view* of each line (:func:`folded`) and maps
what it matched back to the original characters, so a capture in NFC and the
same capture in NFD (decomposed accents) clean alike. Analysis can use
:func:`fold` to treat "Lâm"/"Lam" and "Việt Nam"/"Viet Nam" as one spelling.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from tui.infra import store

# Letters with a stroke or a special shape, which no decomposition turns into a base letter.
_EXTRA = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
          "ı": "i"}
_QUOTES = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒–—―−"}
_UNIFY = str.maketrans(_QUOTES | _DASHES)
_SPACED_DASH = store.compile(r"\s*-\s*")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (composed accents)."""
    return unicodedata.normalize("NFC", text)


def _fold_char(char: str) -> str:
    """One NFC character without diacritics: '' for a combining mark, else its base letter."""
    if unicodedata.combining(char):
        return ""
    if char in _EXTRA:
        return _EXTRA[char]
    parts = unicodedata.normalize("NFD", char)
    if all(unicodedata.combining(c) for c in parts[1:]):
        return _EXTRA.get(parts[0], parts[0])
    return char


class _FoldTable(dict):
    """A ``str.translate`` table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold_char(chr(code))
        return self[code]


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """``text`` in NFC without diacritics, the same for NFC and NFD input ("Việt Nam" -> "Viet Nam")."""
    if text.isascii():
        return text
    return nfc(text).translate(_TABLE)


def unify(text: str) -> str:
    """Curly and straight quotes as ``'``/``"``, every dash and hyphen variant as ``-``."""
    return text.translate(_UNIFY)


def match_key(text: str) -> str:
    """Key for "the same line": folded, quotes and dashes unified, case, spacing and spaces around dashes ignored."""
    return _SPACED_DASH.sub("-", " ".join(unify(fold(text)).casefold().split()))


class Folded(NamedTuple):
    """A folded view of ``original``: ``text == fold(original)``, and a map back.

    ``origin[j]`` is where in ``original`` the character that gave ``text[j]``
    starts (``None``: the same index), so a match at ``text[a:b]`` covers
    ``original[origin[a]:origin[b]]``, its diacritics included.
    """

    original: str
    text: str
    origin: tuple[int, ...] | None = None

    def at(self, index: int) -> int:
        """The index in ``original`` where the folded ``text[index:]`` starts."""
        return index if self.origin is None else self.origin[index]

    def source(self, start: int, end: int) -> str:
        """The original characters of the folded span ``[start, end)``."""
        return self.original[self.at(start):self.at(end)]


def folded(text: str) -> Folded:
    """The folded view of ``text`` (one line or a few), with its map back to the original."""
    if text.isascii():
        return Folded(text, text)
    if unicodedata.is_normalized("NFC", text):
        out = text.translate(_TABLE)
        if len(out) == len(text):  # every character folds to one: indexes are the same
            return Folded(text, out)
        return _mapped(text, [(i, i + 1, c) for i, c in enumerate(text)])
    return _mapped(text, _nfc_pieces(text))


def _nfc_pieces(text: str) -> list[tuple[int, int, str]]:
    """``text`` cut where NFC never composes across the cut: ``(start, end, nfc(text[start:end]))``."""
    pieces: list[tuple[int, int, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        piece = nfc(text[start:i])
        if pieces:
            first, _, previous = pieces[-1]
            joined = nfc(text[first:i])
            if joined != previous + piece:  # composes across the cut (Hangul jamo, some Indic vowels)
                pieces[-1] = (first, i, joined)
                start = i
                continue
        pieces.append((start, i, piece))
        start = i
    return pieces


def _mapped(text: str, pieces: list[tuple[int, int, str]]) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for start, _, piece in pieces:
        for char in piece:
            for part in _TABLE[ord(char)]:
                out.append(part)
                origin.append(start)
    origin.append(len(text))
    origin[0] = 0  # marks before the first letter belong to the first span (or, folding to nothing, to it all)
    return Folded(text, "".join(out), tuple(origin))
