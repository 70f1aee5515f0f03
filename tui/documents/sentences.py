"""Sentence segmentation of clean bodies, keeping each sentence's character span.

A rule-based segmenter written for news prose: it knows titles and other
abbreviations ("Mr.", "Gen.", "bln."), initials ("V. Putin"), dotted acronyms
("U.S.", which may also end a sentence), numbers ("1982 UNCLOS", "40%", "1.5"),
closing quotes and brackets, the Vietnamese press ending "./.", list markers
("1. Both sides agreed ..." is one sentence, and a paragraph holding only
"1." joins the item after it), headings without a full stop, and paragraphs a
capture broke mid-sentence (one ending in a letter or comma before one opening
in lowercase: they join), including whole hard-wrapped captures (text from a
PDF: lines cut at a width are read as the sentences they carry); otherwise a
paragraph always ends a sentence. Its
rules look only at ASCII letters, letter case and punctuation, so text in NFC
and in NFD (decomposed accents) splits alike. It is measured
against pysbd on ``tests/data/segmentation.json`` (see ``benchmarks/``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from tui.documents.model import Paragraph, Sentence
from tui.infra import store

# Abbreviations that never end a sentence when followed by a capitalised word.
_TITLES = {
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "assoc", "asst", "st", "jr", "sr", "gen", "col", "lt",
    "capt", "cmdr", "maj", "adm", "brig", "sgt", "cpl", "gov", "sen", "rep", "rev", "hon", "amb", "pres",
    "dep", "supt", "no", "nos", "vol", "fig", "art", "sec", "vs", "v", "approx", "dept", "est", "bln",
    "mln", "tr", "e.g", "i.e", "cf", "al", "ca", "para", "paras", "pp", "p", "op", "ch", "mt", "ft",
    "u.s.a", "sta", "sto",  # "Jose Santiago Sta. Romana": Santa, Santo in names
}
# Abbreviations that often end a sentence too: split only before a typical sentence opener.
# Company suffixes ("Zarubezhneft Ltd.") and months ("in Dec.") end sentences as often as not;
# before a digit ("Oct. 2025", "Sept. 30") they never do.
_MAYBE_FINAL = {
    "u.s", "u.k", "u.n", "e.u", "etc", "a.m", "p.m", "d.c", "jsc", "co", "ltd", "inc", "corp", "bros",
    "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_OPENERS = {
    "the", "a", "an", "they", "he", "she", "it", "we", "i", "in", "on", "at", "both", "this",
    "that", "these", "those", "there", "but", "however", "meanwhile", "also", "as", "according",
    "earlier", "later", "his", "her", "their", "its", "our", "for",
    "after", "before", "during", "while", "when", "with", "under", "prime", "president", "mr",
}


def ends_no_sentence(word: str) -> bool:
    """True when ``word`` before a full stop is an abbreviation ("Prof.", "Dec.") or a word that opens
    sentences ("The."): not a place that a dateline could name."""
    bare = word.lower().rstrip(".")
    return bare in _TITLES or bare in _MAYBE_FINAL or bare in _OPENERS


_CANDIDATE = store.compile(r"(\./\.|[.!?…]+)([\"'”’)\]]*)(?=\s|$)")
_WORD_BEFORE = store.compile(r"([A-Za-z][A-Za-z.]*)$")
_ONLY_SPACE = store.compile(r"\s*\Z")
_LOOKBACK = 64
"""Characters looked at before a full stop to find the word it ends (no abbreviation is longer)."""
_NEXT_WORD = store.compile(r"\s*([\"'“‘(\[]?)([^\s]*)")
_LIST_MARKER = store.compile(r"\s*(?:\d{1,3}|[ivxIVX]{1,4}|[A-Za-z])\.")
"""A list item's number or letter ("1.", "iv.", "b."): it never ends a sentence of its own."""


_COUNTRY_ABBREVIATIONS = {"u.s", "u.k", "u.n", "e.u"}
_TITLE_WORDS = {"president", "prime", "vice", "secretary", "ambassador", "envoy", "mr", "mrs", "ms", "dr"}
"""Titles a dotted country abbreviation qualifies ("U.S. President", "U.K. Prime Minister")."""


def _title(word: str) -> bool:
    return word.strip("\"'“‘").rstrip(",;:").lower().rstrip(".") in _TITLE_WORDS


def _opener(word: str) -> bool:
    """True when ``word`` (quotes and trailing commas aside) typically starts a sentence."""
    return word.strip("\"'“‘").rstrip(",;:").lower() in _OPENERS


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Decide whether the terminal punctuation at ``text[start:end]`` closes a sentence."""
    mark = text[start:end]
    if _ONLY_SPACE.match(text, end):
        return True
    nxt = _NEXT_WORD.match(text, end)
    opener, word = (nxt.group(1), nxt.group(2)) if nxt else ("", "")
    first = word[:1]
    if not opener and first and not (first.isupper() or first.isdigit()):
        return False
    if mark.startswith("."):
        if not mark.startswith("./.") and len(mark.rstrip("\"'”’)]")) == 1:
            # a bounded look-back keeps long runs of abbreviations linear ("Mr. Mr. Mr. ...")
            before = _WORD_BEFORE.search(text[max(0, start - _LOOKBACK):start])
            if before:
                token = before.group(1).lower()
                bare = token.rstrip(".")
                if len(bare) == 1 and bare.isalpha() and before.group(1)[0].isupper():
                    # an initial ("Vladimir V. Putin"), unless a sentence opener follows ("in Phase B. The")
                    return _opener(word)
                if bare in _COUNTRY_ABBREVIATIONS and _title(word):
                    return False  # "Yoon and U.S. President Joe Biden": the country names the title
                if bare in _MAYBE_FINAL:
                    return _opener(word)
                if bare in _TITLES:
                    return False
                if "." in bare and all(len(p) <= 2 for p in bare.split(".")):
                    return _opener(word)
    return True


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within one paragraph, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= pos or _LIST_MARKER.fullmatch(text, pos, end) or not _is_boundary(text, match.start(), end):
            continue
        spans.append((pos, end))
        pos = end
    spans.append((pos, len(text)))
    result = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        start, end = start + lead, end - trail
        if end > start:
            if result and not any(c.isalnum() for c in text[start:end]):
                result[-1] = (result[-1][0], end)  # lone punctuation joins the sentence before
            else:
                result.append((start, end))
    return result


def segment(paragraphs: Iterable[Paragraph]) -> tuple[Sentence, ...]:
    """Sentences of a body given as its paragraphs (joined by newlines); spans index the body string.

    A paragraph that is only a list marker ("1.") starts the first sentence of
    the paragraph after it: that sentence holds the paragraph break (it is
    still ``body[start:end]``) and belongs to the item's paragraph.
    """
    out: list[Sentence] = []
    paras = list(paragraphs)
    wrapped = _hard_wrapped(paras)
    lead: tuple[int, str] | None = None  # (body start, text) of marker paragraphs waiting for their item
    for number, para in enumerate(paras):
        if _marker_before(paras, number):
            gap = "\n" * (paras[number + 1].start - para.start - len(para.text))
            lead = (lead[0], lead[1] + para.text + gap) if lead else (para.start, para.text + gap)
            continue
        spans = split_spans(para.text)
        carried: tuple[int, str] | None = None
        if spans and _broken_before(paras, number, wrapped):  # "... and a mutual" / "pursuit of ...": one sentence
            start, end = spans.pop()
            gap = "\n" * (paras[number + 1].start - para.start - end)
            carried = (lead[0], lead[1] + para.text[:end] + gap) if lead and not spans else (
                para.start + start, para.text[start:end] + gap)
        for k, (start, end) in enumerate(spans):
            begin, text = para.start + start, para.text[start:end]
            if k == 0 and lead is not None:
                begin, text = lead[0], lead[1] + para.text[:end]
            out.append(Sentence(len(out), text, begin, para.start + end, number))
        lead = carried
    return tuple(out)


def _broken_before(paras: list[Paragraph], number: int, wrapped: bool = False) -> bool:
    """True when paragraph ``number`` stops mid-sentence and the next one goes on with it: it ends
    in a letter or comma and the next opens with a lowercase letter, as a capture that broke a
    paragraph in two leaves it; in a hard-wrapped capture (``wrapped``), any long line that ends
    with no stop and is followed by the very next source line."""
    if number + 1 >= len(paras):
        return False
    para, following = paras[number], paras[number + 1]
    gap = following.start - para.start - len(para.text)
    last = para.text[-1:]
    ends_open = last.isalpha() or last in ",;&/(-" or last.isdigit() or bool(last and unicodedata.combining(last))
    if gap not in (1, 2) or not ends_open:
        return False
    if following.text[:1].islower():
        return True
    return wrapped and following.line == para.line + 1 and len(para.text) >= WRAP_MIN


WRAP_MIN = 45
"""Characters a line must have to be taken for a hard-wrapped one (a heading is shorter, as a rule)."""
WRAP_SHARE, WRAP_LINES = 0.4, 4


def _hard_wrapped(paras: list[Paragraph]) -> bool:
    """True when a capture is hard-wrapped (text from a PDF or a fixed-width page: lines cut at a
    width, mid-sentence): at least four lines of ``WRAP_MIN`` characters, and 40 % of them, are
    plainly cut -- they end in a comma or a function word ("of", "the", "and"), or the next source
    line opens in lowercase. A list of unpunctuated items or headlines is not: each of its lines
    ends in a content word before a capitalised one."""
    long = [p for p in paras if len(p.text) >= WRAP_MIN]
    by_line = {p.line: p for p in paras}
    cut = 0
    for p in long:
        after = by_line.get(p.line + 1)
        if after is None or _SENTENCE_STOP.search(p.text):
            continue
        if _CUT_END.search(p.text) or after.text[:1].islower():
            cut += 1
    return cut >= WRAP_LINES and cut >= WRAP_SHARE * len(long)


_CUT_END = store.compile(r"(?:[,&/(-]|(?<![\w-])(?:of|the|a|an|and|or|for|to|in|on|at|by|with|from|as|its|their|"
                         r"his|her|that|which|between|into|than)\s*)$", re.I)


_SENTENCE_STOP = store.compile(r"[.!?:…\"”’)\]]\s*$")


def _marker_before(paras: list[Paragraph], number: int) -> bool:
    """True when paragraph ``number`` is only a list marker and the item follows it, newlines apart."""
    para = paras[number]
    if number + 1 >= len(paras) or not _LIST_MARKER.fullmatch(para.text) or para.text[:1].isspace():
        return False
    following = paras[number + 1]
    gap = following.start - para.start - len(para.text)
    return gap in (1, 2) and following.text.strip() != "" and not following.text[:1].isspace()


def split_text(text: str) -> list[str]:
    """Convenience: the sentences of a plain string, paragraph breaks at blank lines or newlines."""
    pieces: list[str] = []
    for para in text.split("\n"):
        pieces.extend(para[s:e] for s, e in split_spans(para))
    return pieces


def text_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans over a whole string whose lines are paragraphs (``text[s:e]`` is a sentence)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in split_spans(para))
        offset += len(para) + 1
    return spans
