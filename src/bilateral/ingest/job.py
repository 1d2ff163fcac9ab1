"""The ingest job: files and folders → documents → coder → store.

Stages never import later ones, so the job takes the coder and the store as
arguments typed by small protocols (:class:`DocumentCoder`, :class:`DocumentSink`);
:class:`bilateral.coding.Coder` and :class:`bilateral.store.Store` fit them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bilateral.ingest.registry import ReadError, ReadIssue, reader_for
from bilateral.model import Document, Event, Sentence


class DocumentCoder(Protocol):
    """What the job needs from a coder."""

    def code_document(self, doc: Document) -> tuple[list[Sentence], list[Event]]:
        """Split ``doc`` into sentences and code them."""
        ...


class AddedDocuments(Protocol):
    """What :meth:`DocumentSink.add_documents` returns."""

    added: list[str]


class DocumentSink(Protocol):
    """What the job needs from a store."""

    def new_documents(self, docs: Sequence[Document]) -> list[Document]:
        """The documents of ``docs`` whose story is not stored yet (first of each repeat)."""
        ...

    def add_documents(self, docs: Iterable[Document]) -> AddedDocuments:
        """Store documents and their origins."""
        ...

    def add_sentences(self, sentences: Iterable[Sentence]) -> int:
        """Store sentences; return how many were new."""
        ...

    def add_events(self, events: Iterable[Event]) -> int:
        """Store events; return how many were new."""
        ...

    def add_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Record ingest errors."""
        ...


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not be ingested: printed as ``origin: reason``."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did."""

    files: int = 0
    documents_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0  # already stored (same id, text or URL)
    sentences: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def nothing_ingested(self) -> bool:
        """True when not a single document could be read (the CLI then exits non-zero)."""
        return self.documents_read == 0


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself if it is a file, else every non-hidden file below it, sorted."""
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(
    path: str | Path, format: str | None = None
) -> Iterator[Document | ReadIssue]:
    """Read every document under ``path`` (a file or a folder), reporting problems as :class:`ReadIssue`.

    In a folder, files that no reader handles are passed over silently; a file
    named directly that no reader handles is an issue.
    """
    top = Path(path)
    if not top.exists():
        yield ReadIssue(str(top), "no such file or folder")
        return
    for file in iter_files(top):
        reader = reader_for(file, format)
        if reader is None:
            if file == top:
                yield ReadIssue(str(file), f"no reader for this kind of file ({file.suffix or 'no suffix'})")
            continue
        try:
            yield from reader.read(file)
        except ReadError as exc:
            yield ReadIssue(str(file), str(exc))
        except UnicodeDecodeError as exc:
            yield ReadIssue(str(file), f"not UTF-8 text ({exc.reason})")
        except OSError as exc:
            yield ReadIssue(str(file), exc.strerror or exc.__class__.__name__)


def ingest_paths(
    paths: Iterable[str | Path],
    store: DocumentSink,
    coder: DocumentCoder,
    *,
    format: str | None = None,
    batch_size: int = 100,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestResult:
    """Read, code and store everything under ``paths``; return the tallies and errors.

    Documents already stored are not coded again (their new origins are still
    recorded). A file or line that cannot be read, or a document the coder
    fails on, becomes one :class:`IngestError` (recorded in ``ingest_errors``
    and passed to ``on_error``); the rest of the batch goes on.
    """
    result = IngestResult()
    batch: list[Document] = []

    def error(origin: str, reason: str) -> None:
        err = IngestError(origin, reason)
        result.errors.append(err)
        store.add_errors([(origin, reason)])
        if on_error is not None:
            on_error(err)

    def flush() -> None:
        if not batch:
            return
        fresh = store.new_documents(batch)
        fresh_ids = {id(d) for d in fresh}
        failed: set[int] = set()
        sentences: list[Sentence] = []
        events: list[Event] = []
        for doc in fresh:
            try:
                sents, evs = coder.code_document(doc)
            except Exception as exc:  # one bad document must not stop the batch
                failed.add(id(doc))
                error(doc.origin or doc.id, f"coding failed: {exc.__class__.__name__}: {exc}")
                continue
            sentences.extend(sents)
            events.extend(evs)
        keep = [d for d in batch if id(d) not in failed]
        added = store.add_documents(keep)
        result.documents_added += len(added.added)
        result.documents_skipped += sum(1 for d in keep if id(d) not in fresh_ids)
        result.sentences += store.add_sentences(sentences)
        result.events += store.add_events(events)
        batch.clear()

    for path in paths:
        seen_files: set[str] = set()
        for item in read_path(path, format):
            if isinstance(item, ReadIssue):
                error(item.origin, item.reason)
                continue
            if item.origin:
                seen_files.add(item.origin)
            result.documents_read += 1
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        result.files += len(seen_files)
    flush()
    return result
