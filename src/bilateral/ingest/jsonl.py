"""JSON Lines reader: ``.jsonl`` / ``.ndjson`` files, optionally gzip-compressed (``.gz``).

One JSON object per line with ``text`` (required) and ``id``, ``date``,
``title``, ``url`` (optional); other fields are kept in ``Document.meta``.
A line without ``id`` gets ``doc-`` + the first 16 hex digits of the
document's content hash. A line that is not valid UTF-8 or JSON, not an object,
or has no text is reported as ``path:line: reason`` and skipped; the other
lines are still read. Blank lines are ignored.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from bilateral.ingest.options import ReadOptions
from bilateral.ingest.registry import MAX_INPUT_BYTES, ReadError, ReadIssue, register_reader
from bilateral.model import Document


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _lines(fh: IO[bytes], limit: int = MAX_INPUT_BYTES) -> Iterator[bytes | None]:
    """The lines of ``fh``; ``None`` for a line longer than ``limit`` bytes, which is skipped unread.

    Memory stays bounded by ``limit`` whatever the file holds (a 200 MB line without a newline).
    """
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield None
            continue
        yield raw


def record_document(obj: dict[str, Any], origin: str | None = None) -> Document:
    """Build a document from one JSON object; raise ``ValueError`` if it has no usable text
    (:meth:`Document.from_record`)."""
    return Document.from_record(obj, origin)


class JsonlReader:
    """Reads JSON Lines files, plain or gzip-compressed."""

    name = "jsonl"
    takes_options = True  # a field mapping (``--text-field`` …) renames keys before reading
    suffixes: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")

    def matches(self, path: Path) -> bool:
        """True for ``.jsonl``, ``.ndjson`` and their ``.gz`` forms."""
        return path.name.lower().endswith(self.suffixes)

    def read(self, path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadIssue]:
        """Yield one document per good line and a :class:`ReadIssue` per bad one."""
        fields = (options or ReadOptions()).fields
        try:
            with _open(path) as fh:
                for lineno, raw in enumerate(_lines(fh), start=1):
                    where = f"{path}:{lineno}"
                    if raw is None:
                        yield ReadIssue(where, f"line longer than {MAX_INPUT_BYTES:,} bytes, skipped")
                        continue
                    try:
                        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                    except UnicodeDecodeError as exc:
                        yield ReadIssue(where, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")
                        continue
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield ReadIssue(where, f"broken JSON ({exc.msg}, column {exc.colno})")
                        continue
                    except RecursionError:
                        yield ReadIssue(where, "JSON nested too deeply")
                        continue
                    if not isinstance(obj, dict):
                        yield ReadIssue(where, f"expected a JSON object, got {type(obj).__name__}")
                        continue
                    try:
                        yield record_document(fields.remap(obj), origin=str(path))
                    except ValueError as exc:
                        yield ReadIssue(where, str(exc).replace("'text'", repr(fields.source("text"))))
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise ReadError(f"broken gzip file ({exc})") from None


register_reader(JsonlReader())
