"""SQL reads and the one write of the dashboard, all with bound parameters.

Every tally reads the ``effective_events`` view (the events with the user's
corrections applied); the original coding stays in ``events`` and is shown
beside a corrected event. Column names in the SQL below are fixed strings,
never user input: user values only ever travel as ``?`` parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from bilateral.model import CHANNELS, EVENT_ROW_FIELDS, STATUSES, record_from_row
from bilateral.store import versions

#: The corrected events every tally reads.
VIEW = "effective_events"

#: The event fields a correction may change, and the pseudo-field that marks an event wrong.
CORRECTABLE: tuple[str, ...] = ("status", "channel", "wrong")

_EVENT_COLS: tuple[str, ...] = ("event_key", *EVENT_ROW_FIELDS)
_SELECT_EVENT = ", ".join(f"e.{c}" for c in _EVENT_COLS)
_ORDER = "e.date NULLS LAST, e.id, e.doc_sentence, e.span_start, e.event_key"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    row = con.execute(sql, params or []).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as the fixed event record plus ``key``, ``corrected`` and document fields."""
    out: dict[str, Any] = {"key": row["event_key"], **record_from_row(row)}
    for extra in ("corrected", "wrong", "doc_title", "doc_url"):
        if extra in row:
            out[extra] = bool(row[extra]) if extra in ("corrected", "wrong") else row[extra]
    return out


# -- dyads ------------------------------------------------------------------------------------------
def dyads(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every pair of distinct actors with events between them (either way), most events first."""
    return _rows(
        con,
        f"""
        SELECT least(source, target) AS a, greatest(source, target) AS b, count(*) AS events,
               count(*) FILTER (WHERE status = 'realized') AS realized,
               count(*) FILTER (WHERE status = 'negated') AS negated,
               count(DISTINCT id) AS documents
        FROM {VIEW} e
        WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        GROUP BY 1, 2
        ORDER BY events DESC, a, b
        """,
    )


def actors(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every actor code that is a source or target of some event."""
    rows = con.execute(
        f"SELECT DISTINCT x FROM (SELECT source AS x FROM {VIEW} UNION SELECT target FROM {VIEW}) "
        "WHERE x IS NOT NULL ORDER BY x"
    ).fetchall()
    return [str(r[0]) for r in rows]


# -- events -----------------------------------------------------------------------------------------
@dataclass(slots=True)
class EventFilter:
    """Filters of the evidence view and ``/api/events``; ``None`` means no filter.

    ``dyad`` (two codes) selects events between the two actors in either
    direction; ``source``/``target`` select one direction.
    """

    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    status: str | None = None
    channel: str | None = None
    cameo: str | None = None  # a code prefix: "05" matches 051, 057 …
    quad_class: int | None = None
    doc_id: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None  # words in the sentence (case-insensitive substring)
    corrected: bool | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over alias ``e`` and its bound parameters."""
        conds: list[str] = []
        params: list[Any] = []
        for col, val in (("source", self.source), ("target", self.target), ("status", self.status),
                         ("channel", self.channel), ("id", self.doc_id)):
            if val is not None:
                conds.append(f"e.{col} = ?")
                params.append(val)
        if self.dyad is not None:
            conds.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [self.dyad[0], self.dyad[1], self.dyad[1], self.dyad[0]]
        if self.cameo is not None:
            conds.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.quad_class is not None:
            conds.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.since is not None:
            conds.append("e.date >= ?")
            params.append(self.since)
        if self.until is not None:
            conds.append("e.date <= ?")
            params.append(self.until)
        if self.q:
            conds.append("contains(lower(e.sentence), lower(?))")
            params.append(self.q)
        if self.corrected is not None:
            conds.append(("" if self.corrected else "NOT ") +
                         "EXISTS (SELECT 1 FROM corrections c WHERE c.event_key = e.event_key)")
        return (" AND ".join(conds) if conds else "TRUE"), params

    def query_args(self) -> dict[str, str]:
        """The filter as URL query arguments (for links between pages)."""
        out: dict[str, str] = {}
        for name in ("source", "target", "status", "channel", "cameo", "doc_id", "since", "until", "q"):
            val = getattr(self, name)
            if val is not None and val != "":
                out[name] = str(val)
        if self.dyad is not None:
            out["a"], out["b"] = self.dyad
        if self.quad_class is not None:
            out["quad_class"] = str(self.quad_class)
        return out


@dataclass(slots=True)
class EventPage:
    """One page of events and the total that matched."""

    total: int
    page: int
    page_size: int
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        """How many pages the total fills (at least 1)."""
        return max(1, -(-self.total // self.page_size))


def events_page(con: duckdb.DuckDBPyConnection, flt: EventFilter, page: int, page_size: int) -> EventPage:
    """One page (1-based) of the corrected events matching ``flt``, in date/document/sentence order."""
    where, params = flt.where()
    total = _scalar(con, f"SELECT count(*) FROM {VIEW} e WHERE {where}", params)
    rows = _rows(
        con,
        f"""
        SELECT {_SELECT_EVENT}, d.title AS doc_title, d.url AS doc_url,
               EXISTS (SELECT 1 FROM corrections c WHERE c.event_key = e.event_key) AS corrected
        FROM {VIEW} e LEFT JOIN documents d ON d.id = e.id
        WHERE {where}
        ORDER BY {_ORDER}
        LIMIT ? OFFSET ?
        """,
        [*params, page_size, (page - 1) * page_size],
    )
    return EventPage(total=total, page=page, page_size=page_size, events=[event_json(r) for r in rows])


def event(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """One event by key: its corrected form (``None`` fields if marked wrong), original and corrections."""
    orig = _rows(
        con,
        f"SELECT {_SELECT_EVENT}, d.title AS doc_title, d.url AS doc_url "
        "FROM events e LEFT JOIN documents d ON d.id = e.id WHERE e.event_key = ?",
        [key],
    )
    if not orig:
        return None
    eff = _rows(con, f"SELECT {_SELECT_EVENT} FROM {VIEW} e WHERE e.event_key = ?", [key])
    history = corrections(con, key)
    current = event_json({**orig[0], **(eff[0] if eff else {})})
    current["corrected"] = bool(history)
    current["wrong"] = not eff
    return {"event": current, "original": event_json(orig[0]), "corrections": history}


# -- corrections ------------------------------------------------------------------------------------
def corrections(con: duckdb.DuckDBPyConnection, key: str | None = None) -> list[dict[str, Any]]:
    """Corrections, oldest first; of one event when ``key`` is given."""
    sql = "SELECT event_key, field, value, created_at, note FROM corrections"
    params: list[Any] = []
    if key is not None:
        sql += " WHERE event_key = ?"
        params.append(key)
    sql += " ORDER BY created_at, event_key, field"
    rows = _rows(con, sql, params)
    for r in rows:
        r["created_at"] = r["created_at"].isoformat() if r["created_at"] is not None else None
    return rows


def corrections_log(con: duckdb.DuckDBPyConnection, limit: int = 500) -> list[dict[str, Any]]:
    """The latest corrections, newest first, each with its event's dyad, code, sentence and span."""
    rows = _rows(
        con,
        """
        SELECT c.event_key, c.field, c.value, c.created_at, c.note, e.id, e.doc_sentence, e.source, e.target,
               e.cameo, e.status, e.channel, e.sentence, e.span_start, e.span_end
        FROM corrections c JOIN events e ON e.event_key = c.event_key
        ORDER BY c.created_at DESC, c.event_key, c.field
        LIMIT ?
        """,
        [limit],
    )
    for r in rows:
        r["created_at"] = r["created_at"].isoformat(timespec="seconds") if r["created_at"] is not None else None
        r["span"] = [int(r.pop("span_start")), int(r.pop("span_end"))]
    return rows


class CorrectionError(ValueError):
    """A correction that cannot be applied (unknown field or value)."""


def validate_correction(field_name: str, value: str) -> str:
    """Check one correction; return the value to store (``"true"``/``"false"`` for ``wrong``)."""
    if field_name == "status":
        if value not in STATUSES:
            raise CorrectionError(f"status must be one of {', '.join(STATUSES)}")
        return value
    if field_name == "channel":
        if value not in CHANNELS:
            raise CorrectionError(f"channel must be one of {', '.join(CHANNELS)}")
        return value
    if field_name == "wrong":
        low = value.strip().lower()
        if low not in ("true", "false"):
            raise CorrectionError("wrong must be true or false")
        return low
    raise CorrectionError(f"field must be one of {', '.join(CORRECTABLE)}")


def add_correction(con: duckdb.DuckDBPyConnection, key: str, field_name: str, value: str,
                   note: str | None) -> bool:
    """Store one correction of event ``key``; False if no such event. The original coding is kept."""
    if not _scalar(con, "SELECT count(*) FROM events WHERE event_key = ?", [key]):
        return False
    stored = validate_correction(field_name, value)
    con.execute(
        "INSERT INTO corrections (event_key, field, value, created_at, note) VALUES (?, ?, ?, ?, ?)",
        [key, field_name, stored, datetime.now(UTC).replace(tzinfo=None), note],
    )
    # a new store version touching the event's two actors: their dyads' cached results go stale
    change = versions.PendingChange()
    actors = con.execute("SELECT source, target FROM events WHERE event_key = ? LIMIT 1", [key]).fetchall()
    change.touch("correction", actors[0] if actors else ())
    # an event marked wrong (or back) may have been the latest: the date follow-through judges by may move
    change.recount_as_of = field_name == "wrong"
    versions.record(con, change)
    return True


# -- documents and corpus ---------------------------------------------------------------------------
def documents_page(con: duckdb.DuckDBPyConnection, page: int, page_size: int,
                   q: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """One page of documents (newest first) with their event counts; ``q`` searches the title."""
    where, params = "TRUE", []
    if q:
        where, params = "contains(lower(coalesce(d.title, '')), lower(?))", [q]
    total = _scalar(con, f"SELECT count(*) FROM documents d WHERE {where}", params)
    rows = _rows(
        con,
        f"""
        SELECT d.id, d.title, d.url, d.date, d.origin, length(d.text) AS chars,
               (SELECT count(*) FROM {VIEW} e WHERE e.id = d.id) AS events
        FROM documents d WHERE {where}
        ORDER BY d.date DESC NULLS LAST, d.id
        LIMIT ? OFFSET ?
        """,
        [*params, page_size, (page - 1) * page_size],
    )
    return total, rows


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One document with its sentences and corrected events (in text order), or ``None``."""
    docs = _rows(con, "SELECT id, title, url, date, origin, text FROM documents WHERE id = ?", [doc_id])
    if not docs:
        return None
    doc = docs[0]
    doc["sentences"] = _rows(
        con, 'SELECT idx, text, start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id]
    )
    doc["events"] = [event_json(r) for r in _rows(
        con,
        f"SELECT {_SELECT_EVENT}, EXISTS (SELECT 1 FROM corrections c WHERE c.event_key = e.event_key) "
        f"AS corrected FROM {VIEW} e WHERE e.id = ? ORDER BY e.doc_sentence, e.span_start, e.event_key",
        [doc_id],
    )]
    doc["origins"] = [str(r[0]) for r in con.execute(
        "SELECT origin FROM document_origins WHERE doc_id = ? ORDER BY origin", [doc_id]).fetchall()]
    return doc


def overview(con: duckdb.DuckDBPyConnection, errors: int = 50) -> dict[str, Any]:
    """Corpus counts, date range, events by status and channel, and the latest ingest errors."""
    counts = {
        "documents": _scalar(con, "SELECT count(*) FROM documents"),
        "sentences": _scalar(con, "SELECT count(*) FROM sentences"),
        "events": _scalar(con, f"SELECT count(*) FROM {VIEW}"),
        "events_coded": _scalar(con, "SELECT count(*) FROM events"),
        "corrections": _scalar(con, "SELECT count(*) FROM corrections"),
        "ingest_errors": _scalar(con, "SELECT count(*) FROM ingest_errors"),
    }
    span = con.execute("SELECT min(date), max(date) FROM documents WHERE date IS NOT NULL").fetchone()
    by_status = dict(con.execute(f"SELECT status, count(*) FROM {VIEW} GROUP BY 1 ORDER BY 2 DESC").fetchall())
    by_channel = dict(con.execute(f"SELECT channel, count(*) FROM {VIEW} GROUP BY 1 ORDER BY 2 DESC").fetchall())
    errs = _rows(con, 'SELECT origin, reason, "at" FROM ingest_errors ORDER BY "at" DESC, origin LIMIT ?',
                 [errors])
    for e in errs:
        e["at"] = e["at"].isoformat() if e["at"] is not None else None
    return {
        "counts": counts,
        "first_date": span[0] if span else None,
        "last_date": span[1] if span else None,
        "by_status": {str(k): int(v) for k, v in by_status.items()},
        "by_channel": {str(k): int(v) for k, v in by_channel.items()},
        "errors": errs,
    }
