"""The dyad gap over a real DuckDB file filled with hand-built events."""

from __future__ import annotations

import json
from collections.abc import Callable

from bilateral.analysis import dyad_gap
from bilateral.model import Event
from bilateral.store import Store


def _fill(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0, date="2024-01-05"),  # USA→PAK praise, realized quad 1
        make_event(doc_sentence=1, cameo="040", plover="CONSULT", goldstein=1.0, date="2024-02-01"),
        make_event(doc_sentence=2, cameo="061", quad_class=2, goldstein=6.4, status="negated", channel="trade",
                   sentence="Pakistan has not received trade concessions.", span=[13, 21]),
        make_event(doc_sentence=2, cameo="071", quad_class=2, goldstein=7.4, status="negated", channel="finance",
                   sentence="Pakistan has not received trade concessions.", span=[22, 30]),
        make_event(doc_sentence=3, cameo="061", quad_class=2, goldstein=6.4, status="hypothetical",
                   channel="investment", date="2024-08-01"),
        make_event(doc_sentence=4, source="PAK", target="USA", cameo="057", quad_class=1, goldstein=8.0,
                   status="intended", channel="resources"),
        make_event(doc_sentence=5, source="PAK", target="USA", cameo="043", quad_class=1, goldstein=2.8),
        make_event(doc_sentence=6, source="USA", target="IND", cameo="061", quad_class=2, channel="trade"),
    ])


def test_gap_tallies_both_directions(store: Store, make_event: Callable[..., Event]) -> None:
    _fill(store, make_event)
    gap = dyad_gap(store, "pak", "usa")
    assert (gap.a, gap.b) == ("PAK", "USA")
    us, pk = gap.backward, gap.forward
    assert (us.source, us.target) == ("USA", "PAK")
    assert us.realized_by_quad == {1: 2, 2: 0, 3: 0, 4: 0}
    assert us.by_status == {"realized": 2, "intended": 0, "hypothetical": 1, "negated": 2}
    assert us.words == 2 and us.deeds == 0 and us.withheld == 2 and us.total == 5
    assert us.by_channel["trade"]["negated"] == 1
    assert us.by_channel["finance"]["negated"] == 1
    assert us.by_channel["investment"]["hypothetical"] == 1
    assert list(us.by_channel) == ["trade", "investment", "finance", "diplomatic"]  # codebook order
    assert pk.by_channel["resources"]["intended"] == 1
    assert pk.realized_by_quad[1] == 1


def test_gap_evidence_one_per_sentence_realized_first(store: Store, make_event: Callable[..., Event]) -> None:
    _fill(store, make_event)
    ev = dyad_gap(store, "USA", "PAK", evidence=10).forward.evidence
    assert [e.doc_sentence for e in ev] == [0, 1, 2, 3]
    assert [e.status for e in ev] == ["realized", "realized", "negated", "hypothetical"]
    assert ev[2].cameo == "071"  # the stronger event of sentence 2
    assert dyad_gap(store, "USA", "PAK", evidence=1).forward.evidence[0].doc_sentence == 0
    assert dyad_gap(store, "USA", "PAK", evidence=0).forward.evidence == []


def test_gap_date_window(store: Store, make_event: Callable[..., Event]) -> None:
    _fill(store, make_event)
    gap = dyad_gap(store, "USA", "PAK", since="2024-01-10", until="2024-06-30")
    assert gap.forward.total == 3 and gap.forward.realized_by_quad[1] == 1 and gap.forward.withheld == 2


def test_gap_to_dict_is_json(store: Store, make_event: Callable[..., Event]) -> None:
    _fill(store, make_event)
    d = dyad_gap(store, "PAK", "USA").to_dict()
    again = json.loads(json.dumps(d))
    assert again == d
    assert [x["source"] for x in d["directions"]] == ["PAK", "USA"]
    assert d["directions"][1]["realized_by_quad"] == {"1": 2, "2": 0, "3": 0, "4": 0}
    assert d["directions"][1]["evidence"][0]["span"] == [18, 25]


def test_gap_of_unknown_dyad_is_zero(store: Store) -> None:
    gap = dyad_gap(store, "FRA", "DEU")
    assert gap.forward.total == 0 and gap.backward.by_channel == {} and gap.forward.evidence == []
