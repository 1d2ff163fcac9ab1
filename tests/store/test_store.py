"""The DuckDB store: schema, migrations, idempotent batched writes, queries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from bilateral.model import Document, Event, EventTrace, Sentence
from bilateral.store import LATEST_VERSION, Store


def test_new_file_is_migrated_to_latest(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == LATEST_VERSION
        tables = {r[0] for r in store.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"schema_version", "documents", "document_origins", "sentences", "events", "ingest_errors"} <= tables
    assert db_path.exists()


def test_reopening_does_not_reapply_migrations(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path) as store:
        rows = store.connection.execute("SELECT version FROM schema_version").fetchall()
    assert [r[0] for r in rows] == list(range(1, LATEST_VERSION + 1))


def test_documents_dedup_by_id_hash_and_url(store: Store) -> None:
    a = Document("a", "Japan praised Pakistan.", origin="one.txt", url="https://x.test/1")
    same_text = Document("b", "  japan PRAISED   pakistan. ", origin="two.txt")
    same_url = Document("c", "Different text entirely.", origin="three.txt", url="https://x.test/1")
    other = Document("d", "Chile thanked Peru.", origin="four.txt")
    first = store.add_documents([a, same_text, same_url, other])
    assert first.added == ["a", "d"]
    assert first.duplicates == {"b": "a", "c": "a"}
    again = store.add_documents([a, other])
    assert again.added == []
    assert store.counts()["documents"] == 2
    assert store.document_origins("a") == ["one.txt", "three.txt", "two.txt"]


def test_new_documents_filters_known_and_repeats(store: Store) -> None:
    store.add_documents([Document("a", "Japan praised Pakistan.")])
    batch = [
        Document("a", "other"), Document("x", "JAPAN praised Pakistan."),
        Document("y", "Chile thanked Peru."), Document("z", "Chile  thanked Peru."),
    ]
    assert [d.id for d in store.new_documents(batch)] == ["y"]


def test_sentences_are_keyed_by_doc_and_index(store: Store) -> None:
    sents = [Sentence("a", 0, "One.", 0, 4), Sentence("a", 1, "Two.", 5, 9)]
    assert store.add_sentences(sents) == 2
    assert store.add_sentences([*sents, Sentence("a", 2, "Three.", 10, 16)]) == 1
    assert [s.text for s in store.sentences("a")] == ["One.", "Two.", "Three."]


def test_events_round_trip_with_trace(store: Store, make_event: Callable[..., Event]) -> None:
    ev = make_event()
    ev.trace = EventTrace(pattern="praise -> 051", source_text="The United States", notes=["n1"])
    assert store.add_events([ev, ev]) == 1
    assert store.add_events([ev]) == 0
    (back,) = store.events()
    assert back == ev
    assert back.key == ev.key
    assert back.trace is not None and back.trace.notes == ["n1"]
    assert back.to_record() == ev.to_record()


def test_event_query_filters(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(date="2024-01-01"),
        make_event(date="2024-06-01", status="negated", channel="trade", cameo="061", quad_class=2),
        make_event(source="PAK", target="USA", date="2024-03-01", status="intended", channel="resources"),
        make_event(source="USA", target="IND", date=None, cameo="061", quad_class=2, channel="trade"),
    ])
    assert len(store.events()) == 4
    assert len(store.events(source="USA", target="PAK")) == 2
    assert [e.status for e in store.events(source="USA", target="PAK", since="2024-02-01")] == ["negated"]
    assert [e.date for e in store.events(until="2024-03-31")] == ["2024-01-01", "2024-03-01"]
    assert [e.source for e in store.events(status="intended")] == ["PAK"]
    assert len(store.events(limit=1)) == 1
    assert store.events()[-1].date is None  # undated events come last


def test_errors_are_recorded(store: Store) -> None:
    store.add_error("bad.txt", "not UTF-8 text")
    store.add_errors([("x.jsonl:3", "broken JSON"), ("y.txt", "empty file")])
    rows = store.connection.execute("SELECT origin, reason FROM ingest_errors ORDER BY origin").fetchall()
    assert rows == [("bad.txt", "not UTF-8 text"), ("x.jsonl:3", "broken JSON"), ("y.txt", "empty file")]


def test_large_batch_is_idempotent(store: Store, make_event: Callable[..., Event]) -> None:
    events = [make_event(id=f"d{i}", doc_sentence=i % 7) for i in range(2000)]
    assert store.add_events(events) == 2000
    assert store.add_events(events) == 0
    assert store.counts()["events"] == 2000


def test_failed_batch_rolls_back(store: Store) -> None:
    try:
        with store.transaction() as con:
            con.execute("INSERT INTO ingest_errors VALUES ('a', 'b', now()::TIMESTAMP)")
            con.execute("SELECT * FROM no_such_table")
    except duckdb.Error:
        pass
    assert store.counts()["ingest_errors"] == 0
