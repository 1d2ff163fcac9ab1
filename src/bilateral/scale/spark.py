"""Apache Spark: ``bilateral spark-code INPUT OUTPUT`` codes a corpus with ``mapPartitions``.

* **Input**: JSONL (``{"id", "text", "date"?, "title"?, "url"?}`` per line, ``.gz`` too), Parquet
  (the same columns), or text (one file is one document, as ``bilateral ingest`` reads ``.txt``).
  A document is built exactly as the single-machine readers build it, so its id and events are
  the same.
* **Coding**: one :class:`~bilateral.coding.Coder` per partition (built once, at the partition's
  first document), plain tuples out; no Python object crosses into the JVM.
* **Output**: Parquet with the columns of :data:`PARQUET_COLUMNS`: the event's storage row
  (``EVENT_ROW_COLUMNS``: the record with ``span`` as two ints, ``span_start`` and ``span_end``), partitioned by
  ``date`` (folders ``date=YYYY-MM-DD``; events without a date go to
  ``date=__HIVE_DEFAULT_PARTITION__``). Spark keeps the partition column in the folder names only;
  :mod:`bilateral.ingest.parquet_events` and ``bilateral ingest OUTPUT`` read it back from there.

PySpark is an optional extra: ``pip install 'bilateral[spark]'``. Run from the command line
(``bilateral spark-code``, a local session, ``local[*]`` unless ``--master`` says otherwise) or with
``spark-submit`` (this file is the application; see ``docs/scale.md``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bilateral.model import EVENT_ROW_COLUMNS, Document, Event

INSTALL_HINT = "PySpark is not installed: pip install 'bilateral[spark]'"

#: Columns of the events Parquet, in order, with their Spark SQL types (``date`` is the partition).
PARQUET_COLUMNS: tuple[tuple[str, str], ...] = EVENT_ROW_COLUMNS

FORMATS = ("jsonl", "parquet", "text")

EventRow = tuple[Any, ...]


class SparkMissing(RuntimeError):
    """PySpark is not installed; ``str()`` says how to install it."""


def require_pyspark() -> None:
    """Raise :class:`SparkMissing` (with the install line) when PySpark cannot be imported."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkMissing(INSTALL_HINT) from None


def event_row(ev: Event) -> EventRow:
    """The Parquet row of an event, in :data:`PARQUET_COLUMNS` order."""
    return tuple(ev.to_row().values())


# ------------------------------------------------------------------------------- partition functions
# Top-level functions: Spark pickles them by reference and runs them in its Python workers.


def _jsonl_documents(lines: Iterable[str]) -> Iterator[Document]:
    from bilateral.ingest.jsonl import record_document

    for line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if isinstance(obj, dict):
                yield record_document(obj)
        except ValueError:  # a broken line or one without text: skipped, as code-text skips it
            continue


def _parquet_documents(rows: Iterable[Any]) -> Iterator[Document]:
    from bilateral.ingest.jsonl import record_document

    for row in rows:
        try:
            yield record_document(row.asDict())
        except ValueError:
            continue


def _text_documents(files: Iterable[tuple[str, bytes]]) -> Iterator[Document]:
    from bilateral.ingest.text import text_document

    for path, data in files:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        if text.strip():
            yield text_document(text, origin=path)


def code_partition(docs: Iterable[Document]) -> Iterator[EventRow]:
    """Code the documents of one partition with one coder; yield plain event rows."""
    coder = None
    for doc in docs:
        if coder is None:
            from bilateral.coding import Coder

            coder = Coder()
        _, events = coder.code_document(doc)
        for ev in events:
            yield event_row(ev)


def _code_jsonl(lines: Iterable[str]) -> Iterator[EventRow]:
    return code_partition(_jsonl_documents(lines))


def _code_parquet(rows: Iterable[Any]) -> Iterator[EventRow]:
    return code_partition(_parquet_documents(rows))


def _code_text(files: Iterable[tuple[str, bytes]]) -> Iterator[EventRow]:
    return code_partition(_text_documents(files))


# ------------------------------------------------------------------------------- driver


@dataclass(slots=True)
class SparkResult:
    """What one ``spark-code`` run wrote."""

    output: str
    events: int


def spark_schema() -> Any:
    """The Spark ``StructType`` of the events Parquet."""
    from pyspark.sql.types import StructType

    return StructType.fromDDL(", ".join(f"{name} {kind}" for name, kind in PARQUET_COLUMNS))


def spark_session(master: str | None = None, app_name: str = "bilateral spark-code") -> Any:
    """A Spark session: the one ``spark-submit`` set up, else a local one (``master`` or ``local[*]``).

    A local session gets ``spark.ui.enabled=false`` and runs its Python workers with this interpreter.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None or "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        # local Python workers: this interpreter (PySpark reads the variable, not the conf, here)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            builder.master(master or "local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
        )
    return builder.getOrCreate()


def code_to_parquet(
    spark: Any,
    input_path: str,
    output_path: str,
    *,
    format: str = "jsonl",
    partitions: int | None = None,
) -> SparkResult:
    """Read ``input_path``, code it with ``mapPartitions``, write events Parquet to ``output_path``.

    ``output_path`` is replaced if it exists. ``partitions`` sets how many partitions code the
    input (default: Spark's choice for the input).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")
    sc = spark.sparkContext
    rows: Any
    if format == "jsonl":
        lines = sc.textFile(input_path, minPartitions=partitions) if partitions else sc.textFile(input_path)
        rows = lines.mapPartitions(_code_jsonl)
    elif format == "parquet":
        docs = spark.read.parquet(input_path).rdd
        if partitions:
            docs = docs.repartition(partitions)
        rows = docs.mapPartitions(_code_parquet)
    else:
        files = sc.binaryFiles(input_path, minPartitions=partitions) if partitions else sc.binaryFiles(input_path)
        rows = files.mapPartitions(_code_text)
    frame = spark.createDataFrame(rows, schema=spark_schema())
    frame.write.mode("overwrite").partitionBy("date").parquet(output_path)
    written = spark.read.schema(spark_schema()).parquet(output_path).count()
    return SparkResult(output_path, int(written))


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``spark-submit bilateral/scale/spark.py INPUT OUTPUT [--format F] [--partitions N]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="bilateral-spark", description="Code a corpus into events Parquet.")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--master", default=None)
    args = parser.parse_args(argv)
    spark = spark_session(args.master)
    try:
        res = code_to_parquet(spark, args.input, args.output, format=args.format, partitions=args.partitions)
    finally:
        spark.stop()
    print(f"{res.events} events → {res.output}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    # run through the imported module, so Spark pickles the partition functions by reference
    from bilateral.scale.spark import main as _main

    sys.exit(_main())
