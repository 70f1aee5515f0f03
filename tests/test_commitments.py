"""Shared commitments: detection, grouping against labelled data, ids, and bad input."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis.commitments import UnknownGroup, explain, find_commitments
from tui.analysis.detection import detect, detect_text, split_clauses
from tui.documents.corpus import build_document, load_corpus
from tui.documents.sentences import split_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([ROOT / "corpus"])


@pytest.fixture(scope="module")
def result(corpus):
    return find_commitments(corpus.documents)


def make_doc(doc_id: str, body: str, date: str = "2024-06-20"):
    text = f'+++\nid = "{doc_id}"\ntitle = "Test {doc_id}"\ndate = {date}\n+++\n{body}\n'
    return build_document(text, None, label=doc_id)


def group_for(result, doc: str, index: int, contains: str):
    for pledge, group in result.pledges_of(doc, index):
        if contains.lower() in pledge.text.lower():
            return group
    raise AssertionError(f"no pledge in {doc}:{index} containing {contains!r}")


# --------------------------------------------------------------------------- detection

@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("The two sides agreed to expand cooperation in new and clean energy.", "pledge"),
        ("They pledged not to form alliances with third parties against each other.", "pledge"),
        ("The two sides would soon start negotiations on labour agreements.", "pledge"),
        ("The two nations supported the full implementation of the DOC.", "support"),
        ("Chinh reiterated Vietnam's support for settling disputes through peaceful means.", "support"),
        ("Both sides stressed the desire to deepen cooperation in education.", "intent"),
        ("They agreed on the need for breakthrough measures to increase two-way trade.", "intent"),
        ("Putin asserted that disputes should be resolved peacefully.", "intent"),  # normative: the guide
        ("Annual meetings between their foreign and defence ministers are also planned.", "intent"),  # passive
        ("A second round of talks is scheduled for next spring in Nairobi.", "intent"),
        ("He believes this visit will give a new impetus to the relations.", None),
        ("President Putin recalled the significant support from the Soviet Union.", None),
        ("Prior to the press conference, the two Presidents witnessed the signing of 11 documents.", None),
        ("He emphasised the significance of President Putin's visit to Hanoi.", None),
        ("The talks took place in an open and sincere atmosphere.", None),
        # emphasis without commitment (issue 9), unless the sides affirm the importance of acting
        ("The two presidents underscored the importance of economic relations between their countries.", None),
        ("They stressed the importance of peace and stability across the strait.", None),
        ("The minister highlighted the significance of maritime links with the island states.", None),
        ("Both sides affirmed the importance of accelerating the project to build a research reactor.", "intent"),
        ("Both sides agreed on the importance of ensuring freedom of navigation and overflight.", "intent"),
        ("They stressed the need to diversify supply chains for critical minerals.", "intent"),
        # a commitment verb and a "that" clause with a party subject and will/would
        ("They agreed that Chile and Kenya would continue to work together on port investment.", "pledge"),
        ("He also announced that Chile would open a new consulate in Mombasa.", "pledge"),
        ("The leaders are believed to have confirmed that their countries will start negotiations on a visa deal.", "pledge"),
        ("They agreed that the visit will contribute to stronger ties between the peoples.", None),
        ("Boric is believed to have agreed with Ruto on a deal to supply copper wire.", "pledge"),
        ("He agreed with the view that trade between the two countries is important.", None),
        # courtesy and nouns, not pledges
        ("We are very happy that Chile is back on the world stage, the minister said.", None),
        ("Ruto was formally welcomed at the Great Hall by President Boric with a 21-gun salute.", None),
        ("They also discussed the situation in the region, including continued military support for it.", None),
        ("Proposals for a joint fund were welcomed by both sides.", "support"),
        ("It will be the first time for Chile to apply the framework since its launch in April.", None),
        ("Chile said it will be a reliable partner for Peru in maritime security.", "pledge"),
    ],
)
def test_detection_strength(text, strength):
    found = detect_text(text)
    assert (found[0].strength if found else None) == strength


def test_clause_with_two_pledges_is_split():
    text = ("The two sides agreed to coordinate to ensure freedom of navigation and trade; "
            "voiced support for resolution of disputes by peaceful means.")
    found = detect_text(text)
    assert [p.strength for p in found] == ["pledge", "support"]
    assert found[1].text.startswith("voiced support")
    assert found[1].start == text.index("voiced")


def test_lists_are_not_split():
    text = "Both sides agreed to boost cooperation in trade, investment, energy and education."
    assert split_clauses(text) == [(0, text)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The two sides agreed to expand cooperation in clean energy.", "both"),
        ("Russia also supports ASEAN's central role in the regional architecture.", "Russia"),
        ("Vietnam has pledged to facilitate the operations of the Vietsovpetro joint venture.", "Vietnam"),
        ("Vietnam's General Secretary Nguyen Phu Trong received Russian President Vladimir Putin. "
         "Trong urged Russia to create favorable conditions for the Vietnamese community.", "Vietnam"),
        ("Japanese Prime Minister Fumio Kishida met Vietnamese President Vo Van Thuong. "
         "Kishida pledged to support Vietnam's industrialisation.", "Japan"),
        ("China affirms its support for Vietnam's prosperous development.", "China"),
        ("Moscow and Hanoi support the central role of the United Nations.", "both"),
        ("India and his Russian counterpart agreed to raise trade.", "both"),
        # a request's addressee is not its actor, whether it is asked "to" or in a "that" clause
        ("Vietnam and Australia held talks. Australian Prime Minister Anthony Albanese spoke first. "
         "PM Chinh also requested that the Australian government continue to create favourable conditions "
         "for the Vietnamese community.", "Vietnam"),
        ("Vietnam and Australia held talks. Australian Prime Minister Anthony Albanese spoke first. "
         "He called on the Australian government to continue its support for Southeast Asia.", "Vietnam"),
    ],
)
def test_actor(text, actor):
    """Who commits, for statements between any two countries (people tied to a party by title)."""
    *before, last = split_text(text)
    assert detect_text(last, context=[*before, last])[-1].actor == actor


def test_descriptions_are_not_pledges(corpus):
    nhandan = corpus.get("nhandan-2024")
    indices = {p.index for p in detect(nhandan)}
    assert not indices & {0, 1, 2, 26, 27, 28}  # statement issued, greeting, history, signing ceremony


# --------------------------------------------------------------------------- grouping

@pytest.mark.parametrize(
    ("members", "documents"),
    [
        ([("investor-2024", 18, "overflight"), ("nhandan-2024", 19, "navigation"),
          ("vov-2025", 21, "navigation"), ("vgp-2025", 26, "navigation")], 4),
        ([("investor-2024", 8, "Eurasian"), ("nhandan-2024", 10, "Eurasian"), ("vov-2025", 7, "Eurasian"),
          ("vgp-2025", 10, "Eurasian"), ("hanoitimes-2024", 26, "Eurasian")], 5),
        ([("vov-2025", 9, "nuclear science"), ("vgp-2025", 14, "Nuclear Science")], 2),
        ([("hanoitimes-2024", 16, "oil"), ("nhandan-2024", 11, "oil"), ("vgp-2025", 12, "oil")], 3),
        ([("investor-2024", 14, "citizens"), ("nhandan-2024", 15, "citizens")], 2),
        ([("investor-2024", 19, "DOC"), ("nhandan-2024", 20, "DOC"), ("vgp-2025", 27, "DOC")], 3),
    ],
    ids=["east-sea-navigation", "eaeu-fta", "nuclear-centre", "oil-and-gas", "citizens", "doc-coc"],
)
def test_known_pledges_group_across_documents(result, members, documents):
    groups = {group_for(result, *m).id for m in members}
    assert len(groups) == 1
    group = result.get(groups.pop())
    assert {m[0] for m in members} <= set(group.documents)
    assert len(group.documents) >= documents


def test_group_invariants(result):
    seen = set()
    for group in result.groups:
        docs = [m.doc_id for m in group.members]
        assert group.documents == tuple(dict.fromkeys(docs)), group.id  # documents in member order, once each
        assert tuple(dict.fromkeys(docs)) == group.documents
        for m in group.members:
            assert m.key not in seen
            seen.add(m.key)
    all_detected = {p.key for d in result.documents for p in detect(d)}
    assert seen == all_detected
    assert len({g.id for g in result.groups}) == len(result.groups)


def test_labels_and_themes_are_readable(result):
    nav = group_for(result, "nhandan-2024", 19, "navigation")
    assert nav.theme == "maritime"
    assert nav.label.startswith("Maritime: ")
    trade = group_for(result, "investor-2024", 8, "Eurasian")
    assert trade.theme == "trade"
    nuclear = group_for(result, "vgp-2025", 14, "Nuclear")
    assert nuclear.theme == "nuclear"
    assert "nuclear" in nuclear.label.lower()


def test_ids_are_stable_across_runs_and_input_order(corpus, result):
    again = find_commitments(corpus.documents)
    assert [g.id for g in again.groups] == [g.id for g in result.groups]
    shuffled = list(corpus.documents)
    random.Random(4).shuffle(shuffled)
    third = find_commitments(shuffled)
    assert sorted(g.id for g in third.groups) == sorted(g.id for g in result.groups)


def test_get_by_prefix_and_unknown(result):
    group = result.groups[0]
    assert result.get(group.id[:-1]) == group
    with pytest.raises(UnknownGroup, match="did you mean"):
        result.get(group.id[:-2] + "zz")
    with pytest.raises(UnknownGroup):
        result.get("no-such-group")


def test_group_of_sentence(result):
    group = result.group_of("nhandan-2024", 19)
    assert group is not None and "nhandan-2024" in group.documents
    assert result.group_of("nhandan-2024", 0) is None


def test_explain_gives_pairwise_scores(result):
    group = group_for(result, "investor-2024", 8, "Eurasian")
    exp = explain(result, group)
    n = len(group.members)
    assert len(exp.pairs) == n * (n - 1) // 2
    assert all(0.0 <= p.score <= 1.0 for p in exp.pairs)
    assert any("eaeu" in p.shared or "fta" in p.shared for p in exp.pairs)
    assert len(exp.member_scores) == n
    assert exp.centroid and all(w > 0 for _, w in exp.centroid)


# --------------------------------------------------------------------------- bad input

def test_one_document_corpus(corpus):
    one = find_commitments([corpus.get("vgp-2025")])
    assert one.groups
    assert all(g.documents == ("vgp-2025",) for g in one.groups)


def test_document_without_pledges():
    doc = make_doc("plain", "The weather in Hanoi was warm.\n\nThe delegation arrived in the morning.")
    result = find_commitments([doc])
    assert detect(doc) == ()
    assert result.groups == ()


def test_same_report_twice_does_not_duplicate(corpus):
    original = corpus.get("nhandan-2024")
    body = original.source
    twin = make_doc("nhandan-copy", body)
    single = find_commitments([make_doc("nhandan-a", body)])
    double = find_commitments([make_doc("nhandan-a", body), twin])
    assert len(double.groups) == len(single.groups)
    for g in double.groups:  # every pledge recurs in the twin, as often as in the original
        assert len(g.documents) == 2
        counts = [sum(m.doc_id == d for m in g.members) for d in g.documents]
        assert counts[0] == counts[1]
    assert find_commitments([original, original]).groups == find_commitments([original]).groups


def test_very_long_sentence():
    long = "Both sides agreed to " + ", ".join(f"expand cooperation in field number {i}" for i in range(3000)) + "."
    doc = make_doc("long", long)
    start = time.perf_counter()
    result = find_commitments([doc])
    assert time.perf_counter() - start < 10
    assert len(result.groups) >= 1


def test_other_languages_do_not_crash_or_join_english(corpus):
    foreign = make_doc("ru-vi", "Стороны договорились расширять сотрудничество в области энергетики.\n\n"
                                "Hai bên nhất trí thúc đẩy hợp tác trong lĩnh vực năng lượng và dầu khí.\n\n"
                                "双方同意加强能源合作。", date="2025-02-01")
    result = find_commitments([*corpus.documents, foreign])
    for group in result.groups:
        if "ru-vi" in group.documents:
            assert group.documents == ("ru-vi",)


# --------------------------------------------------------------------------- property

_POOL: list[str] = []


def _pool() -> list[str]:
    if not _POOL:
        docs = load_corpus([ROOT / "corpus"]).documents
        _POOL.extend(s.text for d in docs for s in d.sentences)
    return _POOL


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12),
                min_size=1, max_size=5))
def test_property_every_pledge_in_exactly_one_group(picks):
    pool = _pool()
    docs = [make_doc(f"d{i}", "\n\n".join(pool[k % len(pool)] for k in chosen), date=f"202{i % 6}-01-0{1 + i % 8}")
            for i, chosen in enumerate(picks)]
    result = find_commitments(docs)
    detected = [p.key for d in result.documents for p in detect(d)]
    grouped = [m.key for g in result.groups for m in g.members]
    assert sorted(detected) == sorted(grouped)
    assert len({g.id for g in result.groups}) == len(result.groups)
    for g in result.groups:
        assert g.documents == tuple(dict.fromkeys(m.doc_id for m in g.members))
        assert len({(m.doc_id, m.index) for m in g.members}) == len(g.members)


def test_core_imports_no_ui_library():
    import subprocess
    import sys

    code = ("import sys; import tui.analysis.commitments; "
            "bad = [m for m in ('rich', 'textual') if m in sys.modules]; print(bad); sys.exit(bool(bad))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pledges_group_and_read_status_within_one_pair_of_countries():
    """A corpus of two country pairs: the same words in another pair's statement are another
    relationship's pledge, and "new" / "dropped" are read on each pair's own years."""
    from tui.render.commitments import status

    docs = [
        make_doc("cl-pe-2022", "Chile and Peru agreed to expand trade in copper and lithium.\n"
                 "Chile and Peru held talks in Lima.", "2022-03-01"),
        make_doc("cl-pe-2024", "Chile and Peru agreed to expand trade in copper and lithium further.\n"
                 "The two sides met in Santiago.", "2024-03-01"),
        make_doc("ke-cn-2025", "China and Kenya agreed to expand trade in copper and lithium.\n"
                 "China and Kenya met in Beijing.", "2025-04-24"),
    ]
    result = find_commitments(docs)
    chile = group_for(result, "cl-pe-2024", 0, "copper")
    kenya = group_for(result, "ke-cn-2025", 0, "copper")
    assert chile is not kenya
    assert set(chile.documents) == {"cl-pe-2022", "cl-pe-2024"}
    assert result.pair_of(chile) == ("Chile", "Peru") and result.pair_of(kenya) == ("China", "Kenya")
    assert status(result, chile) == "persistent"  # the latest Chile–Peru year is 2024, not 2025
    assert status(result, kenya) == "single"


def test_a_document_with_misread_parties_joins_the_pair_it_names():
    from tui.analysis.commitments import _pair_keys

    docs = [
        make_doc("cl-pe-2022", "Chile and Peru agreed to expand trade in copper.", "2022-03-01"),
        make_doc("cl-pe-2024", "Chile and Peru agreed to build a port.", "2024-03-01"),
        make_doc("cl-pe-2024b", "Bolivia dominated talks in Lima, where Chile's president and Peru's "
                 "president agreed to help Bolivia reach the sea. Bolivia thanked them.", "2024-03-02"),
    ]
    keys = _pair_keys(docs)
    assert keys["cl-pe-2024b"] == ("Chile", "Peru")


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Both sides will expand renewable energy cooperation", "energy"),
        ("They agreed to build solar farms together", "energy"),
        ("The president renewed mandates of the envoys", "general"),  # "renew" is no energy word alone
        ("The two sides renewed their commitment to free trade", "trade"),
    ],
)
def test_a_theme_word_sharing_a_stem_with_a_common_verb_needs_its_phrase(text, theme):
    from tui.analysis import features
    from tui.analysis.themes import theme_of

    assert theme_of(dict.fromkeys(features.terms(text), 1.0)) == theme


def test_a_verb_joined_by_and_keeps_the_subject_of_the_first():
    from tui.analysis import parties

    who = parties.DocumentParties(("Brazil", "Argentina"), {})
    found = detect_text("In response, the minister said Brazil has always regarded Argentina as a priority, and "
                        "wants to deepen the relationship between the two countries.", who=who)
    assert [p.actor for p in found] == ["Brazil"]


@pytest.mark.parametrize("text, actor", [
    ("Both leaders agreed clean energy technologies should become a joint priority.", "both"),
    ("The minister also said Kenya would also ease visas for business travellers from Chile.", "Kenya"),
    ("Chile and Kenya agreed their ports would share customs data from next year.", "both"),
])
def test_reported_commitments_without_that_are_pledges(text, actor):
    from tui.analysis import parties

    found = detect_text(text, who=parties.DocumentParties(("Chile", "Kenya"), {}))
    assert [(p.strength, p.actor) for p in found] == [("pledge", actor)]


@pytest.mark.parametrize("text", [
    "They agreed the visit would be remembered for years.",
    "The minister said Kenya would be a good partner for the region.",
    "The minister said Kenya would not join the pact this year.",
    "Both sides agreed the summit will open on Monday in the capital.",
])
def test_reported_descriptions_are_not_pledges(text):
    assert detect_text(text) == []


@pytest.mark.parametrize("text, cue", [
    ("Chile and Kenya also announced plans for joint research on drought-resistant crops.", "announced plans for"),
    ("The two sides unveiled new plans to expand student exchanges between their universities.",
     "unveiled new plans to"),
    ("Chile and Kenya were exploring possibilities for co-production of port cranes for export.",
     "exploring possibilities"),
])
def test_announced_plans_and_explored_possibilities_are_intent(text, cue):
    assert [(p.strength, p.cue) for p in detect_text(text)] == [("intent", cue)]


def test_an_announced_event_is_no_pledge():
    assert detect_text("The ministry announced the signing of the port deal on Monday in Nairobi.") == []


def test_encouraging_ones_own_companies_is_no_request_to_the_other_side():
    from tui.analysis import parties

    who = parties.DocumentParties(("Chile", "Kenya"), {})
    text = ("The minister said Chile's market stays open to products from Kenya, adding that Chile encourages more "
            "Chilean companies to invest in Kenya.")
    assert [p.actor for p in detect_text(text, who=who)] == ["Chile"]
    asked = "The minister said Kenya urged the Chilean government to open its market to tea from Kenya."
    assert [p.actor for p in detect_text(asked, who=who)] == ["Kenya"]


def test_mutual_support_is_support():
    found = detect_text("The two nations reaffirmed their mutual support on critical issues of sovereignty.")
    assert [(p.strength, p.actor) for p in found] == [("support", "both")]


def test_agreed_for_a_programme_is_a_pledge():
    found = detect_text("To this end, Chile and Kenya have agreed for a new jointly funded programme in higher education.")
    assert [p.strength for p in found] == ["pledge"]


@pytest.mark.parametrize("text", [
    "I am sure we will send important messages to the world from this city.",
    "We are confident that the two sides will expand trade in the coming years.",
])
def test_a_confident_forecast_is_no_pledge(text):
    assert detect_text(text) == []


@pytest.mark.parametrize("text, pledged", [
    ("Facing these challenges requires concerted efforts and an unwavering commitment to the rules-based order.", False),
    ("Acknowledging the partnership, founded in deep trust, a resolute commitment to international law and "
     "principles, the ministers met in Nairobi.", False),
    ("Chile and Kenya share a commitment to a peaceful and prosperous region.", True),
    ("The two sides reaffirmed a strong commitment to free trade in the region.", True),
    ("They reiterated their unwavering commitment to serve as a force of good.", True),
])
def test_a_commitment_is_a_pledge_only_when_someone_holds_it(text, pledged):
    assert bool(detect_text(text)) is pledged


@pytest.mark.parametrize("text", [
    "First of all, I would like to express my sincere gratitude to the President for accepting my invitation.",
    "We are delighted to welcome in the Kremlin the President of the Republic of Kenya on a state visit.",
])
def test_courtesies_are_no_pledges(text):
    assert detect_text(text) == []


def test_a_wish_to_work_is_still_intent():
    assert [p.strength for p in detect_text("We would like to expand trade in copper and tea with Chile next year.")] == ["intent"]


def test_thanks_for_the_other_sides_steadfast_support_is_no_pledge():
    assert detect_text("The minister thanked his counterpart for Kenya's steadfast support for Chile's bid.") == []


def test_welcoming_a_named_guest_is_a_courtesy_but_welcoming_a_proposal_is_support():
    assert detect_text("The Crown Prince first welcomed Ana Silva and congratulated her on the election result.") == []
    assert [p.strength for p in detect_text("The leaders welcomed Belt and Road cooperation in the region.")] == ["support"]


def test_it_after_a_sentence_refers_to_that_sentences_subject():
    from tui.analysis import parties

    who = parties.DocumentParties(("Chile", "Kenya"), {})
    context = ["Chile supports Kenya's major development plans such as Vision 2030.",
               "It is ready to take an active part in Kenya's industrialisation process."]
    found = detect_text(context[1], context=context, who=who)
    assert [p.actor for p in found] == ["Chile"]


@pytest.mark.parametrize(("text", "strength"), [
    ("Ana Silva has agreed with her Kenyan counterpart, Paul Otieno, to reset bilateral relations.", "pledge"),
    ("In this regard, they agreed to resume annual meetings, starting with a meeting scheduled for March.", "pledge"),
    ("The two sides will continue to expand trade in copper and tea.", "pledge"),
    ("The ministers welcomed Chilean Foreign Minister Silva's proposal for a tea and copper fund.", "support"),
    ("The leaders also signed an agreement to encourage and protect mutual investments in ports.", None),
    ("Chile has offered millions in support since the new port opened in 2014.", None),
    ("Later the two ministers will attend the football match between their national teams.", None),
    ("Afterwards, the minister will travel on to Geneva for talks on the climate fund.", None),
    ("The minister will then travel to Geneva to discuss support for the climate fund.", None),
    ("Ana Silva welcomed the Kenyan foreign minister to the presidential palace in Santiago.", None),
    ("Silva welcomed Otieno to La Moneda for a working lunch with business figures.", None),
    ("Silva welcomed Foreign Minister Otieno's first official visit to Chile since 2015.", None),
    ("The Santiago Portal would like to introduce the full text of the Chile-Kenya joint statement:", None),
    ("Silva will also meet Vice President Otieno and attend a business forum on tea exports.", None),
    ("Otieno thanked Chile for its \"immense support\" during the drought of 2022.", None),
    ("The president was accorded a ceremonial welcome at the forecourt of the palace.", None),
    ("Silva said Chile views its partnership with Kenya as vital to addressing climate challenges.", None),
    ("Both governments intend to further strengthen collaboration on public health.", "intent"),
    ("The two sides will meet regularly to implement the commitments on trade.", "pledge"),
    ("We’re back to direct, open, clear communications with Kenya, the minister said.", None),
    ("I want to express my heartfelt respect to President Otieno for the decision.", None),
    ("The two leaders looked forward to speaking again soon about the tea fund.", None),
    ("I do not need to mention the formal side of our relations with Kenya.", None),
    ("The declaration envisages increased cooperation in tourism, trade and energy.", "intent"),
    # trials of 2026-12-03
    ("Observers saw the talks as a promising sign of a warmer rapport between Chile and Kenya.", None),
    ("Chile is promising more aid to Kenya's tea growers.", "pledge"),
    ("Silva threw a reception to welcome Kenyan President Otieno back to the palace.", None),
    ("Otieno thanked Silva for the warm and gracious welcome and hospitality.", None),
    ("\"It will be good if we can combine these two tasks,\" said Silva.", None),
    ("\"No relationship is more important to Chile than this one,\" Silva said.", None),
    ("He also announced an additional assistance package of 50 million dollars for Kenya's flood relief.", "pledge"),
])
def test_schedules_instrument_names_and_courtesies_against_real_pledges(text, strength):
    found = detect_text(text)
    assert (found[0].strength if found else None) == strength
