"""Properties of the ledger (hypothesis): given, taken and the balance never count an event twice, and
the user's corrections (the ``effective_events`` view) apply to them as to every other measure.

Each example is a fresh store on a real DuckDB file holding random events of one direction; the
expected numbers are computed here from the events' fields by the definitions in docs/method.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.analysis import TANGIBLE_CHANNELS, direction_measures, dyad_events, measure_series
from bilateral.model import CHANNELS, Event
from bilateral.store import Store

#: (cameo, quad_class) pairs covering cooperation, verbal conflict, threats and takings.
CODES = [("051", 1), ("036", 1), ("061", 2), ("071", 2), ("111", 3), ("130", 3), ("1312", 3),
         ("163", 4), ("1621", 4), ("166", 4), ("172", 4), ("174", 4), ("190", 4)]
STATUSES = ["realized", "intended", "hypothetical", "negated"]
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@dataclass(frozen=True)
class Spec:
    """One random event: its code, status, channel, article and day."""

    code: tuple[str, int]
    status: str
    channel: str
    doc: int
    day: int


specs = st.lists(
    st.builds(Spec, st.sampled_from(CODES), st.sampled_from(STATUSES), st.sampled_from(CHANNELS),
              st.integers(0, 5), st.integers(1, 28)),
    min_size=1, max_size=25,
)
_counter = itertools.count()


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """A factory of fresh stores (one per hypothesis example), closed at the end of the test."""
    opened: list[Store] = []

    def make() -> Store:
        store = Store(tmp_path / f"p{next(_counter)}.duckdb")
        opened.append(store)
        return store

    yield make
    for s in opened:
        s.close()


def _events(items: list[Spec]) -> list[Event]:
    return [
        Event.from_record({
            "id": f"doc-{s.doc}", "doc_sentence": i, "source": "USA", "source_sector": None, "target": "PAK",
            "target_sector": None, "cameo": s.code[0], "plover": None, "quad_class": s.code[1], "goldstein": -1.0,
            "status": s.status, "channel": s.channel, "date": f"2024-03-{s.day:02d}",
            "sentence": f"Event number {i}.", "span": [0, 5],
        })
        for i, s in enumerate(items)
    ]


def _taken(cameo: str, quad: int, status: str, channel: str) -> bool:
    """The *taken* measure as docs/method.md words it."""
    return (status == "realized" and quad == 4 and cameo[:2] in ("16", "17")
            and (channel in TANGIBLE_CHANNELS or cameo[:3] in ("166", "174")))


def _delivery(quad: int, status: str) -> bool:
    return status == "realized" and quad == 2


@given(items=specs)
@SETTINGS
def test_given_and_taken_count_each_event_once(fresh_store: Callable[[], Store], items: list[Spec]) -> None:
    store = fresh_store()
    events = _events(items)
    store.add_events(events)
    d = direction_measures(store, "USA", "PAK")
    t = d.total
    expected_given = sum(_delivery(e.quad_class, e.status) for e in events)
    expected_taken = sum(_taken(e.cameo, e.quad_class, e.status, e.channel) for e in events)
    assert (t.delivery, t.taken) == (expected_given, expected_taken)
    # no event is both given and taken, and each is flagged once in the evidence
    refs = [ref for ref, _ in dyad_events(store, [("USA", "PAK")])]
    assert not any({"delivery", "taken"} <= ref.measures for ref in refs)
    assert sum("delivery" in r.measures for r in refs) == t.delivery
    assert sum("taken" in r.measures for r in refs) == t.taken
    # the channels partition the totals
    assert sum(c.delivery for c in d.by_channel.values()) == t.delivery
    assert sum(c.taken for c in d.by_channel.values()) == t.taken
    assert sum(c.net for c in d.by_channel.values()) == t.net == t.delivery - t.taken
    # the balance counts exactly the given and the taken, on the articles that report them
    bal = d.balance
    assert (bal.given, bal.taken, bal.net) == (t.delivery, t.taken, t.delivery - t.taken)
    assert bal.articles == len({e.id for e in events
                                if _delivery(e.quad_class, e.status) or _taken(e.cameo, e.quad_class, e.status,
                                                                              e.channel)})
    assert -1.0 <= bal.low <= bal.value <= bal.high <= 1.0
    # taken, threats and friction are disjoint too
    flags = [r.measures & {"taken", "threats", "friction"} for r in refs]
    assert all(len(f) <= 1 for f in flags)
    # the series spreads the same events over periods, none twice
    series = measure_series(store, "USA", "PAK", by="week")
    assert sum(p.tally.taken for p in series) == t.taken
    assert sum(p.tally.delivery for p in series) == t.delivery


corrections = st.lists(
    st.tuples(st.integers(0, 24), st.sampled_from(["wrong", "status", "channel"]),
              st.sampled_from(["true", "realized", "intended", "trade", "diplomatic", "aid"])),
    max_size=8,
)


@given(items=specs, fixes=corrections)
@SETTINGS
def test_corrections_apply_to_given_taken_and_the_balance(
    fresh_store: Callable[[], Store], items: list[Spec], fixes: list[tuple[int, str, str]]
) -> None:
    store = fresh_store()
    events = _events(items)
    store.add_events(events)
    fields = {e.key: {"status": e.status, "channel": e.channel, "wrong": False} for e in events}
    rows = []
    for n, (i, field, value) in enumerate(fixes):
        ev = events[i % len(events)]
        if field == "wrong":
            value = "true"
        elif field == "status" and value not in STATUSES:
            value = "realized"
        elif field == "channel" and value not in CHANNELS:
            value = "trade"
        rows.append([ev.key, field, value, n])
        fields[ev.key][field] = value == "true" if field == "wrong" else value
    if rows:
        store.connection.executemany(
            "INSERT INTO corrections (event_key, field, value, created_at, note) "
            "VALUES (?, ?, ?, TIMESTAMP '2024-01-01' + to_seconds(?), NULL)", rows)
    kept = [(e, fields[e.key]) for e in events if not fields[e.key]["wrong"]]
    d = direction_measures(store, "USA", "PAK")
    assert d.total.taken == sum(_taken(e.cameo, e.quad_class, f["status"], f["channel"]) for e, f in kept)
    assert d.total.delivery == sum(_delivery(e.quad_class, f["status"]) for e, f in kept)
    for channel in TANGIBLE_CHANNELS:
        assert d.channel(channel).taken == sum(
            _taken(e.cameo, e.quad_class, f["status"], f["channel"]) for e, f in kept if f["channel"] == channel)
    assert d.balance.net == d.total.delivery - d.total.taken
