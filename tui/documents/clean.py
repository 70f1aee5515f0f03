"""Cleaning: turn a web capture into the article body, keeping a ledger of every removal.

Rules are general kinds of page furniture, not per-site phrases or line numbers:

* teaser blocks ("Other News", "Trending", "Read More", "Related articles" ...)
  and comment forms ("Leave a Reply") and everything after them, once the
  article has started; single teaser links inside it ("See also: <headline>");
* navigation lists: runs of short lines (bulleted or not) with no sentence
  punctuation, unless a line ending in ':' introduces them, and one-line
  menus ("Home | World | Business | Video");
* image markers ("... - Ảnh 1.", "Photo 2");
* photo captions that end with a credit ("- Photo: VNA", "Photos: X |",
  "(Photo: AFP)", "Photo courtesy of X.") or with a bare "|";
* captions printed twice in a row, and later repeats of an earlier line
  (also a standfirst printed again as a paragraph's opening or after a
  dateline);
* captions ending with a credit in wire style: "Photo by X", "- AFP Photo
  X", "X/Agency Pool/agency", "-/Agency/agency", "(Agency/Name)", "© Agency";
* the headline when it repeats the title (quotes, dashes, spacing, case and
  diacritics aside), datelines and bylines (with a time and zone), lifted into
  :class:`~tui.documents.model.Furniture` fields;
* what opens the first paragraph (or the one after a deck): source credits
  ("VOV.VN -", "VGP –", "(AP) —", "CITY, June 20 (Agency) --") and place
  datelines ("CITY —", "CITY/CITY, June 20 -", "CITY, June 20. /AGENCY/.",
  "City: ..."), lifted likewise, as are date labels, section labels above
  the headline, a wire's name on its own line before a dash, and a place
  alone under a date line;
* wire-service credits ("Reporting by X; Editing by Y"), editor and source
  credits ("(Editor: X)", "(Source: X)") and copyright lines;
* sharing widgets ("Share on Facebook", "Facebook Twitter Email", "Share"
  in other languages), reader settings ("Select font ..."), icon titles run
  together, advertisement labels, breadcrumbs and back links, notes alone in
  square brackets, "Continue reading on:" links, registration walls, tag and
  hashtag lines, and stray punctuation lines.

Rules match a folded view of each line (:mod:`tui.vocabulary.normal`: no
diacritics, so NFC and NFD captures clean alike); the body and the ledger
keep the capture's own characters. Every non-blank source line ends up
either in the body (whole, or after lifted prefixes) or in the removal
ledger with its reason.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tui.documents.model import CleanResult, Furniture, Paragraph, Removed
from tui.documents.sentences import ends_no_sentence
from tui.infra import store
from tui.vocabulary.normal import Folded, folded, match_key

_TEASER = store.compile(
    r"^[\W_]*(other news|more news|latest news|related news|related (articles|stories|posts)"
    r"|trending( now)?|read more|read also|see also|most (read|popular|viewed)"
    r"|you (may|might) (also )?(like|(be )?interested in)( [\w ]{1,30})?|recommended( for you)?|editor'?s picks?"
    r"|more from\b.*|more (?:stories|articles|videos|headlines)(?: (?:from|in|on) [\w &'’-]{1,30})?"
    r"|leave a (reply|comment)|post a comment|add (a|your) comment|join the (discussion|conversation)"
    r"|binh luan|commentaires|comentarios|kommentare"  # "Comments" (folded) in other languages
    r"|related links|disclaimer\s*:\s*all\s+(?:the\s+)?comments\b.*"  # a comments policy: the article has ended
    r"|your email address will not be published\b.*"
    r"|no comments|subscribe to|post comments(?: \(atom\))?)[\W_]*$",  # a blog's footer: "No comments:"  # a comment form: the article has ended
    re.IGNORECASE,
)
# A single teaser link inside the article: "See also: <headline>", "READ MORE: <headline>".
_TEASER_LINK = store.compile(
    r"^[\W_]*(read more|read also|also read|see also|related|more news|related (news|articles?|stories)|read|watch|listen"
    r"|download)"
    r"\s*[:»>|]+\s*\S",
    re.IGNORECASE,
)
_ARROW_LINK = store.compile(r"^\s*>{2,}\s*\S")
""">>> <another headline>: a link to a related article."""
# A Vietnamese site's inline image label, "hinh anh 1" / "hình ảnh 1" ("image 1"), after the image's
# alt text (often the headline) and before its caption, all on one line.
_IMAGE_LABEL = store.compile(r"^.{0,300}?(?<![\w-])(?i:h[iì]nh\s+[aả]nh)\s*\d{1,2}(?!\d)\s*")
_BULLET = store.compile(r"^\s*[•·▪●◦‣∙*\-–—]\s*(\S.*)$")
_IMAGE_MARKER = store.compile(
    r"(^|[-–—])\s*(ảnh|anh|photo|image|hình|hinh|picture|pic)\s*\d+\s*\.?\s*$", re.IGNORECASE
)
# A caption's credit: "Photo: Reuters", "Photos: X |", "(Photo: AFP)", "Photo courtesy of X."
# The credited name after a colon starts with a capital or digit, so article prose
# such as "a simple picture: two nations ..." is not taken for a caption.
_CREDIT = store.compile(
    r"(?:^|[\s.,;|\-–—(\[])\s*(?P<credit>(?i:(?:photo|image|picture)\s+credits?|photos?|images?|pictures?"
    r"|illustration|file photo|source)"
    r"(?:(?i:\s+courtesy\s+of\s+)[^.|:()\[\]]{1,60}?|\s*:\s*[A-Z0-9\"“][^.|:()\[\]]{0,60}?))"
    r"\s*[)\]]?\s*[.|]?\s*$",
)
_BAR_END = store.compile(r"\s\|\s*$")
_BAR_CREDIT = store.compile(r"\s\|\s*(?i:pool|photo|foto|image)\b[^|.!?]{0,60}$")
"""A caption ending in a bar and its credit: "… delegations | Pool Moncloa/Fernando Calvo"."""
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)"
)
_WEEKDAY = r"((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?)"
# a zone: "GMT+7", "UTC", or an upper-case abbreviation ending in T ("PT", "EDT", "CEST") or "MSK"
_ZONE = r"((gmt|utc)(\s*[+-]\s*\d{1,2}(:?\d{2})?)?|msk|(?-i:[A-Z]{1,3}T)\b)"
_TIME = rf"(\d{{1,2}}[:h]\d{{2}}(:\d{{2}})?(\s*[ap]\.?m\.?)?(\s*{_ZONE})?)"
_DATE = (
    rf"({_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}})"
)
_SEP = r"[\s,|\-–—]+"
_DATE_FIELD = r"((last\s+)?updated|(first\s+)?published|posted|created|written|(last\s+)?modified)(\s+(on|at))?\s*:?\s*"
_DATE_VALUE = (
    rf"(({_WEEKDAY},?\s+)?{_DATE}({_SEP}\[?{_TIME}\]?)?({_SEP}{_TIME})?"  # "29.04.2022 [11:27]"
    rf"|{_TIME}{_SEP}({_WEEKDAY},?\s+)?{_DATE})"
)
_DATELINE_BODY = rf"({_DATE_FIELD})?{_DATE_VALUE}"
# a date, or several labelled ones run together: "Written: 2023-03-22 15:18:49Updated: 2023-03-22 15:34:57"
_DATELINE = store.compile(rf"^{_DATELINE_BODY}([\s,|\-–—]*{_DATE_FIELD}{_DATE_VALUE})*[\s,|\-–—]*$", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}"
# "By Jane Doe", "Reporter: Le Hoa", and "By Hoang Phong   June 20, 2024 | 05:30 pm GMT+7".
_BYLINE = store.compile(
    r"^(?i:by|written by|author|reporter|reported by|story by)\s*[:\s]\s*"
    rf"(?P<name>{_NAME}((\s*,\s*|\s+and\s+){_NAME}){{0,2}})"
    rf"(\s*[|,\-–—]\s*|\s+)?(?P<date>(?i:{_DATELINE_BODY}))?\s*$"
)
# Wire-service footers: "Reporting by Khanh Vu; Editing by Ed Davies".
_CREDIT_ROLE = r"(?i:(additional\s+)?reporting|writing|editing|compiled|translated|graphics)\s+by\s+"
_NAMEISH = r"[A-Z][\w.'’-]*(?:(?:\s*,\s*|\s+)(?:[A-Z][\w.'’-]*|in|and|&))*"
_WIRE_CREDITS = store.compile(rf"^{_CREDIT_ROLE}{_NAMEISH}(\s*;\s*{_CREDIT_ROLE}{_NAMEISH})*\s*\.?$")
_COPYRIGHT = store.compile(r"^(©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
_DASH = r"(?:--?|[–—―])"
_CITY = r"[A-Z][A-Za-z]+(?:[ /][A-Z][A-Za-z]+){0,3}"
_PREFIX_DATE = rf"(?i:{_MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}\.?)(?:,?\s+\d{{4}})?"
_SOURCE_BODY = (
    r"^(?:(?P<source>"
    r"(?:[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)"  # VGP, TASS, VOV.VN
    rf"|(?:{_CITY}(?:\s+\[{_CITY}\]|,\s+{_CITY}(?=\s*\())?(?:,\s+{_PREFIX_DATE})?\s*\([A-Z][A-Za-z.]{{1,11}}\))"  # Hanoi (VNA); A/B, June 20
    # (Xinhua); New Delhi [India], May 6 (ANI), as syndicated agency copy names the country too
    rf"|(?:{_CITY},\s+{_PREFIX_DATE}\s*\([A-Za-z][\w.&'’]*(?:\s*[/\-–—,]?\s*[\w.&'’]+){{0,10}}\s*\))"  # Sydney,
    # July 4 (UrduPoint / Pakistan Point News - 4th Jul, 2023 ): a place, a date and a longer credit
    r")|\((?P<agency>[A-Z][A-Za-z0-9.]{1,15})\))"  # (AP), (VOVWORLD)
)
_ORDINAL_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
_DATED_CREDIT_PREFIX = store.compile(
    rf"^(?P<source>{_CITY}\s*\([A-Za-z][\w.&'’]*(?:\s*[/,]?\s*[\w.&'’]+){{0,8}}?\s*[-–—,]\s*(?i:{_ORDINAL_DATE}|{_PREFIX_DATE})\s*\))"
    rf"\s*(?:{_DASH}\s*|:\s*)?(?=[A-Z])"
)
"""A place and a credit ending in a date, in parentheses: "BAKU (UrduPoint News / Sputnik - 15th June, 2021) ..."."""
_PLACE_COUNTRY_LINE = store.compile(r"^(?P<dateline>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3},\s+(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\s*$")
"""A wire dateline alone on its line, a place in capitals and its country: "JAKARTA, Indonesia"."""
_DASH_AGENCY = store.compile(r"[.!?][\"”’)]*\s+(?:[-–—]+\s*(?P<credit>[A-Z][A-Z.]{1,8})|(?P<bare>[A-Z]{2,5}))\s*$")
"""A caption's agency credit after its last sentence, after a dash or bare: "... in Beijing on 7 June
2024. — APP", "... on November 2, 2022. PID"."""
_SOURCE_PREFIX = store.compile(
    _SOURCE_BODY + rf"(?:\s*{_DASH}\s+|\s*:\s*)(?=\S)"  # "Ottawa, 12 January 2023 (TDI): The Prime Minister ...", "(X) :The"
)
_SOURCE_ALONE = store.compile(_SOURCE_BODY + rf"\s*(?:{_DASH}|:)\s*$")
"""A source credit left alone on its line ("SEOUL, March 23 (Yonhap) --"), the article repeating it below."""
_WIRE_TAG = store.compile(r"^\((?:LEAD|URGENT|UPDATE|UPDATED|\d+(?:st|nd|rd|th)\s+LD|LD|News\s+Focus|Yonhap\s+Feature)"
                          r"(?:\s*[:/-][^)]{0,30})?\)\s+", re.I)
"""A wire's tag before its headline: "(LEAD) Yoon, ... agree ...", "(2nd LD) ..."."""
def _headline_key(text: str) -> str:
    """:func:`match_key` of a line read as a headline or a title: a wire's tag before it ("(LEAD) ...")
    and quotation marks aside (a site's title often drops the headline's quotes: "... on 'regional
    threats'" is titled "... on regional threats")."""
    return " ".join(_QUOTE_MARKS.sub("", match_key(_WIRE_TAG.sub("", text, count=1))).split())


_QUOTE_MARKS = store.compile(r"['\"]")
"""Quotation marks and apostrophes (unified by :func:`match_key`): a headline may drop either ("PM Modis
visit" for "PM Modi's visit")."""


_WIRE_NOTE = store.compile(r"^\((?:ATTN|EDS|EDITORS|CORRECTS|RECASTS|UPDATES|ADDS|REPEATS)\b[^()]{0,200}\)\.?$")
"""A wire's note to editors: "(ATTN: UPDATES with Vietnamese president's remarks)"."""
_RELATIVE_DATE = store.compile(r"^(?i:(?:reported|posted|published|updated)\s+)?(?:\d+|an?)\s+(?i:second|minute|hour|"
                               r"day|week|month|year)s?\s+(?i:ago)(?:\s+\d+)?$")
"""When the page was seen, not when the event was: "Reported 8 months ago", "1 year ago 39"."""
_BYLINE_AGO = store.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:\d+|an?)\s+(?i:second|minute|hour|"
                             r"day|week|month|year)s?\s+(?i:ago)(?:\s+[^.!?]{0,60})?$")
"""A byline with when the page was seen: "Jane Doe 29 seconds ago Tue 15th June 2021 | 06:40 PM"."""
_DATE_LABEL_LINE = store.compile(
    rf"^(?i:date|dated|posted|published|updated)\s*:?\s*(?:\d{{4}}-\d{{2}}-\d{{2}}|{_PREFIX_DATE})\s*$"
)
_SOURCE_LINE = store.compile(r"^[A-Z][A-Za-z0-9.&]*(?:\s[A-Z][A-Za-z0-9.&]*){0,2}$")
_LONE_DASH = store.compile(rf"^\s*{_DASH}\s*$")
# A date label opening the first paragraph, as some captures keep the page's date field: "date
# 2025-05-06", "Posted: June 20, 2024", "Published 20 June 2024 |".
_DATE_LABEL = store.compile(
    rf"^(?i:date|dated|posted|published|updated)\s*:?\s*(?:\d{{4}}-\d{{2}}-\d{{2}}|{_PREFIX_DATE})\s*[|·]?\s+(?=\S)"
)
# A place dateline with no agency: "HA NOI —", "A/B, June 20 -", "MOSCOW, June 20. /TASS/.", or a
# government release's date: "03 November 2023 – H.E. ..." (folded text)
_CAPS = r"[A-Z][A-Z.'’-]+"
_PLACE = rf"{_CAPS}(?:[ /]{_CAPS}){{0,3}}"
_DATELINE_PREFIX = store.compile(
    rf"^(?P<dateline>(?:{_PLACE}|{_CITY}),\s+{_PREFIX_DATE}(?=\s*(?:{_DASH}|\.))"
    rf"|{_CAPS}(?:[ /]{_CAPS}){{1,3}}(?=\s*{_DASH})|(?i:{_DATE})(?=\s*{_DASH})"
    rf"|{_PLACE},\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=\s*{_DASH}))"  # "MANILA, Philippines —"
    rf"\s*(?:{_DASH}|\.)\s+(?:(?P<agency>/(?P<agency_name>[A-Z][A-Za-z0-9]{{1,15}})/\.?)\s+)?(?=\S)"
)
# A whole line that is a place and a date, after an optional date label: "New Delhi, December 7,
# 2021", "date 2021-12-07 New Delhi, December 7, 2021", "HANOI, June 20, 2024 10:05" (folded text).
_PLACE_DATE_LINE = store.compile(
    rf"^(?:(?i:date|dated|posted|published|updated)\s*:?\s*(?:\d{{4}}-\d{{2}}-\d{{2}}|{_PREFIX_DATE})\s*[|·]?\s+)?"
    rf"(?P<dateline>(?:{_PLACE}|{_CITY}),\s+(?i:{_DATELINE_BODY}))[\s.]*$"
)
_AGENCY_DATE = store.compile(rf"^(?P<agency>[A-Z][A-Z.]{{1,9}})\s*,\s*(?P<dateline>(?i:{_DATE_VALUE}))[\s.]*$")
"""A line of an agency in capitals and a date: "MENA , Saturday 1 Jun 2019"."""
_TIME_STAMP = store.compile(rf"^(?i:(?:last\s+)?(?:update[ds]?|modified|posted|published)(?:\s+at)?\s*:?\s*{_TIME})\s*$")
"""When the page was last touched, a time and no date: "Last Update 21:59"."""
_DATED_HEADING = store.compile(rf"^[^.!?]{{10,200}}\s{_DASH}\s*(?P<date>(?i:{_DATE}))\s*$")
"""A page heading that ends in its date: "Joint Communiqué X-Y – Ministry of Foreign Relations — September 3, 2025"."""
_LONE_WORD = store.compile(r"^[^\W\d_][\w.&'’-]{1,30}$")
"""One word alone on a line inside the article ("Reuters", "ANI", "Readout"): a credit or a label."""
_EMPTY_CREDIT = store.compile(rf"^(?:{_CITY},?\s+)?(?:{_PREFIX_DATE})?\s*\(\s*\)\s*(?:{_DASH}|:)?\s*$")
"""A dateline whose agency the page left blank: "September 7 () –"."""
_PLACE_DATE_AGENCY = store.compile(
    rf"^(?P<dateline>{_CITY},\s+{_PREFIX_DATE}),\s+(?P<agency>[A-Z][A-Z.]{{1,15}})\s*$"
)
"""A line of a place, a date and an agency in capitals: "Baku, April 29, AZERTAC"."""
# "This is an archive article published on July 10, 2024": a page's archive notice.
_ARCHIVE_NOTICE = store.compile(
    rf"^(?i:this\s+(?:is\s+an?\s+)?archived?\s+(?:article|story|copy|page|report|version)"
    rf"(?:\s+(?:was\s+)?(?:first\s+)?(?:published|posted|written)(?:\s+(?:on|in))?(?:\s+{_DATELINE_BODY})?)?)[\s.]*$"
)
# A place dateline with a colon, as Indian outlets write it: "New Delhi: Prime Minister ...", "New Delhi,
# Dec 6: India and Russia ...". Only before a whole sentence, and not a label ("Note:", "Pictures:").
_COLON_DATELINE = store.compile(rf"^(?P<dateline>(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})(?:\s+\[{_CITY}\])?"
                                rf"(?:,\s+{_PREFIX_DATE})?|(?P<caps>{_PLACE},\s+{_PLACE}))\s?:\s+(?=[A-Z])")
# A place and a full stop, as some outlets open the article: "Jakarta. Indonesia and Australia have
# agreed ...". Only before a whole sentence, never a title's abbreviation ("Prof. Smith said ...").
_PERIOD_DATELINE = store.compile(r"^(?P<dateline>(?P<city>[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+){0,2}))\.\s+(?=[A-Z])")
_SENTENCE_AFTER = store.compile(r"(?:\S+\s+){7,}\S*[.!?][\"”’)]*\s*$")
_LABEL_WORDS = frozenset(
    "note update editor source photo photos picture pictures video watch read also related breaking exclusive "
    "opinion analysis explainer live summary highlights context background quote warning correction "
    "advertisement disclaimer caption file topic topics tags keywords".split())
"""Words that open a labelled line rather than a dateline ("Note: ...", "Update: ...")."""
# "(Editor: X)", "[Source: X]", "Editors: X, Y": a role, a colon, names; no sentence inside.
_ROLE = (
    r"(?i:(?:web |chief |responsible |executive |managing |senior )?editors?|edited by|translators?"
    r"|translated by|translation|compiled by|sources?|reporters?|writers?|authors?|proofread(?:ing)? by)"
)
_EDITOR_CREDIT = store.compile(
    rf"^(?:\(\s*{_ROLE}\s*:?\s*[A-Z0-9][^()\[\].!?;]{{0,78}}\)|\[\s*{_ROLE}\s*:?\s*[A-Z0-9][^()\[\].!?;]{{0,78}}\]"
    rf"|{_ROLE}\s*:\s*{_NAMEISH})\s*\.?$"
)
_SOURCE_CREDIT = store.compile(r"^[(\[]?\s*(?i:sources?)\s*:\s*(?P<name>[^()\[\]]+?)\s*[)\]]?\.?$")
"""The name in a source credit ("SOURCE: REUTERS", "(Source: VNA)"), lifted to the source field."""
# "Continue reading on:", "Read the full story at Example.com", "Continue reading →"
_CONTINUE = store.compile(
    r"^(?i:continue reading|keep reading|find out more|learn more|"
    r"read (?:the )?(?:full|original|complete|whole) (?:story|article|text)"
    r"|read (?:it|this|more) (?:on|at)\b|source link|original (?:article|source|link)|view (?:the )?original(?: article)?"
    r"|to be continued)(?:\s+(?i:on|at|in)(?:\s+[\w.-]+(?:\s+[\w.-]+){0,2})?)?"
    r"\s*[:…»>→.]*\s*$"
)
# A registration or subscription wall: "To continue reading the rest of this article, please log in.",
# "Create free account to get unlimited news articles and more!", "Subscribe to read the full story".
_WALL = store.compile(
    r"^(?i:(?:to\s+)?(?:continue|keep)\s+reading\b.{0,60}\b(?:log\s*in|sign\s*in|sign\s+up|subscribe|register)"
    r"|(?:create|register)\s+(?:a\s+|an\s+|your\s+)?(?:free\s+)?account\b.{0,60}\b(?:articles?|news|stories|access)"
    r"|(?:subscribe|sign\s+up|log\s*in|sign\s*in)\b.{0,40}\bto\s+(?:read|continue|access|unlock)\b"
    r"|already\s+(?:a\s+)?(?:subscriber|member|registered)\b).{0,80}$"
)
# Caption credits in wire style, anchored at the end of the line:
# "... in Hanoi. Photo by Jane Doe", "... in Hanoi — VNA/VNS Photo Van Diep",
# "... in Hanoi. Name/Agency Pool/dpa", "... in Hanoi -/Agency/dpa".
_WORDS = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}"
_CREDIT_BY = store.compile(
    r"(?:^|[.!?)\]|]\s+|\s[-–—|]\s*)"
    rf"(?P<credit>(?i:photos?|pictures?|images?|video|footage)\s+(?i:by)\s+{_WORDS}(?:\s*/\s*{_WORDS})?)"
    r"\s*\.?\s*$"
)
_AGENCY_PHOTO = store.compile(
    r"\s[-–—]+\s*(?P<credit>(?:[A-Z][A-Z0-9&.]+|[A-Z][\w.&]*(?:/[\w.&]+)+)\s+(?i:photos?|file photo|pictures?)"
    rf"(?:\s*(?:/|:|(?i:by))?\s*{_WORDS})?)\s*\.?\s*$"
)
_PICTURE_WORD = store.compile(r"(?i:photo|picture|image|video|footage)")
_PART = r"[A-Za-z][\w.&'’-]*(?:\s[A-Za-z][\w.&'’-]*){0,3}"
_DASH_SLASH_CREDIT = store.compile(rf"\s[-–—]+\s*(?P<credit>{_WORDS}(?:/{_PART}){{1,3}})\s*$")
"""A caption's credit after a dash: "... on November 14, 2022. — AFP/File"."""
_SLASH_CREDIT = store.compile(
    rf"(?:[.!?)\]]\s+(?P<named>{_WORDS}(?:/{_PART}){{1,3}}|\({_WORDS}(?:/{_PART}){{1,3}}\))"
    rf"|\s(?P<anonymous>-(?:/{_PART}){{1,3}}))\s*$"
)
"""A credit ending a caption: "... in Moscow. Sputnik/Kremlin/Pool", "... Sept. 3. (Xinhua/Huang Jingwen)",
"... -/Kremlin/dpa"."""
# "Share" in other languages (folded): a widget label, whatever the site's language.
_SHARE = r"share|chia se|partager|compartir|compartilhar|teilen|condividi|delen|bagikan|поделиться|分享|シェア|공유"
_WIDGET_WORDS = (
    rf"{_SHARE}|print|email|e-mail|tweet|facebook(?:-f)?|twitter|x|zalo|linkedin|whatsapp|telegram|reddit"
    r"|instagram|youtube|tiktok|flipboard|rss|weibo|wechat|bluesky"
    r"|pinterest|messenger|viber|apple news|google news|copy link|link copied|comments?|\d+ comments?|\d+ shares?|shares"
)
_WIDGET = store.compile(
    rf"^(?:[•·▪●◦‣∙*]\s*)?(({_SHARE})( this( article| story| post| page)?)?(\s+(on|via|to)\s+.{{1,20}})?|print"
    r"|email|e-mail|tweet|facebook|twitter|zalo|linkedin|whatsapp|telegram|comments?|copy link|link copied"
    r"|copied to clipboard|back to top|subscribe"
    r"|follow us.*|tags?(\s*:.*)?|(search\s+)?keywords?(\s*:.*)?|topics?\s*:.*)\s*:?$",
    re.IGNORECASE,
)
_READER_SETTINGS = store.compile(
    r"^(?i:select\s+font\b.*|character\s+spacing\b.*|font\s+size\s*:?.*|site\s+colou?rs?\s*:?.*|view\s+settings|"
    r"text\s+size\s*:?.*|line\s+spacing\s*:?.*|(?:high\s+)?contrast\s+(?:mode|version)\s*:?.*)$"
    r"|^[^\W\d_][^:]{0,30}:\s*(?:A\s*){2,}$")
"""A page's reader-settings widget: "Select font Arial Times New Roman", "Character spacing (Kerning): …",
or any label over a row of "A" buttons ("Размер шрифта: A A A", font size in another language)."""
_BREADCRUMB = store.compile(r"^(?:/\s*)?[^\W\d_][\w'’ -]{0,40}?\s*/\s*$|^/\s*[^\W\d_][\w'’ -]{0,40}$")
"""A breadcrumb's last step: "Transcripts /", "Документ /", "/ News"."""
_ICON_RUN = store.compile(r"(?:.*?(?:[a-z](?:Icon|Chevron|Arrow|Artboard|Glyph)|(?:Icon|Chevron|Arrow|Artboard|Glyph)[A-Z])){3}")
"""The titles of a page's SVG icons run together: "ArrowArtboardCreated with Sketch.Title ChevronIcon Facebook…"."""
_ADVERT = store.compile(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|"
                        r"about\s+sponsored\s+content\b.{0,200}|"
                        r"(?:(?:the\s+)?(?:story|article)\s+)?continues\s+(?:below|after)(?:\s+(?:this\s+)?"
                        r"(?:advertisement|advert|ad))?)\s*:?$", re.IGNORECASE)
"""An advertisement's label left in the text ("Advertisement", "Story continues below advertisement")."""
_FIELD_ROW = store.compile(rf"^(?=[^|]*(?i:{_DATE}))[^|.!?]{{1,60}}(?:\s\|\s[^|.!?]{{1,60}}){{2,}}$")
"""A row of page fields between bars, one a date: "10/15/2025 | Press release | Distributed by X on ..."."""
_COUNTER = store.compile(r"^(?i:views?|page\s*views|reads?|hits|visits|comments?|likes|shares|luot\s+xem)\s*:?\s*\d[\d,.\s]*$"
                         r"|^[|\s]*\d[\d,.]*\s*(?i:views?|reads?|hits)$"  # "| 3,383 view"
                         r"|^\d{1,3}(?:[ ,.]\d{3})+$|^\d{3,}$")
"""A counter: "Views: 1473", "Comments 12", or a bare count ("8 576")."""
_NEW_WINDOW = store.compile(r"(?i:opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab))\s*[\])]?\s*$")
"""A link that says where it opens: "[ <another headline>Opens in new window ]"."""
_TAP_TO_READ = store.compile(r"^[(\[]?[*\s]*(?i:(?:tap|click)(?:\s+or\s+(?:tap|click))?\s+(?:here|on\s+)?(?:the\s+)?"
                             r"(?:headline|link|image|photo|button|below|above)?\b.{0,200}?"
                             r"\b(?:to\s+read|to\s+see|to\s+view|to\s+watch|for\s+more)\b.{0,200})$")
"""A note telling the reader where to click: "(** Tap or click the headline above to read this story ...)"."""
_PRIVACY_LINK = store.compile(r"^(?i:read\s+our\s+(?:privacy|cookie)\s+(?:policy|notice|statement))\W*$")
_SIGNUP = store.compile(r"^(?i:(?=.{0,300}(?:\bsign\s*up\s+(?:for|to)\s+(?:our|the)\b[\w\s-]{0,60}\b(?:newsletters?|e-?mails?|alerts)\b"
                        r"|\b(?:newsletters?|news\s+(?:alerts|e-?mails))\b.{0,120}\bsign\s*up\b)).{0,400})$")
"""A newsletter sign-up widget: "Sign up to our free breaking news emails ... SIGN UP"."""
_SIGNUP_PREFIX = store.compile(r"^(?i:(?=.{0,160}\bsign\s*up\b).{0,700}?\bread\s+our\s+privacy\s+(?:policy|notice))\s+(?=[A-Z])")
"""A sign-up widget glued to the lead paragraph, up to its privacy link: "The IndependentFor free real time
breaking news alerts ... sign up ... Read our privacy policy Sir Keir Starmer has announced ..."."""
_WIDGET_ROW = store.compile(rf"^(?:(?:{_WIDGET_WORDS})[\s|·•,/]*){{2,}}$", re.IGNORECASE)
# Links a page offers to jump about, and its menu button: "Go to main text", "Skip to content", "MENU".
_SKIP_LINK = store.compile(
    r"^(?i:(?:go|skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:text|content|article|navigation|menu|top|search)"
    r"|skip\s+navigation|(?:main\s+)?menu|menu\s+content|main\s+content|open\s+menu|close\s+menu|toggle\s+navigation"
    r"|[^.!?\n]{0,40}\[\s*back\s*\]|(?:«|<|←)\s*back(?:\s+to\s+[^.!?\n]{1,30})?"
    r"|back\s+to\s+(?:the\s+|all\s+)?(?:top|home|homepage|list|index|[\w-]+(?:\s+[\w-]+)?)|view\s+details)\s*[.:»>]*$"
)
# A line that is only a credit in parentheses: "(AFP)", "(Office of the President)", "(Photo: VNA)".
_CREDIT_LINE = store.compile(r"^\((?:[A-Z][\w.&'’/-]*)(?:\s+(?:of|the|and|for|[A-Z][\w.&'’/-]*)){0,6}\)\.?$")
_BRACKET_NOTE = store.compile(r"^\[[^\[\]\n]{1,60}\]\.?$")
"""A line that is only a note in square brackets: "[Provisional translation]", "[Yonhap Photo]"."""
_HASHTAGS = store.compile(r"^(#\w+[\s,]*)+$")
_PUNCT_ONLY = store.compile(r"^[\W_]+$")
_OTHER_SCRIPT = store.compile(r"^(?=.*[^\W\d_])(?!.*[A-Za-z])\S+(?:\s+\S+){0,5}$")
"""A short line with letters but none of them Latin ("피터빈트" in an English report): a label or an ad."""
_SIGN_OFF = store.compile(rf"^{_DASH}\s*(?P<agency>[A-Z][A-Z.]{{1,11}})\s*$")
"""An agency's sign-off alone on its line, after the article: "-- BERNAMA"."""
_CREDIT_STAMP = store.compile(
    rf"^(?:\((?P<agency>[A-Z][\w.]{{1,15}})\)\s*(?i:{_TIME})\s*,?\s*(?i:{_DATE})"  # "(Xinhua)    09:40, May 20, 2017"
    rf"|\d{{4}}-(?i:{_MONTH})-\d{{1,2}}\s+(?i:{_TIME})\s+By:?\s*(?P<by>[A-Z][\w.]{{1,15}}))\s*$"  # "2024-May-9 18:27 By: Xinhua"
)
"""An agency credit with the time and date the page was posted."""
_PHOTO_SLUG = store.compile(r"^(?=(?:[^-]*-){2})[A-Z][A-Z ]+(?:-[A-Z][A-Z ]+)+(?:\s*\([A-Z]{2,3}\))?$")
"""A wire photo's slug, capitals joined by hyphens: "CHINA-GUIZHOU-PHILIPPINES-SOUTH CHINA SEA-MECHANISM (CN)"."""
_PHOTO_PAREN = store.compile(r"^\((?=[^()]*(?<![\w-])(?i:photos?|images?|pictures?|video|file)(?![\w-]))[^()]{1,60}\)\.?$")
"""A photo credit alone in parentheses: "(PTI photo)", "(Photo grabbed from CCTV video)"."""
_PAREN_AFTER_SENTENCE = store.compile(r"[.!?][\"”’]*\s+(?P<credit>\([^()]{1,60}\))\s*$")
"""A parenthesis after a line's last full stop: a caption's credit when it reads as one (:data:`_PHOTO_PAREN`)."""
_SLASH_AGENCY = store.compile(r"[.!?][\"”’)]*\s+/\s*(?P<credit>[A-Z][A-Za-z]{1,15})\s*$")
"""A caption's credit after a slash: "... in Astana, July 3, 2024. /Xinhua"."""
_NAME_DATE = store.compile(rf"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,5}})\s+\|\s+(?P<date>(?i:{_DATE}))\s*$")
"""A name and a date between a bar: "SM Lee Hsien Loong | 30 October 2023" (a byline)."""
_OTHER_SCRIPT_DATE = store.compile(rf"^(?:\S*[^\x00-\x7f]\S*\s+){{1,4}}(?i:{_DATE})\s*$")
"""A label in another script and a date: "วันที่นำเข้าข้อมูล 28 Oct 2013" (when the page was posted)."""
_READING_TIME = store.compile(r"^(?i:(?:reading\s+time\s*:?\s*)?\d{1,3}\s*-?\s*min(?:ute)?s?\.?(?:\s+read)?)$")
"""How long the page takes to read: "9 min read", "Reading time: 3 minutes"."""
_ARROW_TRAIL = store.compile(r"^(?=.*(?:>|»|›))[^\W\d_][\w'’ -]{0,40}?(?:\s*(?:>>?|»|›)\s*(?:[^\W\d_][\w'’ -]{0,40}?)?)+$")
"""A breadcrumb or a link with arrows: "Home > China News", "English>>"."""
_BAR_MENU = store.compile(r"^[^\W\d_][\w'’.-]*(?:\s+\|\s+[^\W\d_][\w'’.-]*){1,8}$")
"""Single words between bars: a menu or a language switch ("English | Italiano")."""
_EMBEDDED_POST = store.compile(rf"(?:pic\.twitter\.com/|https?://t\.co/)|\(@\w{{1,15}}\)\s+(?i:{_DATE})\s*$")
"""An embedded social-media post: its link ("pic.twitter.com/…", "https://t.co/…") or its signature
("— Narendra Modi (@narendramodi) March 19, 2022")."""
_TEXT_INTRO = store.compile(r"^(?i:(?:below|following|here)\s+(?:is|are)\s+the\s+(?:full\s+)?texts?\s+of\b.{0,120}?"
                            r"|.{0,120}?\b(?:is|are)\s+reproduced\s+(?:below|in\s+full))[:.]$")
"""An editor's line introducing the document: "Below is the full text of the joint statement:"."""
_SENTENCE_END = store.compile(r"[.!?:;…\"”’)]\s*$")

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
    started: bool = False
    text: str = ""  # the whole capture, folded: where a place's name is looked up again

    def drop(self, line: int, text: str, reason: str) -> None:
        self.removed.setdefault(line, []).append(Removed(line, text, reason))


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


def clean_lines(lines: list[tuple[int, str]], title: str = "", outlet: str = "") -> CleanResult:
    """Clean numbered source lines (``(file_line, text)``) of one capture.

    ``title`` is the document's curated title: a line repeating it is the
    headline and is lifted out of the body. ``outlet`` is the site's name: a
    line that is only that name is the site's masthead.
    """
    state = _State()
    content = []
    for n, t in lines:
        t = t.strip()
        label = _IMAGE_LABEL.search(t)
        if label:  # "<alt text> hinh anh 1<caption>": the alt text and number go, the caption stays
            state.drop(n, t[: label.end()], "image label (an image's alt text and number)")
            t = t[label.end():]
        if t and not content and _DATE_LABEL_LINE.match(t):  # "date 2022-12-08" alone on its line
            state.drop(n, t, "date label (the date is in the front matter)")
            continue
        if t and not content:
            date = _DATE_LABEL.match(t)
            if date and (_furniture_alone(t[date.end():]) or (title and _headline_key(t[date.end():]) == _headline_key(title))):
                # "date 2025-04-24 0 SHARES Share Tweet", "date 2023-09-10 <the headline>"
                state.drop(n, t[: date.end()], "date label (the date is in the front matter)")
                t = t[date.end():]
        if t:
            content.append((n, t))
    outlet_keys = {k for k in (match_key(outlet), match_key(_TRAILING_PARENS.sub("", outlet))) if k}
    views = [folded(t) for _, t in content]
    state.text = "\n".join(v.text for v in views)
    keys = [match_key(t) for _, t in content]
    nav = _navigation_runs([(n, v.text) for (n, _), v in zip(content, views, strict=True)])
    repeats = _adjacent_repeats(content, keys)
    title_key = _headline_key(title) if title else ""
    headline_at = next((pos for pos, (_, t) in enumerate(content[:LABEL_LINES])
                        if title_key and _headline_key(t) == title_key), -1)
    seen: dict[str, int] = {}
    back_to = {match_key(m.group(1)) for v in views if (m := _BACK_TO.match(v.text))}
    cut_reason = ""
    for pos, (line, text) in enumerate(content):
        view, key = views[pos], keys[pos]
        if cut_reason:
            state.drop(line, text, cut_reason)
        elif state.started and _TEASER.match(view.text):
            heading_words = re.sub(r"[\W_]+", " ", text).split()
            heading = " ".join(heading_words[:8]) + (" …" if len(heading_words) > 8 else "")
            cut_reason = f"teaser block after '{heading}'"
            state.drop(line, text, f"teaser block heading '{heading}' (it and all that follows)")
        elif pos in nav:
            state.drop(line, text, "navigation list")
        elif _is_nav_bar(view.text):
            state.drop(line, text, "navigation bar")
        elif state.started and (_TEASER_LINK.match(view.text) or _ARROW_LINK.match(view.text)):
            state.drop(line, text, "teaser link to another article")
        elif not state.started and _SOURCE_LINE.match(view.text) and pos + 1 < len(content) and \
                _LONE_DASH.match(views[pos + 1].text):
            state.source = state.source or text  # "CNN" on its line, "—" on the next: a wire's credit
            state.drop(line, text, "source credit (a line of its own before a dash; lifted to the source field)")
        elif pos < headline_at and _SECTION_LABEL.match(view.text):
            state.drop(line, text, "section label (a short line above the headline)")
        elif not state.started and key in back_to:
            state.drop(line, text, "breadcrumb (the page's 'Back to …' link names it)")
        elif title_key and view.text[:5].lower() == "home " and _headline_key(view.text).endswith(" " + title_key):
            state.drop(line, text, "breadcrumb (the home link, a section and the headline)")
        elif title_key and _headline_key(view.text) == title_key:
            state.headline = state.headline or text
            state.drop(line, text, "headline (repeats the title; kept in the title field)")
        elif key in outlet_keys:
            state.drop(line, text, "site name (the outlet of the front matter)")
        elif outlet_keys and len(view.text) <= 90 and (site := _SITE_PLACE.match(view.text)) and match_key(site.group("site")) in outlet_keys:
            state.dateline = state.dateline or view.source(*site.span("place"))  # "Shafaq News – Tehran"
            state.drop(line, text, "site name and dateline (the dateline lifted to its field)")
        elif _furniture(state, line, view, content[pos - 1][0] if pos else -1):
            pass
        elif pos in repeats:
            lo, hi = sorted((line, repeats[pos]))
            state.drop(line, text, f"caption printed twice in a row (lines {lo} and {hi})")
        elif key in seen:
            state.drop(line, text, f"repeated line (same as line {seen[key]})")
        elif (again := _dateline_repeat(view, seen)) is not None:
            dateline, earlier = again  # "New Delhi: <the standfirst again>": the body's copy of line N
            state.dateline = state.dateline or dateline
            state.drop(line, text, f"dateline and repeated line (same as line {earlier}; dateline lifted)")
        else:
            seen[key] = line
            cut, earlier = _repeated_opening(view, seen)
            if cut:  # a standfirst repeated as the opening of the body's paragraph
                state.drop(line, view.source(0, cut), f"repeated opening (same as line {earlier})")
            _keep(state, line, view, cut)
    return _result(state)


def _dateline_repeat(view: Folded, seen: dict[str, int]) -> tuple[str, int] | None:
    """The dateline and the earlier line's number when a line is a colon dateline followed by an
    earlier kept line ("New Delhi: <the standfirst>"), else ``None``."""
    m = _COLON_DATELINE.match(view.text)
    if m is None:
        return None
    earlier = seen.get(match_key(view.text[m.end():]))
    return (view.source(*m.span("dateline")), earlier) if earlier is not None else None


_SITE_PLACE = store.compile(rf"^(?P<site>[^\W\d_].{{0,40}}?)\s+{_DASH}\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})$")
"""The site's name, a dash and a place, on one line: "Shafaq News – Tehran"."""
_BACK_TO = store.compile(r"^(?i:back\s+to)\s+(?!(?i:the\s+)?(?:top|home|homepage)\b)(\S.{0,80}?)\s*[.:»>]*$")
"""A "Back to <section>" link: the section's name, printed above the article too, is a breadcrumb."""
LABEL_LINES = 6
"""A headline is looked for among the first six lines; short lines above it are section labels."""
_SECTION_LABEL = store.compile(r"^[\w'’&-]+(?:\s+[\w'’&-]+){0,2}$")


REPEAT_WORDS = 8
"""Words a paragraph's opening must have to be taken for a repeat of an earlier line."""
REPEAT_SENTENCES, REPEAT_CHARS = 3, 800
"""A repeated opening is looked for in a line's first three sentences and 800 characters (a
standfirst is short; a paragraph of 10,000 sentences is not searched to its end)."""
_BOUNDARY = store.compile(r"[.!?…][\"”’)]*\s+(?=\S)")


def _repeated_opening(view: Folded, seen: dict[str, int]) -> tuple[int, int]:
    """Where the whole sentences that open a line end when they repeat an earlier kept line (a
    standfirst printed again as the first sentence of the body: "Summary. Summary. More."), and
    that line's number; ``(0, 0)`` when they do not."""
    for m in itertools.islice(_BOUNDARY.finditer(view.text, 0, REPEAT_CHARS), REPEAT_SENTENCES):
        head = view.text[: m.start() + len(m.group().rstrip())]
        if len(head.split()) < REPEAT_WORDS:
            continue
        earlier = seen.get(match_key(head.rstrip()))
        if earlier is not None:
            return m.end(), earlier
    return 0, 0


def _furniture(state: _State, line: int, view: Folded, previous: int = -1) -> bool:
    """Drop the line of ``view`` if it is whole-line furniture, lifting its fields; True if dropped.
    ``previous``: the source line of the content line before it (-1 for none)."""
    text, probe = view.original, view.text
    reason = ""
    if not state.started and _LONE_PLACE.match(probe) and any(
            r.reason.startswith("dateline") for r in state.removed.get(previous, ())):
        state.dateline = f"{state.dateline}, {text.strip()}" if state.dateline else text.strip()
        reason = "dateline place (the line after the dateline; lifted to the dateline field)"
    elif _IMAGE_MARKER.search(probe):
        reason = "image marker"
    elif _CONTINUE.match(probe):
        reason = "link to continue reading elsewhere"
    elif _WALL.match(probe) and len(probe.split()) <= 25:
        reason = "registration or subscription wall"
    elif _DATELINE.match(probe):
        state.dateline = state.dateline or text
        reason = "dateline (lifted to the dateline field)"
    elif place_date := _PLACE_DATE_LINE.match(probe):
        state.dateline = state.dateline or view.source(*place_date.span("dateline"))
        reason = "dateline (lifted to the dateline field)"
    elif not state.started and _SOURCE_ALONE.match(probe):
        reason = "source credit alone on its line (the article repeats it)"
    elif _WIRE_NOTE.match(probe):
        reason = "wire's note to editors"
    elif place_agency := _PLACE_DATE_AGENCY.match(probe):
        state.dateline = state.dateline or view.source(*place_agency.span("dateline"))
        state.source = state.source or view.source(*place_agency.span("agency"))
        reason = "dateline and source credit (lifted to the dateline and source fields)"
    elif agency_date := _AGENCY_DATE.match(probe):
        state.dateline = state.dateline or view.source(*agency_date.span("dateline"))
        state.source = state.source or view.source(*agency_date.span("agency"))
        reason = "source credit and dateline (lifted to the source and dateline fields)"
    elif _RELATIVE_DATE.match(probe):
        reason = "relative date (when the page was seen)"
    elif "ago" in probe and (ago := _BYLINE_AGO.match(probe)):
        state.byline = state.byline or view.source(*ago.span("name"))
        reason = "byline with when the page was seen (lifted to the byline field)"
    elif not state.started and (place_country := _PLACE_COUNTRY_LINE.match(probe)) and _is_country(
            place_country.group("country")):
        state.dateline = state.dateline or view.source(*place_country.span("dateline"))
        reason = "dateline (lifted to the dateline field)"
    elif not state.started and (agency := _DASH_AGENCY.search(probe)):
        state.credits.append(view.source(*agency.span("credit" if agency.group("credit") else "bare")).strip())
        reason = "photo caption with credit (credit lifted to the credits field)"
    elif _TIME_STAMP.match(probe):
        reason = "time stamp (when the page was updated)"
    elif stamp := _CREDIT_STAMP.match(probe):
        state.source = state.source or view.source(*stamp.span("agency" if stamp.group("agency") else "by"))
        reason = "source credit with the time posted (lifted to the source field)"
    elif sign_off := _SIGN_OFF.match(probe):
        state.source = state.source or view.source(*sign_off.span("agency"))
        reason = "agency sign-off (lifted to the source field)"
    elif _PHOTO_SLUG.match(probe):
        reason = "wire photo slug"
    elif _PHOTO_PAREN.match(probe):
        state.credits.append(text.strip())
        reason = "photo credit in parentheses (lifted to the credits field)"
    elif slash := _SLASH_AGENCY.search(probe):
        state.credits.append(view.source(*slash.span("credit")).strip())
        reason = "photo caption with credit (credit lifted to the credits field)"
    elif name_date := _NAME_DATE.match(probe):
        state.byline = state.byline or view.source(*name_date.span("name"))
        state.dateline = state.dateline or view.source(*name_date.span("date"))
        reason = "byline and date (lifted to the byline and dateline fields)"
    elif _EMPTY_CREDIT.match(probe):
        reason = "dateline with an empty credit (a template's blank agency)"
    elif not state.started and (heading := _DATED_HEADING.match(probe)):
        state.dateline = state.dateline or view.source(*heading.span("date"))
        reason = "page heading with its date (date lifted to the dateline field)"

    elif _ARCHIVE_NOTICE.match(probe):
        reason = "archive notice"
    elif byline := _BYLINE.match(probe):
        state.byline = state.byline or view.source(*byline.span("name"))
        reason = "byline (lifted to the byline field)"
        if byline.group("date"):
            state.dateline = state.dateline or view.source(*byline.span("date")).strip()
            reason = "byline and dateline (lifted to the byline and dateline fields)"
    elif _WIRE_CREDITS.match(probe):
        reason = "reporting and editing credits"
    elif _EDITOR_CREDIT.match(probe):
        reason = "editor or source credit"
        named = _SOURCE_CREDIT.match(probe)
        if named and not state.source:
            state.source = view.source(*named.span("name")).strip()
            reason = "source credit (lifted to the source field)"
    elif _COPYRIGHT.match(probe) and len(probe.split()) <= 20:
        reason = "copyright notice"
    elif credit := _caption_credit(probe):
        state.credits.append(view.source(*credit).strip())
        reason = "photo caption with credit (credit lifted to the credits field)"
    elif (paren := _PAREN_AFTER_SENTENCE.search(probe)) and _PHOTO_PAREN.match(paren.group("credit")):
        state.credits.append(view.source(*paren.span("credit")).strip())
        reason = "photo caption with credit (credit lifted to the credits field)"
    else:
        reason = _widget_reason(probe)
    if not reason and not state.started and state.removed and _LONE_WORD.match(probe) and probe[0].isupper() \
            and not probe.isupper() and not _names_a_place(probe):
        # under the page's furniture (a headline, a date), before the article: "World", "Politics"; a
        # capital may be the dateline's place, and a word opening the page may be its heading: kept
        reason = "a word alone above the article (a section label)"
    if not reason and state.started and _is_section_heading(probe):
        reason = "section heading (a short title-case line inside the article)"
    if not reason and state.started and _LONE_WORD.match(probe):
        if not state.source and probe.isupper() and len(probe) <= 5:  # "ANI", "AFP"; not "ISTANBUL"
            state.source = text.strip()
            reason = "agency credit alone on its line (lifted to the source field)"
        else:
            reason = "a word alone on its line (a label or credit)"
    if reason:
        state.drop(line, text, reason)
    return bool(reason)


_HEADING_WORD = store.compile(r"^(?:[A-Z][\w'’.&-]*|of|and|the|for|in|on|to|with|a|an|at|between|&)$")
HEADING_WORDS = 6
"""A section heading inside the article has at most this many words."""


def _is_section_heading(probe: str) -> bool:
    """A short line of capitalised words (small words between them), without a sentence's final
    punctuation: "Joint Statement", "Trade and Investment", "Japan-Italy Relations"."""
    if len(probe) > 80:
        return False
    words = probe.split()
    return (2 <= len(words) <= HEADING_WORDS and not _SENTENCE_END.search(probe) and "," not in probe
            and words[0][:1].isupper() and words[-1][:1].isupper() and all(_HEADING_WORD.match(w) for w in words))


def _names_a_place(word: str) -> bool:
    from tui.vocabulary.countries import mentions  # lazy: the country library loads only for such a line

    return bool(mentions(word))


def _is_country(name: str) -> bool:
    from tui.vocabulary.countries import canonical  # lazy: the country library loads only for such a line

    return canonical(name) is not None


_LONE_PLACE = store.compile(r"^[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}$")
"""A place alone on its line ("Berlin", "New Delhi"): after a date line, the rest of the dateline."""
_TRAILING_PARENS = store.compile(r"\s*\([^)]*\)\s*$")
"""An outlet's parenthesis ("Xinhua (via a mirror)"): the site's name line may omit it."""


def _furniture_alone(text: str) -> bool:
    """True when ``text``, a line's rest after a date label, is a widget or menu by itself."""
    return bool(_widget_reason(folded(text.strip()).text))


def _widget_reason(probe: str) -> str:
    """Why a line is a caption ending in '|', a widget or stray punctuation, or ''."""
    if " | " in probe and _FIELD_ROW.match(probe):
        return "page fields (a date and labels between bars)"
    if _BAR_END.search(probe) or ("|" in probe and _BAR_CREDIT.search(probe)):
        return "photo caption (ends with '|', or a credit after one)"
    if _WIDGET.match(probe) or _WIDGET_ROW.match(probe) or _HASHTAGS.match(probe):
        return "sharing or tag widget"
    if _ADVERT.match(probe):
        return "advertisement label"
    if _COUNTER.match(probe):
        return "view or comment counter"
    if "new " in probe.lower() and _NEW_WINDOW.search(probe) and len(probe.split()) <= 40:
        return "link to another page (opens in a new window)"
    if _TAP_TO_READ.match(probe) or _PRIVACY_LINK.match(probe):
        return "reader instruction or policy link"
    if "sign" in probe.lower() and _SIGNUP.match(probe) and not _SIGNUP_PREFIX.match(probe):  # glued to the lead: only the widget goes
        return "newsletter sign-up"
    if _READER_SETTINGS.match(probe):
        return "reader settings widget"
    if _BREADCRUMB.match(probe) and len(probe.split()) <= 5:
        return "breadcrumb"
    if len(probe.split()) <= 30 and (_ICON_RUN.match(probe) or "Created with Sketch" in probe):
        return "icon labels (the titles of a page's icons)"
    if _SKIP_LINK.match(probe):
        return "page navigation link or menu"
    if _CREDIT_LINE.match(probe):
        return "credit line (an agency or source in parentheses)"
    if _BRACKET_NOTE.match(probe):
        return "editor's note in brackets"
    if _PUNCT_ONLY.match(probe):
        return "stray punctuation line"
    if _OTHER_SCRIPT.match(probe):
        return "a short line in another script (no Latin letter)"
    if _OTHER_SCRIPT_DATE.match(probe):
        return "a label in another script and a date"
    if _READING_TIME.match(probe):
        return "reading time"
    if len(probe.split()) <= 8 and _ARROW_TRAIL.match(probe):
        return "breadcrumb or navigation link"
    if _BAR_MENU.match(probe):
        return "menu (single words between bars)"
    if _widget_row_with_date(probe):
        return "sharing or follow widget (with the page's date)"
    if len(probe.split()) <= 30 and _EMBEDDED_POST.search(probe):  # glued to a paragraph: the paragraph stays
        return "embedded social-media post"
    if len(probe) <= 160 and _TEXT_INTRO.match(probe):
        return "editor's line introducing the text"
    return ""


def _widget_row_with_date(probe: str) -> bool:
    """A row of at least three network names (a word in another script among them), then the page's
    date: "Apple News Facebook Twitter 新浪微博 Instagram YouTube Wednesday, Mar 15, 2023"."""
    if len(probe) > 200 or not probe[-1:].isdigit():  # a row of names ending in a year; no paragraph
        return False
    date = _TRAILING_DATE.search(probe)
    if date is None:
        return False
    head = " ".join(w for w in probe[: date.start()].split() if w.isascii())
    return bool(head) and len(_WIDGET_WORD.findall(head)) >= 3 and bool(_WIDGET_ROW.match(head))


_TRAILING_DATE = store.compile(rf"[\s,|·]+(?i:(?:{_WEEKDAY},?\s+)?{_DATE})\s*$")
_WIDGET_WORD = store.compile(rf"(?<![\w-])(?i:{_WIDGET_WORDS})(?![\w-])")


CREDIT_WINDOW = 240
"""A caption's credit lies within this many characters of the line's end (searching less is faster)."""


def _caption_credit(probe: str) -> tuple[int, int] | None:
    """The span of the credit that ends a photo caption (in folded text), or None."""
    tail = max(0, len(probe) - CREDIT_WINDOW)  # '^' still means the line's start
    found = _CREDIT.search(probe, tail)
    if not found and _PICTURE_WORD.search(probe, tail):
        found = _CREDIT_BY.search(probe, tail) or _AGENCY_PHOTO.search(probe, tail)
    if found:
        return found.span("credit")
    found = _SLASH_CREDIT.search(probe, tail) if "/" in probe else None
    if found:
        return found.span("named") if found.group("named") else found.span("anonymous")
    found = _DASH_SLASH_CREDIT.search(probe, tail) if "/" in probe else None
    if found:
        return found.span("credit")
    found = _COPYRIGHT_CREDIT.search(probe, tail) if "©" in probe else None
    if found:
        return found.span("credit")
    return None


_COPYRIGHT_CREDIT = store.compile(r"[.!?)\]]\s+(?P<credit>©\s*[A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,3})\s*$")
"""A caption's credit after its last sentence: "… on April 11.    © Reuters"."""


_Lift = tuple[int, str, tuple[int, int], str]
"""A prefix of the first paragraph: where it ends, the field, the value's span, the reason (folded text)."""


def _opening(probe: str, whole: str = "") -> list[_Lift]:
    """Prefixes that open the first paragraph and are lifted: a date label ("date 2025-05-06",
    "Posted: June 20, 2024"), then a source credit or a place dateline."""
    signup = _SIGNUP_PREFIX.match(probe) if "privacy" in probe.lower() else None
    start = signup.end() if signup else 0
    label = _DATE_LABEL.match(probe[start:])
    at = start + label.end() if label else start
    lifts: list[_Lift] = [(start, "widget", (0, start), "newsletter sign-up (glued to the first paragraph)")] if signup else []
    if label:
        lifts.append((at, "date", (start, at), "date label (the date is in the front matter)"))
    rest = probe[at:]

    def shift(span: tuple[int, int]) -> tuple[int, int]:
        return span[0] + at, span[1] + at

    source = _SOURCE_PREFIX.match(rest) or (_DATED_CREDIT_PREFIX.match(rest) if "(" in rest[:80] else None)
    if source and source.group("source") and source.group("source").isupper() and " " not in source.group("source") \
            and _names_a_place(source.group("source").title()):
        # "BELGRADE: Chinese President ...": a capital in capitals is the dateline, not an agency
        return [*lifts, (at + source.end(), "dateline", shift(source.span("source")), "dateline (lifted to the dateline field)")]
    if source:
        value = source.span("source") if source.group("source") else source.span("agency")
        return [*lifts, (at + source.end(), "source", shift(value), "source credit (lifted to the source field)")]
    place = _DATELINE_PREFIX.match(rest)
    if not place:
        colon = _COLON_DATELINE.match(rest) or _period_dateline(rest, whole)
        city = colon and (colon.group("city") or colon.group("caps"))  # "NUSA DUA, INDONESIA: ..." too
        if colon and city.split()[0].casefold() not in _LABEL_WORDS and _SENTENCE_AFTER.match(
                rest, colon.end()):
            lifts.append((at + colon.end(), "dateline", shift(colon.span("dateline")),
                          "dateline (lifted to the dateline field)"))
        return lifts
    agency = place.group("agency")
    lifts.append((at + (place.start("agency") if agency else place.end()), "dateline", shift(place.span("dateline")),
                  "dateline (lifted to the dateline field)"))
    if agency:
        lifts.append((at + place.end(), "source", shift(place.span("agency_name")),
                      "source credit (lifted to the source field)"))
    return lifts


def _period_dateline(text: str, whole: str) -> re.Match[str] | None:
    """A place dateline ending in a full stop ("Jakarta. ..."): a name that ``whole`` (the capture)
    also writes capitalised inside a sentence ("talks in Jakarta on Thursday"), so a proper noun
    ("Peace. That is ..." stays), and not an abbreviation or a sentence opener ("Prof.", "The.")."""
    found = _PERIOD_DATELINE.match(text)
    if found is None or ends_no_sentence(found.group("city").split()[-1]):
        return None
    inside = re.compile(rf"(?<=[a-z,;] ){re.escape(found.group('city'))}(?![\w-])")
    return found if inside.search(whole) else None


def _keep(state: _State, line: int, view: Folded, cut: int = 0) -> None:
    """Keep a line in the body from folded offset ``cut`` on; on the first paragraph, lift its
    source credit and dateline first."""
    second = state.started and _after_deck(state, view.text)
    if not state.started or second:
        for end, name, value, reason in _opening(view.text, state.text):
            if name == "source":
                state.source = state.source or view.source(*value)
            elif name == "dateline":
                state.dateline = state.dateline or view.source(*value)
            state.drop(line, view.source(cut, end), reason)
            cut = end
    if state.started and len(state.kept) == 1:  # the second paragraph (``second`` implies it)
        (first_line, first), = state.kept.items()
        lead = any(r.reason.startswith(("dateline", "source")) for r in state.removed.get(first_line, ()))
        standfirst = cut or (not lead and _STANDFIRST.match(first.strip()))  # a lead's dateline: not a standfirst
        if standfirst and _near_copy(first, view.text[cut:]):
            # the standfirst, printed again as the lead (with or without a dateline): one copy goes
            del state.kept[first_line]
            state.drop(first_line, first, f"standfirst repeated by the first paragraph (line {line})")
    state.kept[line] = view.original[view.at(cut):]
    state.started = True


_DECK = store.compile(r"^[^.!?:;…\"”’]{20,200}$")
"""A deck (a subheadline over the article: one line, no stop at all)."""
_CAPS_OPENING = store.compile(rf"^(?:{_PLACE}(?:,\s+{_PREFIX_DATE})?(?:\s*\([A-Z][A-Za-z.]{{1,11}}\))?)\s*{_DASH}\s+(?=\S)")


def _after_deck(state: _State, probe: str) -> bool:
    """True for the second kept paragraph when the first was a deck or a one-sentence standfirst
    and this one opens with a dateline in capitals and a dash ("WASHINGTON -- The first-ever summit
    ...", "TOKYO (AP) — ...") or with a place, a date and an agency ("Athens, 7 December 2023
    (dpa/MIA) - ..."): the article's own first paragraph. (A colon or a capitalised name is not
    enough there: "Xi: ..." is a speaker.)"""
    if len(state.kept) != 1 or state.source or (state.dateline and not _DATE_ONLY.match(state.dateline)):
        return False  # a dateline that is only a date ("October 02, 2019 - 07:21") names no place yet
    first = next(iter(state.kept.values())).strip()
    if not (_DECK.match(first) or _STANDFIRST.match(first)):
        return False
    if _CAPS_OPENING.match(probe):
        return True
    colon = _COLON_DATELINE.match(probe)
    if colon and colon.group("caps"):  # "NUSA DUA, INDONESIA: ..." under a deck
        return True
    source = _SOURCE_PREFIX.match(probe)
    return bool(source and source.group("source") and "(" in source.group("source"))


_DATE_ONLY = store.compile(rf"^[\d\s,./:-]*(?i:(?:{_WEEKDAY},?\s+)?{_MONTH}\.?)?[\d\s,./:-]*(?i:[ap]\.?m\.?)?\s*$")
"""A dateline field holding only a date and a time."""
_STANDFIRST = store.compile(r"^(?:[^.!?]|\.(?=\S)){20,350}[.!?][\"”’)]*$")
"""A standfirst: one sentence over the article (no full stop inside it)."""
STANDFIRST_REPEAT = 0.85
"""Share of words a first paragraph must repeat of the standfirst above it to make the standfirst a copy."""


_WORD_RUN = store.compile(r"[^\W_]+")


def _near_copy(first: str, second: str) -> bool:
    """True when ``first`` (a standfirst) says what ``second`` opens with, nearly word for word
    ("Kishida says hats off to ..." over "Kishida said hats off to ...")."""
    import difflib

    # words of the folded texts (NFC and NFD alike), punctuation aside ("Beijing." and "Beijing on")
    a = _WORD_RUN.findall(folded(first).text.casefold())
    b = _WORD_RUN.findall(folded(second).text.casefold())[: len(a) + 3]
    return len(a) >= REPEAT_WORDS and difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= STANDFIRST_REPEAT


def _result(state: _State) -> CleanResult:
    """The body, paragraphs, ledger and fields gathered in ``state``."""
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


def _adjacent_repeats(content: list[tuple[int, str]], keys: list[str]) -> dict[int, int]:
    """Positions of lines repeated immediately (blank lines aside): captions printed twice."""
    pairs: dict[int, int] = {}
    for pos in range(1, len(content)):
        if keys[pos - 1] == keys[pos] and len(content[pos - 1][1].split()) >= 3:
            pairs[pos - 1] = content[pos][0]
            pairs[pos] = content[pos - 1][0]
    return pairs


def clean_text(text: str, title: str = "", first_line: int = 1, outlet: str = "") -> CleanResult:
    """Clean a capture given as one string whose first line is file line ``first_line``."""
    lines = [(first_line + i, t) for i, t in enumerate(text.split("\n"))]
    return clean_lines(lines, title, outlet)
