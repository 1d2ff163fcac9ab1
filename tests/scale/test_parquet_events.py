"""The spark-events reader without Spark: date-partitioned event Parquet, as spark-code lays it out."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths, reader_for
from bilateral.model import Document, Event
from bilateral.scale.spark import PARQUET_COLUMNS, event_row
from bilateral.store import Store

DOCS = [
    Document("d1", "China pledged economic aid to Kenya. Kenya welcomed the aid.", "2024-03-01"),
    Document("d2", "India and Japan held talks in Tokyo.", "2024-03-02"),
    Document("d3", "France did not receive the loan it asked for from Germany.", None),
]


def _write_partitioned(out: Path, events: list[Event]) -> None:
    names = [n for n, _ in PARQUET_COLUMNS if n != "date"]
    by_date: dict[str | None, list[dict[str, object]]] = {}
    for ev in events:
        row = dict(zip([n for n, _ in PARQUET_COLUMNS], event_row(ev), strict=True))
        by_date.setdefault(ev.date, []).append({n: row[n] for n in names})
    for date, rows in by_date.items():
        folder = out / f"date={date or '__HIVE_DEFAULT_PARTITION__'}"
        folder.mkdir(parents=True)
        schema = pa.schema([(n, pa.int32() if t == "int" else pa.float64() if t == "double" else pa.string())
                            for n, t in PARQUET_COLUMNS if n != "date"])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / "part-00000.snappy.parquet")
    (out / "_SUCCESS").write_text("", encoding="utf-8")


def test_ingest_loads_partitioned_events_with_their_dates(tmp_path: Path) -> None:
    coder = Coder()
    events = [ev for d in DOCS for ev in coder.code_document(d)[1]]
    assert {ev.date for ev in events} >= {"2024-03-01", None}
    out = tmp_path / "events"
    _write_partitioned(out, events)
    part = next(out.glob("date=2024-03-01/*.parquet"))
    reader = reader_for(part)
    assert reader is not None and reader.name == "spark-events"
    with Store(tmp_path / "db.duckdb") as store:
        res = ingest_paths([out], store, coder)
        assert res.errors == [] and res.events == len({e.key for e in events})
        stored = {e.key: e.to_record() for e in store.events()}
        again = ingest_paths([out], store, coder)  # loading twice adds nothing
        assert again.events == 0
    assert stored == {e.key: e.to_record() for e in events}


def test_event_parquet_with_a_date_column_is_left_to_the_export_reader(tmp_path: Path) -> None:
    folder = tmp_path / "date=2024-03-01"
    folder.mkdir()
    path = folder / "x.parquet"
    ev = Coder().code_document(DOCS[0])[1][0]
    row = dict(zip([n for n, _ in PARQUET_COLUMNS], event_row(ev), strict=True))
    pq.write_table(pa.Table.from_pylist([row]), path)
    reader = reader_for(path)
    assert reader is not None and reader.name == "events"
