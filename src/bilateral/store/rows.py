"""The rows of the store's tables as the store writes and reads them.

A write goes in as an Arrow table (``INSERT ... SELECT``, much faster in DuckDB than row-by-row
inserts) built on the schemas of :data:`ARROW`; an event is stored as its key, its storage row
(:meth:`bilateral.model.Event.to_row`) and its trace as JSON, and read back by :func:`row_event`
(:func:`select_events`: the stored events, filtered in SQL).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from typing import Any

import duckdb

from bilateral.model import EVENT_ROW_COLUMNS, EVENT_ROW_FIELDS, Event, EventTrace

#: The ``events`` table's columns: the event key, the event's storage row, its trace (JSON).
EVENT_COLUMNS: tuple[str, ...] = ("event_key", *EVENT_ROW_FIELDS, "trace")


def latest_day(values: Iterable[str | None]) -> date | None:
    """The latest of ISO dates (``YYYY-MM-DD…``); ``None`` when none parses."""
    days = []
    for v in values:
        with suppress(TypeError, ValueError):
            days.append(date.fromisoformat(str(v)[:10]))
    return max(days, default=None)


class ArrowSchemas:
    """pyarrow and the Arrow schemas of the rows a write inserts, imported on the first write.

    A command that only reads (``bilateral gap`` on a kept result) never pays for importing pyarrow."""

    @functools.cached_property
    def pa(self) -> Any:
        import pyarrow

        return pyarrow

    @functools.cached_property
    def events(self) -> Any:
        pa = self.pa
        types = {"string": pa.string(), "int": pa.int32(), "double": pa.float64()}  # the SQL types of EVENT_ROW_COLUMNS
        return pa.schema([
            ("event_key", pa.string()),
            *((name, types[kind]) for name, kind in EVENT_ROW_COLUMNS),
            ("trace", pa.string()),
        ])

    @functools.cached_property
    def documents(self) -> Any:
        pa = self.pa
        return pa.schema([
            ("id", pa.string()), ("title", pa.string()), ("url", pa.string()), ("date", pa.string()),
            ("text", pa.string()), ("content_hash", pa.string()), ("origin", pa.string()),
            ("ingested_at", pa.timestamp("us")),
        ])

    @functools.cached_property
    def sentences(self) -> Any:
        pa = self.pa
        return pa.schema([
            ("doc_id", pa.string()), ("idx", pa.int32()), ("text", pa.string()),
            ("start", pa.int32()), ("end", pa.int32()),
        ])


#: The process's schemas: pyarrow is imported once, by the first write.
ARROW = ArrowSchemas()


def event_row(ev: Event) -> dict[str, Any]:
    """The ``events`` table row of one event: its key, its storage row and its trace as JSON."""
    row = {"event_key": ev.key, **ev.to_row()}
    row["trace"] = json.dumps(dataclasses.asdict(ev.trace)) if ev.trace is not None else None
    return row


def row_event(row: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` (with its trace, if stored) from an ``events`` table row."""
    ev = Event.from_row(row)
    trace_json = row.get("trace")
    if trace_json:
        data = json.loads(trace_json)
        known = {f.name for f in dataclasses.fields(EventTrace)}
        ev.trace = EventTrace(**{k: v for k, v in data.items() if k in known})
    return ev


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """The number of rows of ``table`` (one of the store's own table names)."""
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(rows[0][0]) if rows else 0


def select_events(con: duckdb.DuckDBPyConnection, *, source: str | None, target: str | None, since: str | None,
                  until: str | None, status: str | None, limit: int | None) -> list[Event]:
    """The stored events that match every filter given (see :meth:`bilateral.store.Store.events`)."""
    where: list[str] = []
    params: list[Any] = []
    for col, val in (("source", source), ("target", target), ("status", status)):
        if val is not None:
            where.append(f"{col} = ?")
            params.append(val)
    if since is not None:
        where.append("date >= ?")
        params.append(since)
    if until is not None:
        where.append("date <= ?")
        params.append(until)
    # a read-only store is not migrated: a column added since the file was written reads as NULL
    present = {str(r[0]) for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
    cols = ", ".join(c if c in present else f"NULL AS {c}" for c in EVENT_COLUMNS)
    sql = f"SELECT {cols} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, id, doc_sentence, span_start, event_key"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [row_event(dict(zip(EVENT_COLUMNS, r, strict=True))) for r in con.execute(sql, params).fetchall()]
