"""Stage 3, roles: who does what to whom for one trigger."""

from __future__ import annotations

from typing import Any

from bilateral.coding.mentions import Discourse


def roles_of(kit: Any, text: str, word: str) -> tuple[Any, Any, Any]:
    state = kit.state(text)
    trig = kit.trigger(state, word)
    return state, trig, kit.coder.roles.find(trig, state, None)


def names(pairs: list[Any]) -> list[tuple[str | None, str | None, str, str]]:
    return [(s.code, t.code, sr, tr) for s, t, sr, tr in pairs]


def test_subject_before_the_verb_and_object_after(kit: Any) -> None:
    state, trig, roles = roles_of(kit, "Chile praised Peru on Monday.", "praised")
    assert [m.code for m in roles.subjects] == ["CHL"] and roles.subject_rules == ["subject"]
    assert [m.code for m in roles.objects] == ["PER"]
    pairs = kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, state.discourse, state.mentions)
    assert names(pairs) == [("CHL", "PER", "subject", "object")]


def test_passive_agent_and_patient(kit: Any) -> None:
    state, trig, roles = roles_of(kit, "Canada was praised by Mexico.", "praised")
    assert roles.passive and trig.passive
    assert roles.agent is not None and roles.agent.code == "MEX" and roles.agent_rule == "passive-agent"
    pairs = kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, state.discourse, state.mentions)
    assert names(pairs) == [("MEX", "CAN", "passive-agent", "passive-subject")]


def test_noun_trigger_takes_the_actor_before_it(kit: Any) -> None:
    _state, _trig, roles = roles_of(kit, "Israeli shelling of Gaza continued.", "shelling")
    assert roles.agent is not None and roles.agent.code == "ISR" and roles.agent_rule == "modifier"


def test_conjoined_subjects_act_on_each_other(kit: Any) -> None:
    state, trig, roles = roles_of(kit, "India and Brazil signed an accord.", "signed")
    assert [m.code for m in roles.subjects] == ["BRA", "IND"]
    assert roles.subject_rules == ["subject", "conjunct"]
    pairs = kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, state.discourse, state.mentions)
    assert sorted(names(pairs)) == [("BRA", "IND", "subject", "co-subject"), ("IND", "BRA", "conjunct", "co-subject")]


def test_the_main_dyad_fills_a_missing_target(kit: Any) -> None:
    state, trig, roles = roles_of(kit, "Chile sent aid.", "sent")
    state.discourse = Discourse(main_dyad=("CHL", "PER"))
    pairs = kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, state.discourse, state.mentions)
    assert names(pairs) == [("CHL", "PER", "subject", "main-dyad")]
    alone = kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, Discourse(), state.mentions)
    assert names(alone) == [("CHL", None, "subject", "none")]


def test_many_subjects_make_no_dyads(kit: Any) -> None:
    state, trig, roles = roles_of(kit, "France and Italy and Spain and Greece and Malta repeated the call.",
                                  "repeated")
    assert len(roles.subjects) > 3
    assert kit.coder.roles.pairs_for(trig, roles, trig.index, trig.code, state.discourse, state.mentions) == []
    assert kit.coder.roles.no_pair_reason(trig, roles)[0] == "multilateral"


def test_subject_fallbacks_are_named(kit: Any) -> None:
    roles = kit.coder.roles
    for text, verb, code, rule in (
        ("The government of Liberia denied the report.", "denied", "LBR", "head-of-phrase"),
        ("Kenya, which has sent troops, praised Uganda.", "sent", "KEN", "relative-antecedent"),
        ("Pakistan's mineral venture has seen little investment from China.", "seen", "PAK", "possessive-owner"),
        ("Pakistan avoided the summit and backed Turkey.", "backed", "PAK", "subject"),
    ):
        state = kit.state(text)
        subject, found_by = roles.subject_and_rule(state.tokens, kit.index(state, verb), state.mentions)
        assert subject is not None and (subject.code, found_by) == (code, rule), text
