"""Exports of the store: events (and documents) as CSV, JSON Lines, Parquet or GDELT 2.0 rows.

Every export streams from DuckDB in chunks, so its memory does not grow with the store.

* ``jsonl``: one event record (the fixed fields of :data:`~bilateral.model.EVENT_FIELDS`) per line.
* ``csv``: the same fields with a header; ``span`` is written ``start-end``.
* ``parquet``: the same fields with the span as ``span_start``/``span_end`` columns (the
  layout ``bilateral ingest`` reads back with the events-Parquet reader).
* ``gdelt``: GDELT 2.0 events rows (61 tab-separated columns, no header). This format is
  lossy: it has no status, channel, sentence or span. ``GLOBALEVENTID`` is the original
  one for events imported from GDELT (document id ``gdelt-N``), else a stable number made
  from the event key; ``SOURCEURL`` is the document's URL. Re-importing a GDELT export of
  GDELT-imported events gives the same events.

Events are exported as coded (the ``events`` table), in date, document, sentence order.
Documents (``what="documents"``) are exported as ``id, title, url, date, text, origins``
in JSONL, CSV or Parquet; a JSONL export is read back by the JSONL reader with the same ids.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date as date_cls
from pathlib import Path
from typing import Any, TextIO

from bilateral.layouts import GDELT_COLUMNS
from bilateral.model import EVENT_FIELDS, EVENT_ROW_FIELDS, record_from_row
from bilateral.store.store import Store

EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "gdelt")
_CHUNK = 5000
_EVENT_ORDER = "ORDER BY e.date NULLS LAST, e.id, e.doc_sentence, e.span_start, e.event_key"
_EVENT_SELECT = (
    f"SELECT {', '.join(f'e.{c}' for c in EVENT_ROW_FIELDS)}, e.event_key, d.url "
    f"FROM events e LEFT JOIN documents d ON d.id = e.id {_EVENT_ORDER}"
)
_DOC_SELECT = (
    "SELECT d.id, d.title, d.url, d.date, d.text, "
    "coalesce((SELECT list(o.origin ORDER BY o.origin) FROM document_origins o WHERE o.doc_id = d.id), []) "
    "AS origins FROM documents d ORDER BY d.id"
)


def _rows(store: Store, sql: str) -> Iterator[tuple[Any, ...]]:
    cur = store.connection.cursor()
    try:
        cur.execute(sql)
        while True:
            chunk = cur.fetchmany(_CHUNK)
            if not chunk:
                return
            yield from chunk
    finally:
        cur.close()


def _event_record(row: tuple[Any, ...]) -> dict[str, Any]:
    return record_from_row(dict(zip(EVENT_ROW_FIELDS, row[:len(EVENT_ROW_FIELDS)], strict=True)))


def gdelt_event_id(doc_id: str, event_key: str) -> str:
    """The GLOBALEVENTID of an exported event: the original for GDELT imports, else from the key."""
    if doc_id.startswith("gdelt-") and doc_id[6:].isdigit():
        return doc_id[6:]
    return str(int(event_key[:15], 16))


def _gdelt_url(sentence: str, url: str | None) -> str:
    if url:
        return url
    if sentence.startswith("GLOBALEVENTID ") and " SOURCEURL " in sentence:
        found = sentence.split(" SOURCEURL ", 1)[1].strip()
        return "" if found == "-" else found
    return ""


def gdelt_row(rec: dict[str, Any], event_key: str, url: str | None) -> list[str]:
    """The 61 GDELT 2.0 fields of one event record."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row["GLOBALEVENTID"] = gdelt_event_id(str(rec["id"]), event_key)
    day = str(rec.get("date") or "")
    if len(day) >= 10:
        y, m, d = int(day[:4]), int(day[5:7]), int(day[8:10])
        row["SQLDATE"] = f"{y:04d}{m:02d}{d:02d}"
        row["MonthYear"] = f"{y:04d}{m:02d}"
        row["Year"] = f"{y:04d}"
        try:
            doy = date_cls(y, m, d).timetuple().tm_yday
            row["FractionDate"] = f"{y + doy / 365:.4f}"
        except ValueError:
            pass
        row["DATEADDED"] = f"{y:04d}{m:02d}{d:02d}000000"
    for n, actor, sector in ((1, rec.get("source"), rec.get("source_sector")),
                             (2, rec.get("target"), rec.get("target_sector"))):
        if actor:
            row[f"Actor{n}Code"] = f"{actor}{sector or ''}"
            row[f"Actor{n}CountryCode"] = actor
        if sector:
            row[f"Actor{n}Type1Code"] = sector
    for g in ("Actor1", "Actor2", "Action"):
        row[f"{g}Geo_Type"] = "0"
    cameo = str(rec["cameo"])
    row.update({
        "IsRootEvent": "1" if len(cameo) <= 3 else "0", "EventCode": cameo, "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2], "QuadClass": str(rec["quad_class"]),
        "GoldsteinScale": repr(float(rec["goldstein"])),
        "NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "0",
        "SOURCEURL": _gdelt_url(str(rec.get("sentence") or ""), url),
    })
    return [row[c].replace("\t", " ").replace("\n", " ") for c in GDELT_COLUMNS]


def export_events(store: Store, fmt: str, out: TextIO | None = None, path: str | Path | None = None) -> int:
    """Write every event in ``fmt`` to ``out`` (text formats) or ``path`` (required for parquet); return the count."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        cols = ", ".join(f"e.{c}" for c in EVENT_ROW_FIELDS)
        store.connection.execute(
            f"COPY (SELECT {cols} FROM events e {_EVENT_ORDER}) TO '{_sql_path(path)}' (FORMAT PARQUET)"
        )
        return _count(store, "events")
    if out is None:
        raise ValueError("no output stream")
    n = 0
    writer: Any = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(EVENT_FIELDS), lineterminator="\n")
        writer.writeheader()
    for row in _rows(store, _EVENT_SELECT):
        rec = _event_record(row)
        if fmt == "jsonl":
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            rec["span"] = f"{rec['span'][0]}-{rec['span'][1]}"
            writer.writerow(rec)
        else:
            out.write("\t".join(gdelt_row(rec, str(row[-2]), row[-1])) + "\n")
        n += 1
    return n


def export_documents(store: Store, fmt: str, out: TextIO | None = None, path: str | Path | None = None) -> int:
    """Write every stored document (``id, title, url, date, text, origins``); return the count."""
    if fmt == "gdelt":
        raise ValueError("documents cannot be exported as GDELT rows (use csv, jsonl or parquet)")
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: csv, jsonl, parquet)")
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        store.connection.execute(f"COPY ({_DOC_SELECT}) TO '{_sql_path(path)}' (FORMAT PARQUET)")
        return _count(store, "documents")
    if out is None:
        raise ValueError("no output stream")
    fields = ("id", "title", "url", "date", "text", "origins")
    writer: Any = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
    n = 0
    for row in _rows(store, _DOC_SELECT):
        rec = dict(zip(fields, row, strict=True))
        rec["origins"] = list(rec["origins"] or [])
        if fmt == "jsonl":
            out.write(json.dumps({k: v for k, v in rec.items() if v is not None}, ensure_ascii=False) + "\n")
        else:
            rec["origins"] = ";".join(rec["origins"])
            writer.writerow(rec)
        n += 1
    return n


def _sql_path(path: str | Path) -> str:
    return str(path).replace("'", "''")


def _count(store: Store, table: str) -> int:
    rows = store.connection.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(rows[0][0]) if rows else 0
