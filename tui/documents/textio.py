"""Decoding document bytes: BOMs, encodings, line endings, size limits."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from tui.infra.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused before they are read (``--max-bytes``)."""


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file, refusing it when it is over ``max_bytes``.

    The size is checked before reading and again while reading (a file that
    grows, or lies about its size, is still cut off at ``max_bytes + 1``
    bytes). Folders, FIFOs and devices are refused without being opened, so
    ``/dev/zero`` or a named pipe can neither exhaust memory nor block.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a device, pipe or socket)")
        if info.st_size > max_bytes:
            raise InputError(path, _too_big(info.st_size, max_bytes))
        with open(path, "rb") as handle:
            data = _read_capped(handle, max_bytes)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, getattr(exc, "strerror", None) or "cannot be read") from None
    if len(data) > max_bytes:
        raise InputError(path, _too_big(None, max_bytes))
    return data


def read_stream(stream: BinaryIO, label: object, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read at most ``max_bytes`` from a binary stream (stdin), refusing more before decoding."""
    try:
        data = _read_capped(stream, max_bytes)
    except OSError as exc:
        raise InputError(label, exc.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise InputError(label, _too_big(None, max_bytes))
    return data


_CHUNK = 1 << 20


def _read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes, read in chunks (``read(n)`` allocates n bytes up front, so a huge
    ``--max-bytes`` must not be passed to it directly)."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_big(size: int | None, max_bytes: int) -> str:
    if size is None:
        return f"input is over the limit of {max_bytes} bytes (--max-bytes)"
    return f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)"


def decode(data: bytes, path: object, encoding: str | None = None) -> str:
    """Decode document bytes to text with LF line endings.

    UTF-8 with or without BOM, UTF-16 with BOM; anything else only with an
    explicit ``encoding``. Invalid UTF-8 is refused with its byte offset; NUL
    bytes mark a binary file. CRLF and lone CR become LF; no other character
    (``\\v``, ``\\f``, U+2028, U+0085) is treated as a line break.
    """
    if encoding:
        try:
            check_encoding(encoding)
        except ValueError as exc:
            raise InputError(path, str(exc)) from None
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(path, f"{encoding!r} is not a text encoding") from None
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


def check_encoding(name: str | None) -> str | None:
    """``name`` if it is a text encoding Python knows, else ``ValueError`` (``--encoding``)."""
    if name is None:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding (bytes-to-bytes codecs are refused)")
    return name


OUTPUT_ERRORS = "accord-escape"


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


def register_output_errors() -> str:
    """Register (once) and name the error handler for stdout/stderr.

    A character the output encoding cannot hold (``PYTHONIOENCODING=ascii``,
    a Latin-1 terminal) is written as ``\\uXXXX``: readable in text, and valid
    JSON, so ``--format json`` still parses back to the exact text.
    """
    try:
        codecs.lookup_error(OUTPUT_ERRORS)
    except LookupError:
        codecs.register_error(OUTPUT_ERRORS, _escape_unencodable)
    return OUTPUT_ERRORS
