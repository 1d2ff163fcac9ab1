"""Promise follow-through, reciprocity and peers on hand-built events in real DuckDB files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bilateral.analysis import dyad_profile, follow_through, peer_comparison, reciprocity, top_receivers
from bilateral.model import Event
from bilateral.store import Store


def _said(text: str, trigger: str) -> dict[str, object]:
    """A sentence and the span of its trigger word."""
    start = text.index(trigger)
    return {"sentence": text, "span": [start, start + len(trigger)]}


LOAN_PLEDGED = _said("The United States pledged a loan to Pakistan.", "pledged")
LOAN_PAID = _said("The United States disbursed the loan to Pakistan.", "disbursed")


def _promise(make_event: Callable[..., Event], i: int, when: str | None, channel: str = "finance",
             **kw: object) -> Event:
    rec = {"doc_sentence": i, "cameo": "071", "quad_class": 2, "goldstein": 7.4, "status": "intended",
           "channel": channel, "date": when, **LOAN_PLEDGED}
    rec.update(kw)
    return make_event(**rec)


def _deed(make_event: Callable[..., Event], i: int, when: str, doc: str = "doc-2", **kw: object) -> Event:
    rec = {"doc_sentence": i, "id": doc, "cameo": "071", "quad_class": 2, "goldstein": 7.4, "channel": "finance",
           "date": when, **LOAN_PAID}
    rec.update(kw)
    return make_event(**rec)


def test_kept_pending_lapsed_undated(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        _promise(make_event, 0, "2024-01-01"),  # kept by the loan of 2024-03-01
        _deed(make_event, 1, "2024-03-01"),
        _promise(make_event, 2, "2024-01-01", channel="trade"),  # lapsed: nothing in trade by 2024-06-29
        _promise(make_event, 3, "2024-09-01", channel="aid"),  # pending on 2024-10-01
        _promise(make_event, 4, None, channel="aid"),  # undated
        make_event(doc_sentence=5, date="2024-10-01"),  # praise: sets as_of; words never keep a promise
        make_event(doc_sentence=6, cameo="051", channel="aid", date="2024-09-15"),
    ])
    ft = follow_through(store, "USA", "PAK")
    assert ft.as_of == date(2024, 10, 1)
    assert ft.counts == {"kept": 1, "broken": 0, "pending": 1, "lapsed": 1, "unverifiable": 0, "undated": 1}
    kept = next(i for i in ft.items if i.outcome == "kept")
    assert kept.fulfilment is not None and kept.fulfilment.date == "2024-03-01"
    assert kept.due == date(2024, 6, 29) and kept.object == ("loan",)
    assert ft.kept_rate == pytest.approx(0.5)
    assert ft.by_channel()["trade"]["lapsed"] == 1
    # a shorter horizon lets the finance promise lapse before the loan came
    short = follow_through(store, "USA", "PAK", horizon_days=30)
    assert short.counts["kept"] == 0 and short.counts["lapsed"] == 3
    # a later as_of turns the pending promise into a lapsed one
    assert follow_through(store, "USA", "PAK", as_of=date(2025, 6, 1)).counts["lapsed"] == 2
    d = ft.to_dict()
    assert d["counts"]["kept"] == 1 and d["items"][0]["promise"]["channel"] and d["items"][0]["object"] == ["loan"]


def test_a_promise_is_kept_only_by_its_own_code_and_object(store: Store, make_event: Callable[..., Event]) -> None:
    beans = _said("The United States will buy soybeans from Pakistan.", "will buy")
    store.add_events([
        make_event(doc_sentence=0, cameo="0311", quad_class=1, goldstein=5.2, status="intended", channel="trade",
                   date="2024-01-01", **beans),
        # the same kind of deed about another object keeps nothing
        _deed(make_event, 1, "2024-02-01", cameo="061", channel="trade",
              **_said("The United States bought wheat from Pakistan.", "bought")),
        # another kind of deed (aid, 071) about the same object keeps nothing either
        _deed(make_event, 2, "2024-02-02", doc="doc-3", cameo="071", channel="trade",
              **_said("The United States gave soybeans to Pakistan.", "gave")),
        _deed(make_event, 3, "2024-03-01", doc="doc-4", cameo="061", channel="trade",
              **_said("The United States bought soybeans from Pakistan.", "bought")),
    ])
    ft = follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1))
    (item,) = ft.items
    assert item.outcome == "kept" and item.fulfilment is not None and item.fulfilment.doc_id == "doc-4"
    assert item.object == ("soybean",)


def test_the_opposite_deed_breaks_a_promise(store: Store, make_event: Callable[..., Event]) -> None:
    lift = _said("The United States promised to lift the tariffs on Pakistani textiles.", "promised to lift")
    store.add_events([
        make_event(doc_sentence=0, cameo="0354", quad_class=1, goldstein=5.0, status="intended", channel="trade",
                   date="2024-01-01", **lift),
        _deed(make_event, 1, "2024-02-01", cameo="163", quad_class=4, goldstein=-8.0, channel="trade",
              **_said("The United States imposed new tariffs on Pakistani textiles.", "imposed")),
    ])
    (item,) = follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1)).items
    assert item.outcome == "broken" and item.fulfilment is not None and item.fulfilment.cameo == "163"
    assert follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1)).kept_rate == 0.0


def test_vague_conditional_and_diplomatic_promises_are_not_followed(
    store: Store, make_event: Callable[..., Event]
) -> None:
    store.add_events([
        make_event(doc_sentence=0, cameo="036", quad_class=1, goldstein=4.0, date="2024-01-01"),  # intends to meet
        make_event(doc_sentence=1, id="doc-2", cameo="042", quad_class=1, goldstein=1.9, date="2024-02-01"),
        make_event(doc_sentence=2, cameo="030", quad_class=1, goldstein=4.0, channel="trade", date="2024-01-01",
                   **_said("The United States will cooperate with Pakistan.", "will cooperate")),
        _promise(make_event, 3, "2024-01-01",
                 **_said("The United States pledged a loan to Pakistan if it reforms.", "pledged")),
        _deed(make_event, 4, "2024-02-01"),
    ])
    ft = follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1))
    assert ft.counts["unverifiable"] == 3 and ft.counts["kept"] == 0
    assert ft.kept_rate is None


def test_a_hedged_or_recalled_deed_keeps_nothing(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        _promise(make_event, 0, "2024-01-01"),
        _deed(make_event, 1, "2024-02-01", **_said("The United States hopes to disburse the loan to Pakistan.",
                                                    "disburse")),
        _deed(make_event, 2, "2024-02-02", doc="doc-3",
              **_said("In 2019 the United States disbursed a loan to Pakistan.", "disbursed")),
        _deed(make_event, 3, "2024-01-01", doc="doc-4"),  # the same day: the promise retold, not kept
    ])
    assert follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1)).counts["lapsed"] == 1


def test_the_promising_article_does_not_prove_it_kept(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        _promise(make_event, 0, "2024-01-01"),
        _deed(make_event, 1, "2024-02-01", doc="doc-1"),
    ])
    assert follow_through(store, "USA", "PAK", as_of=date(2025, 1, 1)).counts["lapsed"] == 1


def test_reciprocity_ledger(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0, source="PAK", target="USA"),
        make_event(doc_sentence=1, source="PAK", target="USA", cameo="050"),
        make_event(doc_sentence=2, source="PAK", target="USA", cameo="031", channel="resources", status="intended"),
        make_event(doc_sentence=3),  # USA praises PAK
        make_event(doc_sentence=4, cameo="061", quad_class=2, status="negated", channel="trade"),
    ])
    r = reciprocity(store, "PAK", "USA")
    assert (r.forward.total.giving, r.backward.total.giving) == (3, 1)
    assert r.index == pytest.approx((3 - 1) / (3 + 1 + 1))
    rows = {row.channel: row for row in r.rows}
    assert set(rows) == {"diplomatic", "resources", "trade"}
    assert rows["trade"].received.denials == 1 and rows["trade"].given.events == 0
    assert rows["resources"].reciprocity == pytest.approx(1 / 2)
    frame = r.frame()
    assert list(frame.channel) == ["trade", "resources", "diplomatic"]
    assert int(frame.loc[frame.channel == "trade", "received_denials"].iloc[0]) == 1


def test_peers_and_top_receivers(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0),
        make_event(doc_sentence=1, target="IND", cameo="061", quad_class=2, channel="trade"),
        make_event(doc_sentence=2, target="IND"),
        make_event(doc_sentence=3, target="BGD"),
        make_event(doc_sentence=4, target="GOV"),  # a sector code, not a country
        make_event(doc_sentence=5, target="GOV"),
        make_event(doc_sentence=6, target="GOV"),
    ])
    assert top_receivers(store, "USA", exclude=["PAK"]) == ["IND", "BGD"]
    pc = peer_comparison(store, "USA", "PAK", ["ind", "PAK", "BGD", "IND"])
    assert [p.target for p in pc.peers] == ["IND", "BGD"]
    better = pc.better_off("delivery")
    assert [(p.target, c, pv, fv) for p, c, pv, fv in better] == [("IND", "trade", 1, 0)]
    frame = pc.frame()
    assert set(frame.receiver) == {"PAK", "IND", "BGD"}
    prof = dyad_profile(store, "PAK", "USA")
    assert prof.peer_names == ["IND", "BGD"] and prof.peers_requested is None
    # one deed from one article is no material contrast on its own ...
    assert prof.contrasts == [] and "fared better" not in prof.verdict.text
    # ... but it is when the press reports Pakistan denied what India got
    store.add_events([make_event(doc_sentence=7, cameo="061", quad_class=2, channel="trade", status="negated")])
    prof = dyad_profile(store, "PAK", "USA")
    assert [(c.peer, c.channel, c.receiver_denials) for c in prof.contrasts] == [("IND", "trade", 1)]
    assert "India fared better than Pakistan with the United States on trade" in prof.verdict.text
    none = dyad_profile(store, "PAK", "USA", peers=[])
    assert none.peers == [] and none.peers_requested == []
