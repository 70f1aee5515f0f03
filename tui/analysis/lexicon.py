"""The domain lexicon (``lexicon.toml`` beside this module): read once, on first use.

Every word list about diplomatic prose that cannot be derived (titles, "both" expressions, instrument
head nouns, the theme vocabulary) lives in that one TOML file, so code names no country or person.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("lexicon.toml")


@cache
def data() -> dict[str, Any]:
    """The parsed lexicon (cached: the file is read once per process)."""
    import tomllib  # lazy: compiling its patterns costs ~10 ms of import time

    with PATH.open("rb") as f:
        return tomllib.load(f)


def section(name: str) -> dict[str, Any]:
    """One table of the lexicon (``parties``, ``instruments``, ``themes``)."""
    return data()[name]
