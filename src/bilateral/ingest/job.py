"""The ingest job: files and folders → documents → coder → store.

Stages never import later ones, so the job takes the coder and the store as
arguments typed by small protocols (:class:`DocumentCoder`, :class:`DocumentSink`);
:class:`bilateral.coding.Coder` and :class:`bilateral.store.Store` fit them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from bilateral.dates import resolve_date, sentence_date
from bilateral.ingest.dedup import HasConnection, NearDuplicates
from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.fetch import is_url, read_url
from bilateral.ingest.options import ReadOptions
from bilateral.ingest.registry import Reader, ReadError, ReadIssue, reader_for
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
    documents_skipped: int = 0  # already stored (same id, text or URL, or a near-copy)
    near_duplicates: int = 0  # of the skipped: near-copies of a stored story (see ingest.dedup)
    sentences: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    dry_run: bool = False  # nothing was written; the tallies say what would have been

    @property
    def nothing_ingested(self) -> bool:
        """True when not a single document could be read (the CLI then exits non-zero)."""
        return self.documents_read == 0


#: Longest document text the job codes, in characters (a long news story is under 100,000): a bigger
#: one is reported, not coded, so one huge input cannot stall the corpus (see RELIABILITY.md).
MAX_DOCUMENT_CHARS = 2_000_000

#: Batches between two :meth:`bilateral.store.Store.recycle` calls (checkpoint, close and reopen the
#: DuckDB connection, under the store's own lock) in a writing ingest: rows appended since the last
#: checkpoint stay in DuckDB's memory, and reopening hands it back, so it does not pile up over the run.
#: Measured on Reuters-21578, peak RSS at 10,000 / 21,577 stories (BENCHMARKS.md, ## Ingest): every 20
#: batches 278 / 280 MiB; never, 297 / 316 (with the key index; before it, every 20: 284 / 308;
#: every 10, 5 or 2 no lower and up to 20% more CPU; every 30, 302 / 331; never, 303 / 342).
RECYCLE_EVERY = 20

#: DuckDB worker threads of a store opened for ingesting (``Store(db, threads=INGEST_THREADS)``, as
#: ``bilateral ingest`` and ``bilateral watch`` do): the batch queries are small, and with one thread
#: instead of one per core (2 here) the same ingest peaked about 30 MiB lower at 21,577 stories, for no more CPU.
INGEST_THREADS = 1

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]+")


def one_line(text: str, limit: int = 300) -> str:
    """``text`` as one printable line (control, line-break and bidi characters become spaces), cut to ``limit``."""
    flat = _UNPRINTABLE.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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


def _read(reader: Reader, file: Path, options: ReadOptions | None) -> Iterator[Document | ReadIssue]:
    if options is not None and getattr(reader, "takes_options", False):
        read: Any = reader.read
        items: Iterator[Document | ReadIssue] = read(file, options)
        return items
    return reader.read(file)


def read_path(
    path: str | Path, format: str | None = None, options: ReadOptions | None = None
) -> Iterator[Document | ReadIssue]:
    """Read every document under ``path`` (a file, a folder, a glob or an http(s) URL), reporting problems.

    In a folder, files that no reader handles are passed over silently; a file
    named directly that no reader handles is an issue. A glob (``news/**/*.html``)
    reads every matching file; a URL is fetched (a feed gives its entries, a page its
    article). ``options`` go to the readers that take them (field mapping, time-outs).
    """
    if is_url(path):
        yield from read_url(str(path).strip(), options)
        return
    top = Path(path)
    if not top.exists() and any(c in str(path) for c in "*?["):
        matches = sorted(p for p in Path().glob(str(path)) if p.is_file()) if not top.is_absolute() else sorted(
            p for p in Path(top.anchor).glob(str(top.relative_to(top.anchor))) if p.is_file()
        )
        if not matches:
            yield ReadIssue(str(path), "no file matches this pattern")
        for match in matches:
            if reader_for(match, format) is not None:
                yield from read_path(match, format, options)
        return
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
            yield from _read(reader, file, options)
        except ReadError as exc:
            yield ReadIssue(str(file), str(exc))
        except UnicodeDecodeError as exc:
            yield ReadIssue(str(file), f"not UTF-8 text ({exc.reason})")
        except OSError as exc:
            yield ReadIssue(str(file), exc.strerror or exc.__class__.__name__)
        except Exception as exc:  # a reader bug or a library choking on hostile input: report, go on
            yield ReadIssue(str(file), f"unreadable ({exc.__class__.__name__}: {exc})")


def _batch_transaction(store: DocumentSink) -> AbstractContextManager[Any]:
    """The store's (nesting) transaction if it has one, so a batch's writes commit together."""
    tx = getattr(store, "transaction", None)
    return tx() if tx is not None else nullcontext()


def _existing_event_keys(store: DocumentSink, keys: list[str]) -> set[str]:
    """Keys of ``keys`` already in the store's events table (for dry runs); empty if unknowable."""
    con = getattr(store, "connection", None)
    if con is None or not keys:
        return set()
    import pyarrow as pa

    con.register("_bl_keys", pa.table({"k": pa.array(keys, pa.string())}))
    try:
        rows = con.execute("SELECT event_key FROM events WHERE event_key IN (SELECT k FROM _bl_keys)").fetchall()
    finally:
        con.unregister("_bl_keys")
    return {str(r[0]) for r in rows}


def ingest_paths(
    paths: Iterable[str | Path],
    store: DocumentSink,
    coder: DocumentCoder,
    *,
    format: str | None = None,
    batch_size: int = 100,
    on_error: Callable[[IngestError], None] | None = None,
    options: ReadOptions | None = None,
    dry_run: bool = False,
    near_duplicates: bool = True,
    on_progress: Callable[[IngestResult], None] | None = None,
    recycle_every: int | None = RECYCLE_EVERY,
) -> IngestResult:
    """Read, code and store everything under ``paths``; return the tallies and errors.

    ``paths`` are files, folders (recursively), globs or http(s) URLs; see
    :func:`ingest_items` for what happens to what is read.
    """
    opts = options or ReadOptions()
    files: set[str] = set()

    def items() -> Iterator[Document | ReadIssue]:
        for path in paths:
            for item in read_path(path, format, opts):
                if isinstance(item, Document) and item.origin:
                    files.add(item.origin)
                yield item

    result = ingest_items(
        items(), store, coder, batch_size=batch_size, on_error=on_error, options=opts, dry_run=dry_run,
        near_duplicates=near_duplicates, on_progress=on_progress, recycle_every=recycle_every,
    )
    result.files = len(files)
    return result


def code_all(
    coder: DocumentCoder, docs: list[Document]
) -> dict[int, tuple[list[Sentence], list[Event]] | Exception]:
    """Code ``docs``; map ``id(doc)`` to its sentences and events, or to the exception it raised.

    A coder with a ``code_documents(docs)`` method (``bilateral.scale.ParallelCoder``, a worker
    pool) gets the whole batch at once, one result per document in order; any other coder
    codes one document at a time.
    """
    many = getattr(coder, "code_documents", None)
    if many is not None:
        return {id(d): r for d, r in zip(docs, many(docs), strict=True)}
    out: dict[int, tuple[list[Sentence], list[Event]] | Exception] = {}
    for doc in docs:
        try:
            out[id(doc)] = coder.code_document(doc)
        except Exception as exc:
            out[id(doc)] = exc
    return out


def ingest_items(
    items: Iterable[Document | ReadIssue],
    store: DocumentSink,
    coder: DocumentCoder,
    *,
    batch_size: int = 100,
    on_error: Callable[[IngestError], None] | None = None,
    options: ReadOptions | None = None,
    dry_run: bool = False,
    near_duplicates: bool = True,
    on_progress: Callable[[IngestResult], None] | None = None,
    recycle_every: int | None = RECYCLE_EVERY,
) -> IngestResult:
    """Code and store a stream of documents (and record its read issues); return the tallies and errors.

    Documents are streamed and stored ``batch_size`` at a time, so the job itself holds one batch
    whatever the size of the corpus. Each document's date is its metadata date, else its dateline, else
    ``options.default_date``; its events take that date unless their sentence states
    one full date of its own (``"signed on March 3, 2019"``). Documents already stored (same id, text or URL) or
    near-copies of a stored story (word 5-gram Jaccard ≥ 0.9) are not coded again;
    their new origins are still recorded. Event-file rows (GDELT, ICEWS, POLECAT,
    exported events) arrive coded and are stored as they are.

    A file or line that cannot be read, or a document the coder fails on, becomes
    one :class:`IngestError` (recorded in ``ingest_errors`` and passed to
    ``on_error``); the rest of the batch goes on. With ``dry_run`` nothing is
    written: the result tells what would be added. ``on_progress`` is called with
    the running tallies after each batch and each error.

    Every ``recycle_every`` stored batches (:data:`RECYCLE_EVERY`; ``None`` or 0: never) the store's
    ``recycle()``, if it has one, checkpoints and reopens its connection, so DuckDB's native memory
    does not pile up over the run (not inside a transaction the caller holds open).
    """
    opts = options or ReadOptions()
    result = IngestResult(dry_run=dry_run)
    batch: list[Document] = []
    # the store, not its connection: NearDuplicates reads ``store.connection`` at each use (recycle replaces it)
    with_db = cast(HasConnection, store) if getattr(store, "connection", None) is not None else None
    near = NearDuplicates(with_db, write=not dry_run) if near_duplicates else None
    recycle: Callable[[], object] | None = getattr(store, "recycle", None) if recycle_every and not dry_run else None
    stored_batches = 0
    planned: set[str] = set()  # dry run: ids, hashes and URLs of documents counted as new so far

    def error(origin: str, reason: str) -> None:
        origin, reason = one_line(origin), one_line(reason)
        err = IngestError(origin, reason)
        result.errors.append(err)
        if not dry_run:
            store.add_errors([(origin, reason)])
        if on_error is not None:
            on_error(err)
        if on_progress is not None:
            on_progress(result)

    def flush() -> None:
        nonlocal stored_batches
        if not batch:
            return
        storable = [d for d in batch if not isinstance(d, CodedDocument) or d.store_document]
        fresh = store.new_documents(storable)
        if dry_run:
            fresh = [d for d in fresh if not ({d.id, d.content_hash, d.url or d.id} & planned)]
        fresh_ids = {id(d) for d in fresh}
        if near is not None:
            plain = [d for d in fresh if not isinstance(d, CodedDocument)]
            copies = near.check([(d.id, d.text) for d in plain])
            for d in plain:
                if d.id in copies:
                    d.id = copies[d.id]  # the store then records this origin under the stored story
                    fresh_ids.discard(id(d))
                    result.near_duplicates += 1
        failed: set[int] = set()
        sentences: list[Sentence] = []
        events: list[Event] = []
        coded = code_all(coder, [d for d in batch if not isinstance(d, CodedDocument) and id(d) in fresh_ids])
        for doc in batch:
            if isinstance(doc, CodedDocument):
                if not doc.store_document or id(doc) in fresh_ids:
                    sentences.extend(doc.sentences)
                    events.extend(doc.events)
                continue
            if id(doc) not in fresh_ids:
                continue
            res = coded[id(doc)]
            if isinstance(res, Exception):  # one bad document must not stop the batch
                failed.add(id(doc))
                error(doc.origin or doc.id, f"coding failed: {res.__class__.__name__}: {res}")
                continue
            sents, evs = res
            for ev in evs:  # an event takes the document's date unless its sentence states another
                if ev.date == doc.date:
                    ev.date = sentence_date(ev.sentence) or ev.date
            sentences.extend(sents)
            events.extend(evs)
        keep = [d for d in storable if id(d) not in failed]
        if dry_run:
            new = [d for d in keep if id(d) in fresh_ids]
            for d in new:
                planned.update({d.id, d.content_hash} | ({d.url} if d.url else set()))
            result.documents_added += len(new)
            result.sentences += len({(s.doc_id, s.index) for s in sentences})
            keys = list(dict.fromkeys(e.key for e in events))
            result.events += len(keys) - len(_existing_event_keys(store, keys))
        else:
            # one transaction per batch: a crash (kill -9) leaves the batch wholly stored or not at all,
            # so a rerun codes it again instead of finding documents without their events
            with _batch_transaction(store):
                added = store.add_documents(keep)
                if near is not None:
                    near.commit(added.added)
                n_sentences = store.add_sentences(sentences)
                n_events = store.add_events(events)
            result.documents_added += len(added.added)
            result.sentences += n_sentences
            result.events += n_events
            stored_batches += 1
            if (recycle is not None and recycle_every and stored_batches % recycle_every == 0
                    and not getattr(store, "in_transaction", False)):
                recycle()
        result.documents_skipped += sum(1 for d in keep if id(d) not in fresh_ids)
        batch.clear()
        if on_progress is not None:
            on_progress(result)

    for item in items:
        if isinstance(item, ReadIssue):
            error(item.origin, item.reason)
            continue
        if not isinstance(item, CodedDocument) and len(item.text) > MAX_DOCUMENT_CHARS:
            error(item.origin or item.id, f"document too long to code ({len(item.text):,} characters; "
                                          f"limit {MAX_DOCUMENT_CHARS:,})")
            continue
        if not isinstance(item, CodedDocument):
            item.date = resolve_date(item.date, item.text, opts.default_date)
        result.documents_read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return result
