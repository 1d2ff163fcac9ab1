"""``spark-code`` in a real Spark local[2] session: the events equal the single-machine path exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.ingest.jsonl import record_document
from bilateral.ingest.text import text_document
from bilateral.model import Document
from bilateral.scale.spark import PARQUET_COLUMNS, code_to_parquet, event_row
from bilateral.store import Store

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local[2] session for the module (start-up costs about 13 s)."""
    from bilateral.scale.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def _jsonl_docs(path: Path) -> list[Document]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        docs.append(record_document(obj))
    return docs


def _single_machine(docs: list[Document]) -> list[tuple[Any, ...]]:
    coder = Coder()
    return sorted((event_row(ev) for d in docs for ev in coder.code_document(d)[1]), key=repr)


def _spark_rows(out: Path) -> list[tuple[Any, ...]]:
    """Read the partitioned output back with pyarrow (date from the folder names), in column order."""
    part = ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive")
    table = ds.dataset(out, format="parquet", partitioning=part).to_table()
    rows = []
    for rec in table.to_pylist():
        if rec["date"] == "__HIVE_DEFAULT_PARTITION__":
            rec["date"] = None
        rows.append(tuple(rec[name] for name, _ in PARQUET_COLUMNS))
    return sorted(rows, key=repr)


def test_jsonl_events_equal_the_single_machine_path(spark: Any, corpus_small: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    res = code_to_parquet(spark, str(corpus_small), str(out), format="jsonl", partitions=3)
    expected = _single_machine(_jsonl_docs(corpus_small))
    assert expected and res.events == len(expected)
    assert _spark_rows(out) == expected
    # partitioned by date, the undated documents in Hive's null partition
    folders = {p.name for p in out.iterdir() if p.is_dir()}
    assert "date=2024-03-01" in folders and "date=__HIVE_DEFAULT_PARTITION__" in folders
    schema = pq.read_schema(next(out.glob("date=2024-03-01/*.parquet")))
    assert schema.names == [n for n, _ in PARQUET_COLUMNS if n != "date"]
    assert str(schema.field("span_start").type) == "int32" and str(schema.field("goldstein").type) == "double"

    # `bilateral ingest` loads it into DuckDB: the very events of the single-machine path
    with Store(tmp_path / "spark.duckdb") as store:
        loaded = ingest_paths([out], store, Coder())
        assert loaded.errors == []
        stored = {e.key: e.to_record() for e in store.events()}
    coder = Coder()
    direct = {e.key: e.to_record() for d in _jsonl_docs(corpus_small) for e in coder.code_document(d)[1]}
    assert stored == direct and loaded.events == len(direct)


def test_parquet_and_text_inputs(spark: Any, corpus_small: Path, tmp_path: Path) -> None:
    docs = _jsonl_docs(corpus_small)[:12]
    # Parquet documents in
    src = tmp_path / "docs.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": d.id, "text": d.text, "date": d.date} for d in docs]), src)
    out = tmp_path / "from_parquet"
    code_to_parquet(spark, str(src), str(out), format="parquet", partitions=2)
    assert _spark_rows(out) == _single_machine(docs)
    # a folder of text files in: one file is one document, read as `ingest` reads .txt
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, d in enumerate(docs[:6]):
        (folder / f"{i}.txt").write_text(d.text, encoding="utf-8")
    out = tmp_path / "from_text"
    code_to_parquet(spark, str(folder), str(out), format="text")
    texts = [text_document(d.text) for d in docs[:6]]
    assert _spark_rows(out) == _single_machine(texts)


def test_spark_code_command_and_the_missing_pyspark_line(corpus_small: Path, tmp_path: Path) -> None:
    # without PySpark the command says how to install it, in one line
    code = (
        "import sys; sys.modules['pyspark'] = None; from bilateral.cli import main; "
        f"main(['spark-code', {str(corpus_small)!r}, {str(tmp_path / 'x')!r}])"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == ["Error: PySpark is not installed: pip install 'bilateral[spark]'"]
