"""The embedded DuckDB store: documents, their origins, sentences, events and ingest errors.

Every write is a batch inside one transaction, and every write is idempotent:

* a document already stored under the same ``id``, the same ``content_hash``
  (normalised text) or the same URL is the same story: it is not stored again,
  only the place it was seen is added to ``document_origins``;
* a sentence is keyed by ``(doc_id, idx)``;
* an event is keyed by :attr:`bilateral.model.Event.key`.

The keys are looked up in the store's key index (:mod:`bilateral.store.keys`, a SQLite file beside
the DuckDB file), not in DuckDB: DuckDB would scan whole key columns, or keep key indexes in memory,
so an ingest's memory would grow with the store. The DuckDB tables carry no keys of their own; a
read-only store, which has no index open, finds duplicates with DuckDB queries
(:mod:`bilateral.store.key_scans`). Batches go in as Arrow tables (``INSERT ... SELECT``), which is
much faster in DuckDB than row-by-row inserts (:mod:`bilateral.store.rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from bilateral.model import Document, Event, Sentence
from bilateral.store.key_scans import mirrored_counts, rebuild_key_index, scan_known_documents, scan_origin_owners
from bilateral.store.keys import DOC_HASH, DOC_ID, DOC_URL, EVENT, ORIGIN, SENTENCE, KeyIndex, composite
from bilateral.store.lock import StoreInUse
from bilateral.store.lock import acquire as acquire_lock
from bilateral.store.migrations import applied_version, pending_migrations
from bilateral.store.rows import ARROW, count_rows, event_row, latest_day, select_events
from bilateral.store.versions import PendingChange, actors_version, store_version
from bilateral.store.versions import record as record_change

if TYPE_CHECKING:
    import pyarrow as pa

DEFAULT_DB = "bilateral.duckdb"


@dataclass(slots=True)
class DocumentsAdded:
    """Outcome of :meth:`Store.add_documents`.

    ``added`` lists the ids of documents stored now; ``duplicates`` maps the id
    of each document that was already known (or repeated in the batch) to the
    id under which its story is stored.
    """

    added: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)


def _in_memory(path: str) -> bool:
    """Whether ``path`` names a DuckDB in-memory database (no file, nothing to lock)."""
    return path == "" or path.startswith(":memory:")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """An embedded DuckDB file holding documents, sentences and events.

    >>> from bilateral.store.migrations import LATEST_VERSION
    >>> with Store(":memory:") as store:
    ...     store.schema_version == LATEST_VERSION
    True
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, threads: int | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        #: DuckDB's worker threads (``None``: one per core). An ingest opens its store with 1
        #: (:data:`bilateral.ingest.job.INGEST_THREADS`): its small batch queries gain nothing from
        #: more, and each extra thread keeps native memory of its own.
        self.threads = threads
        self._depth = 0  # nesting of :meth:`transaction`: only the outermost one commits
        self._change: PendingChange | None = None  # what the open transaction's writes touched
        self._keys: KeyIndex | None = None
        # the store's own lock (``FILE.lock``) first, so it is held before, while and after DuckDB's
        self._lock = None if _in_memory(self.path) else acquire_lock(self.path, shared=read_only)
        try:
            self._con = self._connect()
            if not read_only:
                self.migrate()
                self._keys = KeyIndex(None if _in_memory(self.path) else self.path + ".keys")
                self._sync_keys()
        except BaseException:
            if self._keys is not None:
                self._keys.close()
            if getattr(self, "_con", None) is not None:
                self._con.close()
            self._release_lock()
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            config: dict[str, str | bool | int | float | list[str]] = {}
            if self.threads is not None:
                config["threads"] = self.threads
            if not self.read_only:
                # A checkpoint's vacuum merges the small row groups that earlier checkpoints wrote, and so
                # reads and rewrites up to a row group (122,880 rows: every stored text, at first) each
                # time: an ingest's memory at checkpoints grew with the store (+45 MiB at 20,000 stories,
                # BENCHMARKS.md). The store only appends, so there are no deleted rows to reclaim;
                # tables keep one row group per checkpoint (every RECYCLE_EVERY batches of an ingest).
                config["max_vacuum_tasks"] = 0
            con = duckdb.connect(self.path, read_only=self.read_only, config=config)
        except duckdb.IOException as exc:
            raise StoreInUse.from_duckdb(self.path, exc) from None
        # no progress bar: DuckDB draws it on stdout for a long query, inside `bilateral gap --format json`'s output
        con.execute("SET enable_progress_bar = false")
        return con

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection and let the file go (the file stays)."""
        try:
            if self._keys is not None:
                self._keys.close()
            self._con.close()
        finally:
            self._release_lock()

    def recycle(self) -> bool:
        """Checkpoint, close and reopen the DuckDB connection; return whether it was reopened.

        A connection's native memory (index and buffer caches, what DuckDB's allocator keeps) grows
        with what went through it, and only closing the database hands it back. A long ingest calls
        this every :data:`bilateral.ingest.job.RECYCLE_EVERY` batches, so that memory does not pile
        up over the whole run (what one connection needs still grows with the store: BENCHMARKS.md).
        The store's own lock (``FILE.lock``) stays held throughout, so no other process can open
        the file in the moment DuckDB's lock is down. Data, schema and everything reached through
        :attr:`connection` carry on; only cursors taken from the old connection are closed.

        Nothing is done (``False``) for an in-memory store (closing would drop its data) or a
        read-only store without the lock file. Inside a transaction it raises ``RuntimeError``.
        """
        if self._depth:
            raise RuntimeError("cannot recycle the store's connection inside a transaction")
        if self._lock is None or not self._lock.held:
            return False
        if not self.read_only:
            self._con.execute("CHECKPOINT")
        self._con.close()
        self._con = self._connect()
        return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The raw DuckDB connection, for SQL by the analysis stage.

        :meth:`recycle` replaces it: read this property each time rather than keeping the connection.
        """
        return self._con

    @property
    def key_index(self) -> KeyIndex | None:
        """The store's key index (``None`` for a read-only store): near-duplicate buckets live there too."""
        return self._keys

    @property
    def in_transaction(self) -> bool:
        """Whether a :meth:`transaction` block is open (then :meth:`recycle` must wait)."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run a block in one transaction: committed on success, rolled back on error.

        Transactions nest: an inner block joins the outer one, so a caller can make several
        writes (documents, sentences, events of one ingest batch) commit together or not at all.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self._con
            finally:
                self._depth -= 1
            return
        self._con.begin()
        if self._keys is not None:
            self._keys.begin()
        self._depth = 1
        self._change = None
        try:
            yield self._con
            self._depth = 0
            if self._change is not None:  # one new store version for everything this transaction wrote
                record_change(self._con, self._change, migrated=not self.read_only)
                self._change = None
            self._con.commit()
        except BaseException:
            self._depth = 0
            self._change = None
            if self._keys is not None:
                self._keys.rollback()
            with suppress(duckdb.Error):  # the commit itself failed: DuckDB has already ended the transaction
                self._con.rollback()
            raise
        if self._keys is not None:
            # DuckDB first: a crash in between leaves the index behind, and the next opening rebuilds it
            self._keys.commit(self._mirrored_counts())

    def _touch(self, kind: str, actors: Iterable[str | None] = (), latest: Any = None) -> None:
        """Note, inside the open transaction, a write of ``kind`` changing the events of ``actors``."""
        if self._change is None:
            self._change = PendingChange()
        self._change.touch(kind, actors, latest)

    @property
    def version(self) -> int:
        """The store's version: raised by every committed write (see :mod:`bilateral.store.versions`)."""
        return store_version(self._con)

    def dyad_version(self, *actors: str) -> int:
        """The version of the last write that touched the events of one of ``actors`` (or everything)."""
        return actors_version(self._con, actors)

    # -- schema ---------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty file)."""
        return applied_version(self._con)

    def migrate(self) -> int:
        """Apply every migration newer than the file's schema version; return the new version."""
        pending = pending_migrations(self._con, self.path)
        if pending:
            # one transaction for all of them: a store is never left half migrated, and a new file
            # becomes usable in one commit
            with self.transaction() as con:
                for mig in pending:
                    for stmt in mig.statements:
                        con.execute(stmt)
                    con.execute(
                        "INSERT INTO schema_version VALUES (?, ?, ?)", [mig.version, mig.description, _now()]
                    )
        return self.schema_version

    # -- key index ------------------------------------------------------------------------------
    def _mirrored_counts(self) -> dict[str, int]:
        return mirrored_counts(self._con)

    def _sync_keys(self) -> None:
        """Rebuild the key index from the DuckDB tables unless it is in step with them."""
        if self._keys is None:
            return
        if rebuild_key_index(self._con, self._keys) and not _in_memory(self.path):
            self._con.close()  # hand back the blocks those scans cached
            self._con = self._connect()

    # -- writes ---------------------------------------------------------------------------------
    def new_documents(self, docs: Sequence[Document]) -> list[Document]:
        """The documents of ``docs`` whose story is not stored yet, first of each repeat in the batch.

        A story is known by its id, its content hash or its URL; nothing is written.
        """
        if not docs:
            return []
        known = self._known_documents(self._con, docs)
        fresh: list[Document] = []
        for doc in docs:
            h = doc.content_hash
            if doc.id in known["id"] or h in known["hash"] or (doc.url and doc.url in known["url"]):
                continue
            known["id"][doc.id] = doc.id
            known["hash"][h] = doc.id
            if doc.url:
                known["url"][doc.url] = doc.id
            fresh.append(doc)
        return fresh

    def stored_ids(self, docs: Sequence[Document]) -> list[str | None]:
        """For each document, the id of the stored story under which its origin is recorded, else ``None``.

        The story is found as :meth:`add_documents` finds it (by id, then content hash, then URL;
        a near-copy carries the stored story's id), and the origin must be recorded under it. With
        the key index these are B-tree lookups, so the cost does not grow with the store; without
        (a read-only store) ``document_origins`` is scanned.
        """
        if not docs:
            return []
        if self._keys is None:
            origins = [d.origin for d in docs if d.origin]
            if not origins:
                return [None] * len(docs)
            found = scan_origin_owners(self._con, origins)
            return [found.get(d.origin) if d.origin else None for d in docs]
        known = self._known_documents(self._con, docs)
        ids: list[str | None] = []
        for doc in docs:
            canonical = known["id"].get(doc.id) or known["hash"].get(doc.content_hash)
            if canonical is None and doc.url:
                canonical = known["url"].get(doc.url)
            ids.append(canonical if canonical and doc.origin else None)
        recorded = self._keys.existing(ORIGIN, [composite(i, d.origin) for i, d in zip(ids, docs, strict=True) if i])
        return [i if i and composite(i, d.origin) in recorded else None for i, d in zip(ids, docs, strict=True)]

    def add_documents(self, docs: Iterable[Document]) -> DocumentsAdded:
        """Store new documents; record every origin. Already-known stories are not stored again."""
        result = DocumentsAdded()
        batch = list(docs)
        if not batch:
            return result
        now = _now()
        with self.transaction() as con:
            known = self._known_documents(con, batch)
            rows: list[dict[str, Any]] = []
            origins: dict[tuple[str, str], None] = {}
            for doc in batch:
                h = doc.content_hash
                canonical = known["id"].get(doc.id) or known["hash"].get(h)
                if canonical is None and doc.url:
                    canonical = known["url"].get(doc.url)
                if canonical is None:
                    canonical = doc.id
                    known["id"][doc.id] = doc.id
                    known["hash"][h] = doc.id
                    if doc.url:
                        known["url"][doc.url] = doc.id
                    rows.append({
                        "id": doc.id, "title": doc.title, "url": doc.url, "date": doc.date,
                        "text": doc.text, "content_hash": h, "origin": doc.origin, "ingested_at": now,
                    })
                    result.added.append(doc.id)
                else:
                    result.duplicates[doc.id] = canonical
                if doc.origin:
                    origins[(canonical, doc.origin)] = None
            if rows:
                # a later publication date moves follow-through's "as of" for every dyad, whatever the
                # events' own dates (today's article recalling last year's deal): it touches everything
                self._touch("documents", (), latest_day(r["date"] for r in rows))
                con.register("_bl_docs", ARROW.pa.Table.from_pylist(rows, schema=ARROW.documents))
                con.execute("INSERT INTO documents SELECT * FROM _bl_docs")
                con.unregister("_bl_docs")
                if self._keys is not None:
                    self._keys.add_documents((r["id"], r["content_hash"], r["url"]) for r in rows)
            if origins:
                pa = ARROW.pa
                table = pa.table({
                    "doc_id": [d for d, _ in origins], "origin": [o for _, o in origins],
                    "seen_at": pa.array([now] * len(origins), pa.timestamp("us")),
                })
                self._insert_new("document_origins", table, "t.doc_id = b.doc_id AND t.origin = b.origin",
                                 ORIGIN, [composite(d, o) for d, o in origins])
        return result

    def _known_documents(
        self, con: duckdb.DuckDBPyConnection, batch: Sequence[Document]
    ) -> dict[str, dict[str, str]]:
        """Map ids, content hashes and URLs of ``batch`` that are already stored to stored ids."""
        if self._keys is not None:
            found = self._keys.known_documents(
                [d.id for d in batch], [d.content_hash for d in batch], [d.url for d in batch if d.url]
            )
            return {"id": found[DOC_ID], "hash": found[DOC_HASH], "url": found[DOC_URL]}
        return scan_known_documents(con, batch)

    def add_sentences(self, sentences: Iterable[Sentence]) -> int:
        """Store sentences not yet stored (keyed by document id and index); return how many were new."""
        seen: dict[tuple[str, int], Sentence] = {}
        for s in sentences:
            seen.setdefault((s.doc_id, s.index), s)
        if not seen:
            return 0
        table = ARROW.pa.Table.from_pylist(
            [{"doc_id": s.doc_id, "idx": s.index, "text": s.text, "start": s.start, "end": s.end}
             for s in seen.values()],
            schema=ARROW.sentences,
        )
        return self._insert_new("sentences", table, "t.doc_id = b.doc_id AND t.idx = b.idx",
                                SENTENCE, [composite(d, i) for d, i in seen])

    def add_events(self, events: Iterable[Event]) -> int:
        """Store events not yet stored (keyed by :attr:`Event.key`); return how many were new."""
        rows: dict[str, dict[str, Any]] = {}
        for ev in events:
            key = ev.key
            if key not in rows:
                rows[key] = event_row(ev)
        if not rows:
            return 0
        table = ARROW.pa.Table.from_pylist(list(rows.values()), schema=ARROW.events)
        return self._insert_new("events", table, "t.event_key = b.event_key", EVENT, list(rows))

    def _insert_new(self, name: str, table: pa.Table, match: str, kind: int, keys: list[str]) -> int:
        """Insert the rows of ``table`` (whose keys, one a row, are ``keys``) not stored yet; return how many.

        With the key index the stored keys are looked up there; without (a read-only store, where the
        insert then fails as any write does) DuckDB anti-joins on ``match``.
        """
        with self.transaction() as con:
            if self._keys is not None:
                stored = self._keys.existing(kind, keys)
                if stored:
                    table = table.filter(ARROW.pa.array([k not in stored for k in keys]))
                    keys = [k for k in keys if k not in stored]
                if table.num_rows:
                    con.register("_bl_batch", table)
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _bl_batch")
                    self._note_insert(con, name)
                    con.unregister("_bl_batch")
                    self._keys.add(kind, keys)
                return int(table.num_rows)
            before = count_rows(con, name)
            con.register("_bl_batch", table)
            cols = ", ".join(f'b."{c}"' for c in table.column_names)
            con.execute(
                f"INSERT INTO {name} BY NAME SELECT {cols} FROM _bl_batch b "
                f"WHERE NOT EXISTS (SELECT 1 FROM {name} t WHERE {match})"
            )
            added = count_rows(con, name) - before
            if added:
                self._note_insert(con, name)
            con.unregister("_bl_batch")
            return added

    def _note_insert(self, con: duckdb.DuckDBPyConnection, name: str) -> None:
        """Record what an insert of the registered batch ``_bl_batch`` into ``name`` touched."""
        if name != "events":
            self._touch(name)
            return
        rows = con.execute(
            "SELECT list(DISTINCT source), list(DISTINCT target), max(TRY_CAST(date AS DATE)) FROM _bl_batch"
        ).fetchall()
        sources, targets, latest = rows[0] if rows else ([], [], None)
        self._touch("events", [*(sources or []), *(targets or [])], latest)

    def add_error(self, origin: str, reason: str) -> None:
        """Record one ingest error (``origin`` is ``path`` or ``path:line``)."""
        self.add_errors([(origin, reason)])

    def add_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Record many ingest errors in one transaction."""
        batch = [(o, r, _now()) for o, r in errors]
        if not batch:
            return
        with self.transaction() as con:
            con.executemany("INSERT INTO ingest_errors VALUES (?, ?, ?)", batch)
            self._touch("errors")

    # -- reads ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row counts of every data table."""
        return {
            t: count_rows(self._con, t)
            for t in ("documents", "document_origins", "sentences", "events", "ingest_errors")
        }

    def document_origins(self, doc_id: str) -> list[str]:
        """Every place the story stored under ``doc_id`` was seen."""
        rows = self._con.execute(
            "SELECT origin FROM document_origins WHERE doc_id = ? ORDER BY origin", [doc_id]
        ).fetchall()
        return [str(r[0]) for r in rows]

    def sentences(self, doc_id: str) -> list[Sentence]:
        """The stored sentences of one document, in order."""
        rows = self._con.execute(
            'SELECT doc_id, idx, text, start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id]
        ).fetchall()
        return [Sentence(r[0], int(r[1]), r[2], int(r[3]), int(r[4])) for r in rows]

    def events(
        self,
        source: str | None = None,
        target: str | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events, filtered in SQL, ordered by date, document and sentence.

        ``since``/``until`` are inclusive ISO dates compared with the event date;
        events without a date are left out when either is given.
        """
        return select_events(self._con, source=source, target=target, since=since, until=until, status=status,
                             limit=limit)
