"""Every formula of the analysis on small hand-built event tables in real DuckDB files."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pytest

from bilateral.analysis import (
    direction_measures,
    dyad_gap,
    dyad_profile,
    evidence,
    gap_index,
    measure_series,
    series_frame,
    wilson_interval,
)
from bilateral.analysis.periods import next_period, period_label, period_range, period_start
from bilateral.model import Event
from bilateral.store import Store


def test_wilson_interval_known_values() -> None:
    lo, hi = wilson_interval(0, 0)
    assert (lo, hi) == (0.0, 1.0)
    lo, hi = wilson_interval(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-4) and hi == pytest.approx(0.7634, abs=1e-4)
    lo, hi = wilson_interval(1, 1)
    z2 = 1.959963984540054 ** 2
    assert lo == pytest.approx(1 / (1 + z2)) and hi == pytest.approx(1.0)


def test_gap_index_formula_and_bounds() -> None:
    g = gap_index(3, 1, 4)
    assert g.value == pytest.approx((3 - 1) / (3 + 1 + 1))
    assert -1 <= g.low <= g.value <= g.high <= 1
    none = gap_index(0, 0, 0)
    assert (none.value, none.low, none.high) == (0.0, -1.0, 1.0)
    only_words = gap_index(5, 0, 5)
    assert only_words.value == pytest.approx(5 / 6) and only_words.high == pytest.approx(1.0)
    only_deeds = gap_index(0, 4, 2)
    assert only_deeds.value == pytest.approx(-4 / 5) and only_deeds.low == pytest.approx(-1.0)


def test_gap_band_narrows_with_more_articles() -> None:
    few, many = gap_index(20, 10, 2), gap_index(20, 10, 30)
    assert few.value == many.value
    assert few.width > many.width
    # the sample size is capped by the number of events, and is at least one article
    assert gap_index(2, 1, 10).width == gap_index(2, 1, 3).width
    assert gap_index(2, 1, 0).width == gap_index(2, 1, 1).width


def test_direction_measures_counts_each_measure(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0),  # USA→PAK realized 051: warmth
        make_event(doc_sentence=1, id="doc-2", goldstein=1.0, cameo="040"),  # warmth, other article
        make_event(doc_sentence=2, cameo="061", quad_class=2, goldstein=6.4, channel="trade"),  # delivery
        make_event(doc_sentence=3, cameo="071", quad_class=2, goldstein=7.4, status="intended", channel="finance"),
        make_event(doc_sentence=4, cameo="031", quad_class=1, goldstein=5.2, channel="resources"),  # 03x: promise
        make_event(doc_sentence=5, cameo="061", quad_class=2, goldstein=6.4, status="negated", channel="trade"),
        make_event(doc_sentence=6, cameo="111", quad_class=3, goldstein=-2.0, status="negated"),  # not a denial
        make_event(doc_sentence=7, cameo="051", status="hypothetical"),  # counts nowhere but events
    ])
    d = direction_measures(store, "usa", "pak")
    t = d.total
    assert (t.warmth, t.delivery, t.promises, t.denials, t.events) == (3, 1, 2, 1, 8)
    assert t.warmth_goldstein == pytest.approx(3.4 + 1.0 + 5.2)
    assert t.delivery_goldstein == pytest.approx(6.4)
    assert t.articles == 2  # doc-1 and doc-2 carry realized cooperation
    assert t.cooperation_score == pytest.approx(3.4 + 1.0 + 5.2 + 6.4)
    assert t.giving == 5  # 4 realized cooperation + 1 intended (the 031 is counted once)
    assert d.delivery_by_channel["trade"] == 1
    assert d.channel("trade").denials == 1 and d.channel("finance").promises == 1
    assert d.channel("aid").events == 0
    assert d.index.value == pytest.approx((3 - 1) / (3 + 1 + 1))
    # the other direction is empty, not an error
    assert direction_measures(store, "PAK", "USA").total.events == 0


def test_series_has_one_point_per_period_with_empty_periods(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0, date="2024-01-15"),
        make_event(doc_sentence=1, date="2024-01-20", cameo="061", quad_class=2, channel="trade"),
        make_event(doc_sentence=2, date="2024-04-02"),
        make_event(doc_sentence=3, date=None),  # undated: in the totals, not in the series
        make_event(doc_sentence=4, date="not a date"),
    ])
    months = measure_series(store, "USA", "PAK", by="month")
    assert [p.period for p in months] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert [p.tally.warmth for p in months] == [1, 0, 0, 1]
    assert [p.tally.delivery for p in months] == [1, 0, 0, 0]
    assert months[0].delivery_by_channel == {"trade": 1}
    assert months[1].index.value == 0.0 and months[1].index.width == 2.0
    assert direction_measures(store, "USA", "PAK").total.warmth == 4
    quarters = measure_series(store, "USA", "PAK", by="quarter")
    assert [p.period for p in quarters] == ["2024-Q1", "2024-Q2"]
    assert [p.period for p in measure_series(store, "USA", "PAK", by="year")] == ["2024"]
    weeks = measure_series(store, "USA", "PAK", by="week")
    assert weeks[0].period == "2024-01-15" and weeks[-1].period == "2024-04-01"
    assert len(weeks) == 12
    assert measure_series(store, "PAK", "USA") == []
    with pytest.raises(ValueError):
        measure_series(store, "USA", "PAK", by="fortnight")


def test_series_frame_shares_periods_across_directions(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0, date="2024-01-15"),
        make_event(doc_sentence=1, source="PAK", target="USA", date="2024-03-01"),
    ])
    frame = series_frame(store, [("USA", "PAK"), ("PAK", "USA")], by="month")
    assert len(frame) == 6
    assert list(frame[frame.source == "USA"].period) == ["2024-01", "2024-02", "2024-03"]
    assert list(frame[frame.source == "PAK"].warmth) == [0, 0, 1]
    assert {"gap", "gap_low", "gap_high", "articles"} <= set(frame.columns)
    assert series_frame(store, [("CHN", "KEN")]).empty


def test_period_helpers() -> None:
    assert period_start(date(2024, 5, 1), "week") == date(2024, 4, 29)
    assert period_start(date(2024, 11, 30), "quarter") == date(2024, 10, 1)
    assert next_period(date(2024, 12, 1), "month") == date(2025, 1, 1)
    assert next_period(date(2024, 10, 1), "quarter") == date(2025, 1, 1)
    assert period_label(date(2024, 10, 1), "quarter") == "2024-Q4"
    assert period_range(date(2023, 12, 5), date(2024, 2, 1), "month") == [
        date(2023, 12, 1), date(2024, 1, 1), date(2024, 2, 1)]


def test_since_until_bound_every_measure(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([make_event(doc_sentence=i, date=f"2024-0{i + 1}-01") for i in range(4)])
    assert direction_measures(store, "USA", "PAK", since="2024-02-01", until="2024-03-31").total.warmth == 2
    assert len(measure_series(store, "USA", "PAK", since="2024-02-01")) == 3


def test_corrections_apply_everywhere(store: Store, make_event: Callable[..., Event]) -> None:
    wrong = make_event(doc_sentence=0)
    moved = make_event(doc_sentence=1, cameo="061", quad_class=2, channel="trade")
    flipped = make_event(doc_sentence=2, cameo="071", quad_class=2, channel="finance")
    store.add_events([wrong, moved, flipped])
    con = store.connection
    con.executemany(
        "INSERT INTO corrections (event_key, field, value, created_at, note) VALUES (?, ?, ?, now(), ?)",
        [[wrong.key, "wrong", "true", "not an event"], [moved.key, "channel", "investment", None],
         [flipped.key, "status", "negated", None]],
    )
    d = direction_measures(store, "USA", "PAK")
    assert d.total.warmth == 0 and d.total.delivery == 1 and d.total.denials == 1
    assert d.channel("investment").delivery == 1 and d.channel("trade").events == 0
    gap = dyad_gap(store, "USA", "PAK")
    assert gap.forward.words == 0 and gap.forward.by_status["negated"] == 1
    assert [e.key for e in evidence(store, "USA", "PAK", "denials")] == [flipped.key]
    # a later correction wins: the event is right after all
    con.execute("INSERT INTO corrections VALUES (?, 'wrong', 'false', now() + INTERVAL 1 MINUTE, NULL)", [wrong.key])
    assert direction_measures(store, "USA", "PAK").total.warmth == 1


def test_evidence_filters(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(doc_sentence=0, date="2024-01-15"),
        make_event(doc_sentence=1, date="2024-02-15", cameo="061", quad_class=2, channel="trade"),
        make_event(doc_sentence=2, date="2024-02-16", cameo="061", quad_class=2, channel="trade", status="negated"),
    ])
    assert len(evidence(store, "USA", "PAK")) == 3
    assert [e.doc_sentence for e in evidence(store, "USA", "PAK", "delivery", channel="trade")] == [1]
    assert [e.doc_sentence for e in evidence(store, "USA", "PAK", "warmth", period="2024-01")] == [0]
    assert evidence(store, "USA", "PAK", "warmth", period="2024-02") == []
    ref = evidence(store, "USA", "PAK", "denials")[0]
    assert ref.quote == ref.sentence[ref.span[0]:ref.span[1]]
    assert "denials" in ref.to_dict()["measures"]
    with pytest.raises(ValueError):
        evidence(store, "USA", "PAK", "bogus")


def test_empty_dyad_is_a_clear_message(store: Store) -> None:
    p = dyad_profile(store, "CHN", "KEN")
    assert p.empty
    assert "No events between China and Kenya" in p.verdict.text
    d = p.to_dict()
    assert d["series"] == {"CHN>KEN": [], "KEN>CHN": []} and d["peers"] == []
    assert math.isclose(d["ledger"]["index"], 0.0)


def test_one_sided_dyad(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([make_event(doc_sentence=i, date="2024-05-01") for i in range(3)])
    p = dyad_profile(store, "PAK", "USA")
    assert not p.empty
    fwd, bwd = p.ledger.forward, p.ledger.backward
    assert fwd.total.events == 0 and bwd.total.warmth == 3
    assert [len(v) for v in p.series.values()] == [1, 1]
    assert "The United States' warmth toward Pakistan is high" in p.verdict.text
    assert "delivery is nil" in p.verdict.text
