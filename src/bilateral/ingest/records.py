"""Event-record reader: bilateral's own event exports (JSONL, CSV, Parquet) imported back.

A file holds event records with the fixed fields of :data:`~bilateral.model.EVENT_FIELDS`
(``bilateral export --format jsonl|csv|parquet``). It is recognised by a
``.events.jsonl``/``.events.csv`` name, a ``.parquet`` file with the event columns, by ``--format events``, or
by a first record (JSONL) or header (CSV) that has the ``doc_sentence``, ``cameo`` and
``quad_class`` fields. Each record is imported as it is (its document id, sentence,
span, status and channel kept), so its event key, and so the event, is the same as in
the store it was exported from; documents are exported and imported separately
(``--what documents`` gives a JSONL file the JSONL reader takes back).
In CSV, ``span`` is written ``start-end``; in Parquet it is two columns, ``span_start`` and
``span_end`` (a Parquet file is read in record batches, so its size does not matter).
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.registry import ReadError, ReadIssue, register_reader
from bilateral.ingest.tabular import open_text
from bilateral.model import EVENT_FIELDS, Document, Event, record_from_row

_MARKERS = ("doc_sentence", "cameo", "quad_class")


def parse_span(value: Any) -> tuple[int, int]:
    """A span from a record: ``[s, e]``, ``"s-e"`` or ``"[s, e]"``."""
    if isinstance(value, list | tuple) and len(value) == 2:
        return int(value[0]), int(value[1])
    s = str(value or "").strip().strip("[]()")
    for sep in ("-", ",", ":"):
        if sep in s:
            a, b = s.split(sep, 1)
            return int(a.strip()), int(b.strip())
    raise ValueError(f"bad span {value!r}")


def record_event(rec: dict[str, Any]) -> Event:
    """An :class:`Event` from one exported record; raise ``ValueError`` naming what is wrong."""
    missing = [f for f in ("id", "cameo", "quad_class", "goldstein") if rec.get(f) in (None, "")]
    if missing:
        raise ValueError(f"no {', '.join(missing)}")
    clean = {k: (None if v == "" else v) for k, v in rec.items() if k in EVENT_FIELDS}
    clean["span"] = parse_span(rec.get("span") if rec.get("span") not in (None, "") else [0, 0])
    try:
        return Event.from_record(clean)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bad event record ({exc})") from None


def _events_document(ev: Event, origin: str) -> CodedDocument:
    return CodedDocument(id=ev.id, text=ev.sentence, date=ev.date, origin=origin, events=[ev],
                         store_document=False)


class EventRecordsReader:
    """Reads event records exported by ``bilateral export``."""

    name = "events"

    def _kind(self, path: Path) -> str | None:
        low = path.name.lower()
        if low.endswith(".parquet"):
            return "parquet"
        if low.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            return "jsonl"
        if low.endswith((".csv", ".csv.gz")):
            return "csv"
        return None

    def matches(self, path: Path) -> bool:
        """True for ``*.events.{jsonl,csv}``, event Parquet files, and JSONL/CSV files starting with an event record."""
        low = path.name.lower()
        kind = self._kind(path)
        if kind is None:
            return False
        if ".events." in low:
            return True
        if kind == "parquet":
            try:
                import pyarrow.parquet as pq

                names = set(pq.read_schema(path).names)
            except Exception:  # not a Parquet file: left to other readers
                return False
            # with a ``date`` column: Parquet without one (dated by a ``date=`` folder) is spark-code output,
            # read by bilateral.ingest.parquet_events
            return {"id", "doc_sentence", "cameo", "quad_class", "goldstein", "date"} <= names
        try:
            with open_text(path) as fh:
                first = fh.readline(65536)
        except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile):
            return False
        return all(m in first for m in _MARKERS)

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one coded document (events only, no document stored) per record."""
        kind = self._kind(path) or "jsonl"
        if kind == "parquet":
            yield from self._parquet(path)
            return
        with open_text(path) as fh:
            if kind == "csv":
                rows = csv.DictReader(fh)
                if not rows.fieldnames or not all(m in rows.fieldnames for m in _MARKERS):
                    raise ReadError("not an event-record CSV (needs doc_sentence, cameo, quad_class columns)")
                for row in rows:
                    try:
                        yield _events_document(record_event(dict(row)), str(path))
                    except ValueError as exc:
                        yield ReadIssue(f"{path}:{rows.line_num}", str(exc))
                return
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
                    yield _events_document(record_event(obj), str(path))
                except json.JSONDecodeError as exc:
                    yield ReadIssue(f"{path}:{lineno}", f"broken JSON ({exc.msg}, column {exc.colno})")
                except ValueError as exc:
                    yield ReadIssue(f"{path}:{lineno}", str(exc))

    @staticmethod
    def _parquet(path: Path) -> Iterator[Document | ReadIssue]:
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises ArrowInvalid and OSError subclasses
            first = str(exc).splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise ReadError(f"not a Parquet file ({first})") from None
        n = 0
        for batch in pf.iter_batches(batch_size=2000):
            for rec in batch.to_pylist():
                n += 1
                if "span" not in rec and "span_start" in rec:
                    rec = record_from_row(rec)
                try:
                    yield _events_document(record_event(rec), str(path))
                except ValueError as exc:
                    yield ReadIssue(f"{path}:row {n}", str(exc))


register_reader(EventRecordsReader(), first=True)
