"""Ingest: read files, folders and dumps into documents, and run the ingest job.

Importing this package registers the built-in readers (plain text, JSON Lines).
"""

from bilateral.ingest import jsonl as _jsonl  # noqa: F401  (registers the reader)
from bilateral.ingest import text as _text  # noqa: F401  (registers the reader)
from bilateral.ingest.job import (
    DocumentCoder,
    DocumentSink,
    IngestError,
    IngestResult,
    ingest_paths,
    iter_files,
    read_path,
)
from bilateral.ingest.registry import (
    Reader,
    ReadError,
    ReadIssue,
    reader_for,
    readers,
    register_reader,
)

__all__ = [
    "DocumentCoder", "DocumentSink", "IngestError", "IngestResult", "ReadError", "ReadIssue", "Reader",
    "ingest_paths", "iter_files", "read_path", "reader_for", "readers", "register_reader",
]
