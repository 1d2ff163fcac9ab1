"""The set-based tallies against the event-by-event counts and against the per-dyad measures, on real stores."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, SHARED, fill_store

from bilateral.analysis import dyad_gap, measure_series
from bilateral.analysis.periods import period_start
from bilateral.analysis.tallies import TallyCube, dyad_tallies
from bilateral.store import Store

REUTERS = SHARED / "data" / "corpus" / "reuters21578" / "reuters21578.jsonl"
#: Enough of Reuters-21578 for hundreds of dyads over several months, coded in seconds.
REUTERS_DOCUMENTS = 3000


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def python_tallies(store: Store, by: str | None) -> Counter[tuple[object, ...]]:
    """Event by event, as the stored events come back as records: the count of every cell."""
    cells: Counter[tuple[object, ...]] = Counter()
    for ev in store.events():
        if ev.source is None or ev.target is None:
            continue
        day = _day(ev.date)
        period = period_start(day, by) if by is not None and day is not None else None
        cells[(ev.source, ev.target, period, ev.quad_class, ev.status, ev.channel)] += 1
    return cells


def sql_tallies(cube: TallyCube) -> Counter[tuple[object, ...]]:
    return Counter({(c.source, c.target, c.period, c.quad_class, c.status, c.channel): c.events for c in cube.cells})


def check_against_the_measures(store: Store, cube: TallyCube, directions: list[tuple[str, str]]) -> None:
    """Every direction's dyad_gap tallies and monthly series equal what the cube says."""
    for source, target in directions:
        gap = dyad_gap(store, source, target, evidence=0).forward
        assert gap.by_status == {s: cube.total(source=source, target=target, status=s) for s in gap.by_status}
        assert gap.realized_by_quad == {
            q: cube.total(source=source, target=target, status="realized", quad_class=q) for q in gap.realized_by_quad
        }
        assert {(ch, st): n for ch, sts in gap.by_channel.items() for st, n in sts.items() if n} == cube.by(
            "channel", "status", source=source, target=target)
    monthly = dyad_tallies(store, directions, by="month")
    for source, target in directions:
        for point in measure_series(store, source, target, by="month"):
            here = {"source": source, "target": target, "period": point.start}
            assert point.tally.events == monthly.total(**here)
            assert point.tally.warmth == monthly.total(status="realized", quad_class=1, **here)
            assert point.tally.delivery == monthly.total(status="realized", quad_class=2, **here)
            assert point.tally.denials == sum(monthly.total(status="negated", quad_class=q, **here) for q in (1, 2))


@pytest.mark.parametrize("name", ["small_dyad", "reference_events"])
def test_fixture_tallies_equal_event_by_event_counts(store: Store, name: str) -> None:
    fill_store(store, FIXTURES / "analysis" / f"{name}.jsonl")
    for by in (None, "week", "month", "quarter", "year"):
        cube = dyad_tallies(store, by=by, background=True)  # every event, as the count event by event
        assert cube.cells and sql_tallies(cube) == python_tallies(store, by)
    cube = dyad_tallies(store)  # background events left out, as the measures leave them out
    check_against_the_measures(store, cube, cube.directions())


def test_tallies_of_chosen_directions_and_dates(store: Store) -> None:
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    both = dyad_tallies(store, [("KEN", "CHN"), ("chn", "ken")])
    assert both.directions() == [("CHN", "KEN"), ("KEN", "CHN")]
    assert both.total() == dyad_tallies(store).total(source="CHN", target="KEN") + dyad_tallies(store).total(
        source="KEN", target="CHN")
    spring = dyad_tallies(store, [("CHN", "KEN")], since="2024-03-01", until="2024-06-30")
    assert spring.total() == 4 and dyad_tallies(store, []).cells == []


def test_corrections_count_as_everywhere(store: Store) -> None:
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    key = store.connection.execute(
        "SELECT event_key FROM events WHERE source = 'CHN' AND target = 'KEN' AND status = 'negated'").fetchall()[0][0]
    store.connection.execute("INSERT INTO corrections VALUES (?, 'status', 'realized', now()::TIMESTAMP, NULL)", [key])
    cube = dyad_tallies(store)
    assert cube.total(source="CHN", target="KEN", status="negated") == 0
    check_against_the_measures(store, cube, cube.directions())


@pytest.fixture(scope="module")
def reuters_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The first Reuters-21578 stories, coded by the real coder into a real DuckDB file."""
    if not REUTERS.is_file():
        pytest.skip(f"{REUTERS} is not present")
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("reuters-tallies")
    part = folder / "reuters-part.jsonl"
    with REUTERS.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, REUTERS_DOCUMENTS))
    store = Store(Path(folder / "reuters.duckdb"))
    ingest_paths([str(part)], store, Coder())
    yield store
    store.close()


def test_reuters_tallies_equal_event_by_event_counts(reuters_store: Store) -> None:
    for by in (None, "month", "week"):
        cube = dyad_tallies(reuters_store, by=by, background=True)  # every event, as the count event by event
        assert sql_tallies(cube) == python_tallies(reuters_store, by)
    cube = dyad_tallies(reuters_store)
    directions = cube.directions()
    assert len(directions) > 100
    busiest = sorted(directions, key=lambda d: -cube.total(source=d[0], target=d[1]))[:40]
    check_against_the_measures(reuters_store, cube, busiest)


@pytest.mark.parametrize("name", ["small_dyad", "reference_events"])
def test_directions_measures_equal_each_direction_measured_alone(events_store: Callable[[str], Store],
                                                                 name: str) -> None:
    from bilateral.analysis.measures import direction_measures, directions_measures

    store = events_store(name)
    actors = sorted({x for row in store.connection.execute(
        "SELECT source, target FROM events WHERE source IS NOT NULL AND target IS NOT NULL").fetchall() for x in row})
    pairs = [(s, t) for s in actors for t in actors if s != t] + [("BRA", "ARG")]  # and a pair without events
    for scope in ({}, {"since": "2025-01-01"}, {"until": "2024-12-31"}, {"background": True}):
        together = directions_measures(store, pairs, **scope)
        assert list(together) == pairs
        for s, t in pairs:
            assert together[(s, t)].to_dict() == direction_measures(store, s, t, **scope).to_dict(), (s, t, scope)
