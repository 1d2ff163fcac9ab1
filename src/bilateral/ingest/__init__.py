"""Ingest: read files, folders and dumps into documents, and run the ingest job.

Importing this package registers the built-in readers: plain text, JSON Lines, CSV/TSV, HTML
pages, RSS/Atom feeds, URL lists, and the event files GDELT 2.0, ICEWS, POLECAT and our own
event exports.
"""

from bilateral.ingest import feed as _feed  # noqa: F401  (registers the reader)
from bilateral.ingest import fetch as _fetch  # noqa: F401  (registers the URL-list reader)
from bilateral.ingest import gdelt as _gdelt  # noqa: F401  (registers the reader)
from bilateral.ingest import html as _html  # noqa: F401  (registers the reader)
from bilateral.ingest import icews as _icews  # noqa: F401  (registers the reader)
from bilateral.ingest import jsonl as _jsonl  # noqa: F401  (registers the reader)
from bilateral.ingest import parquet_events as _parquet_events  # noqa: F401  (registers the reader)
from bilateral.ingest import polecat as _polecat  # noqa: F401  (registers the reader)
from bilateral.ingest import records as _records  # noqa: F401  (registers the reader)
from bilateral.ingest import tabular as _tabular  # noqa: F401  (registers the reader)
from bilateral.ingest import text as _text  # noqa: F401  (registers the reader)
from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.job import (
    DocumentCoder,
    DocumentSink,
    IngestError,
    IngestResult,
    ingest_items,
    ingest_paths,
    iter_files,
    read_path,
)
from bilateral.ingest.options import FieldMap, ReadOptions
from bilateral.ingest.registry import (
    Reader,
    ReadError,
    ReadIssue,
    reader_for,
    readers,
    register_reader,
)

__all__ = [
    "CodedDocument",
    "DocumentCoder",
    "DocumentSink",
    "FieldMap",
    "IngestError",
    "IngestResult",
    "ReadError",
    "ReadIssue",
    "ReadOptions",
    "Reader",
    "ingest_items",
    "ingest_paths",
    "iter_files",
    "read_path",
    "reader_for",
    "readers",
    "register_reader",
]
