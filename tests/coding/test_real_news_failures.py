"""The kinds of error the coder made on real news, each on sentences written by us.

Each test names one kind of failure found by reading coded wire copy: statistics read as deeds,
companies read as their state, common words read as triggers, roles reversed, polarity lost,
plain deeds missed, and force posture read as cooperation. A kind the coder still gets wrong is
marked ``xfail(strict=True)``: the mark says what is wrong, and the test fails the day it is fixed,
so the mark is then removed.
"""

from __future__ import annotations

import pytest

from bilateral.coding import Coder, CoderConfig
from bilateral.model import Document, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    # the rules and the learned filter that judges their events between states
    return Coder(CoderConfig(learned_filter=True))


def dyads(coder: Coder, text: str, date: str = "2019-06-03") -> list[Event]:
    _, events = coder.code_document(Document(id="t", text=text, date=date))
    return [e for e in events if e.source and e.target and e.source != e.target]


def test_a_trade_statistic_is_not_an_act(coder: Coder) -> None:
    text = "Last year, Brazilian exports to the European Union reached 42.1 billion dollars."
    assert dyads(coder, text) == []


def test_a_company_named_after_its_country_is_not_the_state(coder: Coder) -> None:
    text = "Telstra Australia Ltd said it would bid 120 mln dollars for a stake in a Fiji phone company."
    assert [e for e in dyads(coder, text) if e.source == "AUS"] == []


def test_a_market_named_by_its_country_is_not_the_state(coder: Coder) -> None:
    text = "Korean exporters expect shipments to Canada to rise this quarter."
    assert dyads(coder, text) == []


def test_a_common_verb_is_no_use_of_force(coder: Coder) -> None:
    text = "French carmakers, struggling with weak demand, are turning to Chinese suppliers for batteries."
    assert [e for e in dyads(coder, text) if e.quad_class == 4] == []


def test_a_drawing_that_is_due_is_not_made(coder: Coder) -> None:
    text = "Argentina is due to make the second drawing under its IMF loan next month."
    assert [e for e in dyads(coder, text) if e.status == "realized" and e.quad_class == 2] == []


def test_an_unnamed_attacker_gives_no_source(coder: Coder) -> None:
    text = "Unidentified gunboats attacked two Saudi tankers near the strait."
    assert dyads(coder, text) == []


def test_a_refusal_is_not_cooperation(coder: Coder) -> None:
    text = "Ottawa's refusal to join the boycott of Moscow angered its allies."
    assert [e for e in dyads(coder, text) if e.quad_class in (1, 2) and e.status == "realized"
            and e.source == "CAN"] == []


@pytest.mark.xfail(strict=True, reason="the rules read it as 162; the filter drops that (0.03) for verbal conflict")
def test_suspended_support_is_a_reduction(coder: Coder) -> None:
    text = "Sweden has suspended budget support to Zambia."
    found = dyads(coder, text)
    assert any(e.source == "SWE" and e.target == "ZMB" and e.cameo.startswith("16") for e in found)


def test_a_cancelled_loan_is_never_a_loan_given(coder: Coder) -> None:
    text = "Korea cancelled a planned loan to Laos."
    assert [e for e in dyads(coder, text) if e.quad_class == 2 and e.status == "realized"] == []


def test_shipped_arms_are_a_deed(coder: Coder) -> None:
    text = "Italy shipped 30 armoured vehicles to Tunisia last week."
    found = dyads(coder, text)
    assert any(e.source == "ITA" and e.target == "TUN" and e.quad_class == 2 for e in found)


def test_handed_over_jets_are_a_deed(coder: Coder) -> None:
    text = "Spain handed over four fighter jets to Morocco on Monday."
    found = dyads(coder, text)
    assert any(e.source == "ESP" and e.target == "MAR" and e.quad_class == 2 for e in found)


def test_sending_warships_toward_an_adversary_is_not_cooperation(coder: Coder) -> None:
    text = "China sent two warships toward Vietnam after the clash."
    assert [e for e in dyads(coder, text) if e.source == "CHN" and e.quad_class in (1, 2)] == []
