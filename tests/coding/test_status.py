"""Stage 4, status: realized, intended, hypothetical or negated, and the code it gives."""

from __future__ import annotations

from typing import Any


def status_of(kit: Any, text: str, word: str) -> tuple[str, str, str]:
    state = kit.state(text)
    trig = kit.trigger(state, word)
    reader = kit.coder.status
    start = trig.deed_start if trig.deed is not None else trig.index
    status, cue = reader.read(state.tokens, state.word_index.lows, trig, start)
    return status, cue, reader.final_code(state.tokens, trig, trig.code, status, cue)


def test_a_plain_past_act_is_realized(kit: Any) -> None:
    assert status_of(kit, "Japan gave a loan to Kenya.", "gave")[:2] == ("realized", "")


def test_negation_reaches_its_verb(kit: Any) -> None:
    status, cue, _code = status_of(kit, "Norway did not give aid to Malawi.", "give")
    assert status == "negated" and "not" in cue


def test_a_promise_takes_the_intent_code(kit: Any) -> None:
    status, _cue, code = status_of(kit, "Britain will send aid to Kenya.", "send")
    assert status == "intended"
    assert code.startswith("03")  # the intent code of a promised deed


def test_a_modal_makes_it_hypothetical(kit: Any) -> None:
    status, cue, _code = status_of(kit, "Russia could attack Ukraine.", "attack")
    assert status == "hypothetical" and cue == "could"
