"""The coder on sentences written by us: status, channel, roles, coreference, office-holders."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder, CoderConfig
from bilateral.model import Document, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(CoderConfig(explain=True))


def code(coder: Coder, text: str, date: str | None = "2025-06-01") -> list[Event]:
    return coder.code_sentence(text, doc_id="t", date=date)


def one(events: list[Event], **want: object) -> Event:
    hits = [e for e in events if all(getattr(e, k) == v for k, v in want.items())]
    assert hits, f"no event with {want} in {[e.to_record() for e in events]}"
    return hits[0]


# ---------------------------------------------------------------- status


def test_realized_aid(coder: Coder) -> None:
    ev = one(code(coder, "Japan provided a $500 million loan to Sri Lanka on Tuesday."), source="JPN", target="LKA")
    assert ev.status == "realized"
    assert ev.cameo == "071"
    assert ev.channel == "finance"
    assert ev.quad_class == 2


def test_promise_is_intended_with_intent_code(coder: Coder) -> None:
    ev = one(code(coder, "China will provide economic aid to Kenya next year."), source="CHN", target="KEN")
    assert ev.status == "intended"
    assert ev.cameo.startswith("033")
    assert ev.quad_class == 1


def test_pledge_is_intended(coder: Coder) -> None:
    ev = one(code(coder, "Saudi Arabia pledged a deposit to Pakistan's central bank."), source="SAU", target="PAK")
    assert ev.status == "intended"
    assert ev.channel == "finance"


def test_may_is_hypothetical(coder: Coder) -> None:
    ev = one(code(coder, "China may invest in Nigeria's railways, officials said."), source="CHN")
    assert ev.status == "hypothetical"
    assert ev.channel == "investment"


def test_not_received_is_negated_and_keeps_deed_code(coder: Coder) -> None:
    doc = Document(
        id="d",
        text=(
            "Kenya and China held talks in Nairobi. "
            "China praised Kenya as a partner. "
            "But Kenya has not received the aid that China announced."
        ),
        date="2024-03-01",
    )
    _, events = coder.code_document(doc)
    ev = one(events, target="KEN", status="negated")
    assert ev.source == "CHN"
    assert ev.cameo.startswith("07")


def test_has_yet_to_is_negated(coder: Coder) -> None:
    ev = one(code(coder, "The World Bank has yet to approve the loan for Ghana."), target="GHA")
    assert ev.status == "negated"
    assert ev.channel == "finance"


def test_did_not_sign_is_negated_not_rejection(coder: Coder) -> None:
    events = code(coder, "Brazil did not sign the trade agreement with Argentina.")
    ev = one(events, source="BRA", target="ARG")
    assert ev.status == "negated"
    assert ev.cameo == "057"


# ---------------------------------------------------------------- channels


def test_tariff_cut_is_realized_trade_cooperation(coder: Coder) -> None:
    ev = one(code(coder, "Japan cut tariffs on Indian goods."), source="JPN", target="IND")
    assert (ev.status, ev.channel, ev.quad_class) == ("realized", "trade", 2)


def test_defense_channel(coder: Coder) -> None:
    ev = one(code(coder, "France delivered fighter jets to Egypt."), source="FRA", target="EGY")
    assert ev.channel == "defense"
    assert ev.cameo == "072"


def test_resources_channel(coder: Coder) -> None:
    ev = one(
        code(coder, "Chile agreed to cooperate with Germany on lithium mining."), source="CHL", target="DEU"
    )
    assert ev.status == "intended"
    assert ev.channel == "resources"


# ---------------------------------------------------------------- roles


def test_passive_swaps_roles(coder: Coder) -> None:
    ev = one(code(coder, "Pakistan was praised by Washington for its restraint."), cameo="051")
    assert (ev.source, ev.target) == ("USA", "PAK")


def test_reported_speech_speaker_is_not_source(coder: Coder) -> None:
    ev = one(code(coder, "An analyst in Karachi said the United States praised Pakistan."), cameo="051")
    assert (ev.source, ev.target) == ("USA", "PAK")


def test_compound_actors_both_directions(coder: Coder) -> None:
    events = code(coder, "India and the UAE signed an agreement on Monday.")
    pairs = {(e.source, e.target) for e in events if e.cameo == "057"}
    assert {("IND", "ARE"), ("ARE", "IND")} <= pairs


def test_the_country_resolves_to_previous_subject(coder: Coder) -> None:
    doc = Document(
        id="d2",
        text=(
            "Vietnam criticised China over the islands. "
            "Vietnam also held talks with Japan. "
            "The country also expressed willingness to cooperate with Japan on rare earths."
        ),
        date="2023-05-01",
    )
    _, events = coder.code_document(doc)
    ev = one(events, doc_sentence=2, target="JPN")
    assert ev.source == "VNM"
    assert ev.channel == "resources"


def test_dated_office_holder(coder: Coder) -> None:
    ev = one(code(coder, "Shehbaz Sharif met Xi Jinping in Beijing.", date="2024-06-07"), target="CHN")
    assert ev.source == "PAK"
    assert ev.source_sector == "GOV"


def test_evidence_span_points_at_trigger(coder: Coder) -> None:
    text = "Germany sent humanitarian aid to Syria."
    ev = one(code(coder, text), source="DEU", target="SYR")
    s, e = ev.span
    assert "sent" in text[s:e]
    assert ev.sentence == text
    assert ev.trace is not None and ev.trace.pattern


def test_no_event_without_actors(coder: Coder) -> None:
    assert code(coder, "The weather was mild across the region this week.") == []


def test_lexicon_cues_are_strings() -> None:
    """YAML turns a bare `on` into True; the loader refuses that instead of losing the word."""
    from bilateral.coding.lexicon import Lexicon

    lex = Lexicon.load()
    assert {"on", "off"} <= lex.words["prepositions"]


def test_gerund_after_preposition_is_a_verb(coder: Coder) -> None:
    ev = one(code(coder, "Nepal responded by showing solidarity with India."), source="NPL")
    assert ev.target == "IND"
    assert ev.cameo == "051"


def test_stalled_deed_between_two_countries_is_denied_both_ways(coder: Coder) -> None:
    events = code(coder, "Defense cooperation between Egypt and Russia has remained limited.")
    pairs = {(e.source, e.target) for e in events if e.status == "negated" and e.channel == "defense"}
    assert pairs == {("EGY", "RUS"), ("RUS", "EGY")}


def test_threat_is_the_event_not_its_content(coder: Coder) -> None:
    events = code(coder, "Algeria threatened to impose a curfew on protesters in Oran.")
    assert events and events[0].cameo.startswith("13")
    assert all(not e.cameo.startswith("17") for e in events)


def test_appeal_content_is_not_a_deed(coder: Coder) -> None:
    events = code(coder, "Kenya urged Japan to cut tariffs on tea.")
    ev = one(events, source="KEN", target="JPN")
    assert ev.cameo.startswith("02")
    assert all(e.quad_class != 2 for e in events)


def test_no_directly_after_the_verb_negates(coder: Coder) -> None:
    ev = one(code(coder, "Canada conducts no trade with North Korea."), source="CAN")
    assert ev.status == "negated"


def test_light_verb_alone_codes_nothing(coder: Coder) -> None:
    """"took steps" is no seizure (PETRARCH's 'take' default is 171); only the statement remains."""
    events = code(coder, "Chile took several steps on pensions, Peru said.")
    assert all(e.cameo.startswith("01") for e in events)


def test_purpose_shares_the_status_of_its_head(coder: Coder) -> None:
    events = code(coder, "Norway will send engineers to Malawi to help rebuild its power plants.")
    assert events and all(e.status == "intended" for e in events if e.source == "NOR")


def test_hyphenated_pair_and_led(coder: Coder) -> None:
    pairs = {(e.source, e.target) for e in code(coder, "India-Pakistan talks resumed in Delhi.")}
    assert {("IND", "PAK"), ("PAK", "IND")} <= pairs
    ev = one(code(coder, "US-led forces bombed Iraqi positions."), target="IRQ")
    assert ev.source == "USA" and ev.quad_class == 4


def test_subject_named_after_of(coder: Coder) -> None:
    ev = one(code(coder, "The government of Liberia denied charges by Ivory Coast.", date="1995-01-01"), cameo="016")
    assert ev.source == "LBR"


def test_withheld_deeds_are_material_conflict(coder: Coder) -> None:
    ev = one(code(coder, "The United States suspended military aid to Egypt."), source="USA", target="EGY")
    assert (ev.cameo, ev.channel, ev.quad_class) == ("162", "defense", 4)
    ev = one(code(coder, "Argentina cut diplomatic ties with Iran."), source="ARG", target="IRN")
    assert ev.cameo == "161"


def test_run_on_sentence_is_coded_in_pieces(coder: Coder) -> None:
    """A 100,000-character "sentence" is cut as code_document cuts it: the same events, piece by piece."""
    from bilateral.coding.sentences import cap_spans

    text = "Pakistan praised China and India criticized Japan, " * 2000
    pieces = cap_spans(text, [(0, len(text))])
    assert len(pieces) > 1
    expected = [e.to_record() for s, t in pieces for e in coder.code_sentence(text[s:t], doc_id="t")]
    assert [e.to_record() for e in coder.code_sentence(text, doc_id="t")] == expected


def test_reported_would_is_an_announced_intent(coder: Coder) -> None:
    ev = one(code(coder, "Ethiopia announced on Monday it would release 40 Eritrean fishermen."), source="ETH")
    assert ev.status == "intended"
    assert ev.cameo.startswith("03")
    # a bare "would" outside reported speech stays hypothetical; so does "would consider"
    ev = one(code(coder, "India said it would consider sending troops to Sri Lanka."), source="IND", target="LKA")
    assert ev.status == "hypothetical"


def test_reported_use_of_force_is_also_an_accusation(coder: Coder) -> None:
    events = code(coder, "Ukraine said Russian troops attacked Poland overnight.")
    acc = one(events, source="UKR", target="RUS")
    assert acc.cameo == "1123"
    assert events[0] is acc  # the speaker's accusation comes first, where the speaker's verb stands
    one(events, source="RUS", target="POL", cameo="190")
    # a claim of responsibility is no accusation; a speaker reporting its own attack accuses no one
    assert not [e for e in code(coder, "A Kenyan group claimed responsibility for an attack in Somalia.")
                if e.cameo.startswith("11")]
    assert not [e for e in code(coder, "Pakistan said it attacked Indian posts in Kashmir.")
                if e.cameo.startswith("11")]


def test_participle_modifying_the_subject_is_not_the_clause_verb(coder: Coder) -> None:
    # "detained during the rally" describes the protesters; the sentence reports their release
    events = code(coder, "Protesters detained during the rally were freed by Iran on Sunday.")
    assert [e.cameo[:2] for e in events] == ["08"]
    assert events[0].source == "IRN"
    # an irregular participle is a passive too: "was shot by"
    one(code(coder, "A Colombian soldier was shot by Venezuelan guards."), source="VEN", target="COL")
    one(code(coder, "A Turkish jet was blown up by Syrian missiles."), source="SYR", target="TUR")


def test_simple_past_after_its_subject_stays_active(coder: Coder) -> None:
    one(code(coder, "Iran met with US officials on Monday."), source="IRN", target="USA")
    one(code(coder, "Israeli troops shot at Lebanese protesters on Friday."), source="ISR", target="LBN")
    one(code(coder, "Brazil called on Argentina to lower its tariffs."), source="BRA", target="ARG")


def test_purpose_of_a_meeting_is_its_topic(coder: Coder) -> None:
    events = code(coder, "Kenya's foreign minister met Ethiopian officials on Monday to discuss plans to fight "
                         "Somali militants.")
    # a meeting is listed in both directions; the purpose's "Somali" is its topic in neither
    assert [(e.source, e.target, e.cameo[:2]) for e in events] == [("KEN", "ETH", "04"), ("ETH", "KEN", "04")]


def test_held_talks_is_negotiation(coder: Coder) -> None:
    one(code(coder, "Chile held talks with Peru on the maritime border."), source="CHL", target="PER", cameo="046")


def test_verb_form_after_a_group_name_is_a_noun(coder: Coder) -> None:
    events = code(coder, "Jordan struck a Hezbollah target south of Damascus.")
    assert not [e for e in events if e.source not in {"JOR", None}]


def test_place_of_the_act_stands_in_for_a_missing_target(coder: Coder) -> None:
    one(code(coder, "Pakistan's prime minister attended a regional conference in Qatar on Monday."),
        source="PAK", target="QAT")


def test_actors_coordinated_with_the_agent_are_agents(coder: Coder) -> None:
    events = code(coder, "Kenya was attacked by Somalia and Ethiopia on Monday.")
    assert {(e.source, e.target) for e in events} == {("SOM", "KEN"), ("ETH", "KEN")}
    events = code(coder, "The plan had support from Moscow and Beijing.")
    assert not [e for e in events if (e.source, e.target) == ("RUS", "CHN")]


def test_act_done_for_a_purpose_is_aimed_at_its_addressee(coder: Coder) -> None:
    events = code(coder, "Kenyan farmers blocked highways on Monday to press their demands on the Kenyan government.")
    assert events[0].cameo.startswith("19")
    assert (events[0].source, events[0].target, events[0].target_sector) == ("KEN", "KEN", "GOV")


def test_content_of_an_allegation_is_not_asserted(coder: Coder) -> None:
    events = code(coder, "Ghana dismissed allegations by Togo that its army had attacked border villages, "
                         "as Lome said it would expel Ghanaian diplomats.")
    assert not [e for e in events if e.cameo[:2] in {"18", "19", "20"}]
    assert [e for e in events if e.source == "TGO"]  # the next clause is coded again


def test_possessive_before_a_sector_word_names_that_countrys_institution(coder: Coder) -> None:
    one(code(coder, "Pakistan said its army killed ten Afghan militants near the border."),
        source="PAK", source_sector="MIL", target="AFG")
    events = code(coder, "Russia and China said their troops attacked Georgia.")
    assert {(e.source, e.source_sector) for e in events if e.target == "GEO"} == {("RUS", "MIL"), ("CHN", "MIL")}


def test_coordinated_verbs_share_the_first_subject(coder: Coder) -> None:
    events = code(coder, "China praised Pakistan and criticized India.")
    one(events, source="CHN", target="PAK", cameo="051")
    one(events, source="CHN", target="IND")
    assert not [e for e in events if e.source == "PAK"]


def test_relative_clause_subject_is_its_antecedent(coder: Coder) -> None:
    events = code(coder, "Turkey struck targets of the militant group that has seized towns in Syria.")
    assert not [e for e in events if e.source == "TUR" and e.target == "SYR"]
    one(code(coder, "The UN praised Ethiopia, which has hosted refugees from Sudan."), source="ETH", target="SDN")


def test_offence_charged_is_not_an_event(coder: Coder) -> None:
    events = code(coder, "A Kenyan court jailed a Ugandan trader for two years for helping Somali rebels.")
    assert [(e.source, e.target, e.cameo[:2]) for e in events] == [("KEN", "UGA", "17")]


def test_group_names_need_their_capitals(coder: Coder) -> None:
    events = code(coder, "Police in Mali arrested men who had joined an armed Islamic group.")
    assert [e.cameo[:2] for e in events] == ["17"]
    assert one(code(coder, "The Armed Islamic Group attacked a village in Morocco."), target="MAR").source == "DZA"


def test_trailing_speaker_is_not_the_object(coder: Coder) -> None:
    events = code(coder, "Rebels shelled the northern town overnight, Malian army officials said on Friday.")
    assert not [e for e in events if e.target == "MLI"]


def test_possessor_and_modified_institution_merge(coder: Coder) -> None:
    one(code(coder, "Rwanda's information minister criticized France."), source="RWA", source_sector="GOV")
    one(code(coder, "Kenya's top court criticized Uganda."), source="KEN", source_sector="JUD")


def test_reported_obligation_is_a_demand(coder: Coder) -> None:
    events = code(coder, "Germany said on Monday that Serbia must hand over the suspects.")
    assert events[0].cameo == "100"
    assert (events[0].source, events[0].target) == ("DEU", "SRB")
    # a deed that is only owed is not done
    assert not [e for e in code(coder, "Pakistan must repay the loan to China.") if e.status == "realized"]


def test_bare_it_may_be_an_organisation(coder: Coder) -> None:
    one(code(coder, "GENEVA: The IMF said it would lend $3 billion to Egypt."), source="IMF", target="EGY")


def test_patient_named_by_a_sector_word_is_unknown(coder: Coder) -> None:
    events = code(coder, "KABUL: NATO said it will help families of civilians killed by Taliban fighters.")
    assert not [e for e in events if e.cameo[:2] == "19" and e.target is not None]


def test_who_faces_the_event_is_its_target(coder: Coder) -> None:
    ev = one(code(coder, "Turkey faces mounting pressure from the European Union."), target="TUR")
    assert ev.source == "EUR" and ev.cameo.startswith("10")


def test_participle_with_a_later_agent_is_passive(coder: Coder) -> None:
    events = code(coder, "Qatar accepted an agreement forced on it by Saudi Arabia.")
    assert not [e for e in events if e.source == "QAT" and e.cameo[:2] == "17"]


def test_short_form_of_a_full_name_and_its_title(coder: Coder) -> None:
    # the dictionary knows "Omar Hassan Ahmad Al Bashir"; news write "Omar al-Bashir"
    one(code(coder, "Omar al-Bashir criticized Egypt on Monday.", date="2010-05-01"), source="SDN", target="EGY")
    # a full name outside its dated entries is still that country's (an elite, not in office)
    ev = one(code(coder, "Barack Obama praised Kenya.", date="2005-01-01"), target="KEN")
    assert (ev.source, ev.source_sector) == ("USA", "ELI")


def test_curfew_and_measure_phrases(coder: Coder) -> None:
    ev = one(code(coder, "Sudan's government shortened by one hour the nightly curfew in Khartoum."), source="SDN")
    assert ev.cameo == "0813"
    one(code(coder, "Thailand's army imposed a curfew on Bangkok."), source="THA", cameo="1723")


def test_considered_act_is_a_policy_option(coder: Coder) -> None:
    ev = one(code(coder, "Norway is considering sending aid to Sudanese refugees in Chad."), source="NOR")
    assert (ev.cameo, ev.status) == ("014", "hypothetical")


def test_conditional_hypothetical_sanction_is_a_threat(coder: Coder) -> None:
    ev = one(code(coder, "The United States could impose sanctions on Iran if talks fail."), source="USA", target="IRN")
    assert ev.cameo.startswith("13") and ev.status == "hypothetical"


def test_capturing_a_town_and_holding_hostages(coder: Coder) -> None:
    one(code(coder, "Ethiopian troops captured a rebel stronghold in Somalia."), source="ETH", cameo="192")
    one(code(coder, "Colombian rebels held three Ecuadorian engineers hostage."), source="COL", cameo="181")


def test_who_is_responsible_for_an_event_noun_is_its_source(coder: Coder) -> None:
    one(code(coder, "Sudan's army was responsible for the attack on the Chadian border town."),
        source="SDN", target="TCD")


def test_plural_event_nouns_report_like_their_verb(coder: Coder) -> None:
    one(code(coder, "Pakistan condemned the killings of its soldiers by Indian troops."),
        source="IND", target="PAK", cameo="190")


def test_passive_with_the_object_as_subject(coder: Coder) -> None:
    ev = one(code(coder, "Sanctions on Venezuela were imposed by Canada on Monday."), source="CAN", target="VEN")
    assert ev.cameo.startswith("16")
    # no actor in the subject's phrases and no agent: nothing is guessed
    assert not code(coder, "British wheat was sold at the tender.")


def test_event_nouns_and_the_verb_that_performs_them(coder: Coder) -> None:
    one(code(coder, "Australia announced new sanctions against Myanmar."), source="AUS", target="MMR", cameo="163")
    one(code(coder, "Israeli airstrikes on Gaza killed ten people."), source="ISR", cameo="195")
    # a verb that acts on the event is not its doer
    assert not [e for e in code(coder, "Kenyan police prevented a demonstration by Ugandan traders.")
                if e.source == "KEN" and e.cameo.startswith("14")]


def test_negative_control_verb_reaches_past_a_date(coder: Coder) -> None:
    ev = one(code(coder, "Japan refused on Monday to provide aid to Myanmar."), source="JPN", target="MMR")
    assert ev.status == "negated"


def test_force_by_protesters_is_a_riot(coder: Coder) -> None:
    one(code(coder, "Kenyan protesters clashed with police in Nairobi."), source="KEN", cameo="145")
    one(code(coder, "The Chinese embassy was attacked by Vietnamese protesters."), source="VNM", cameo="145")
    # weapons keep their code
    assert not [e for e in code(coder, "Georgian demonstrators launched missiles at the Georgian government.")
                if e.cameo == "145"]


def test_noun_compounds_and_plural_agreements(coder: Coder) -> None:
    one(code(coder, "Turkish air strikes hit Kurdish militants in Iraq."), source="TUR", cameo="195")
    one(code(coder, "Vietnam and Laos signed agreements on border trade."), source="VNM", target="LAO", cameo="057")


def test_tear_gas_is_not_the_resources_channel(coder: Coder) -> None:
    ev = one(code(coder, "Kenyan police fired tear gas at Ugandan traders."), source="KEN")
    assert ev.channel == "security"


def test_retaking_a_city(coder: Coder) -> None:
    one(code(coder, "Syrian troops retook the town of Palmyra from Jordanian militants."), source="SYR", cameo="192")


def test_one_country_two_sectors_and_it_keeps_the_institution(coder: Coder) -> None:
    events = code(coder, "Colombia's government and FARC rebels signed a peace agreement in Havana.")
    assert {(e.source_sector, e.target_sector) for e in events if e.cameo == "057"} == {("GOV", "REB"), ("REB", "GOV")}
    one(code(coder, "Nigeria's army said it killed 30 Boko Haram fighters."), source="NGA", source_sector="MIL")
    one(code(coder, "The U.S. Treasury froze the assets of two Russian banks."), target="RUS", cameo="163")


def test_rockets_and_shells_are_artillery(coder: Coder) -> None:
    one(code(coder, "Syrian rebels fired rockets into southern Turkey."), source="SYR", target="TUR", cameo="194")


def test_arrests_and_dispersing_protesters(coder: Coder) -> None:
    one(code(coder, "The Sri Lankan navy arrested 12 Indian fishermen."), source="LKA", target="IND", cameo="173")
    one(code(coder, "Kenyan police dispersed Somali protesters in Nairobi."), source="KEN", cameo="175")


def test_appeal_for_aid_and_confiscation(coder: Coder) -> None:
    ev = one(code(coder, "Malawi's president appealed for international aid to fight the floods."), source="MWI")
    assert ev.cameo.startswith("023")
    one(code(coder, "The Indian navy seized a Pakistani fishing vessel."), source="IND", target="PAK", cameo="1711")


def test_infinitive_after_an_intention_noun_is_its_owners_act(coder: Coder) -> None:
    events = code(coder, "Brazil's foreign minister criticised the U.S. decision to impose tariffs on Brazilian steel.")
    one(events, source="USA", target="BRA", cameo="163")
    assert not [e for e in events if e.source == "BRA" and e.cameo == "163"]


def test_congo_follows_the_date(coder: Coder) -> None:
    # the Republic of the Congo in 1987; the DR Congo in today's news (data/actors/dated_names.tsv)
    then = coder.code_sentence("Congolese troops attacked rebels in Angola.", date="1987-03-01")
    now = coder.code_sentence("Congolese troops attacked rebels in Angola.", date="2024-02-01")
    assert [(e.source, e.source_sector) for e in then][:1] == [("COG", "MIL")]
    assert [(e.source, e.source_sector) for e in now][:1] == [("COD", "MIL")]


@lru_cache(maxsize=1)
def _shared_coder() -> Coder:
    # one coder for the hypothesis tests (a function-scoped fixture would be rebuilt per example)
    return Coder()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Pakistan", "India", "Japan", "Iran", "IMF", "army"]), max_size=4),
                max_size=8))
def test_main_dyad_is_the_two_most_named_countries(sentences: list[list[str]]) -> None:
    # Counter.most_common's reading: the two largest counts, ties to the country named first
    coder = _shared_coder()
    entries = {name: coder.actors.resolve_actor(name) for name in ["Pakistan", "India", "Japan", "Iran", "IMF", "army"]}
    matched = [{k: (k + 1, entries[name]) for k, name in enumerate(names)} for names in sentences]
    counts = Counter(
        e.code for m in matched for _end, e in m.values() if e is not None and coder.actors.is_country(e.code)
    )
    top = [c for c, n in counts.most_common(2) if n >= 2]
    assert coder._main_dyad(matched) == (tuple(top) if len(top) == 2 else ())  # type: ignore[arg-type]


NOUN_WORDS = [
    "the", "a", "its", "of", "15", "pct", "trade", "imports", "aid", "attacks", "talks", "support", "sanctions",
    "Pakistan", "India", "Japan", "criticised", "welcomed", "signed", "with", "from", "to", "and", "said", ".",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NOUN_WORDS), min_size=2, max_size=14))
def test_marked_nouns_passed_over_lose_no_event(words: list[str]) -> None:
    # the shortcut only makes first the check that drops a noun naming no event once its trigger is found;
    # without it the trigger is searched and then dropped
    coder = _shared_coder()
    text = " ".join(words)
    fast = coder.code_sentence(text, date="2026-01-01")
    coder._names_no_event = lambda tokens, i, low: False  # type: ignore[method-assign]
    try:
        slow = coder.code_sentence(text, date="2026-01-01")
    finally:
        del coder._names_no_event
    assert fast == slow


def test_an_agreement_reached_with_a_state_is_a_signed_deal(coder: Coder) -> None:
    # the labelling conventions list only meetings, calls, contacts and negotiations both ways (and a
    # joint subject): "Chile reached an agreement with Peru" is Chile's act toward Peru
    events = code(coder, "Chile reached a trade agreement with Peru on Monday.")
    assert one(events, source="CHL", target="PER").cameo == "057"
    assert not [e for e in events if e.source == "PER" and e.target == "CHL"]
    joint = code(coder, "Chile and Peru signed a border treaty on Monday.")
    assert {(e.source, e.target) for e in joint if e.cameo == "057"} == {("CHL", "PER"), ("PER", "CHL")}


def test_an_agreement_to_act_is_not_a_signed_deal(coder: Coder) -> None:
    events = code(coder, "Chile agreed to send aid to Peru.")
    assert all(e.cameo != "057" for e in events)


def test_a_naming_is_one_way_and_no_call(coder: Coder) -> None:
    events = code(coder, 'Chile called the Peruvian vote "a farce".')
    assert all(not e.cameo.startswith("04") for e in events)
    assert ("PER", "CHL") not in {(e.source, e.target) for e in events}
