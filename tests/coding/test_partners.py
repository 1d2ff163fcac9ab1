"""Doers and partners of meeting nouns, possessive doers, hyphen-joined pairs and the two
directions of a meeting (coding/partners.py, roles stage)."""

from __future__ import annotations

from typing import Any


def dyads(kit: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source, e.target, e.cameo[:2]) for e in kit.coder.code_sentence(text, doc_id="t", date="2025-06-01")}


def test_meeting_noun_partner_after_with_meets_the_clause_subject(kit: Any) -> None:
    got = dyads(kit, "Chilean officials said no progress had been made in talks with Peru.")
    assert ("CHL", "PER", "04") in got and ("PER", "CHL", "04") in got


def test_meeting_noun_partner_after_the_head_noun_and_of(kit: Any) -> None:
    got = dyads(kit, "Egypt held a series of phone calls with the leaders of Libya and Sudan.")
    assert ("EGY", "LBY", "04") in got and ("LBY", "EGY", "04") in got


def test_meeting_with_a_company_names_no_partner(kit: Any) -> None:
    text = "Chilean officials said no progress had been made in talks with the company."
    assert not any(e.cameo.startswith("04") for e in kit.coder.code_sentence(text, doc_id="t", date=kit.date))
    ex = kit.coder.explain_sentence(text, kit.date)
    assert any(r.stage == "roles" and r.reason == "no-agent" and "talks" in r.words for r in ex.rejections)


def test_possessive_owner_does_the_noun(kit: Any) -> None:
    got = dyads(kit, "Kenya's visit to Uganda was a success.")
    assert ("KEN", "UGA", "04") in got


def test_hyphen_joined_pair_after_an_abbreviation(kit: Any) -> None:
    state = kit.state("U.S.-Japanese talks resumed on Monday.")
    first = next(m for m in state.mentions if m.code == "USA")
    assert [p.code for p in first.partners] == ["JPN"]
    got = dyads(kit, "U.S.-Japanese talks resumed on Monday.")
    assert ("USA", "JPN", "04") in got and ("JPN", "USA", "04") in got


def test_spaced_dash_joins_no_pair(kit: Any) -> None:
    state = kit.state("He flew out of Iran - Iraq was angry.")
    assert all(not m.partners for m in state.mentions)


def test_talks_between_two_actors_go_both_ways(kit: Any) -> None:
    got = dyads(kit, "The talks between Chile and Peru were the first in a decade.")
    assert ("CHL", "PER", "04") in got and ("PER", "CHL", "04") in got


def test_a_meeting_place_is_not_a_partner_in_both_directions(kit: Any) -> None:
    got = dyads(kit, "Officials from Chile are expected to meet in Austria this week.")
    assert ("AUT", "CHL", "04") not in got and ("AUT", "CHL", "03") not in got


def test_a_meeting_of_two_actors_goes_both_ways(kit: Any) -> None:
    got = dyads(kit, "The strike coincided with a meeting of Chilean and Peruvian officials in the capital.")
    assert ("CHL", "PER", "04") in got and ("PER", "CHL", "04") in got


def test_each_coordinated_partner_is_met(kit: Any) -> None:
    got = dyads(kit, "Chilean officials said Kenya's talks with Israeli Prime Minister Benjamin Netanyahu and "
                     "Palestinian President Mahmoud Abbas would be substantive.")
    assert {("KEN", "ISR", "04"), ("KEN", "PSE", "04"), ("ISR", "KEN", "04"), ("PSE", "KEN", "04")} <= got


def test_leaders_of_two_partners_do_not_meet_each_other(kit: Any) -> None:
    got = dyads(kit, "Egypt held a series of phone calls with the leaders of Libya and Sudan.")
    assert ("EGY", "LBY", "04") in got and ("EGY", "SDN", "04") in got
    assert not {("LBY", "SDN", "04"), ("SDN", "LBY", "04")} & got


def test_a_refusal_to_meet_is_negated(kit: Any) -> None:
    events = kit.coder.code_sentence("Chile's refusal to meet Peru angered its allies.", doc_id="t", date=kit.date)
    assert all(e.status != "realized" for e in events if e.cameo.startswith("04"))


def test_a_day_between_the_meeting_noun_and_with(kit: Any) -> None:
    got = dyads(kit, "Chile's foreign minister, in a phone call Saturday with Peruvian officials, said the border "
                     "was calm.")
    assert ("CHL", "PER", "04") in got and ("PER", "CHL", "04") in got


def test_a_verb_between_the_meeting_noun_and_with_breaks_it(kit: Any) -> None:
    assert meeting_doer(kit, "Chilean officials said the summit ended with Peru angry.", "summit") is None


def meeting_doer(kit: Any, text: str, word: str) -> Any:
    from bilateral.coding.partners import meeting_partner_doer

    state = kit.state(text)
    return meeting_partner_doer(state.tokens, kit.index(state, word), state.mentions, kit.coder.lexicon,
                                kit.coder.roles.subject)
