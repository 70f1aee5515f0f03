"""Errors a user can cause and fix: each renders as one line."""

from __future__ import annotations


class AccordError(Exception):
    """A user-facing problem; ``str(err)`` is the one-line message."""


class InputError(AccordError):
    """A file that cannot be read as a document (names the file, and line where known)."""

    def __init__(self, path: object, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class UnknownDocument(AccordError):
    """An id or prefix that matches no document, or more than one."""
