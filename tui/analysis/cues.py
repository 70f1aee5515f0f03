"""The pledge cue lexicon, shared by comparison (strength changes) and commitments.

Three strengths, strongest first: ``pledge`` (agreed, pledged, vowed, will,
affirmed their determination ...), ``support`` (support, welcome, back,
endorse, voiced support ...) and ``intent`` (hope, wish, desire, aim, plan,
look forward, the need to ...). The leftmost cue decides, with
the rules that mattered in the field notes: "agreed on the need" and
"agreed on the importance" are intent; "agreed that", "believe" and "expect"
cancel a later will/would (a claim, not a promise). Emphasis alone ("stressed
the importance of", "highlighted the significance of") commits no one: no cue;
both sides affirming the importance of an action ("affirmed the importance of
accelerating the project") is intent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from tui.infra import store

PLEDGE, SUPPORT, INTENT = "pledge", "support", "intent"
RANK = {INTENT: 1, SUPPORT: 2, PLEDGE: 3}
"""Order of strengths: a higher rank binds the parties more."""

_W = r"(?<![\w-])"  # word start
_E = r"(?![\w-])"   # word end

# Each entry: (strength, pattern). Patterns are tried together; the leftmost match wins,
# and at the same position the longest.
_PATTERNS: list[tuple[str, str]] = [
    # intent phrases that would otherwise read as firm cues
    (INTENT, r"agree(?:d|s)?\s+on\s+the\s+(?:need|importance|necessity)"),
    (INTENT, r"agree(?:d|s)?\s+that\s+(?:there\s+is|it\s+is)\s+(?:a\s+|an\s+)?(?:need|necessary|important)"),
    (INTENT, r"(?:affirm|reaffirm|underline|underscore|stress|emphasi[sz]e|highlight|note)(?:ed|d|es|s)?"
             r"\s+the\s+(?:need|necessity)"),
    (INTENT, r"(?:affirm|reaffirm)(?:ed|s)?\s+the\s+(?:importance|significance)\s+of\s+[a-z]+ing"),  # of acting
    (INTENT, r"(?:express|voice|show|affirm|reaffirm|reiterate|convey|underline|underscore|stress|"
             r"emphasi[sz]e|highlight)(?:ed|d|es|s|ing)?\s+"
             r"(?:(?:their|its|his|her|the|a|an|strong|shared|common|[^\W\d_]+['’]s)\s+)*"
             r"(?:desire|wish|hope|willingness|readiness|intention)"),
    # firm
    (PLEDGE, r"agree(?:d|s|ing)?\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
             r"today|yesterday)\s+)?(?:to|on|not|upon|for\s+(?:a|an|the|new|joint)(?![\w-]))"),
    (PLEDGE, r"agree(?:d|s|ing)?\s+with\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}(?:to|on|upon)"),  # "agreed with Marcos on"
    (PLEDGE, r"agree(?:d|s|ing)?\s+with\s+(?:his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?counterparts?"
             r"(?:\s*,\s*(?:(?-i:[A-Z])[\w'’.-]*\s*){1,3},)?\s+(?:to|on|upon)"),  # "agreed with his Irish counterpart, X, to"
    (PLEDGE, r"(?:pledge|vow|commit|decide|resolve)(?:ed|d|s)?(?:\s+(?:to|not))?"),
    (PLEDGE, r"(?:pledg|vow|committ|decid|resolv|promis)ing(?:\s+(?:to|not))?"),
    (PLEDGE, r"(?:consent|concur)(?:red|ed|s|ring|ing)?\s+(?:to|on|not|upon)"),
    (PLEDGE, r"promise(?:d|s)?(?:\s+(?:to|not))?"),
    (PLEDGE, r"(?:affirm|reaffirm)(?:ed|s)?\s+(?:their|its|the)\s+(?:determination|committ?ment|resolve)"),
    (PLEDGE, r"(?:determined|determination|committ?ment|committed)\s+to"),  # "committment": a common misspelling
    (PLEDGE, r"(?:affirm|reaffirm)(?:ed|s)?\s+to"),
    (PLEDGE, r"reach(?:ed|es)?\s+(?:a\s+)?consensus"),
    (PLEDGE, r"(?:were|was|are)\s+unanimous"),
    (PLEDGE, r"(?:will|shall)(?:\s+not)?"),
    (PLEDGE, r"assured"),
    (PLEDGE, r"(?:announc|unveil)(?:e|es|ed|ing)\s+(?:(?:a|an|the|new|additional|further|fresh|its|their)\s+)*"
             r"(?:[\w$€£¥,.-]+\s+){0,4}?(?:assistance|aid|grants?|loans?|package|funding)"),  # "announced an aid package of"
    # support
    (SUPPORT, r"(?:voice|express|reiterate|affirm|reaffirm|extend|show|pledge)(?:d|ed|s)?\s+"
              r"(?:their\s+|its\s+|his\s+|her\s+|our\s+|strong\s+|full\s+|continued\s+|firm\s+|mutual\s+|"
              r"unwavering\s+|steadfast\s+|consistent\s+|staunch\s+|unequivocal\s+|solid\s+|"
              r"[^\W\d_]+['’]s\s+)*support"),
    (SUPPORT, r"(?:affirm|reaffirm|reiterate)(?:ed|d|s)?\s+(?:its|their|his|her|the)\s+(?:firm\s+|full\s+|continued\s+|"
              r"consistent\s+)?(?:recognition|adherence)\s+(?:of|to)"),  # "reaffirmed its recognition of the One China policy"
    (SUPPORT, r"support(?:s|ed|ing)?"),
    (SUPPORT, r"back(?:s|ed)?"),
    (SUPPORT, r"endorse(?:d|s)?"),
    (SUPPORT, r"welcome(?:d|s)?"),
    (SUPPORT, r"embrace(?:d|s)?"),
    (SUPPORT, r"uphold(?:s)?|upheld"),
    (SUPPORT, r"(?:in\s+)?favou?r\s+of"),
    # intent
    (INTENT, r"hope(?:s|d)?|hoping"),
    (INTENT, r"wish(?:es|ed|ing)?"),
    (INTENT, r"desire(?:s|d)?"),
    (INTENT, r"aim(?:s|ed|ing)?(?:\s+to|\s+at)?"),
    (INTENT, r"plan(?:s|ned)?\s+to"),
    (INTENT, r"(?:is|are|was|were|been)\s+(?:also\s+|now\s+)?(?:planned|scheduled)"),  # "meetings are planned"
    (INTENT, r"look(?:s|ed|ing)?\s+forward"),
    (INTENT, r"read(?:y|iness)|willing(?:ness)?"),
    (INTENT, r"(?:the\s+)?need\s+(?:to|for)"),
    (INTENT, r"call(?:s|ed)?\s+(?:on|for|upon)"),
    (INTENT, r"urge(?:s|d)?"),
    (INTENT, r"request(?:s|ed)?"),
    (INTENT, r"propose(?:s|d)?"),
    (INTENT, r"seek(?:s|ing)?|sought"),
    (INTENT, r"want(?:s|ed)?"),
    (INTENT, r"intend(?:s|ed|ing)?\s+to"),
    (INTENT, r"envisag(?:e|es|ed|ing)"),
    (INTENT, r"would\s+like\s+to"),
    (INTENT, r"(?:it\s+is\s+|it's\s+)?(?:important|necessary|essential|vital|imperative)\s+"
             r"(?:for\s+(?:[\w'’-]+\s+){1,4}?)?to"),
    (INTENT, r"(?:striv(?:e|es|ed|ing)|strove|endeavou?r(?:s|ed)?)\s+to"),
    (INTENT, r"encourag(?:e|es|ed|ing)"),
    (INTENT, r"ask(?:s|ed|ing)?\s+(?:for|(?:[\w'’-]+\s+){0,4}?to)"),
    (INTENT, r"should|must|ought\s+to"),
    (INTENT, r"set(?:s|ting)?\s+(?:up\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?targets?"),
    (INTENT, r"intention"),
    (INTENT, r"(?:announc|unveil|outlin)(?:e|es|ed|ing)\s+(?:(?:a|an|the|their|its|new|joint|major|ambitious)\s+)*"
             r"plans?\s+(?:to|for)"),  # "announced plans for joint developments" (not "announced the signing")
    (INTENT, r"explor(?:e|es|ed|ing)\s+(?:the\s+)?(?:possibilit(?:y|ies)|ways|options|opportunities)"),
    (INTENT, r"would"),
]


def _alternation(indices: Sequence[int]) -> str:
    """The patterns numbered ``indices``, in their order, as one word-start alternation whose
    groups are named after their number (``c7``): the order decides at one position."""
    return _W + "(?:" + "|".join(f"(?P<c{i}>(?:{_PATTERNS[i][1]}){_E})" for i in indices) + ")"


# One word-start check, then the alternatives in order (same matches as checking the start in
# each alternative, but most positions -- inside words -- are rejected at once).
_CUE = store.compile(_W + "(?=[a-z])" + _alternation(range(len(_PATTERNS)))[len(_W):], re.IGNORECASE)

_WORD_START = store.compile(_W + "[a-z]", re.IGNORECASE)


@lru_cache(maxsize=32)
def _cues_from(letter: str) -> re.Pattern[str] | None:
    """The cue alternation cut to the patterns that can begin with ``letter`` (their order kept), or
    None when none can: at a word start only these can match, so matching them there finds what
    :data:`_CUE` finds, several times faster (the full alternation tries all 56 at every word)."""
    indices = [i for i, (_, pattern) in enumerate(_PATTERNS) if letter in _first_letters(pattern)]
    return store.compile(_alternation(indices), re.IGNORECASE) if indices else None


_ANY_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")


@cache
def _first_letters(pattern: str) -> frozenset[str]:
    """The lowercase letters a match of ``pattern`` can begin with; every letter when that cannot
    be read from the parsed pattern (a class such as ``\\w``, an empty match): never too few."""
    try:
        from re import _constants, _parser  # the stdlib's own parse of the pattern

        first, empty = _starts(list(_parser.parse(pattern, re.IGNORECASE)), _constants)
    except Exception:  # noqa: BLE001 - another interpreter's internals: assume any letter
        return _ANY_LETTER
    # a match begins with a letter (the word-start check), so only letters need be kept
    return _ANY_LETTER if first is None or empty else frozenset(first) & _ANY_LETTER


def _starts(items: list, c) -> tuple[set[str] | None, bool]:  # type: ignore[no-untyped-def]
    """Letters (lowercased) that parsed ``items`` can begin with (None: any) and whether they can
    match the empty string."""
    letters: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return letters | {chr(av).lower()}, False
        if op is c.IN:
            found = _class_letters(av, c)
            return (None if found is None else letters | found), False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: it narrows what follows, never widens it
        if op is c.SUBPATTERN:
            first, empty = _starts(list(av[-1]), c)
        elif op is c.BRANCH:
            parts = [_starts(list(branch), c) for branch in av[1]]
            first = None if any(f is None for f, _ in parts) else set().union(*(f for f, _ in parts))
            empty = any(e for _, e in parts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, sub = av
            first, empty = _starts(list(sub), c)
            empty = empty or low == 0
        else:
            return None, False
        if first is None:
            return None, False
        letters |= first
        if not empty:
            return letters, False
    return letters, True


def _class_letters(items: list, c) -> set[str] | None:  # type: ignore[no-untyped-def]
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av).lower())
        elif op is c.RANGE and av[1] - av[0] < 256:
            out.update(chr(x).lower() for x in range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category (\\w): any letter
    return out


def _cue_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_CUE.finditer(text)`` yields, found by trying at each word start only the patterns
    that can begin with its letter."""
    pos = 0
    for start in _WORD_START.finditer(text):
        at = start.start()
        if at < pos:
            continue
        letter = text[at].lower()
        pattern = _cues_from(letter) if letter in _ANY_LETTER else _CUE
        match = pattern.match(text, at) if pattern is not None else None
        if match is not None:
            yield match
            pos = match.end()
_CANCEL = store.compile(
    rf"{_W}(?:agree(?:d|s)?\s+that|believe(?:d|s)?|expect(?:ed|s)?|said\s+that|noted\s+that|"
    rf"(?:am|are|is|was|were)\s+(?:sure|confident|convinced|certain)(?:\s+that)?|trust(?:s|ed)?\s+that|"
    rf"(?:emphasi[sz]e|stress|underline|underscore)(?:d|s)?\s+that){_E}",
    re.I,
)
_MODAL = store.compile(r"^(?:will|shall|would)(?:\s+not)?$", re.I)
_WHO_WORDS = frozenset({"they", "we", "he", "she", "it", "i", "sides", "countries", "nations", "both", "leaders",
                        "governments", "parties", "government", "side"})
"""Subjects before a reported modal that say who acts: its verb is then their cue."""
_VERB_OF_MODAL = store.compile(r"\s+(?:(?:also|further|continue\s+to|help(?:\s+to)?|certainly|surely)\s+)?$")
"""Between a reported modal and a cue that is its verb ("will (further) encourage")."""
_COURTESY = store.compile(
    r"(?:wish(?:es|ed|ing)?\s+(?:[\w'’-]+\s+){1,6}?(?:success|good\s+health|happiness|prosperity|a\s+happy)"
    r"|wish(?:es|ed)?\s+to\s+(?:recall|remind|note|mention|say|thank|express|congratulate|convey|extend|begin|start"
    r"|conclude|point\s+out|take\s+this\s+opportunity)(?![\w-])"  # "I wish to recall that ...": a speech act
    r"|welcom(?:e|es|ed|ing)\s+(?:(?:in|to|at)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+)?"
    r"(?:(?:the\s+)?(?:visiting\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?(?:President|Prime|Premier|General|Chairman|Chancellor|King|Crown|Emir|Sultan|Sheikh|"
    r"(?:Foreign|Defen[cs]e|Deputy|Vice)\s+(?:Minister|Secretary|President|Premier|Prime)|Minister|Secretary|counterpart|"
    r"Queen|Emperor|Party|Mr|Ms|Mrs|Dr|His|Her|guests?|delegation|high-ranking)\b"
    # not "welcomed Prime Minister X's proposal" (support for an act), but "... X's first official visit"
    r"(?![\w\s]{0,40}['’]s\s+(?!(?:[\w-]+\s+){0,3}(?:visit|trip|arrival|presence|attendance)(?![\w-]))))"
    r"|welcom(?:e|es|ed|ing)\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)(?=\s+(?:and|to|on|at|in|for|with)(?![\w-])|\s*[,.;]|\s*$)"
    r"|welcom(?:e|es|ed|ing)\s+(?-i:[A-Z][a-z]+)(?=\s+(?:to|at|in)\s+(?-i:[A-Z]))"  # "welcomed Starmer to Farmleigh"
    r"|look(?:s|ed|ing)?\s+forward\s+to\s+(?:speaking|talking|meeting|seeing|welcoming)\s+(?:again|soon|with)"
    r"|(?:would\s+like|want|wish)\s+to\s+(?:(?:first|once\s+again|also)\s+)?(?:express|convey|extend|thank|congratulate|"
    r"take\s+this\s+opportunity|welcome|introduce|present))",  # "I would like to express my gratitude": courtesy;
    # "<Outlet> would like to introduce the full text of ...": an editor's preface
    re.I,
)
_NEGATION = store.compile(rf"{_W}not{_E}", re.I)


_NOUN_BEFORE = {
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "whole-hearted", "wholehearted",
    "valuable", "great", "strong", "full", "continued", "mutual", "financial", "technical", "for",
    "military", "economic", "political", "humanitarian", "diplomatic", "public", "international", "warm",
    "of", "with", "without", "such", "this", "that", "and", "or", "'s", "in", "on", "discuss", "discussed",
    "discussing", "discusses",
    "steadfast", "unwavering", "consistent", "firm", "staunch", "solid", "constant", "invaluable", "generous",
    "timely", "active", "unconditional", "ceremonial", "formal", "official", "grand", "rousing", "tri-services",
    "immense", "enormous", "tremendous", "kind",
}
_NOT_VERB_BACK_BEFORE = {"looking", "look", "looked", "go", "going", "went", "come", "came", "dating",
                         "dates", "date", "way", "step", "stepped", "bring", "brought", "get", "got",
                         "is", "are", "was", "were", "be", "been", "being", "it's", "now", "we're", "they're",
                         "you're", "i'm", "he's", "she's", "that's", "we've", "they've"}
_CEREMONY = store.compile(r"(?<![\w-])(?:salute|ceremony|guard\s+of\s+honou?r|red\s+carpet|airport|arrival|banquet|"
                          r"reception|honou?r\s+guard)(?![\w-])", re.I)
_HELD_NOUN = store.compile(
    r"(?:(?<![\w-])(?P<verb>share[sd]?|sharing|ha(?:ve|s|d)|made|make[s]?|reaffirm(?:ed|s)?|affirm(?:ed|s)?|"
    r"reiterat(?:ed|es|e)|express(?:ed|es)?|renew(?:ed|s)?|show(?:ed|s)?|demonstrat(?:ed|es|e)|confirm(?:ed|s)?|"
    r"underlin(?:ed|es|e)|voic(?:ed|es|e)|restat(?:ed|es|e)|gave|give[sn]?)\s+|[^\w\s]\s*|(?<![\w-])\w+\s+)"
    r"(?:a|an|such\s+a)\s+(?:[a-z-]+\s+){0,2}$", re.I)
"""Before "a (firm) commitment to": a verb that holds or states it ("share a commitment to",
"reaffirmed a strong commitment to": a pledge), or anything else ("requires ... a commitment to",
"founded in trust, a resolute commitment to": a noun phrase, no pledge)."""
LOOK_BACK = 64
"""Characters before a cue that its noun/verb tests look at (the word before, "was formally")."""
_INSTRUMENT_BEFORE = store.compile(
    r"(?<![\w-])(?:agreements?|accords?|memorand(?:um|a)|mous?|deals?|treat(?:y|ies)|protocols?|pacts?|"
    r"conventions?|contracts?)\s+(?:on\s+|to\s+)$", re.I)
"""An instrument named by what it does, just before a cue: "an agreement to encourage ...", "a
memorandum on supporting ..."."""
_WILL_NOUN_BEFORE = frozenset({"the", "a", "political", "strong", "good", "their", "its", "his", "her", "our", "my",
                               "free", "popular", "common", "shared", "firm", "sovereign"})
"""Words before "will" that make it the noun: "the will of", "political will"."""
_OBSERVED = store.compile(
    r"(?:(?<![\w-])(?:this|which|that|it)\s+(?:\w+\s+)?|(?<![\w-])\w+s\s+)"
    r"(?:demonstrates|reflects|shows|illustrates|underscores|highlights|marks|proves|attests\s+to|testifies\s+to"
    r"|is\s+a\s+testament\s+to|speaks\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
"""Before "commitment": a thing that shows it ("This reflects both countries' commitment to", "The
visits demonstrate ..."): someone's observation, not the parties' pledge."""
_ITINERARY = store.compile(
    r"\s+(?:(?:then|also|later|next|now|first|subsequently|afterwards)\s+)?(?:(?:travel|fly|attend|arrive|depart|"
    r"leave|head|tour|return|be\s+followed\s+by|go\s+on\s+to|continue\s+on\s+to|stop\s+over)(?![\w-])"
    r"|meet\s+(?:with\s+)?(?-i:[A-Z]))", re.I)
"""What follows "will" in a schedule: "will travel on to Brussels", "will attend the match", "will
also meet Vice President X"."""
_THANKS_FOR = store.compile(r"(?<![\w-])(?:thank(?:s|ed|ing)?|thankful|grateful|gratitude|appreciation)(?![\w-])"
                            r"[^.;:!?]{0,60}?(?<![\w-])for\s+(?:[\w'’“”\"-]+\s+){0,4}$", re.I)
"""Thanks for something: "thanked India for its \"immense support\"" (gratitude, not a pledge)."""
_NO_NEED = store.compile(r"(?:(?<![\w-])not|n['’]t)\s+$", re.I)
_GERUND_AFTER = store.compile(r"\s+[a-z]+ing(?![\w-])")
_JUDGEMENT = frozenset({"important", "necessary", "essential", "vital", "imperative"})
"""The adjectives of the "it is important to" cue (its pattern in :data:`_PATTERNS`)."""
_WELCOME_BEFORE = store.compile(r"(?<![\w-])welcom(?:e|es|ed|ing)\s+(?:[\w'’.-]+\s+){1,6}$", re.I)
_ADJECTIVE_BEFORE = frozenset({"a", "an", "the", "very", "most", "more", "highly", "quite", "seems", "seemed", "looks",
                               "looked", "remains", "remained", "particularly"})
_CONDITIONAL_JUDGEMENT = store.compile(
    r"\s+be\s+(?:(?:very|really|so|quite|even|much)\s+)?(?:good|great|nice|better|best|useful|helpful|wise|possible|"
    r"beneficial|desirable|right|fine)\s+(?:if|when)(?![\w-])", re.I)
_PASSIVE_BEFORE = store.compile(r"(?<![\w-])(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?$", re.I)
_PREV_WORD = store.compile(r"([\w'’-]+)\W*$")
_NO_OBJECT = store.compile(r"\s*(?:[.,;:!?)]|$)")
_NEXT_FROM = store.compile(r"\s+(?:from|and\s+assistance)(?![\w-])", re.I)


def _previous_word(text: str, start: int) -> str:
    match = _PREV_WORD.search(text, max(0, start - LOOK_BACK), start)  # a window: a cue-dense text stays linear
    return match.group(1).lower().replace("’", "'") if match else ""


def _is_noun_use(text: str, cue_text: str, start: int, end: int) -> bool:
    """True when a verb cue ("support", "back", "welcome", "desire") is used as a noun or adverb."""
    word = cue_text.lower()
    prev = _previous_word(text, start)
    if word in ("support", "welcome", "backing", "back") and _NO_OBJECT.match(text, end):
        return True  # "the warm welcome.": a verb cue needs an object
    if word in ("support", "backing") and _NEXT_FROM.match(text, end):
        return True  # "the support from the Soviet Union": a noun, history
    if word.split()[0] in ("support", "welcome", "desire", "wish", "hope", "request", "back", "aim", "aims"):
        if prev in _NOUN_BEFORE or prev.endswith("'s"):
            return True
    if word in ("back",) and prev in _NOT_VERB_BACK_BEFORE:
        return True
    if word == "back" and _WELCOME_BEFORE.search(text, max(0, start - 80), start):
        return True  # "to welcome Prime Minister X back to the palace": a ceremony, not backing
    if word == "promising" and prev in _ADJECTIVE_BEFORE:
        return True  # "a promising sign", "is very promising": an adjective, not a promise
    if word.startswith("important") and prev in ("more", "most", "less", "so", "as"):
        return True  # "no relationship is more important to Australia than this one": a judgement
    if _MODAL.match(cue_text) and _CONDITIONAL_JUDGEMENT.match(text, end):
        return True  # "it will be good if we can ...": a wish under a condition, not a pledge
    if _INSTRUMENT_BEFORE.search(text, max(0, start - LOOK_BACK), start):
        return True  # "signed an agreement to encourage and protect investments": the instrument's name
    if word.startswith("need") and _NO_NEED.search(text, max(0, start - 16), start):
        return True  # "I do not need to mention ...": no need is no aim
    if _THANKS_FOR.search(text, max(0, start - LOOK_BACK - 40), start):
        return True  # "thanked X for its support", "grateful for the welcome": gratitude
    if cue_text.lower().endswith(" to") and cue_text.split()[0].lower() in _JUDGEMENT and _GERUND_AFTER.match(text, end):
        return True  # "views the partnership as vital to addressing challenges": a judgement, not an aim
    if _MODAL.match(cue_text) and _ITINERARY.match(text, end):
        return True  # "will travel on to Brussels", "will attend the match": a schedule, not a pledge
    if word == "will" and (prev.endswith("'s") or prev in _WILL_NOUN_BEFORE):
        return True  # "China's will and determination", "the will of both leaders": the noun
    if word.startswith(("commitment", "committment", "determination")) and _OBSERVED.search(text, max(0, start - LOOK_BACK), start):
        return True  # "the visits demonstrate both countries' commitment to": an observation, not a pledge
    if word.startswith(("commitment", "determination")):
        held = _HELD_NOUN.search(text, max(0, start - LOOK_BACK), start)
        if held is not None and not held.group("verb"):
            return True  # "founded in trust, ..., a resolute commitment to law", "requires ... a commitment to"
    if word.startswith("welcome") and _PASSIVE_BEFORE.search(text, max(0, start - LOOK_BACK), start) and _CEREMONY.search(text, end):
        return True  # "was formally welcomed by President X with a 21-gun salute": a ceremony
    return False


class Cue(NamedTuple):
    """The cue that gives a sentence or clause its force."""

    strength: str
    text: str
    start: int
    end: int
    negated: bool = False


def find_cues(text: str) -> list[Cue]:
    """Every cue in ``text``, left to right (at one position, the longest pattern)."""
    return list(_find_cues(text))


@lru_cache(maxsize=65536)
def _find_cues(text: str) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for match in _cue_matches(text):
        name = match.lastgroup or ""
        strength = _PATTERNS[int(name[1:])][0]
        cue_text = match.group()
        if _is_noun_use(text, cue_text, match.start(), match.end()):
            continue
        negated = bool(_NEGATION.search(cue_text))
        cues.append(Cue(strength, cue_text, match.start(), match.end(), negated))
    return tuple(cues)


def classify(text: str) -> Cue | None:
    """The deciding cue of ``text``, or None when it commits nobody to anything.

    The leftmost cue decides; a modal (will/shall/would) after "agreed that",
    "believe", "expect" or "said that" reports a claim and is skipped.
    """
    cancel = _CANCEL.search(text)
    cancelled_end = -1
    for cue in find_cues(text):
        if _MODAL.match(cue.text) and cancel and cancel.start() < cue.start:
            before = _previous_word(text, cue.start)
            party = before in _WHO_WORDS or text[cue.start - len(before) - 1: cue.start - 1][:1].isupper()
            cancelled_end = -1 if party else cue.end  # "said that Italy will support": Italy's, reported
            continue
        if cancelled_end >= 0 and _VERB_OF_MODAL.match(text, cancelled_end, cue.start):
            continue  # "said that deepening ties will encourage peace": the claim's own verb
        if _COURTESY.match(text, cue.start):
            continue  # "wished the Philippines success", "glad to welcome President X": courtesy
        if cue.text.lower() == "would" and not cancel:
            continue  # "would" alone is reported speech or a conditional, not a pledge
        return cue
    return None


def strength_of(text: str) -> str | None:
    """``pledge`` / ``support`` / ``intent`` for ``text``, or None."""
    cue = classify(text)
    return cue.strength if cue else None


def compare_strength(left: str | None, right: str | None) -> str | None:
    """``same`` / ``stronger`` / ``weaker`` going from ``left`` to ``right`` (None when either lacks a cue)."""
    if not left or not right:
        return None
    diff = RANK[right] - RANK[left]
    return "same" if diff == 0 else ("stronger" if diff > 0 else "weaker")
