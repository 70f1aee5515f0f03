"""Cleaning: turn a web capture into the article body, keeping a ledger of every removal.

Rules are general kinds of page furniture, not per-site phrases or line numbers:

* teaser blocks ("Other News", "Trending", "Read More", "Related articles" ...)
  and everything after them, once the article has started; single teaser
  links inside it ("See also: <headline>");
* navigation lists: runs of short lines (bulleted or not) with no sentence
  punctuation, unless a line ending in ':' introduces them, and one-line
  menus ("Home | World | Business | Video");
* image markers ("... - Ảnh 1.", "Photo 2");
* photo captions that end with a credit ("- Photo: VNA", "Photos: X |",
  "(Photo: AFP)", "Photo courtesy of X.") or with a bare "|";
* captions printed twice in a row, and later repeats of an earlier line;
* the headline when it repeats the title, datelines, bylines, and source
  credits that open the first paragraph ("VOV.VN -", "VGP –"), lifted into
  :class:`~tui.documents.model.Furniture` fields;
* wire-service credits ("Reporting by X; Editing by Y") and copyright lines;
* sharing widgets ("Share on Facebook", "Facebook Twitter Email"), tag and
  hashtag lines, and stray punctuation lines.

Every non-blank source line ends up either in the body (whole, or after a
lifted prefix) or in the removal ledger with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.documents.model import CleanResult, Furniture, Paragraph, Removed

_TEASER = re.compile(
    r"^[\W_]*(other news|more news|latest news|related news|related (articles|stories|posts)"
    r"|trending( now)?|read more|read also|see also|most (read|popular|viewed)"
    r"|you (may|might) (also )?(like|be interested in)|recommended( for you)?|editor'?s picks?"
    r"|more from\b.*)[\W_]*$",
    re.IGNORECASE,
)
# A single teaser link inside the article: "See also: <headline>", "READ MORE: <headline>".
_TEASER_LINK = re.compile(
    r"^[\W_]*(read more|read also|also read|see also|related|more news|related (news|articles?|stories))"
    r"\s*[:»>|]+\s*\S",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*\-–—]\s*(\S.*)$")
_IMAGE_MARKER = re.compile(
    r"(^|[-–—])\s*(ảnh|anh|photo|image|hình|hinh|picture|pic)\s*\d+\s*\.?\s*$", re.IGNORECASE
)
# A caption's credit: "Photo: Reuters", "Photos: X |", "(Photo: AFP)", "Photo courtesy of X."
# The credited name after a colon starts with a capital or digit, so article prose
# such as "a simple picture: two nations ..." is not taken for a caption.
_CREDIT = re.compile(
    r"(?:^|[\s.,;|\-–—(\[])\s*(?P<credit>(?i:photos?|images?|pictures?|illustration|file photo|source)"
    r"(?:(?i:\s+courtesy\s+of\s+)[^.|:()\[\]]{1,60}?|\s*:\s*[A-Z0-9\"“][^.|:()\[\]]{0,60}?))"
    r"\s*[)\]]?\s*[.|]?\s*$",
)
_BAR_END = re.compile(r"\s\|\s*$")
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)"
)
_WEEKDAY = r"((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?)"
_TIME = r"(\d{1,2}[:h]\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?(\s*(gmt|utc|ict)\s*[+-]?\d{0,2}(:?\d{2})?)?)"
_DATE = (
    rf"({_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SEP = r"[\s,|\-–—]+"
_DATELINE_BODY = (
    r"(((last\s+)?updated|published|posted|created)(\s+(on|at))?\s*:?\s*)?"
    rf"(({_WEEKDAY},?\s+)?{_DATE}({_SEP}{_TIME})?({_SEP}{_TIME})?"
    rf"|{_TIME}{_SEP}({_WEEKDAY},?\s+)?{_DATE})"
)
_DATELINE = re.compile(rf"^{_DATELINE_BODY}[\s,|\-–—]*$", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}"
# "By Jane Doe", "Reporter: Le Hoa", and "By Hoang Phong   June 20, 2024 | 05:30 pm GMT+7".
_BYLINE = re.compile(
    r"^(?i:by|written by|author|reporter|reported by|story by)\s*[:\s]\s*"
    rf"(?P<name>{_NAME}((\s*,\s*|\s+and\s+){_NAME}){{0,2}})"
    rf"(\s*[|,\-–—]\s*|\s+)?(?P<date>(?i:{_DATELINE_BODY}))?\s*$"
)
# Wire-service footers: "Reporting by Khanh Vu; Editing by Ed Davies".
_CREDIT_ROLE = r"(?i:(additional\s+)?reporting|writing|editing|compiled|translated|graphics)\s+by\s+"
_NAMEISH = r"[A-Z][\w.'’-]*(?:(?:\s*,\s*|\s+)(?:[A-Z][\w.'’-]*|in|and|&))*"
_WIRE_CREDITS = re.compile(rf"^{_CREDIT_ROLE}{_NAMEISH}(\s*;\s*{_CREDIT_ROLE}{_NAMEISH})*\s*\.?$")
_COPYRIGHT = re.compile(r"^(©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
_CITY = r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2}"
_SOURCE_PREFIX = re.compile(
    r"^(?P<source>"
    r"(?:[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)"  # VGP, TASS, VOV.VN
    rf"|(?:{_CITY}(?:,\s+[A-Z][a-z]+\.?\s+\d{{1,2}})?\s*\([A-Z][A-Za-z.]{{1,11}}\))"  # Hanoi (VNA); MOSCOW, June 20 (Reuters)
    r")"
    r"\s*[-–—]\s+(?=\S)"
)
_WIDGET_WORDS = (
    r"share|print|email|e-mail|tweet|facebook|twitter|x|zalo|linkedin|whatsapp|telegram|reddit"
    r"|pinterest|messenger|viber|copy link|comments?|\d+ comments?"
)
_WIDGET = re.compile(
    r"^(share( this( article| story| post| page)?)?(\s+(on|via|to)\s+.{1,20})?|print|email|e-mail|tweet"
    r"|facebook|twitter|zalo|linkedin|whatsapp|telegram|comments?|copy link|back to top|subscribe"
    r"|follow us.*|tags?(\s*:.*)?|keywords?(\s*:.*)?|topics?\s*:.*)\s*:?$",
    re.IGNORECASE,
)
_WIDGET_ROW = re.compile(rf"^(?:(?:{_WIDGET_WORDS})[\s|·•,/]*){{2,}}$", re.IGNORECASE)
_HASHTAGS = re.compile(r"^(#\w+[\s,]*)+$")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)]\s*$")

NAV_MIN_ITEMS = 5
"""A bulleted run this long, of short unpunctuated items, is a navigation list."""
NAV_MAX_WORDS = 6
NAV_BAR_MIN_ITEMS = 4
"""A line of this many short items separated by '|' is a navigation bar."""


@dataclass
class _State:
    removed: dict[int, list[Removed]] = field(default_factory=dict)
    kept: dict[int, str] = field(default_factory=dict)
    headline: str = ""
    dateline: str = ""
    source: str = ""
    byline: str = ""
    credits: list[str] = field(default_factory=list)

    def drop(self, line: int, text: str, reason: str) -> None:
        self.removed.setdefault(line, []).append(Removed(line, text, reason))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _is_nav_item(text: str) -> bool:
    """A short line without sentence punctuation, bulleted or not (a menu entry)."""
    match = _BULLET.match(text)
    item = match.group(1).strip() if match else text.strip()
    if not item or _PUNCT_ONLY.match(item):
        return False
    return len(item.split()) <= NAV_MAX_WORDS and not _SENTENCE_END.search(item)


def _is_nav_bar(text: str) -> bool:
    """A one-line menu: at least four short items separated by '|' (``Home | World | ...``)."""
    parts = [p.strip() for p in text.split("|")]
    return (
        len(parts) >= NAV_BAR_MIN_ITEMS
        and all(p and len(p.split()) <= 3 and not _SENTENCE_END.search(p) for p in parts)
    )


def _navigation_runs(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes (into ``lines``) of items of navigation lists.

    A run of at least :data:`NAV_MIN_ITEMS` consecutive non-blank lines that
    are all menu entries (bulleted or not) is a navigation list, unless the
    line before it ends with a colon: then it is a list the article
    introduces ("The documents signed include:"). Article subheadings are
    single short lines between paragraphs, never such runs.
    """
    found: set[int] = set()
    run: list[int] = []
    introduced = False
    previous = ""
    for pos, (_, text) in enumerate(lines + [(0, "end.")]):
        if not text.strip():
            continue
        if _is_nav_item(text):
            if not run:
                introduced = previous.rstrip().endswith(":")
            run.append(pos)
        else:
            if len(run) >= NAV_MIN_ITEMS and not introduced:
                found.update(run)
            run = []
        previous = text
    return found


def clean_lines(lines: list[tuple[int, str]], title: str = "") -> CleanResult:
    """Clean numbered source lines (``(file_line, text)``) of one capture.

    ``title`` is the document's curated title: a line repeating it is the
    headline and is lifted out of the body.
    """
    state = _State()
    content = [(n, t) for n, t in lines if t.strip()]
    nav = _navigation_runs(content)
    title_key = _norm(title)
    seen: dict[str, int] = {}
    started = False
    cut_reason = ""
    pending_pair: dict[int, int] = _adjacent_repeats(content)

    for pos, (line, raw) in enumerate(content):
        text = raw.strip()
        key = _norm(text)
        if cut_reason:
            state.drop(line, text, cut_reason)
            continue
        if started and _TEASER.match(text):
            heading = " ".join(re.sub(r"[\W_]+", " ", text).split())
            cut_reason = f"teaser block after '{heading}'"
            state.drop(line, text, f"teaser block heading '{heading}' (it and all that follows)")
            continue
        if pos in nav:
            state.drop(line, text, "navigation list")
            continue
        if _is_nav_bar(text):
            state.drop(line, text, "navigation bar")
            continue
        if started and _TEASER_LINK.match(text):
            state.drop(line, text, "teaser link to another article")
            continue
        if title_key and key == title_key:
            state.headline = state.headline or text
            state.drop(line, text, "headline (repeats the title; kept in the title field)")
            continue
        if _IMAGE_MARKER.search(text):
            state.drop(line, text, "image marker")
            continue
        if _DATELINE.match(text):
            state.dateline = state.dateline or text
            state.drop(line, text, "dateline (lifted to the dateline field)")
            continue
        byline = _BYLINE.match(text)
        if byline:
            state.byline = state.byline or byline.group("name")
            if byline.group("date"):
                state.dateline = state.dateline or byline.group("date").strip()
                state.drop(line, text, "byline and dateline (lifted to the byline and dateline fields)")
            else:
                state.drop(line, text, "byline (lifted to the byline field)")
            continue
        if _WIRE_CREDITS.match(text):
            state.drop(line, text, "reporting and editing credits")
            continue
        if _COPYRIGHT.match(text) and len(text.split()) <= 20:
            state.drop(line, text, "copyright notice")
            continue
        credit = _CREDIT.search(text)
        if credit:
            state.credits.append(credit.group("credit").strip())
            state.drop(line, text, "photo caption with credit (credit lifted to the credits field)")
            continue
        if _BAR_END.search(text):
            state.drop(line, text, "photo caption (ends with '|')")
            continue
        if _WIDGET.match(text) or _WIDGET_ROW.match(text) or _HASHTAGS.match(text):
            state.drop(line, text, "sharing or tag widget")
            continue
        if _PUNCT_ONLY.match(text):
            state.drop(line, text, "stray punctuation line")
            continue
        if pos in pending_pair:
            other = pending_pair[pos]
            state.drop(line, text, f"caption printed twice in a row (lines {min(line, other)} and {max(line, other)})")
            continue
        if key in seen:
            state.drop(line, text, f"repeated line (same as line {seen[key]})")
            continue
        seen[key] = line
        if not started:
            prefix = _SOURCE_PREFIX.match(text)
            if prefix and len(text) > prefix.end():
                state.source = state.source or prefix.group("source")
                state.drop(line, prefix.group(0), "source credit (lifted to the source field)")
                text = text[prefix.end():]
        state.kept[line] = text
        started = True

    paragraphs: list[Paragraph] = []
    offset = 0
    for line, text in sorted(state.kept.items()):
        if paragraphs:
            offset += 2
        paragraphs.append(Paragraph(line, text, offset))
        offset += len(text)
    body = "\n\n".join(p.text for p in paragraphs)
    removed = tuple(r for line in sorted(state.removed) for r in state.removed[line])
    furniture = Furniture(
        headline=state.headline,
        dateline=state.dateline,
        source=state.source,
        byline=state.byline,
        credits=tuple(dict.fromkeys(state.credits)),
    )
    return CleanResult(body, tuple(paragraphs), removed, furniture)


def _adjacent_repeats(content: list[tuple[int, str]]) -> dict[int, int]:
    """Positions of lines repeated immediately (blank lines aside): captions printed twice."""
    pairs: dict[int, int] = {}
    for pos in range(1, len(content)):
        a, b = content[pos - 1], content[pos]
        if _norm(a[1]) == _norm(b[1]) and len(a[1].split()) >= 3:
            pairs[pos - 1] = b[0]
            pairs[pos] = a[0]
    return pairs


def clean_text(text: str, title: str = "", first_line: int = 1) -> CleanResult:
    """Clean a capture given as one string whose first line is file line ``first_line``."""
    lines = [(first_line + i, t) for i, t in enumerate(text.split("\n"))]
    return clean_lines(lines, title)
