"""Spark events reader: loads what ``bilateral spark-code`` writes back into the store.

``spark-code`` writes event records as Parquet partitioned by date: the ``date`` column lives
only in the folder names (``…/date=1987-02-26/part-….parquet``, ``date=__HIVE_DEFAULT_PARTITION__``
for none). This reader takes a ``.parquet`` file that has the event columns but no ``date``
column and sits below a ``date=…`` folder, and puts the date back from the folder name (other
event Parquet files, such as ``bilateral export``'s, are read by :mod:`bilateral.ingest.records`).

Its rows are already coded, so each document becomes one
:class:`~bilateral.ingest.eventfiles.CodedDocument` carrying its events in file order, and only the
events are stored (``store_document=False``): the Parquet holds the evidence sentences, not the
whole text. Event keys are the single-machine path's, so loading the same events twice, or
loading them next to an ``ingest`` of the same corpus, adds nothing. The file is read in record
batches; a document's events are consecutive (one Spark task codes the whole document).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

# registered before this reader, so this one (first=True) is tried ahead of it for Spark output
from bilateral.ingest import records as _records  # noqa: F401
from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.registry import ReadError, ReadIssue, register_reader
from bilateral.model import Document, Event

#: Columns a Parquet file must have to be read as events.
EVENT_COLUMNS = frozenset({"id", "doc_sentence", "cameo", "quad_class", "goldstein", "span_start", "span_end"})
_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def partition_value(path: Path, column: str) -> tuple[bool, str | None]:
    """``(found, value)`` of the Hive partition folder ``column=value`` above ``path``."""
    for part in reversed(path.parent.parts):
        if part.startswith(column + "="):
            value = unquote(part[len(column) + 1:])
            return True, None if value == _NULL_PARTITION else value
    return False, None


def _columns(path: Path) -> set[str]:
    import pyarrow.parquet as pq

    return set(pq.read_schema(path).names)


class ParquetEventsReader:
    """Reads ``spark-code`` output: date-partitioned event Parquet files, as pre-coded documents."""

    name = "spark-events"

    def matches(self, path: Path) -> bool:
        """True for a ``.parquet`` file with the event columns, no ``date`` column, below ``date=…``."""
        if path.suffix.lower() != ".parquet" or not partition_value(path, "date")[0]:
            return False
        try:
            names = _columns(path)
        except Exception:  # not a Parquet file after all: another reader (or none) handles it
            return False
        return names >= EVENT_COLUMNS and "date" not in names

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one :class:`CodedDocument` per run of rows with the same document id."""
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises ArrowInvalid and OSError subclasses
            raise ReadError(f"not a readable Parquet file ({exc.__class__.__name__})") from None
        missing = EVENT_COLUMNS - set(pf.schema_arrow.names)
        if missing:
            raise ReadError(f"not an events Parquet file (no {', '.join(sorted(missing))})")
        _, folder_date = partition_value(path, "date")
        doc: CodedDocument | None = None
        n = 0
        for batch in pf.iter_batches(batch_size=2000):
            for rec in batch.to_pylist():
                n += 1
                rec.setdefault("date", folder_date)
                try:
                    ev = Event.from_row(rec)
                except (KeyError, TypeError, ValueError) as exc:
                    yield ReadIssue(f"{path}:row {n}", f"bad event row ({exc.__class__.__name__}: {exc})")
                    continue
                if doc is None or doc.id != ev.id:
                    if doc is not None:
                        yield doc
                    doc = CodedDocument(
                        id=ev.id, text=ev.sentence, date=ev.date, origin=str(path), store_document=False,
                    )
                doc.events.append(ev)
        if doc is not None:
            yield doc


register_reader(ParquetEventsReader(), first=True)
