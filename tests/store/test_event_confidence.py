"""``Event.confidence``: the last field of the record, a nullable column, carried by every format.

A database written before the column existed upgrades in place (migration 6) and its events read
back with ``confidence`` None; records without the field read the same.
"""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.model import EVENT_FIELDS, EVENT_ROW_FIELDS, Event, record_from_row
from bilateral.store import LATEST_VERSION, MIGRATIONS, Store
from bilateral.store.export import export_events


def _records(store: Store) -> list[dict[str, object]]:
    out = io.StringIO()
    export_events(store, "jsonl", out=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_confidence_is_the_last_field_of_the_record_and_the_row(make_event: Callable[..., Event]) -> None:
    ev = make_event(confidence=0.75)
    assert EVENT_FIELDS[-1] == "confidence" and list(ev.to_record()) == list(EVENT_FIELDS)
    assert EVENT_ROW_FIELDS[-1] == "confidence" and list(ev.to_row()) == list(EVENT_ROW_FIELDS)
    assert ev.to_record()["confidence"] == 0.75 and ev.to_row()["confidence"] == 0.75
    assert Event.from_row(ev.to_row()) == ev and Event.from_record(ev.to_record()) == ev


def test_a_record_without_confidence_reads_as_none(make_event: Callable[..., Event]) -> None:
    rec = make_event(confidence=0.5).to_record()
    del rec["confidence"]
    assert Event.from_record(rec).confidence is None
    row = make_event().to_row()
    del row["confidence"]
    assert Event.from_row(row).confidence is None and record_from_row(row)["confidence"] is None


@given(st.one_of(st.none(), st.floats(min_value=0.0, max_value=1.0)))
def test_confidence_survives_record_and_row(value: float | None) -> None:
    rec = {"id": "d", "cameo": "051", "quad_class": 1, "goldstein": 3.4, "span": [0, 3], "confidence": value}
    ev = Event.from_record(rec)
    assert ev.confidence == value
    assert Event.from_row(ev.to_row()).confidence == value


def test_unknown_status_or_channel_is_refused(make_event: Callable[..., Event]) -> None:
    with pytest.raises(ValueError, match="unknown status 'done'"):
        make_event(status="done")
    with pytest.raises(ValueError, match="unknown channel 'sports'"):
        make_event(channel="sports")


def _version_5_database(path: Path, event: Event) -> None:
    """A store file as bilateral wrote it before ``confidence``: migrations 1-5 and one event."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP)")
    for mig in MIGRATIONS:
        if mig.version > 5:
            break
        for stmt in mig.statements:
            con.execute(stmt)
        con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [mig.version, mig.description])
    row = event.to_row()
    del row["confidence"]
    con.execute(f"INSERT INTO events VALUES (?, {', '.join('?' * len(row))}, NULL)", [event.key, *row.values()])
    con.close()


def test_a_version_5_database_upgrades_in_place(tmp_path: Path, make_event: Callable[..., Event]) -> None:
    old = make_event()
    path = tmp_path / "old.duckdb"
    _version_5_database(path, old)
    with Store(path, read_only=True) as ro:  # not migrated: the missing column reads as NULL
        assert ro.schema_version == 5
        assert [e.confidence for e in ro.events()] == [None]
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION >= 6
        assert store.events() == [old] and store.events()[0].confidence is None
        new = make_event(doc_sentence=1, confidence=0.9)
        assert store.add_events([new]) == 1
        assert [e.confidence for e in store.events()] == [None, 0.9]
        kinds = dict(store.connection.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'").fetchall())
        assert kinds["confidence"] == "DOUBLE"
        view = store.connection.execute("SELECT confidence FROM effective_events ORDER BY doc_sentence").fetchall()
        assert view == [(None,), (0.9,)]


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet"])
def test_exports_carry_confidence_back(tmp_path: Path, make_event: Callable[..., Event], name: str) -> None:
    events = [make_event(doc_sentence=0, confidence=0.25), make_event(doc_sentence=1, confidence=None)]
    path = tmp_path / name
    with Store(tmp_path / "a.duckdb") as store:
        store.add_events(events)
        if name.endswith(".parquet"):
            export_events(store, "parquet", path=path)
        else:
            with path.open("w", encoding="utf-8", newline="") as fh:
                export_events(store, name.split(".")[-1], out=fh)
        before = _records(store)
    assert [r["confidence"] for r in before] == [0.25, None] and list(before[0]) == list(EVENT_FIELDS)
    with Store(tmp_path / "b.duckdb") as back:
        assert ingest_paths([path], back, Coder()).events == 2
        assert _records(back) == before


def test_gdelt_export_has_no_confidence(tmp_path: Path, make_event: Callable[..., Event]) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        store.add_events([make_event(confidence=0.25)])
        out = io.StringIO()
        export_events(store, "gdelt", out=out)
    assert [len(line.split("\t")) for line in out.getvalue().splitlines()] == [61]


def test_code_text_writes_confidence_last(bilateral_exe: Path) -> None:
    line = json.dumps({"id": "d1", "text": "The United States praised Pakistan on Monday.", "date": "2024-05-01"})
    out = subprocess.run([str(bilateral_exe), "code-text", "-"], input=line, capture_output=True, text=True,
                         check=True).stdout
    recs = [json.loads(x) for x in out.splitlines()]
    assert recs and all(list(r) == list(EVENT_FIELDS) and r["confidence"] is None for r in recs)
