"""The learned filter: its model file, its linear heads, its candidates and what it does to events."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.learned.candidates import sentence_candidates
from bilateral.coding.learned.model import FilterModel, LinearHead
from bilateral.coding.learned.train import data_hash, training_paths
from bilateral.coding.mentions import find_mentions
from bilateral.coding.tokens import tokenize
from bilateral.model import Document


@pytest.fixture(scope="module")
def model() -> FilterModel:
    return FilterModel.load()


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(CoderConfig(learned_filter=True))


def test_model_was_trained_on_the_current_training_data(model: FilterModel) -> None:
    # fails when eval/realnews/train.jsonl (or a shared labelled set it learns from) changes and
    # `make train` was not run again
    paths = training_paths()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"training data not found: {', '.join(missing)}")
    assert model.meta["training_sha256"] == data_hash(paths), (
        "the training data changed since the packaged filter was trained: run `make train`"
    )


def test_model_records_its_cross_validated_curve_and_threshold(model: FilterModel) -> None:
    curve = model.meta["cross_validation"]["curve"]
    assert [c["threshold"] for c in curve] == sorted(c["threshold"] for c in curve)
    assert 0.0 < model.threshold < 1.0
    assert set(model.quad) == {"1", "2", "3", "4"}


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.floats(-3, 3), max_size=4),
       st.lists(st.floats(-2, 2), min_size=3, max_size=3))
def test_a_multiclass_head_gives_probabilities_that_sum_to_one(features: dict[str, float], bias: list[float]) -> None:
    head = LinearHead(("x", "y", "z"), {"a": (1.0, -1.0, 0.5), "b": (0.0, 2.0, -2.0)}, tuple(bias))
    probs = head.probabilities(features)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-9)
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_a_binary_head_is_a_sigmoid_and_best_keeps_to_the_allowed_classes() -> None:
    head = LinearHead(("0", "1"), {"w": (2.0,)}, (-1.0,))
    assert math.isclose(head.probabilities({"w": 0.5})["1"], 0.5)
    assert head.probabilities({"w": 3.0})["1"] > 0.99
    multi = LinearHead(("p", "q", "r"), {}, (3.0, 1.0, 0.0))
    assert multi.best({})[0] == "p"
    assert multi.best({}, frozenset({"q", "r"}))[0] == "q"


def test_every_pair_of_named_states_is_a_candidate(coder: Coder) -> None:
    text = "Germany shipped 50 Leopard tanks to Poland last week."
    tokens = tokenize(text)
    mentions = find_mentions(tokens, text, coder.actors, coder.lexicon, "2024-05-01", None)
    pairs = {c.pair for c in sentence_candidates(mentions, [], coder.actors)}
    assert pairs == {("DEU", "POL"), ("POL", "DEU")}


def test_events_between_two_states_carry_the_filters_confidence(coder: Coder) -> None:
    doc = Document(id="d", text="China criticised Japan over the dispute. Russia and China signed an energy deal.",
                   date="2024-05-01")
    _, events = coder.code_document(doc)
    dyadic = [e for e in events if e.source and e.target]
    assert dyadic
    for ev in dyadic:
        assert ev.confidence is not None and 0.0 <= ev.confidence <= 1.0


def test_the_filter_can_be_switched_off(coder: Coder) -> None:
    plain = Coder(CoderConfig(learned_filter=False))
    doc = Document(id="d", text="China criticised Japan over the dispute.", date="2024-05-01")
    assert all(e.confidence is None for e in plain.code_document(doc)[1])
