"""The store's latest publication date (``store_as_of``), kept per store version: always what the query gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from bilateral.analysis.promises import compute_store_as_of, store_as_of
from bilateral.model import Document, Event
from bilateral.store import Store, versions
from bilateral.store.versions import AS_OF_TABLE
from bilateral.web.queries import add_correction


def _same(store: Store) -> None:
    """The kept value (read twice: computed, then looked up) equals the query over the events."""
    expected = compute_store_as_of(store)
    assert store_as_of(store) == expected
    kept = store.connection.execute(f"SELECT version, as_of FROM {AS_OF_TABLE}").fetchall()
    assert kept == [(store.version, expected)]
    assert store_as_of(store) == expected


def _key(store: Store, doc: str) -> str:
    rows = store.connection.execute("SELECT event_key FROM events WHERE id = ?", [doc]).fetchall()
    return str(rows[0][0])


def test_an_empty_store_has_none(store: Store) -> None:
    assert compute_store_as_of(store) is None
    _same(store)


def test_ingests_and_corrections_keep_it_equal(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_documents([Document(id="doc-1", text="The United States praised Pakistan.", date="2024-06-01")])
    _same(store)  # a document without events: nothing counted
    store.add_events([make_event()])  # dated 2024-05-01, published 2024-06-01
    _same(store)
    assert str(store_as_of(store)) == "2024-06-01"
    store.add_events([make_event(id="doc-2", date="2024-07-01")])  # no document yet: its own date
    _same(store)
    assert str(store_as_of(store)) == "2024-07-01"
    # its document arrives, published earlier than the event's date: the latest date goes down
    store.add_documents([Document(id="doc-2", text="Pakistan met the United States.", date="2024-06-15")])
    _same(store)
    assert str(store_as_of(store)) == "2024-06-15"
    # a recalled event (dated 180 days or more before its article) does not count
    with store.transaction():
        store.add_documents([Document(id="doc-3", text="Pakistan recalled a 2020 visit.", date="2025-06-01")])
        store.add_events([make_event(id="doc-3", date="2020-01-01")])
    _same(store)
    assert str(store_as_of(store)) == "2024-06-15"
    latest = _key(store, "doc-2")
    for field, value in (("status", "intended"), ("channel", "trade"), ("wrong", "true"),
                         ("wrong", "false"), ("wrong", "true")):
        assert add_correction(store.connection, latest, field, value, None)
        _same(store)
    assert str(store_as_of(store)) == "2024-06-01"  # the latest event marked wrong
    assert add_correction(store.connection, _key(store, "doc-1"), "wrong", "true", None)
    _same(store)
    assert store_as_of(store) is None


def test_a_read_only_file_and_a_store_at_the_previous_schema(db_path: Path,
                                                              make_event: Callable[..., Event]) -> None:
    with Store(db_path) as s:
        s.add_documents([Document(id="doc-1", text="The United States praised Pakistan.", date="2024-06-01")])
        s.add_events([make_event()])
    with Store(db_path, read_only=True) as s:  # nothing kept yet: computed (and kept in memory only)
        assert store_as_of(s) == compute_store_as_of(s)
        assert store_as_of(s) == compute_store_as_of(s)
    versions._AS_OF_MEMORY.clear()  # what this process keeps for read-only files
    # a file made before the kept date existed
    con = duckdb.connect(str(db_path))
    con.execute(f"DROP TABLE {AS_OF_TABLE}")
    con.execute("DELETE FROM schema_version WHERE version = 8")
    con.close()
    with Store(db_path) as s:
        assert s.schema_version == 8
        _same(s)
        assert str(store_as_of(s)) == "2024-06-01"
        s.add_events([make_event(id="doc-2", date="2024-08-01")])
        _same(s)
    with Store(db_path, read_only=True) as s:
        assert str(store_as_of(s)) == "2024-08-01" == str(compute_store_as_of(s))
