"""Rebuild corpus/ from the raw captures in ../shared/corpus-sources/.

Each corpus file is TOML front matter between ``+++`` lines followed by the
capture byte for byte. Metadata comes from the sources' README table. Run from
the repository root: ``python scripts/import_sources.py [SOURCES_DIR]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DOCUMENTS = [
    {
        "file": "000_de1ebfbbc9d1a7b1.txt",
        "id": "nhandan-2024",
        "title": "Vietnam, Russia determined to deepen comprehensive strategic partnership",
        "outlet": "Nhan Dan",
        "url": "https://en.nhandan.vn/",
        "date": "2024-06-20",
        "published": "2024-06-20",
        "event": "President To Lam and President Putin meet the press in Hanoi after talks; "
        "joint statement on deepening the comprehensive strategic partnership",
        "kind": "joint-statement-report",
    },
    {
        "file": "001_3c928ac0abedafa2.txt",
        "id": "vgp-2025",
        "title": "Viet Nam, Russia adopt major orientations to chart course for bilateral ties",
        "outlet": "VGP News (Viet Nam Government Portal)",
        "url": "https://en.baochinhphu.vn/",
        "date": "2025-05-10",
        "published": "2025-05-11",
        "event": "Joint Statement on major orientations, General Secretary To Lam's official "
        "visit to Russia, May 8-11",
        "kind": "joint-statement-report",
    },
    {
        "file": "002_cbc7f78200ef3dae.txt",
        "id": "vov-2025",
        "title": "Vietnam gives top priority to enhancing partnership with Russia",
        "outlet": "VOV",
        "url": "https://vov.vn/",
        "date": "2025-01-14",
        "published": "2025-01-14",
        "event": "Prime Minister Pham Minh Chinh's talks with Russian Prime Minister Mikhail "
        "Mishustin in Hanoi; joint communique",
        "kind": "talks-report",
    },
    {
        "file": "003_278036f7c610173c.txt",
        "id": "hanoitimes-2024",
        "title": "Vietnam backs Russia's Turn to the East policy: Party chief",
        "outlet": "The Hanoi Times",
        "url": "https://hanoitimes.vn/",
        "date": "2024-06-20",
        "published": "2024-06-20",
        "event": "General Secretary Nguyen Phu Trong meets President Putin; "
        "PM Pham Minh Chinh meets President Putin",
        "kind": "meeting-report",
    },
    {
        "file": "004_75ae946fc43069bc.txt",
        "id": "investor-2024",
        "title": "Vietnam, Russia to deepen Comprehensive Strategic Partnership, "
        "sign 11 cooperation documents",
        "outlet": "The Investor",
        "url": "https://theinvestor.vn/",
        "date": "2024-06-20",
        "published": "2024-06-20",
        "event": "Joint press conference of To Lam and Putin in Hanoi; "
        "11 cooperation documents signed",
        "kind": "press-conference-report",
    },
]


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(meta: dict[str, str]) -> str:
    """Return the ``+++`` block for one document (dates as TOML dates)."""
    lines = ["+++"]
    for key in ("id", "title", "outlet", "url", "date", "published", "event", "kind"):
        value = meta[key]
        lines.append(f"{key} = {value if key in ('date', 'published') else _toml_string(value)}")
    lines.append('language = "en"')
    lines.append("+++")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    sources = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus-sources"
    out = ROOT / "corpus"
    out.mkdir(exist_ok=True)
    for meta in DOCUMENTS:
        capture = (sources / meta["file"]).read_bytes()
        target = out / f"{meta['id']}.txt"
        target.write_bytes(front_matter(meta).encode("utf-8") + capture)
        print(f"{target.relative_to(ROOT)}: {len(capture)} bytes of capture")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
