"""Pledge detection: which sentences, or clauses of them, commit the parties, how strongly, and who.

A sentence is split into clauses where a second cue verb opens a new clause; each clause whose
deciding cue (:func:`tui.analysis.cues.classify`) has a party as its subject is a :class:`Pledge`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis import features, parties
from tui.analysis.cues import PLEDGE, Cue, classify, find_cues
from tui.documents.document import Document
from tui.infra import store

MAX_CLAUSE_CHARS = 2000





@dataclass(frozen=True)
class Pledge:
    """A sentence, or a clause of one, that commits a party."""

    doc_id: str
    index: int
    text: str
    strength: str
    actor: str
    cue: str
    start: int = 0
    """Offset of the clause in the sentence (0 when it is the whole sentence)."""

    @property
    def key(self) -> str:
        return f"{self.doc_id}:{self.index}:{self.start}"





_PARTY_WORD = store.compile(
    r"(?<![\w-])(?:sides?|countries|nations|leaders?|ministers|presidents|parties|they|we|both|"
    r"he|she|it|i|governments?|secretary|minister|president|premier|chancellor|chief|leader|"
    r"counterparts?|delegations?|states|officials|diplomats|envoys|representatives|negotiators|ministries)"
    r"(?:'s|’s)?(?![\w-])",
    re.I,
)
"""Words that name who commits without naming a country (a country, capital or person is a
capitalised name: see :func:`_party_subject`)."""
_MODAL_OR_AIM = store.compile(r"^(?:will|shall|would|should|must|ought\s+to|aim|aims|aimed|aiming|aim\s+to|aims\s+to|aim\s+at|"
                           r"aims\s+at|aiming\s+to|aiming\s+at|aimed\s+to|aimed\s+at)(?:\s+not)?$", re.I)
_WOULD_PARTY = store.compile(
    r"(?<![\w-])(?:the\s+two\s+(?:sides|countries|nations|leaders)|both\s+(?:sides|countries|nations)|"
    r"they|we)\s+would(?![\w-])",
    re.I,
)
_CLAUSE_START = store.compile(
    r"(?:;\s*(?:and\s+)?|,\s*(?:and\s+|while\s+|as\s+well\s+as\s+)?|\s+(?:and|while)\s+)", re.I
)
_SUBJECT_PREFIX = store.compile(
    r"^(?:(?:the|both|two|sides?|countries|nations|leaders?|they|we|he|she|it|(?-i:[A-Z][\w'’-]*)|"
    r"also|further|jointly|strongly|fully|highly|firmly|continued?|to|have|has|had|all|each)\s+){0,4}",
    re.I,
)
_DESCRIPTION = store.compile(
    r"(?<![\w-])(?:witness(?:ed|es)?\s+the\s+signing|thank(?:ed|s)?|congratulat(?:ed|es)|"
    r"recall(?:ed|s)?|took\s+place|was\s+held|were\s+held|co-chair(?:ed|ing)?)(?![\w-])",
    re.I,
)


def split_clauses(text: str) -> list[tuple[int, str]]:
    """``(offset, clause)`` pieces of a sentence, split where a new cue verb opens a clause.

    A boundary (``;``, a comma, ``and``, ``while``) splits only when the text
    after it starts, past an optional subject, with a cue, and the text before
    it already has a cue: lists ("trade, investment and energy") stay whole.
    """
    if len(text) > MAX_CLAUSE_CHARS * 4:
        return [(0, text)]
    cues = find_cues(text)
    if len(cues) < 2:
        return [(0, text)]
    cue_at = {c.start: c for c in cues}
    cuts: list[int] = []
    for match in _CLAUSE_START.finditer(text):
        after = match.end()
        prefix = _SUBJECT_PREFIX.match(text, after)
        begin = prefix.end() if prefix else after
        opener = cue_at.get(begin) or cue_at.get(after)
        if opener is None or _MODAL_OR_AIM.match(opener.text):
            continue  # "... and will ensure": the same subject goes on
        joint = match.group().strip(" ,;").lower()
        if joint == "and" and opener.text.lower().endswith("ing"):
            continue  # "called for increasing X and supporting Y": one list of objects
        if not any(c.start < match.start() and c.start >= (cuts[-1][1] if cuts else 0) for c in cues):
            continue
        if len(text[after:].split()) < 3:
            continue
        cuts.append((match.start(), after))
    if not cuts:
        return [(0, text)]
    pieces = []
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(text)]
    for a, b in zip(starts, ends, strict=True):
        raw = text[a:b]
        piece = raw.strip(" ,;")
        if piece:
            pieces.append((a + len(raw) - len(raw.lstrip(" ,;")), piece))
    return pieces


_REQUEST = store.compile(r"(?:call|urge|request|ask|propos|invit|want|encourag)", re.I)
_ADDRESSEE = store.compile(r"\s+(?:on\s+|upon\s+)?(?P<who>(?:[\w'’-]+\s+){1,4}?)to\s"
                           r"|\s+that\s+(?P<subject>(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:should\s+|would\s+)?"
                           r"(?:continue|create|provide|support|consider|facilitate|help|further|step|expand|"
                           r"increase|promote|strengthen|open|resume|remove|ease|grant|extend|join|take|make)\b", re.I)
"""Cues that address the other party ("urged Russia to", "called on the Japanese side to",
"requested that the Australian government continue"): the party named between the cue and "to"
(or as the subject of the "that" clause) is the one asked, not the asker."""
_TITLE = r"(?:President|Prime\s+Minister|PM|Premier|Chancellor|General\s+Secretary|Chairman|King|Emperor|Minister)"
_TWO_TITLED = store.compile(rf"(?<![\w-]){_TITLE}\s+(?:[A-Z][\w'’-]*\s+){{1,3}}and\s+(?:his\s+|her\s+)?(?:[\w-]+\s+)?"
                         rf"{_TITLE}\s+[A-Z]")


def _actor(clause: str, cue: Cue, context: Sequence[str], inherited: str,
           who: parties.DocumentParties) -> str | None:
    """Who commits: the party (or ``both``) named as the subject before the cue, a pronoun or bare
    title resolved to the last person named (:func:`tui.analysis.parties.actor`); else the previous
    clause's actor; else the first party named after the cue; else ``unspecified``. ``None`` when
    the subject is a third country: its pledge is not one of the parties'."""
    if _PARTICIPLE_BEFORE.search(clause, max(0, cue.start - 40), cue.start):  # "China acknowledged ..., offering support"
        subject = _sentence_subject(clause, who, context)
        if subject:
            return subject
    found = _conjunct_subject(clause, cue, who, context) or who.actor(clause, cue.start, context[:-1])
    if found and found != parties.BOTH and who.parties and found not in who.parties:
        return None
    asked = _asked(clause, cue, who)
    if found and asked and found == asked:  # "he called on the Australian government to": not Australia
        return next(p for p in who.parties if p != asked)
    if _AGREED_WITH.match(cue.text):
        return parties.BOTH  # "X agreed with Y on ...": one side agrees with the other
    if found in ("", parties.BOTH) and _NORMATIVE.match(cue.text):
        found = _speaker(context[-1] if context else clause, who, context) or found
    if found:
        return found
    if _TWO_TITLED.search(clause[: cue.start]):
        return parties.BOTH  # "President X and PM Y underlined ...": two leaders, one of each side
    if inherited:
        return inherited
    named = parties.named_after(clause, cue.end, who.parties)
    if asked:  # "called on the Russian authorities to ...": the other side asks
        return next(p for p in who.parties if p != asked)
    if named:
        return named
    return parties.BOTH if _commitment_subject(clause, cue) else "unspecified"


_CONJUNCT = store.compile(r"(?:,\s*)?(?<![\w-])and\s+(?:also\s+)?$", re.I)
_CONJUNCT_START = store.compile(r"(?<![\w-])(?:said|says|stated|noted|added|affirmed|stressed|that)\s+", re.I)


def _conjunct_subject(clause: str, cue: Cue, who: parties.DocumentParties, context: Sequence[str]) -> str:
    """The subject of a verb joined by "and" to an earlier one ("Xi said China has always regarded
    Vietnam as a priority, and wants to ..."): the party before the first verb of the conjunction
    (after its last reporting verb or "that"), not the object just before the cue. ``""`` when the
    cue is not such a verb or that subject names no party."""
    head = clause[: cue.start]
    if not _CONJUNCT.search(head):
        return ""
    openers = list(_CONJUNCT_START.finditer(head))
    verb = _FIRST_VERB.search(head, openers[-1].end() if openers else 0)
    if verb is None or verb.start() >= len(head) - 5:
        return ""
    found = who.actor(clause, verb.start(), context[:-1])
    return found if found == parties.BOTH or found in who.parties else ""


SPEAKER_VERBS = 3
"""Reporting verbs of a sentence looked at for its speaker (each look reads the sentence's start)."""
_NORMATIVE = store.compile(r"^(?:should|must|ought\s+to)(?:\s+not)?$", re.I)
_AGREED_WITH = store.compile(r"agree\w*\s+with\s", re.I)
_REPORTING = store.compile(r"(?<![\w-])(?:said|says|stated|states|noted|notes|wrote|writes|told|remarked|"
                           r"made\s+(?:the|these|his|her)\s+remarks)(?![\w-])", re.I)


def _speaker(sentence: str, who: parties.DocumentParties, context: Sequence[str]) -> str:
    """The one party whose person reports a normative clause ("Xi said China and Vietnam should
    ...", "'Our two countries should ...,' he wrote"): a proposal of that side, not a joint pledge.
    ``""`` when no single party speaks."""
    for m in itertools.islice(_REPORTING.finditer(sentence), SPEAKER_VERBS):
        speaker = who.actor(sentence, m.start(), context[:-1])
        if speaker and speaker != parties.BOTH and speaker in who.parties:
            return speaker
    return ""


def _asked(clause: str, cue: Cue, who: parties.DocumentParties) -> str:
    """The party a request cue addresses ("urged Russia to", "requested that the Australian
    government continue"), or ``""`` when the cue is no request or names no single party."""
    if len(who.parties) != 2 or not _REQUEST.match(cue.text):
        return ""
    addressee = _ADDRESSEE.match(clause, cue.end)
    if addressee is None:
        return ""
    return parties.addressed(addressee.group("who") or addressee.group("subject"), who.parties)


_PASSIVE = store.compile(r"(?<![\w-])(?:be|been|being|is|are|was|were)\s+$", re.I)
_BARE_VERB = frozenset({"support", "back", "endorse", "welcome", "embrace", "uphold", "seek", "urge", "request",
                        "propose", "hope", "wish", "desire"})
_ABOUT_EVENT = store.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:visit|anniversary|talks|meeting|atmosphere|reception)(?![\w-])", re.I
)


_DETERMINER = store.compile(r"\s*(?:the|a|an|this|that|these|those|his|her|their|its|our)(?![\w-])", re.I)


def _acts_on_event(clause: str, cue: Cue) -> bool:
    """True when a firm cue ending in "to" is followed by a verb ("agreed to resume annual meetings"):
    an action on the event, not words about it ("agreed to the visit", "the significance of the visit")."""
    return (cue.strength == PLEDGE and cue.text.lower().endswith(" to")
            and _DETERMINER.match(clause, cue.end) is None)


_COMMITMENT_SUBJECT = store.compile(
    r"(?<![\w-])(?:cooperation|collaboration|relations?|relationship|ties|partnership|friendship|trade|"
    r"investment|exchanges?|dialogue|disputes?|issues?|differences|projects?|mechanisms?|efforts|"
    r"coordination|consultations?|links|connectivity|pillar|programmes?|programs?|initiatives?)(?![\w-])",
    re.I,
)
"""Subjects of subject-less commitments: "defence cooperation will remain a key pillar",
"disputes will be settled by peaceful means" (not "the visit will contribute")."""


def _subject_words(clause: str, cue: Cue) -> list[str]:
    """The last few words before the cue, trailing fillers ("also", "further") and an inserted
    attribution ("The Chinese side, Xi also said, will ...") dropped."""
    before = clause[: cue.start]
    inserted = _INSERTED_SAID.search(before)
    words = re.findall(r"[\w'’-]+", before[: inserted.start()] if inserted else before)[-4:]
    fillers = {"also", "further", "soon", "continue", "jointly", "then", "the", "now", "all"}
    while words and words[-1].lower() in fillers:
        words.pop()
    return words


_INSERTED_SAID = store.compile(r",\s+(?:[\w'’.-]+\s+){1,4}?(?:also\s+)?(?:said|says|added|noted|stressed|told\s+\w+)\s*,\s*$")
"""An attribution set between commas before the verb: ", Xi also said, "."""


def _commitment_subject(clause: str, cue: Cue) -> bool:
    """True for a subject-less commitment: a modal or "aim" cue after a subject the parties commit
    about ("cooperation will remain ...", "the partnership aims to ...")."""
    words = _subject_words(clause, cue)
    return bool(words) and bool(_MODAL.match(cue.text) or cue.text.lower().startswith("aim")) and bool(
        _COMMITMENT_SUBJECT.fullmatch(words[-1]))


def _party_subject(clause: str, cue: Cue) -> bool:
    """True when the few words before a modal or "aim" cue name a party, or a subject the parties
    commit about ("cooperation will remain"), not an event ("the visit will")."""
    before = clause[: cue.start].rstrip()
    words = _subject_words(clause, cue)
    if not words:
        return False
    if words[-1].lower() == "it" and len(re.findall(r"[\w'’-]+", before)) == 1 and _DUMMY_IT.match(clause, cue.end):
        return False  # "It will be the first time for Japan to ...": a description ("Japan said it will be" is not)
    if _commitment_subject(clause, cue):
        return True  # "cooperation will remain ...", "the partnership aims to ..."
    if words[-1][:1].isupper() and not _EVENT_WORD.fullmatch(words[-1]) and len(words) > 1 or (
            words[-1][:1].isupper() and not _EVENT_WORD.fullmatch(words[-1]) and before[:1].isupper()):
        return True  # a named subject: a country, its capital, a leader ("Russia and India will")
    return bool(_PARTY_WORD.fullmatch(words[-1])) or words[-1].lower() in {"sides", "both"}


_DUMMY_IT = store.compile(r"(?:\s+not)?\s+be\s+(?:the|a|an|its|their|his|her)\s", re.I)
_EVENT_WORD = store.compile(r"(?:visit|talks|meeting|summit|conference|forum|event|ceremony|year|anniversary|"
                         r"agreement|statement|declaration|document|programme|program|festival)", re.I)
_MODAL = store.compile(r"^(?:will|shall|should|must|ought\s+to)(?:\s+not)?$", re.I)


def _decide(clause: str) -> Cue | None:
    cue = classify(clause)
    while cue is not None and _PASSIVE.search(clause, max(0, cue.start - 40), cue.start) and re.match(r"(?:resolve|decide)", cue.text, re.I):
        rest = clause[cue.end:]
        nxt = classify(rest)  # "disputes should be resolved": passive, not a pledge
        cue = Cue(nxt.strength, nxt.text, nxt.start + cue.end, nxt.end + cue.end, nxt.negated) if nxt else None
    if cue is not None and _MODAL_OR_AIM.match(cue.text) and not _party_subject(clause, cue):
        later = [c for c in find_cues(clause) if c.start > cue.start and not _MODAL_OR_AIM.match(c.text)]
        cue = classify(clause[later[0].start:]) if later else None
        if cue is not None:
            cue = Cue(cue.strength, cue.text, cue.start + later[0].start, cue.end + later[0].start, cue.negated)
    if cue is None:
        m = _WOULD_PARTY.search(clause)
        if m:
            start = m.end() - len("would")
            cue = Cue("pledge", "would", start, m.end(), False)
    if cue is None:
        cue = _committed_that(clause)
    if cue is None:
        cue = _reported_would(clause)
    return cue


_COMMIT_THAT = store.compile(
    r"(?<![\w-])(?:agree|announce|confirm|reaffirm|affirm|decide|concur|assure)(?:d|ed|s)?\s+that\s+"
    r"(?P<subject>(?:[\w'’.-]+\s+){1,6}?)(?P<modal>will|would|shall)(?:\s+not)?(?![\w-])",
    re.I,
)


def _committed_that(clause: str) -> Cue | None:
    """"They agreed that the UK and Japan would continue ...", "announced that India would open
    ...": a commitment verb, then a "that" clause whose subject names a party and whose verb is
    will/would/shall, is a firm pledge (the modal is the cue); "agreed that the visit will" is not."""
    m = _COMMIT_THAT.search(clause)
    if m is None:
        return None
    modal = Cue("pledge", m.group("modal"), m.start("modal"), m.end("modal"), False)
    return modal if _party_subject(clause, modal) else None


_AGREED_MODAL = store.compile(
    r"(?<![\w-])agreed\s+(?:that\s+)?(?P<subject>(?:[\w'’-]+\s+){1,6}?)(?P<modal>will|would|shall|should)"
    r"(?:\s+not)?(?![\w-])", re.I)
_SAID_WOULD = store.compile(
    r"(?<![\w-])(?:said|stated|announced|confirmed|added|told\s+\w+)\s+(?:that\s+)?(?:the\s+)?"
    r"(?P<subject>(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3})\s+(?:also\s+)?(?P<modal>would)"
    r"(?:\s+also)?\s+(?!(?:be|have|need|like|not)(?![\w-]))[a-z]", re.I)


def _reported_would(clause: str) -> Cue | None:
    """A commitment in reported speech with no "that" to mark it: "both leaders agreed clean
    energy should become a joint priority" (agreed, then a clause with a modal whose subject is
    no event), "he said Australia would make visa changes" (a reporting verb, a named subject,
    "would" and a verb: not "would be", "would need")."""
    m = _AGREED_MODAL.search(clause)
    if m is not None and not _EVENT_WORD.fullmatch(m.group("subject").split()[-1]):
        return Cue("pledge", m.group("modal"), m.start("modal"), m.end("modal"), False)
    m = _SAID_WOULD.search(clause)
    if m is not None:
        return Cue("pledge", "would", m.start("modal"), m.end("modal"), False)
    return None


_PARTICIPLE = store.compile(r"\s*(?:and\s+)?[a-z]+ing(?![\w-])")
"""A clause opening with a participle (", offering support for ..."): it continues the sentence's subject."""
_PARTICIPLE_BEFORE = store.compile(r",\s+(?:and\s+)?[a-z]+ing\s+$")
_OPENER_PUNCT = store.compile(r"[,:;(]")
_PREPOSED_OPENER = store.compile(r"\W*(?:in|at|on|during|after|before|with|for|from|by|as|while|when)\s", re.I)
_FIRST_VERB = store.compile(r"(?<![\w'’-])(?!(?:the|two|both|and|of|his|her|their|its|our|a|an)(?![\w-]))[a-z][\w'’-]*")


def _sentence_subject(text: str, who: parties.DocumentParties, context: Sequence[str]) -> str:
    """The party named before a sentence's first lowercase word (its verb, as a rule: "China
    acknowledged ..."), for a participial clause that continues it; ``""`` when none."""
    verb = _FIRST_VERB.search(text)
    if verb is None or _OPENER_PUNCT.search(text, 0, verb.start()) or _PREPOSED_OPENER.match(text):
        return ""  # the sentence does not open with its subject ("Moscow: In a joint address, ...")
    found = who.actor(text, verb.start(), context[:-1])
    return found if found == parties.BOTH or found in who.parties else ""


def detect(doc: Document) -> tuple[Pledge, ...]:
    """The pledges of ``doc`` in reading order (several per sentence when clauses carry several)."""
    out: list[Pledge] = []
    texts = [s.text for s in doc.sentences]
    who = parties.of_document(doc)
    for s in doc.sentences:
        out.extend(detect_text(s.text, doc.id, s.index, texts[max(0, s.index - 6): s.index + 1], who))
    return tuple(out)


def detect_text(text: str, doc_id: str = "", index: int = 0, context: Sequence[str] = (),
                who: parties.DocumentParties | None = None) -> list[Pledge]:
    """The pledges of one sentence. ``context``: it and the sentences before (to resolve "he");
    ``who``: the document's parties and people (default: found in the sentence itself)."""
    out: list[Pledge] = []
    context = context or (text,)
    if who is None:
        who = parties.of_text("", "\n".join(context))
    if len(text.split()) < 4:
        return out  # headings and captions
    previous: Pledge | None = None
    dropped = False
    for offset, clause in split_clauses(text):
        cue = _decide(clause)
        if cue is None:
            continue
        if dropped and cue.start == 0:
            continue  # a bare clause continuing a description
        if _DESCRIPTION.search(clause[: cue.start]) and (
            cue.text.lower().endswith("ing") or re.search(r"while\s+$", clause[: cue.start], re.I)
        ):
            dropped = True
            continue  # "the talks took place ..., while supporting the principles"
        if _ABOUT_EVENT.match(clause[cue.end:]) and not _acts_on_event(clause, cue):
            dropped = True
            continue  # "emphasised the significance of the visit": about the event, not a pledge
        dropped = False
        if len(features.terms(clause)) < 2:
            continue
        strength = cue.strength
        if previous is not None and offset and cue.start == 0 and cue.text.lower() in _BARE_VERB:
            strength = previous.strength  # "aim to overcome X, support Y": Y is under "aim"
        inherited = previous.actor if previous is not None else ""
        if not inherited and offset and _PARTICIPLE.match(clause):
            inherited = _sentence_subject(text, who, context)  # "China acknowledged ..., offering support"
        actor = _actor(clause, cue, context, inherited, who)
        if actor is None:
            continue  # a third country's pledge ("North Korea pledged ..."), not the parties'
        previous = Pledge(doc_id, index, clause, strength, actor, cue.text, offset)
        out.append(previous)
    return out
