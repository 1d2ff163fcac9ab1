"""The store's key index: every duplicate key of the DuckDB file, in a SQLite B-tree beside it (``FILE.keys``).

An ingest batch asks, for its hundred documents, which ids, content hashes and URLs are stored,
which sentence, event and origin keys are, and which stored documents share a MinHash LSH bucket.
Answered by DuckDB, each question scans whole key columns (or walks a key index that DuckDB keeps
in memory), so the memory of a long ingest grew with the store (BENCHMARKS.md, ## Ingest). Here
each is a B-tree lookup that reads a few pages, and SQLite keeps at most :data:`CACHE_KIB` of
pages: what an ingest holds no longer depends on how much is stored.

The index is derived data. The DuckDB file stays the truth: its tables carry no keys of their own
now, and the store writes both in the same batch, DuckDB first. The index records the row counts of
the DuckDB tables it mirrors (:data:`MIRRORED`) at each commit; when they differ on opening (a crash
between the two commits, an older file, a deleted or damaged index) the store rebuilds it from the
DuckDB tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

#: SQLite's page cache, in KiB: the most the index keeps in memory, whatever its size on disk.
CACHE_KIB = 2048

#: The DuckDB tables whose keys the index mirrors; their row counts tell whether it is in step.
MIRRORED: tuple[str, ...] = ("documents", "document_origins", "sentences", "events", "document_minhash")

#: Kinds of document key (``doc_keys.kind``) and of row key (``row_keys.kind``).
DOC_ID, DOC_HASH, DOC_URL = 0, 1, 2
SENTENCE, EVENT, ORIGIN = 0, 1, 2

_CHUNK = 500  # parameters per IN list: well under SQLite's limit of host parameters
_SEP = "\x1f"  # joins the parts of a composite key (unit separator: not in ids, origins or URLs)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS doc_keys "
    "(kind INTEGER NOT NULL, key TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS row_keys (kind INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS minhash "
    "(band INTEGER NOT NULL, bucket INTEGER NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (band, bucket, doc_id)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS shingles (doc_id TEXT PRIMARY KEY, sh BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS mirrored (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
)


def composite(*parts: object) -> str:
    """One key from several parts (a sentence's document id and index, an origin's document and place)."""
    return _SEP.join(str(p) for p in parts)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


class KeyIndex:
    """Duplicate keys, LSH buckets and shingle sets in one SQLite file (``None``: in memory).

    Writes join the open transaction (:meth:`begin` … :meth:`commit`); outside one they are
    committed at once.
    """

    def __init__(self, path: str | Path | None) -> None:
        self.path = None if path is None else str(path)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:  # a damaged index is only derived data: start it again
            self._remove_files()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path or ":memory:", isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # a lost commit (power cut) only costs a rebuild: the mirrored counts then differ
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA synchronous = NORMAL")
            for stmt in _SCHEMA:
                db.execute(stmt)
        except BaseException:
            db.close()
            raise
        return db

    def _remove_files(self) -> None:
        if self.path is not None:
            for suffix in ("", "-journal"):
                Path(self.path + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        """Close the file (an open transaction is rolled back)."""
        self._db.close()

    # -- transactions ----------------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open."""
        return self._db.in_transaction

    def begin(self) -> None:
        """Open a transaction: writes until :meth:`commit` land together, or not at all."""
        self._db.execute("BEGIN")

    def commit(self, counts: dict[str, int] | None = None) -> None:
        """Commit the open transaction, recording ``counts`` (the mirrored tables' row counts) with it."""
        if counts is not None:
            self._db.executemany("INSERT OR REPLACE INTO mirrored VALUES (?, ?)", sorted(counts.items()))
        if self._db.in_transaction:
            self._db.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the open transaction's writes."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def mirrored(self) -> dict[str, int]:
        """The row counts of the DuckDB tables as of the index's last commit."""
        return {str(n): int(c) for n, c in self._db.execute("SELECT name, n FROM mirrored")}

    def clear(self) -> None:
        """Forget everything (before a rebuild)."""
        for table in ("doc_keys", "row_keys", "minhash", "shingles", "mirrored"):
            self._db.execute(f"DELETE FROM {table}")

    # -- documents -------------------------------------------------------------------------------
    def known_documents(
        self, ids: Sequence[str], hashes: Sequence[str], urls: Sequence[str]
    ) -> dict[int, dict[str, str]]:
        """Map each stored key among ``ids``, ``hashes`` and ``urls`` to its stored document id, by kind."""
        out: dict[int, dict[str, str]] = {DOC_ID: {}, DOC_HASH: {}, DOC_URL: {}}
        for kind, keys in ((DOC_ID, ids), (DOC_HASH, hashes), (DOC_URL, urls)):
            for chunk in _chunks(list(dict.fromkeys(keys))):
                rows = self._db.execute(
                    f"SELECT key, doc_id FROM doc_keys WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})",
                    [kind, *chunk],
                )
                out[kind].update((str(k), str(d)) for k, d in rows)
        return out

    def add_documents(self, docs: Iterable[tuple[str, str, str | None]]) -> None:
        """Record stored documents as ``(id, content_hash, url)``."""
        rows: list[tuple[int, str, str]] = []
        for doc_id, h, url in docs:
            rows.append((DOC_ID, doc_id, doc_id))
            rows.append((DOC_HASH, h, doc_id))
            if url:
                rows.append((DOC_URL, url, doc_id))
        # OR IGNORE: the first document stored under a key keeps it, as the DuckDB lookups found it
        self._db.executemany("INSERT OR IGNORE INTO doc_keys VALUES (?, ?, ?)", rows)

    # -- sentences, events, origins --------------------------------------------------------------
    def existing(self, kind: int, keys: Sequence[str]) -> set[str]:
        """The keys of ``kind`` among ``keys`` that are recorded."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(keys))):
            rows = self._db.execute(
                f"SELECT key FROM row_keys WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})", [kind, *chunk]
            )
            found.update(str(r[0]) for r in rows)
        return found

    def add(self, kind: int, keys: Iterable[str]) -> None:
        """Record keys of ``kind``."""
        self._db.executemany("INSERT OR IGNORE INTO row_keys VALUES (?, ?)", [(kind, k) for k in keys])

    # -- near-duplicate candidates ---------------------------------------------------------------
    def candidates(self, probes: Iterable[tuple[str, int, int]]) -> dict[str, list[str]]:
        """For ``(doc, band, bucket)`` probes: the stored documents sharing a bucket with each ``doc``."""
        wanted: dict[tuple[int, int], list[str]] = {}
        for doc, band, bucket in probes:
            wanted.setdefault((band, bucket), []).append(doc)
        by_band: dict[int, list[int]] = {}
        for band, bucket in wanted:
            by_band.setdefault(band, []).append(bucket)
        out: dict[str, dict[str, None]] = {}
        for band, bucket_list in by_band.items():  # one indexed IN list per band
            for i in range(0, len(bucket_list), _CHUNK):
                chunk = bucket_list[i:i + _CHUNK]
                rows = self._db.execute(
                    f"SELECT bucket, doc_id FROM minhash WHERE band = ? AND bucket IN ({','.join('?' * len(chunk))})",
                    [band, *chunk],
                )
                for bucket, cand in rows:
                    for doc in wanted[(band, bucket)]:
                        out.setdefault(doc, {})[str(cand)] = None
        return {doc: list(cands) for doc, cands in out.items()}

    def add_minhash(self, rows: Iterable[tuple[int, int, str]]) -> None:
        """Record ``(band, bucket, doc_id)`` LSH rows."""
        self._db.executemany("INSERT OR IGNORE INTO minhash VALUES (?, ?, ?)", rows)

    def shingles(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The recorded shingle sets (packed) of the documents among ``ids`` that have one."""
        out: dict[str, bytes] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            rows = self._db.execute(
                f"SELECT doc_id, sh FROM shingles WHERE doc_id IN ({','.join('?' * len(chunk))})", list(chunk)
            )
            out.update((str(d), bytes(s)) for d, s in rows)
        return out

    def add_shingles(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Record ``(doc_id, packed shingle set)`` rows."""
        self._db.executemany("INSERT OR REPLACE INTO shingles VALUES (?, ?)", rows)
