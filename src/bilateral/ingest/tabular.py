"""CSV/TSV reader: one row of a ``.csv``/``.tsv`` dump (optionally ``.gz``) is one document.

The first row is the header. Columns are mapped onto the document with the run's
:class:`~bilateral.ingest.options.FieldMap` (``--text-field``, ``--date-field``,
``--id-field``, ``--url-field``, ``--title-field``); by default the columns are
called ``text``, ``date``, ``id``, ``url`` and ``title``. Other columns go to
``Document.meta``. A row without text is reported as ``path:line: reason``.
A row without id gets ``csv-`` + 16 hex digits of its content hash.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from bilateral.ingest.jsonl import record_document
from bilateral.ingest.options import ReadOptions
from bilateral.ingest.registry import MAX_INPUT_BYTES, ReadError, ReadIssue, register_reader
from bilateral.model import Document

csv.field_size_limit(MAX_INPUT_BYTES)  # a broken quote cannot make one field swallow gigabytes


def open_text(path: Path) -> IO[str]:
    """Open ``path`` as UTF-8 text (a BOM dropped), decompressing ``.gz`` transparently."""
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open("r", encoding="utf-8-sig", newline="")


def _bounded_lines(fh: IO[str], limit: int = MAX_INPUT_BYTES) -> Iterator[str]:
    """The lines of ``fh``, never holding more than ``limit`` characters of one in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            raise ReadError(f"a line longer than {limit:,} characters")
        yield line


class CsvReader:
    """Reads CSV and TSV dumps with a header row."""

    name = "csv"
    takes_options = True
    suffixes: tuple[str, ...] = (".csv", ".tsv", ".csv.gz", ".tsv.gz")

    def matches(self, path: Path) -> bool:
        """True for ``.csv``, ``.tsv`` and their ``.gz`` forms."""
        return path.name.lower().endswith(self.suffixes)

    def read(self, path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadIssue]:
        """Yield one document per row with text, an issue per row without."""
        opts = options or ReadOptions()
        delimiter = "\t" if ".tsv" in path.name.lower() else ","
        try:
            with open_text(path) as fh:
                rows = csv.DictReader(_bounded_lines(fh), delimiter=delimiter)
                if rows.fieldnames is None:
                    raise ReadError("empty file")
                text_col = opts.fields.source("text")
                if text_col not in rows.fieldnames:
                    raise ReadError(f"no {text_col!r} column (columns: {', '.join(rows.fieldnames)[:200]})")
                for row in rows:
                    where = f"{path}:{rows.line_num}"
                    obj = {k: v for k, v in row.items() if k is not None and v not in (None, "")}
                    mapped = opts.fields.remap(obj)
                    try:
                        doc = record_document(mapped, origin=str(path))
                    except ValueError as exc:
                        yield ReadIssue(where, str(exc).replace("'text'", repr(text_col)))
                        continue
                    if "id" not in mapped:
                        doc.id = f"csv-{doc.content_hash[:16]}"
                    yield doc
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise ReadError(f"broken gzip file ({exc})") from None
        except csv.Error as exc:
            raise ReadError(f"broken CSV ({exc})") from None


register_reader(CsvReader())
