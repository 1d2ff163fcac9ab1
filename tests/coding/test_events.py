"""Stage 6, events: building, de-duplicating and choosing a sentence's events, and the record of
what was dropped (``Coder.explain_sentence``)."""

from __future__ import annotations

from typing import Any

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.state import STAGES, SentenceState
from bilateral.model import Event


def explained(kit: Any, text: str, coder: Coder | None = None) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    ex = (coder or kit.coder).explain_sentence(text, kit.date)
    kept = [(e.source, e.target, e.cameo, e.status) for e in ex.events]
    dropped = [(r.stage, r.reason, r.event.cameo if r.event is not None else None) for r in ex.rejections]
    return kept, dropped


def test_reported_attack_is_an_accusation_and_the_attack_is_kept_aside(kit: Any) -> None:
    kept, dropped = explained(kit, "Israel said a mortar bomb was fired at it from Gaza.")
    assert kept == [("ISR", "PSE", "1123", "realized")]
    assert ("events", "one-actor", "183") in dropped  # the attack itself names no target
    assert ("events", "mere-statement", "010") in dropped  # the saying adds nothing to the accusation


def test_a_stalled_deed_is_denied_both_ways(kit: Any) -> None:
    kept, dropped = explained(kit, "Defense cooperation between India and Pakistan has remained limited.")
    assert sorted(kept) == [("IND", "PAK", "062", "negated"), ("PAK", "IND", "062", "negated")]
    assert ("candidates", "inside-stalled-deed", None) in dropped


def test_a_lone_statement_is_kept_unless_configured_off(kit: Any) -> None:
    text = "Chile told Peru on Monday that the weather was pleasant."
    kept, _dropped = explained(kit, text)
    assert [k[2] for k in kept] == ["010"]
    quiet = Coder(CoderConfig(statements=False))
    kept, dropped = explained(kit, text, quiet)
    assert kept == [] and ("events", "mere-statement", "010") in dropped


def test_a_sentence_without_an_actor_is_dropped_at_the_mentions(kit: Any) -> None:
    assert explained(kit, "The weather was fine on Monday.") == ([], [("mentions", "no-actor", None)])


def test_every_rejection_names_a_known_stage_and_a_rule(kit: Any) -> None:
    text = ("Japan urged China to halt the attacks, and Germany and France signed a trade agreement, "
            "officials said, while the seven nations of Europe, Asia, Africa and America repeated their support.")
    ex = kit.coder.explain_sentence(text, kit.date)
    assert ex.rejections
    for r in ex.rejections:
        assert r.stage in STAGES and r.reason and r.detail and r.score is None  # no filter, no score


def test_explaining_keeps_the_events_of_the_normal_path(kit: Any) -> None:
    for text in ("Norway did not give aid to Malawi.", "Israel said a mortar bomb was fired at it from Gaza.",
                 "Turkey and Greece met to discuss the dispute."):
        plain = Coder().code_sentence(text, date=kit.date)
        assert [e.to_record() for e in kit.coder.explain_sentence(text, kit.date).events] == [
            e.to_record() for e in plain
        ]


class ForceThreshold:
    """A filter of our own, standing for a learned one: drops force (QuadClass 4) below a score."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def __call__(self, state: SentenceState, events: list[Event]) -> list[Event]:
        kept = []
        for ev in events:
            score = 0.3 if ev.quad_class == 4 else 0.9
            if score < self.threshold:
                state.reject_event("filter", "below-threshold", f"score {score} < {self.threshold}", ev, score)
            else:
                kept.append(ev)
        return kept


def test_a_later_filter_drops_events_with_its_score(kit: Any) -> None:
    text = "Russia attacked Ukraine while France praised Poland."
    filtered = Coder(filters=[ForceThreshold(0.5)])
    assert [(e.source, e.cameo[:2]) for e in filtered.code_sentence(text, date=kit.date)] == [("FRA", "05")]
    ex = filtered.explain_sentence(text, kit.date)
    dropped = [r for r in ex.rejections if r.stage == "filter"]
    assert [(r.reason, r.score, r.event.source if r.event else None) for r in dropped] == [
        ("below-threshold", 0.3, "RUS")
    ]
    assert dropped[0].event is not None and dropped[0].event.trace is not None  # the filter sees the trace
