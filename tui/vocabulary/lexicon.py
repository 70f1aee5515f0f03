"""The domain lexicon (``lexicon.toml`` beside this module): read once, on first use.

Every word list about diplomatic prose that cannot be derived (titles, "both" expressions, instrument
head nouns, the theme vocabulary) lives in that one TOML file, so code names no country or person.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from tui.infra import store

PATH = Path(__file__).with_name("lexicon.toml")


@cache
def _raw() -> bytes:
    return PATH.read_bytes()


@cache
def fingerprint() -> str:
    """A checksum of the lexicon file, for keys of tables derived from it."""
    import zlib

    raw = _raw()
    return f"lexicon:{len(raw)}:{zlib.crc32(raw):08x}"


@cache
def data() -> dict[str, Any]:
    """The parsed lexicon: read once per process, parsed once per edit of the file (the parse is
    kept in :mod:`tui.infra.store`; tomllib's import and parse cost ~25 ms)."""
    return store.table("lexicon", fingerprint(), _parse)


def _parse() -> dict[str, Any]:
    import tomllib

    return tomllib.loads(_raw().decode("utf-8"))


def section(name: str) -> dict[str, Any]:
    """One table of the lexicon (``parties``, ``instruments``, ``themes``)."""
    return data()[name]
