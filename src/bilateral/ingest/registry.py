"""The reader registry: which reader turns which file into documents.

A reader is any object with a ``name``, a ``matches(path)`` test and a
``read(path)`` generator (see :class:`Reader`). Readers register themselves
with :func:`register_reader` when their module is imported; the package's
``__init__`` imports the built-in ones. To add a format, write one module
with one reader class and register an instance of it.

``read`` yields :class:`~bilateral.model.Document` objects and, for a part of
the file that cannot be read (a broken JSON line, a row without text), a
:class:`ReadIssue` naming the place and the reason; the rest of the file is
still read. A file that cannot be read at all raises :class:`ReadError` (or
``OSError``/``UnicodeDecodeError``, which the ingest job reports the same way).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from bilateral.model import Document


@dataclass(frozen=True, slots=True)
class ReadIssue:
    """A part of an input that could not be read: ``origin`` is ``path`` or ``path:line``."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class ReadError(Exception):
    """A whole input could not be read; ``str()`` is the reason, without the path."""


@runtime_checkable
class Reader(Protocol):
    """Turns one file into documents."""

    @property
    def name(self) -> str:
        """Short format name, as given to ``--format`` (``"txt"``, ``"jsonl"`` …)."""
        ...

    def matches(self, path: Path) -> bool:
        """Whether this reader handles ``path`` (usually by its extension)."""
        ...

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield the documents of ``path`` in order, and a :class:`ReadIssue` for each unreadable part."""
        ...


_READERS: list[Reader] = []


def register_reader(reader: Reader, *, first: bool = False) -> Reader:
    """Add ``reader`` to the registry (replacing one of the same name); return it.

    ``first=True`` puts it before the others, so it wins over a reader that
    matches the same files.
    """
    _READERS[:] = [r for r in _READERS if r.name != reader.name]
    if first:
        _READERS.insert(0, reader)
    else:
        _READERS.append(reader)
    return reader


def readers() -> list[Reader]:
    """The registered readers, in the order they are tried."""
    return list(_READERS)


def reader_for(path: str | Path, format: str | None = None) -> Reader | None:
    """The reader for ``path``: the one named ``format`` if given, else the first that matches."""
    p = Path(path)
    if format is not None:
        for r in _READERS:
            if r.name == format:
                return r
        raise ValueError(f"unknown format {format!r} (known: {', '.join(r.name for r in _READERS)})")
    for r in _READERS:
        if r.matches(p):
            return r
    return None


#: Largest single input read whole (a text file, a page, a feed) or one JSON line, in bytes: no news
#: article comes near it, and it keeps memory bounded whatever is fed in (see RELIABILITY.md).
MAX_INPUT_BYTES = 32 * 1024 * 1024


def check_size(path: Path, limit: int = MAX_INPUT_BYTES) -> None:
    """Raise :class:`ReadError` when ``path`` is larger than ``limit`` bytes (before anything is read)."""
    size = path.stat().st_size
    if size > limit:
        raise ReadError(f"file too large to read whole ({size / 2**20:,.0f} MiB; limit {limit / 2**20:,.0f} MiB)")


def read_bytes_utf8(path: Path) -> str:
    """Read ``path`` as UTF-8 text (a BOM is dropped); raise :class:`ReadError` with a clear reason."""
    check_size(path)
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a UTF-16 byte-order mark (Windows Notepad "Unicode")
        raise ReadError("UTF-16 text, not UTF-8 (save it as UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
