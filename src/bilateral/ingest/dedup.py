"""Near-duplicate detection: a wire story reprinted with another header or footer is the same story.

Exact repeats (same id, same normalised text, same URL) are caught by the store. This
module catches near-copies: two texts whose sets of word 5-grams ("shingles", lower-cased
``\\w+`` words) have a Jaccard similarity of at least :data:`THRESHOLD` (0.9).

Candidates are found with MinHash LSH: a 128-value MinHash signature per document, cut
into 16 bands of 8 values; each band hashes to a bucket stored in ``document_minhash`` (and, with
the document's shingle set, in the store's key index, :mod:`bilateral.store.keys`, where a writing
ingest looks them up: a few B-tree pages a lookup instead of a scan of every bucket stored).
Documents sharing a bucket are candidates, and a candidate counts only if the exact
Jaccard of the two shingle sets reaches the threshold (no false positives from the
sketch). Every hash is stable across processes (CRC-32 of the shingle, fixed
permutation seeds, BLAKE2b of the band), so buckets written by one run are found by the
next. Texts with fewer than :data:`MIN_SHINGLES` shingles (very short items) are only
deduplicated exactly.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from typing import Any, Protocol

import numpy as np
import pyarrow as pa

THRESHOLD = 0.9
SHINGLE = 5
NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
MIN_SHINGLES = 8
_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.default_rng(20240229)  # fixed: signatures must match across runs
_A = _rng.integers(1, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """CRC-32 hashes of the lower-cased word ``k``-grams of ``text``."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode("utf-8")) for i in range(len(words) - k + 1)}


def jaccard(a: set[int], b: set[int]) -> float:
    """Jaccard similarity of two shingle sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(sh: set[int]) -> np.ndarray[Any, Any]:
    """The MinHash signature (``NUM_PERM`` values) of a shingle set."""
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) % _PRIME
    result: np.ndarray[Any, Any] = hashed.min(axis=1)
    return result


def buckets(sig: np.ndarray[Any, Any]) -> list[int]:
    """One signed 64-bit bucket per LSH band of a signature."""
    out: list[int] = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


class HasConnection(Protocol):
    """A store as seen here: something with a DuckDB ``connection`` (tables ``document_minhash``, ``documents``).

    A store may also have a ``key_index`` (:class:`bilateral.store.keys.KeyIndex`, or ``None``) where
    buckets and shingle sets are looked up, and a ``transaction()`` that the writes then join.
    """

    @property
    def connection(self) -> Any:
        """The store's current DuckDB connection."""
        ...


def pack(sh: set[int]) -> bytes:
    """A shingle set as bytes (sorted little-endian 32-bit hashes), as the key index keeps it."""
    return np.array(sorted(sh), dtype="<u4").tobytes()


def unpack(data: bytes) -> set[int]:
    """The shingle set packed by :func:`pack`."""
    return set(np.frombuffer(data, dtype="<u4").tolist())


class NearDuplicates:
    """Finds near-copies of new documents among stored ones (and among each other).

    ``store`` is the store (tables ``document_minhash`` and ``documents``), or ``None`` for a
    purely in-memory index. Its connection is read from ``store.connection`` at each use, never
    kept, so a reopened connection (:meth:`bilateral.store.Store.recycle`) is the one used. With
    ``write=False`` (dry runs) nothing is written: documents added are remembered in memory only.
    """

    def __init__(self, store: HasConnection | None, *, threshold: float = THRESHOLD, write: bool = True) -> None:
        self._store = store
        self.threshold = threshold
        self._write = write and store is not None
        self._local: dict[tuple[int, int], list[str]] = {}  # (band, bucket) -> doc ids not yet in the table
        self._local_shingles: dict[str, set[int]] = {}  # exact check, this batch only
        self._local_sigs: dict[str, np.ndarray[Any, Any]] = {}  # estimated check, earlier batches of a dry run
        self._has_table = store is not None and self._table_exists(store.connection)

    @property
    def _keys(self) -> Any | None:
        """The store's key index, if it has one open (a writable store)."""
        return getattr(self._store, "key_index", None) if self._store is not None else None

    @property
    def _con(self) -> Any | None:
        """The store's connection now (``None`` without a store)."""
        return self._store.connection if self._store is not None else None

    @staticmethod
    def _table_exists(con: Any) -> bool:
        rows = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'document_minhash'"
        ).fetchall()
        return bool(rows and rows[0][0])

    def check(self, docs: Sequence[tuple[str, str]]) -> dict[str, str]:
        """For ``(doc_id, text)`` pairs, in order: map each near-copy's id to the id of the story it copies.

        Documents that are not copies are remembered, so a later one in ``docs`` (or in a
        later call) can match them; call :meth:`commit` with the ids actually stored.
        """
        prepared: list[tuple[str, set[int], list[int]]] = []
        sigs: dict[str, np.ndarray[Any, Any]] = {}
        for doc_id, text in docs:
            sh = shingles(text)
            if len(sh) < MIN_SHINGLES:
                continue
            sigs[doc_id] = signature(sh)
            prepared.append((doc_id, sh, buckets(sigs[doc_id])))
        if not prepared:
            return {}
        stored = self._stored_candidates(prepared)
        needed = sorted({c for cands in stored.values() for c in cands})
        texts = self._stored_shingles(needed)
        copies: dict[str, str] = {}
        for doc_id, sh, bks in prepared:
            cands = list(stored.get(doc_id, ()))
            for band, bucket in enumerate(bks):
                cands.extend(self._local.get((band, bucket), ()))
            best: str | None = None
            for cand in dict.fromkeys(cands):
                if cand == doc_id:
                    continue
                other = texts.get(cand) or self._local_shingles.get(cand)
                if other is not None:
                    similar = jaccard(sh, other) >= self.threshold
                elif cand in self._local_sigs:  # MinHash estimate of the Jaccard similarity
                    similar = float(np.mean(self._local_sigs[cand] == sigs[doc_id])) >= self.threshold
                else:
                    similar = False
                if similar:
                    best = cand
                    break
            if best is not None:
                copies[doc_id] = best
                continue
            self._local_shingles[doc_id] = sh
            if not self._write:
                self._local_sigs[doc_id] = sigs[doc_id]
            for band, bucket in enumerate(bks):
                self._local.setdefault((band, bucket), []).append(doc_id)
        return copies

    def commit(self, stored_ids: Iterable[str]) -> None:
        """Write the buckets of the documents now stored and forget them.

        Without writing (a dry run, or no database) the buckets and signatures stay in memory
        (about 1.2 KB a document) so later batches still find copies; the shingle sets are
        dropped, and those earlier documents are compared by their MinHash estimate.
        """
        if not self._write:
            self._local_shingles.clear()
            return
        keep = set(stored_ids)
        rows = [(band, bucket, d) for (band, bucket), ids in self._local.items() for d in ids if d in keep]
        if rows and self._con is not None and self._has_table:
            transaction = getattr(self._store, "transaction", None)
            # the table and the key index commit together (or, in the caller's transaction, with it)
            with transaction() if transaction is not None else nullcontext():
                con = self._con
                table = pa.table({
                    "band": pa.array([r[0] for r in rows], pa.int16()),
                    "bucket": pa.array([r[1] for r in rows], pa.int64()),
                    "doc_id": pa.array([r[2] for r in rows], pa.string()),
                })
                con.register("_bl_minhash", table)
                con.execute("INSERT INTO document_minhash SELECT * FROM _bl_minhash")
                con.unregister("_bl_minhash")
                keys = self._keys
                if keys is not None:
                    keys.add_minhash(rows)
                    keys.add_shingles((d, pack(sh)) for d, sh in self._local_shingles.items() if d in keep)
        self._local.clear()
        self._local_shingles.clear()

    def _stored_candidates(self, prepared: list[tuple[str, set[int], list[int]]]) -> dict[str, list[str]]:
        con = self._con
        if con is None or not self._has_table:
            return {}
        keys = self._keys
        if keys is not None:
            return dict(keys.candidates((d, band, b) for d, _, bks in prepared for band, b in enumerate(bks)))
        probe = pa.table({
            "doc": pa.array([d for d, _, bks in prepared for _ in bks], pa.string()),
            "band": pa.array([b for _, _, bks in prepared for b in range(len(bks))], pa.int16()),
            "bucket": pa.array([x for _, _, bks in prepared for x in bks], pa.int64()),
        })
        con.register("_bl_probe_mh", probe)
        rows = con.execute(
            "SELECT DISTINCT p.doc, m.doc_id FROM _bl_probe_mh p JOIN document_minhash m "
            "ON m.band = p.band AND m.bucket = p.bucket"
        ).fetchall()
        con.unregister("_bl_probe_mh")
        out: dict[str, list[str]] = {}
        for doc, cand in rows:
            out.setdefault(str(doc), []).append(str(cand))
        return out

    def _stored_shingles(self, ids: list[str]) -> dict[str, set[int]]:
        con = self._con
        if not ids or con is None:
            return {}
        found: dict[str, set[int]] = {}
        keys = self._keys
        if keys is not None:
            found = {d: unpack(b) for d, b in keys.shingles(ids).items()}
            ids = [i for i in ids if i not in found]  # stored before the index had shingle sets: read the text
            if not ids:
                return found
        con.register("_bl_ids", pa.table({"id": pa.array(ids, pa.string())}))
        rows = con.execute("SELECT id, text FROM documents WHERE id IN (SELECT id FROM _bl_ids)").fetchall()
        con.unregister("_bl_ids")
        found.update({str(i): shingles(str(t)) for i, t in rows})
        return found
