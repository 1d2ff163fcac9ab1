"""The shallow grammar the stages share: passives, agents, claims and offences."""

from __future__ import annotations

from typing import Any


def test_passive_needs_a_participle_after_an_auxiliary_or_an_agent(kit: Any) -> None:
    grammar = kit.coder.events.grammar
    state = kit.state("Canada was praised by Mexico.")
    assert grammar.passive(state.tokens, kit.index(state, "praised"), state.mentions)
    state = kit.state("Canada praised Mexico.")
    assert not grammar.passive(state.tokens, kit.index(state, "praised"), state.mentions)


def test_by_a_figure_is_no_agent(kit: Any) -> None:
    grammar = kit.coder.events.grammar
    state = kit.state("Exports were cut by 10 pct.")
    assert not grammar.agent_by(state.tokens, kit.index(state, "by"))
    state = kit.state("Exports were cut by Japan.")
    assert grammar.agent_by(state.tokens, kit.index(state, "by"))


def test_a_claim_noun_opens_what_it_alleges(kit: Any) -> None:
    grammar = kit.coder.events.grammar
    state = kit.state("Allegations that Rwanda armed the rebels were denied.")
    assert grammar.claim_clause(state.tokens, 0)


def test_the_offence_a_punishment_names(kit: Any) -> None:
    grammar = kit.coder.events.grammar
    state = kit.state("Iran jailed a student for two years for helping rebels.")
    at = grammar.offence(state.tokens, kit.index(state, "student"))
    assert state.tokens[at].text == "for" and state.tokens[at + 1].text == "helping"
