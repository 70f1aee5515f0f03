"""Cleaning: every source line accounted for, furniture removed, article text kept.

The corpus checks use the five embedded captures; the synthetic captures
imitate page furniture of *other* news sites so that the rules are shown to
be general rather than fitted to these five files.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.documents.clean import clean_lines, clean_text
from tui.documents.corpus import build_document
from tui.documents.textio import decode

from .conftest import CORPUS_DIR

DOC_IDS = ["hanoitimes-2024", "investor-2024", "nhandan-2024", "vgp-2025", "vov-2025"]


def _account(lines: dict[int, str], paragraphs, removed) -> list[str]:
    """Problems found when rebuilding each non-blank source line from the ledger and the body.

    ``lines`` maps file line numbers to their text. A line is accounted for
    when the removed pieces of that line followed by its kept paragraph (if
    any) give the stripped line back exactly.
    """
    problems: list[str] = []
    kept = {}
    for p in paragraphs:
        if p.line in kept:
            problems.append(f"line {p.line} kept twice")
        kept[p.line] = p.text
    pieces: dict[int, list[str]] = {}
    for r in removed:
        if not r.reason.strip():
            problems.append(f"line {r.line} removed without a reason")
        if not r.text:
            problems.append(f"line {r.line}: empty removal")
        pieces.setdefault(r.line, []).append(r.text)
    for number in set(kept) | set(pieces):
        if number not in lines or not lines[number].strip():
            problems.append(f"ledger or body points at line {number}, which is blank or absent")
    for number, text in lines.items():
        want = text.strip()
        if not want:
            continue
        if number not in kept and number not in pieces:
            problems.append(f"line {number} is neither kept nor removed: {want[:60]!r}")
            continue
        rebuilt = "".join(pieces.get(number, [])) + kept.get(number, "")
        if rebuilt != want:
            problems.append(f"line {number} does not rebuild: {rebuilt[:60]!r} != {want[:60]!r}")
    return problems


def _file_lines(doc_id: str) -> tuple[dict[int, str], object]:
    path = CORPUS_DIR / f"{doc_id}.txt"
    text = decode(path.read_bytes(), path)
    doc = build_document(text, path)
    lines = {i + 1: t for i, t in enumerate(text.split("\n")) if i + 1 >= doc.first_body_line}
    return lines, doc


# --------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_line_is_accounted_for(doc_id):
    lines, doc = _file_lines(doc_id)
    assert _account(lines, doc.paragraphs, doc.removed) == []
    # the body is exactly the kept paragraphs, in file order, at their offsets
    assert doc.body == "\n\n".join(p.text for p in doc.paragraphs)
    assert [p.line for p in doc.paragraphs] == sorted(p.line for p in doc.paragraphs)
    for p in doc.paragraphs:
        assert doc.body[p.start:p.start + len(p.text)] == p.text
    # removed pieces name the corpus FILE's lines (front matter included in the count)
    for r in doc.removed:
        assert r.line >= doc.first_body_line
        assert r.text.strip() and r.text in lines[r.line]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_corpus_documents_load_by_id(docs, doc_id):
    assert docs[doc_id].sentences


FURNITURE = [
    "Other News",
    "Trending",
    "- Read More",
    "Read More",
    "Ảnh 1",
    "May 11, 2025 6:57 PM GMT+7",
    # province navigation (vgp)
    "An Giang",
    "Binh Duong",
    "Yen Bai",
    # teaser headlines (hanoitimes, investor)
    "Vietnam news in brief",
    "Czech Republic",
    "Spring Calligraphy Festival",
    "VSIP starts work on industrial park",
    "Lego",
    "Starlink",
    "GMT+7",
    # photo captions
    "Photos: Nhat Bac",
    "Photo courtesy of Vietnam News Agency",
    "Photo: VNA",
    "shake hands at the Kremlin",
    "Overview of the meeting between Party chief",
    "Prime Minister Pham Minh Chinh and Russian President Vladimir Putin. |",
    "|",
]


@pytest.mark.parametrize("needle", FURNITURE)
def test_clean_bodies_have_no_page_furniture(docs, needle):
    for doc in docs.values():
        assert needle not in doc.body, f"{needle!r} left in {doc.id}"


def test_captions_printed_twice_are_gone(docs):
    body = docs["nhandan-2024"].body
    caption = "President To Lam and visiting Russian President Vladimir Putin at a meeting with the press"
    assert caption not in body
    assert body.count("The two Presidents witnessed the signing of a cooperation document") == 0


def test_headlines_repeating_the_title_are_lifted(docs):
    for doc_id in ("investor-2024", "nhandan-2024", "vgp-2025", "vov-2025"):
        doc = docs[doc_id]
        assert doc.furniture.headline == doc.title
        assert doc.title not in doc.body


def test_repeated_lead_line_appears_once(docs):
    body = docs["hanoitimes-2024"].body.casefold()
    assert body.count("russia's turn to the east policy, initiated over a decade ago") == 1


# first and last article sentence of each capture (from the raw source files)
ARTICLE_EDGES = {
    "nhandan-2024": (
        "Vietnam and Russia issued a joint statement on further deepening the bilateral comprehensive "
        "strategic partnership, President To Lam said",
        "the MoU between BVIM Management Joint Stock Company and Russian Direct Investment Fund (RDIF).",
    ),
    "vgp-2025": (
        "Viet Nam and Russia have adopted a Joint Statement on major orientations to chart course for "
        "bilateral relations",
        "education, training, human resource development among others./.",
    ),
    "vov-2025": (
        "Vietnam consistently pursues an independent, self-reliant, diversified, and multi-lateral foreign "
        "policy",
        "witnessed the signing of several cooperation documents in the fields of science, information and "
        "communication, and culture.",
    ),
    "hanoitimes-2024": (
        "Vietnam supports Russia's “Turn to the East” policy and values its traditional ties with Moscow",
        "Vietnam expressed its willingness to participate in international efforts involving relevant "
        "parties to seek a peaceful and sustainable solution to the Ukraine issue.",
    ),
    "investor-2024": (
        "Vietnamese and Russian leaders have agreed on major strategies to further strengthen the "
        "Comprehensive Strategic Partnership between the two countries.",
        "Prior to the press conference, the two Presidents witnessed the signing of 11 cooperation "
        "documents on education, nuclear technology research, disease prevention, oil exploration and "
        "justice.",
    ),
}


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_first_and_last_article_sentences_are_kept(docs, doc_id):
    first, last = ARTICLE_EDGES[doc_id]
    doc = docs[doc_id]
    assert first in doc.body
    assert doc.body.rstrip().endswith(last)
    assert first in doc.sentences[0].text or first in doc.sentences[1].text
    assert doc.sentences[-1].text.endswith(last)


def test_subheading_stays(docs):
    doc = docs["hanoitimes-2024"]
    assert any(p.text == "Pushing for symbolic projects" for p in doc.paragraphs)
    assert any(s.text == "Pushing for symbolic projects" for s in doc.sentences)


def test_fields_lifted(docs):
    vgp = docs["vgp-2025"].furniture
    assert vgp.source == "VGP"
    assert vgp.dateline == "May 11, 2025 6:57 PM GMT+7"
    assert "Photo: VNA" in vgp.credits
    assert docs["vov-2025"].furniture.source == "VOV.VN"
    assert not docs["vov-2025"].body.startswith("VOV.VN")
    assert "Photos: Nhat Bac" in docs["hanoitimes-2024"].furniture.credits
    assert "Photo courtesy of Vietnam News Agency" in docs["investor-2024"].furniture.credits


def test_every_kept_line_of_the_body_is_a_source_line(docs):
    for doc in docs.values():
        source_lines = {t.strip() for t in doc.source.split("\n")}
        for p in doc.paragraphs:
            assert p.text in source_lines or any(line.endswith(p.text) for line in source_lines)


# --------------------------------------------------------------------------- synthetic captures


def _clean(text: str, title: str = ""):
    result = clean_text(text, title)
    lines = {i + 1: t for i, t in enumerate(text.split("\n"))}
    assert _account(lines, result.paragraphs, result.removed) == []
    return result


def _reasons(result, needle: str) -> list[str]:
    return [r.reason for r in result.removed if needle in r.text]


ARTICLE = [
    "Vietnam and Japan agreed on Thursday to upgrade their ties to a comprehensive strategic partnership.",
    "The two leaders discussed trade, investment and climate change during talks in Tokyo.",
    "They also pledged to expand cooperation in semiconductors and clean energy.",
]


def _assert_article_kept(result, article=ARTICLE):
    for sentence in article:
        assert sentence in result.body, sentence


def test_synthetic_unbulleted_navigation_menu():
    menu = ["Home", "World", "Business", "Politics", "Sports", "Opinion", "Video"]
    result = _clean("\n".join(menu + [""] + ARTICLE))
    _assert_article_kept(result)
    for item in menu:
        assert item not in result.body.split("\n\n")
        assert _reasons(result, item)
    assert all("navigation" in r.reason for r in result.removed)


def test_synthetic_bulleted_navigation_list():
    menu = ["* News", "* Economy", "* Society", "* Culture", "* Travel", "* Sports"]
    result = _clean("\n".join(menu + ARTICLE))
    _assert_article_kept(result)
    assert result.body.startswith(ARTICLE[0])
    assert len(result.removed) == len(menu)


def test_synthetic_pipe_navigation_bar():
    bar = "Home | World | Business | Tech | Opinion | Video"
    result = _clean("\n".join([bar] + ARTICLE))
    _assert_article_kept(result)
    assert "Home" not in result.body
    assert _reasons(result, bar)


def test_short_bulleted_points_in_an_article_are_kept():
    points = ["- boosting trade;", "- expanding investment;", "- deepening people-to-people exchanges."]
    lines = ARTICLE[:1] + ["The two sides set out three priorities:"] + points + ARTICLE[1:]
    result = _clean("\n".join(lines))
    _assert_article_kept(result)
    for point in points:
        assert point in result.body


@pytest.mark.parametrize("heading", ["Related articles", "Most read", "See also", "RELATED NEWS",
                                     "You may also like", "Read more:", "Latest news", "MORE FROM WORLD"])
def test_synthetic_teaser_blocks_are_cut(heading):
    teasers = ["Japan, Vietnam sign 30 deals worth $10 billion", "PM Kishida to visit Hanoi in August",
               "Vietnam's exports to Japan rise 12 percent in first half."]
    result = _clean("\n".join(ARTICLE + ["", heading] + teasers))
    _assert_article_kept(result)
    for teaser in teasers:
        assert teaser not in result.body
        assert any("teaser" in reason for reason in _reasons(result, teaser))


def test_teaser_heading_before_the_article_does_not_cut_it():
    # a "Most read" label in the page header must not swallow the article below it
    result = _clean("\n".join(["Most read"] + ARTICLE))
    _assert_article_kept(result)


def test_synthetic_inline_see_also_line_is_dropped_alone():
    lines = ARTICLE[:2] + ["See also: Japan, Vietnam sign 30 deals worth $10 billion"] + ARTICLE[2:]
    result = _clean("\n".join(lines))
    _assert_article_kept(result)
    assert "30 deals" not in result.body
    lines = ARTICLE[:2] + ["READ MORE: PM Kishida to visit Hanoi in August"] + ARTICLE[2:]
    result = _clean("\n".join(lines))
    _assert_article_kept(result)
    assert "Kishida" not in result.body


@pytest.mark.parametrize("marker", ["- Photo 2", "Photo 3", "Prime Minister meets Japanese counterpart - Photo 1.",
                                    "Leaders at the talks – Image 4"])
def test_synthetic_image_markers(marker):
    result = _clean("\n".join(ARTICLE[:1] + [marker] + ARTICLE[1:]))
    _assert_article_kept(result)
    assert marker.strip() not in result.body
    assert _reasons(result, marker.strip()) == ["image marker"]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Japanese Prime Minister Fumio Kishida speaks in Tokyo. Photo: Reuters", "Photo: Reuters"),
        ("Delegates at the ceremony in Tokyo. Photo courtesy of the Japanese Embassy.",
         "Photo courtesy of the Japanese Embassy"),
        ("Prime Minister Pham Minh Chinh and his Japanese counterpart. Photos: Kyodo |", "Photos: Kyodo"),
        ("The signing ceremony in Tokyo. (Photo: AFP)", "Photo: AFP"),
        ("Leaders pose for a photo - Photo: VNA/VNS", "Photo: VNA/VNS"),
    ],
)
def test_synthetic_captions_with_credits(caption, credit):
    result = _clean("\n".join(ARTICLE[:1] + [caption] + ARTICLE[1:]))
    _assert_article_kept(result)
    assert caption not in result.body
    assert credit in result.furniture.credits
    assert any("caption" in reason for reason in _reasons(result, caption))


def test_article_sentence_with_a_colon_after_picture_is_kept():
    sentence = "Kishida painted a simple picture: two nations bound by shared interests."
    other = "The source: a decade of steady growth in trade and investment."
    result = _clean("\n".join(ARTICLE + [sentence, other]))
    assert sentence in result.body
    assert other in result.body
    assert result.furniture.credits == ()


def test_synthetic_caption_printed_twice():
    caption = "Prime Minister Pham Minh Chinh and Prime Minister Fumio Kishida at the talks"
    result = _clean("\n".join(ARTICLE[:1] + [caption, "", caption] + ARTICLE[1:]))
    _assert_article_kept(result)
    assert caption not in result.body
    assert len(_reasons(result, caption)) == 2


def test_synthetic_repeated_lead_line():
    lead = "Vietnam and Japan have agreed to lift ties to the highest level."
    result = _clean("\n".join([lead] + ARTICLE + [lead.upper()]))
    assert result.body.count(lead) == 1
    assert any("repeated" in r.reason for r in result.removed)


@pytest.mark.parametrize(
    ("line", "name"),
    [("By Jane Doe", "Jane Doe"), ("By JOHN SMITH", "JOHN SMITH"), ("Written by Nguyen Thu Ha", "Nguyen Thu Ha"),
     ("By Jane Doe and Tran Van Minh", "Jane Doe and Tran Van Minh"), ("Reporter: Le Hoa", "Le Hoa")],
)
def test_synthetic_bylines(line, name):
    result = _clean("\n".join([line] + ARTICLE))
    _assert_article_kept(result)
    assert result.furniture.byline == name
    assert line not in result.body


def test_article_sentence_starting_with_by_is_kept():
    sentence = "By 2030 the two countries aim to double bilateral trade."
    result = _clean("\n".join(ARTICLE + [sentence, "By Air"]))
    assert sentence in result.body


@pytest.mark.parametrize(
    "dateline",
    ["Thursday, June 20, 2024 - 14:30", "20/06/2024 14:30 GMT+7", "June 20, 2024 | 08:15 am",
     "Thu, 20 Jun 2024 14:30:05", "Updated: June 20, 2024 09:12", "Published on 20 June 2024",
     "2024-06-20 14:30 UTC", "Last updated 14:30, 20/06/2024"],
)
def test_synthetic_datelines(dateline):
    result = _clean("\n".join([dateline] + ARTICLE))
    _assert_article_kept(result)
    assert result.furniture.dateline == dateline
    assert dateline not in result.body


def test_sentence_that_is_only_a_date_inside_the_article_is_not_a_dateline_if_it_says_more():
    sentence = "June 20, 2024 will be remembered as a milestone."
    result = _clean("\n".join(ARTICLE + [sentence]))
    assert sentence in result.body


@pytest.mark.parametrize(
    ("line", "source", "rest"),
    [
        ("HANOI (VNA) - Vietnam and Japan agreed to deepen ties.", "HANOI (VNA)", "Vietnam and Japan agreed"),
        ("Hanoi (VNA) – Vietnam and Japan agreed to deepen ties.", "Hanoi (VNA)", "Vietnam and Japan agreed"),
        ("TASS – Russia and Vietnam signed a roadmap.", "TASS", "Russia and Vietnam signed"),
        ("MOSCOW, June 20 (Reuters) - Putin arrived in Hanoi.", "MOSCOW, June 20 (Reuters)", "Putin arrived"),
        ("HCM CITY (VNS) — Exports rose 10 per cent.", "HCM CITY (VNS)", "Exports rose"),
        ("Tokyo, June 20 (Kyodo) - The two leaders met.", "Tokyo, June 20 (Kyodo)", "The two leaders met"),
    ],
)
def test_synthetic_source_prefixes(line, source, rest):
    result = _clean("\n".join([line] + ARTICLE))
    assert result.furniture.source == source
    assert result.body.startswith(rest)
    assert _reasons(result, source)[0].startswith("source credit")


def test_source_prefix_only_on_the_first_paragraph():
    later = "ASEAN - Russia ties were also discussed at length by the ministers."
    result = _clean("\n".join(ARTICLE + [later]))
    assert later in result.body
    assert result.furniture.source == ""


@pytest.mark.parametrize(
    "widget",
    ["Share", "Share on Facebook", "Tweet", "Print", "Tags: Vietnam, Japan, diplomacy", "TAGS",
     "Facebook Twitter Zalo Email", "#Vietnam #Japan #Diplomacy", "Share this article", "Copy link",
     "Keywords: comprehensive strategic partnership"],
)
def test_synthetic_share_and_tag_widgets(widget):
    result = _clean("\n".join(ARTICLE[:2] + [widget] + ARTICLE[2:]))
    _assert_article_kept(result)
    assert widget not in result.body.split("\n\n")
    assert _reasons(result, widget)


def test_article_line_starting_with_share_is_kept():
    sentence = "Share prices of Japanese firms in Vietnam rose after the announcement."
    result = _clean("\n".join(ARTICLE + [sentence]))
    assert sentence in result.body


def test_stray_punctuation_lines():
    result = _clean("\n".join(ARTICLE[:1] + ["-", "***", "|"] + ARTICLE[1:]))
    _assert_article_kept(result)
    assert len(result.removed) == 3


def test_headline_lifted_only_when_it_repeats_the_title():
    title = "Vietnam, Japan upgrade ties"
    result = _clean("\n".join(["VIETNAM, JAPAN  UPGRADE TIES"] + ARTICLE), title=title)
    assert result.furniture.headline == "VIETNAM, JAPAN  UPGRADE TIES"
    _assert_article_kept(result)
    result = _clean("\n".join(["Vietnam, Japan upgrade ties to new level"] + ARTICLE), title=title)
    assert result.furniture.headline == ""


def test_a_full_synthetic_page():
    page = "\n".join(
        ["Home | News | World | Business | Video", "", "By Jane Doe", "Thursday, June 20, 2024 - 14:30", "",
         "TOKYO (Kyodo) - " + ARTICLE[0], "Leaders at the talks. Photo: Reuters", "", ARTICLE[1],
         "Share on Facebook", ARTICLE[2], "Tags: Japan, Vietnam", "", "Related articles",
         "Japan, Vietnam sign 30 deals", "PM Kishida to visit Hanoi"]
    )
    result = _clean(page)
    assert result.body == "\n\n".join(ARTICLE)
    assert result.furniture.byline == "Jane Doe"
    assert result.furniture.source == "TOKYO (Kyodo)"
    assert result.furniture.credits == ("Photo: Reuters",)


def test_clean_lines_keeps_file_line_numbers():
    result = clean_lines([(40, "By Jane Doe"), (41, ARTICLE[0]), (43, "Leaders meet. Photo: Reuters")], title="")
    assert [p.line for p in result.paragraphs] == [41]
    assert [r.line for r in result.removed] == [40, 43]


# --------------------------------------------------------------------------- property


_LINE = st.one_of(
    st.text(max_size=80).map(lambda s: s.replace("\n", " ")),
    st.sampled_from(
        ["", "  ", "Other News", "- Read More", "• Ha Noi", "  • Da Nang", "Photo: VNA", "VGP – Viet Nam said.",
         "VOV.VN - The talks ended.", "May 11, 2025 6:57 PM GMT+7", "By Jane Doe", "Share", "|", "-",
         "Caption text here |", "Title - Ảnh 1.", "HANOI (VNA) - x", "Tags: a, b"]
        + ARTICLE
    ),
)


@given(st.lists(_LINE, max_size=40), st.text(max_size=30))
def test_property_every_line_accounted_for(lines, title):
    text = "\n".join(lines)
    result = clean_text(text, title.replace("\n", " "))
    numbered = {i + 1: t for i, t in enumerate(text.split("\n"))}
    assert _account(numbered, result.paragraphs, result.removed) == []
    assert result.body == "\n\n".join(p.text for p in result.paragraphs)
    assert not re.search(r"\n\n\n", result.body)


def test_a_list_introduced_by_a_colon_is_article_text():
    items = ["- Agreement on higher education", "- MoU on nuclear science", "- Justice cooperation programme",
             "- Oil exploration licence", "- Disease prevention roadmap", "- Rail transport agreement"]
    lines = ARTICLE[:1] + ["The documents signed include:"] + items + ARTICLE[1:]
    result = _clean("\n".join(lines))
    _assert_article_kept(result)
    for item in items:
        assert item in result.body
    assert result.removed == ()


def test_synthetic_byline_and_dateline_on_one_line():
    line = "By Hoang Phong   June 20, 2024 | 05:30 pm GMT+7"
    result = _clean("\n".join([line] + ARTICLE))
    _assert_article_kept(result)
    assert result.furniture.byline == "Hoang Phong"
    assert result.furniture.dateline == "June 20, 2024 | 05:30 pm GMT+7"
    assert line not in result.body


@pytest.mark.parametrize("footer", ["Reporting by Khanh Vu; Editing by Ed Davies",
                                    "Additional reporting by Jane Doe in Tokyo; Writing by John Smith",
                                    "© 2024 Example News. All rights reserved.",
                                    "Copyright 2024 Example Media Group"])
def test_synthetic_wire_credits_and_copyright(footer):
    result = _clean("\n".join(ARTICLE + [footer]))
    _assert_article_kept(result)
    assert footer not in result.body
    assert _reasons(result, footer)


def test_prose_about_reporting_is_kept():
    sentence = "Reporting by state media said the talks were productive."
    result = _clean("\n".join(ARTICLE + [sentence]))
    assert sentence in result.body


PATHOLOGICAL = [
    "Reporting by " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2 + " x",
    "Reporting by " + "A, " * 200 + "x",
    "By " + "Aaaa " * 200 + "x",
    "Photo: " + "A" * 5000 + " x.",
    "Updated: " + "1 " * 2000,
    "X" * 20000 + " - y",
    "A." * 5000 + " - x",
    "HANOI " * 2000 + "(VNA) x",
    "• " * 3000,
    "Home | " * 3000 + "x.",
    "June 20, 2024 " * 500,
]


def test_no_pathological_backtracking():
    import time

    start = time.perf_counter()
    for line in PATHOLOGICAL:
        result = clean_text("\n".join([line] + ARTICLE))
        _assert_article_kept(result)
    assert time.perf_counter() - start < 2.0
