"""JSON output: exact text, readable UTF-8, and no raw control character on the wire."""

from __future__ import annotations

import json
import math
from typing import Any

from tui.infra.safety import UNSAFE


def _escape(match) -> str:  # type: ignore[no-untyped-def]
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells characters beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def dumps(data: Any) -> str:
    """Serialise ``data`` as indented JSON.

    Text round-trips exactly: non-ASCII letters stay readable, while control,
    bidi and invisible characters are written as ``\\uXXXX`` escapes (which
    JSON already does for C0 controls) so a terminal never acts on them.
    """
    text = json.dumps(_finite(data), ensure_ascii=False, indent=2, default=str, allow_nan=False)
    return UNSAFE.sub(_escape, text) + "\n"


def _finite(data: Any) -> Any:
    """``data`` with NaN and infinities as ``null``: Python would write ``NaN``, which is not JSON."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data
