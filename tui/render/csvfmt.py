"""CSV output for spreadsheets: the csv module, exact text, and no cell a spreadsheet runs as a formula.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some spreadsheets
skip before looking) is prefixed with a single quote, the usual defence against CSV formula injection;
everything else is written exactly as in JSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as CSV text, quoted with a leading ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def dumps(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document (RFC 4180 quoting, ``\\r\\n`` line ends) with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()
