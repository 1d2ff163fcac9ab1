"""What the trace tells about roles: token spans of trigger and actors, and the rule that found each."""

from __future__ import annotations

import pytest

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.tokens import tokenize
from bilateral.model import Document, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(CoderConfig(explain=True))


def event(coder: Coder, text: str, **want: object) -> Event:
    events = coder.code_sentence(text, doc_id="t", date="2025-06-01")
    hits = [e for e in events if all(getattr(e, k) == v for k, v in want.items())]
    assert hits, f"no event with {want} in {[e.to_record() for e in events]}"
    assert hits[0].trace is not None
    return hits[0]


def words(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return " ".join(t.text for t in tokenize(text)[span[0]:span[1]])


def test_subject_and_object_spans() -> None:
    text = "France sent humanitarian aid to Poland on Monday."
    tr = event(Coder(CoderConfig(explain=True)), text, source="FRA", target="POL").trace
    assert tr is not None
    assert words(text, tr.source_tokens) == "France" and tr.source_rule == "subject"
    assert words(text, tr.target_tokens) == "Poland" and tr.target_rule == "object"
    assert words(text, tr.trigger_tokens).startswith("sent")


def test_passive_agent_and_patient(coder: Coder) -> None:
    text = "Canada was criticised by Germany on Friday."
    tr = event(coder, text, source="DEU", target="CAN").trace
    assert tr is not None
    assert (tr.source_rule, tr.target_rule) == ("passive-agent", "passive-subject")
    assert words(text, tr.source_tokens) == "Germany"
    assert words(text, tr.target_tokens) == "Canada"
    assert words(text, tr.trigger_tokens) == "criticised"


def test_coreference_is_named(coder: Coder) -> None:
    doc = Document(id="d", date="2025-06-01",
                   text="Egypt hosted talks on Monday. The country praised Jordan for its restraint.")
    _sents, events = coder.code_document(doc)
    praise = [e for e in events if e.cameo.startswith("05") and e.target == "JOR"]
    assert praise and praise[0].source == "EGY"
    assert praise[0].trace is not None and praise[0].trace.source_rule == "subject+coreference"


def test_main_dyad_fills_missing_target(coder: Coder) -> None:
    doc = Document(id="d", date="2025-06-01", text=(
        "Chile and Peru met in Lima. Chile and Peru disagree on fishing rights. "
        "Chile announced it would send aid."
    ))
    _sents, events = coder.code_document(doc)
    aid = [e for e in events if e.source == "CHL" and e.target == "PER" and e.doc_sentence == 2]
    assert aid, [e.to_record() for e in events]
    tr = aid[0].trace
    assert tr is not None and tr.target_rule == "main-dyad" and tr.target_tokens is None


def test_conjoined_subjects(coder: Coder) -> None:
    text = "India and Brazil signed a trade agreement on Tuesday."
    # the subject is the actor nearest the verb; the one coordinated with it is its conjunct
    tr = event(coder, text, source="IND", target="BRA").trace
    assert tr is not None
    assert tr.source_rule == "conjunct" and tr.target_rule == "co-subject"
    assert words(text, tr.source_tokens) == "India"
    assert words(text, tr.target_tokens) == "Brazil"


def test_no_trace_without_explain() -> None:
    events = Coder().code_sentence("France sent humanitarian aid to Poland on Monday.", date="2025-06-01")
    assert events and all(e.trace is None for e in events)
