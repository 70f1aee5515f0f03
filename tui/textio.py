"""Decoding document bytes: BOMs, encodings, line endings, size limits."""

from __future__ import annotations

import codecs
from pathlib import Path

from tui.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused before they are read (``--max-bytes``)."""


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing it before reading when it is over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
        return path.read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None


def decode(data: bytes, path: object, encoding: str | None = None) -> str:
    """Decode document bytes to text with LF line endings.

    UTF-8 with or without BOM, UTF-16 with BOM; anything else only with an
    explicit ``encoding``. Invalid UTF-8 is refused with its byte offset; NUL
    bytes mark a binary file. CRLF and lone CR become LF; no other character
    (``\\v``, ``\\f``, U+2028, U+0085) is treated as a line break.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte offset {exc.start}") from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid UTF-16 at byte offset {exc.start}") from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(path, f"binary file (NUL byte at offset {nul}), not a text document")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                path, f"not valid UTF-8 at byte offset {exc.start} (use --encoding to name another)"
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(path, "binary file (NUL character), not a text document")
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, leaving every other character alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
