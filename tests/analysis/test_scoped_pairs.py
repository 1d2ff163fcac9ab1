"""The events of chosen directions, read by one equality scan per direction, against the whole store filtered."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES, fill_store

from bilateral.analysis.evidence import dyad_events
from bilateral.analysis.measures import directions_measures, scoped_events, scoped_pairs
from bilateral.analysis.periods import dyad_period_span
from bilateral.analysis.tallies import dyad_tallies
from bilateral.store import Store

COLUMNS = "event_key, source, target, status, channel, date, goldstein, published, background"


def filtered(store: Store, pairs: list[tuple[str, str]], background: bool) -> list[tuple[object, ...]]:
    """The rows of ``pairs`` as the whole corrected store filtered by an ``OR`` of directions gives them."""
    con = store.connection
    cond = " OR ".join("(source = ? AND target = ?)" for _ in pairs)
    flat = [x.strip().upper() for p in pairs for x in p]
    return sorted(con.execute(f"SELECT {COLUMNS} FROM {scoped_events(con, background)} WHERE {cond}", flat).fetchall())


def scanned(store: Store, pairs: list[tuple[str, str]], background: bool) -> list[tuple[object, ...]]:
    scoped, flat = scoped_pairs(store.connection, pairs, background)
    return sorted(store.connection.execute(f"SELECT {COLUMNS} FROM {scoped}", flat).fetchall())


def every_pair(store: Store) -> list[tuple[str, str]]:
    rows = store.connection.execute(
        "SELECT DISTINCT source, target FROM events WHERE source IS NOT NULL AND target IS NOT NULL").fetchall()
    return sorted((str(s), str(t)) for s, t in rows)


def check(store: Store) -> None:
    pairs = every_pair(store)
    assert pairs
    chosen = [pairs[0], pairs[-1], pairs[0], (pairs[-1][0].lower(), f" {pairs[-1][1]}"), ("BRA", "ARG")]
    for background in (False, True):
        assert scanned(store, chosen, background) == filtered(store, chosen, background)
        for pair in pairs:
            assert scanned(store, [pair], background) == filtered(store, [pair], background)
    # and what reads them: one query over all pairs equals each pair's own, and the whole store's tallies
    whole = dyad_tallies(store, background=True)
    assert sorted(dyad_tallies(store, pairs, background=True).cells, key=repr) == sorted(whole.cells, key=repr)
    together = directions_measures(store, pairs)
    for pair in pairs:
        assert together[pair].to_dict() == directions_measures(store, [pair])[pair].to_dict()
        assert dyad_period_span(store, [pair]) is not None or not any(
            ref.date for ref, _ in dyad_events(store, [pair]))
    events = dyad_events(store, chosen, by="month")
    assert [ref.key for ref, _ in events] == [row[0] for row in store.connection.execute(
        f"SELECT event_key FROM {scoped_events(store.connection, True)} WHERE (source = ? AND target = ?) "
        "OR (source = ? AND target = ?) ORDER BY date NULLS LAST, id, doc_sentence, span_start, event_key",
        [*pairs[0], *pairs[-1]]).fetchall()]


@pytest.mark.parametrize("name", ["small_dyad", "reference_events"])
def test_pair_scans_equal_the_filtered_store(store: Store, name: str) -> None:
    fill_store(store, FIXTURES / "analysis" / f"{name}.jsonl")
    check(store)


def test_pair_scans_after_corrections_and_a_second_ingest(store: Store) -> None:
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    con = store.connection
    keys = [k for (k,) in con.execute("SELECT event_key FROM events ORDER BY event_key LIMIT 3").fetchall()]
    con.execute("INSERT INTO corrections VALUES (?, 'status', 'negated', now()::TIMESTAMP, NULL)", [keys[0]])
    con.execute("INSERT INTO corrections VALUES (?, 'channel', 'aid', now()::TIMESTAMP, NULL)", [keys[1]])
    con.execute("INSERT INTO corrections VALUES (?, 'wrong', 'true', now()::TIMESTAMP, NULL)", [keys[2]])
    check(store)
    assert keys[2] not in {row[0] for row in scanned(store, every_pair(store), True)}
    fill_store(store, FIXTURES / "analysis" / "reference_events.jsonl")  # a second batch of documents and events
    check(store)
