"""Stage 2, candidates: which words trigger an event, and why the others do not."""

from __future__ import annotations

from typing import Any


def reasons(kit: Any, text: str, word: str) -> list[tuple[str, str, str]]:
    state = kit.state(text)
    assert kit.coder.candidates.propose(state, kit.index(state, word)) is None
    assert state.rejections is not None
    return [(r.stage, r.reason, r.words) for r in state.rejections]


def test_a_verb_with_its_object_is_a_trigger(kit: Any) -> None:
    trig = kit.trigger(kit.state("Norway gave budget support to Malawi."), "gave")
    assert trig.code.startswith("07") and not trig.noun
    assert trig.deed is not None and trig.end > trig.index + 1


def test_control_verb_gives_way_to_the_verb_it_governs(kit: Any) -> None:
    got = reasons(kit, "Chile agreed to cooperate with Peru.", "agreed")
    assert got == [("candidates", "control-verb", "agreed to cooperate with")]
    kit.trigger(kit.state("Chile agreed to cooperate with Peru."), "cooperate")


def test_a_noun_that_names_no_event(kit: Any) -> None:
    assert reasons(kit, "Italy criticised the plan.", "plan") == [("candidates", "noun-names-no-event", "plan")]


def test_a_word_with_no_rule(kit: Any) -> None:
    assert reasons(kit, "Germany shipped fifty tanks to Poland.", "shipped") == [("candidates", "no-rule", "shipped")]


def test_a_consideration_verb_is_a_status_cue(kit: Any) -> None:
    got = reasons(kit, "Iran may consider sending troops to Syria.", "consider")
    assert [g[:2] for g in got] == [("candidates", "status-cue")]


def test_noun_trigger_is_marked_as_a_noun(kit: Any) -> None:
    assert kit.trigger(kit.state("Israeli shelling of Gaza continued."), "shelling").noun


def test_a_capitalised_trigger_word_is_a_name(kit: Any) -> None:
    state = kit.state("The Support Group praised Ghana.")
    kit.coder.candidates.capitalised(state)
    assert [(r.reason, r.words) for r in state.rejections] == [("capitalised", "Support")]


def test_nothing_is_recorded_unless_asked(kit: Any) -> None:
    quiet = kit.state("Chile agreed to cooperate with Peru.", keep_rejections=False)
    assert kit.coder.candidates.propose(quiet, kit.index(quiet, "agreed")) is None
    assert quiet.rejections is None


def test_a_naming_verb_with_a_complement_is_no_call(kit: Any) -> None:
    # a quotation or a second noun phrase after the object: the verb names, it does not phone
    quoted = kit.trigger(kit.state('Chile called the vote in Peru "a farce".'), "called")
    assert quoted.code == kit.coder.lexicon.naming_code
    second = kit.trigger(kit.state("Chile called the Peruvian government a partner in the region."), "called")
    assert second.code == kit.coder.lexicon.naming_code
    what = kit.trigger(kit.state("Chile condemned what it called Peru's refusal to talk."), "called")
    assert what.code == kit.coder.lexicon.naming_what_code


def test_a_call_to_an_actor_stays_a_call(kit: Any) -> None:
    plain = kit.trigger(kit.state("The Chilean president called the Peruvian president yesterday."), "called")
    assert plain.code.startswith("04")
    joined = kit.trigger(kit.state("The Chilean president called the Peruvian president and told him of the plan."),
                         "called")
    assert joined.code.startswith("04")


def test_a_meeting_named_as_a_setting_is_no_encounter(kit: Any) -> None:
    got = reasons(kit, "Speaking at a Lima meeting on Monday, Chile criticised Peru.", "meeting")
    assert got == [("candidates", "meeting-as-setting", "meeting")]
    kit.trigger(kit.state("Chile said at a meeting with Peru on Monday that talks would resume."), "meeting")


def test_joining_an_actor_in_an_act_makes_a_fellow(kit: Any) -> None:
    got = reasons(kit, "Chile joined Peru in offering the dissident asylum.", "joined")
    assert got == [("candidates", "joins-fellow", "joined")]
    kit.trigger(kit.state("Chile joined Peru for talks on Monday."), "joined")
