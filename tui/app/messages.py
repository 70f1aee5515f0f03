"""Requests that screens post to the app, which owns the corpus and opens screens."""

from __future__ import annotations

from textual.message import Message


class OpenReader(Message):
    """Open ``doc_id`` in the reader, at sentence ``index``."""

    def __init__(self, doc_id: str, index: int = 0) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.index = index


class OpenCompare(Message):
    """Compare two documents (``None`` ids: the default pair)."""

    def __init__(self, left_id: str | None = None, right_id: str | None = None) -> None:
        super().__init__()
        self.left_id = left_id
        self.right_id = right_id


class PickCompare(Message):
    """Ask the user to choose two documents to compare."""

    def __init__(self, left_id: str | None = None, right_id: str | None = None) -> None:
        super().__init__()
        self.left_id = left_id
        self.right_id = right_id


class OpenCommitments(Message):
    """Open the commitments matrix, or straight into group ``group_id``."""

    def __init__(self, group_id: str | None = None) -> None:
        super().__init__()
        self.group_id = group_id


class OpenPair(Message):
    """Read two sentences in context, side by side: ``left_id`` at ``left_index``, ``right_id`` at ``right_index``."""

    def __init__(self, left_id: str, left_index: int, right_id: str, right_index: int) -> None:
        super().__init__()
        self.left_id, self.left_index = left_id, left_index
        self.right_id, self.right_index = right_id, right_index


class SettingChanged(Message):
    """A setting the user changed (``theme``, ``layout``), for the app to remember."""

    def __init__(self, name: str, value: str | None) -> None:
        super().__init__()
        self.name = name
        self.value = value
