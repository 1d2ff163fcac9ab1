"""Key lookups answered by DuckDB itself: those of a store without its key index, and the index's rebuild.

Each scans whole key columns of the DuckDB file, which is what the key index
(:mod:`bilateral.store.keys`) spares an ingest. A writable store asks the index; a read-only store
opens no index and asks these queries; the index is filled from the tables when, on opening, it is
out of step with them.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from bilateral.model import Document
from bilateral.store.keys import EVENT, MIRRORED, ORIGIN, SENTENCE, KeyIndex, composite
from bilateral.store.rows import ARROW, count_rows


def scan_known_documents(con: duckdb.DuckDBPyConnection, batch: Sequence[Document]) -> dict[str, dict[str, str]]:
    """Map ids, content hashes and URLs of ``batch`` that are already stored to stored ids."""
    probe = ARROW.pa.table({
        "id": [d.id for d in batch],
        "content_hash": [d.content_hash for d in batch],
        "url": [d.url for d in batch],
    })
    con.register("_bl_probe", probe)
    rows = con.execute(
        "SELECT d.id, d.content_hash, d.url FROM documents d WHERE d.id IN (SELECT id FROM _bl_probe) "
        "OR d.content_hash IN (SELECT content_hash FROM _bl_probe) "
        "OR d.url IN (SELECT url FROM _bl_probe WHERE url IS NOT NULL)"
    ).fetchall()
    con.unregister("_bl_probe")
    known: dict[str, dict[str, str]] = {"id": {}, "hash": {}, "url": {}}
    for doc_id, h, url in rows:
        known["id"][doc_id] = doc_id
        known["hash"][h] = doc_id
        if url:
            known["url"][url] = doc_id
    return known


def scan_origin_owners(con: duckdb.DuckDBPyConnection, origins: list[str]) -> dict[str, str]:
    """For each of ``origins`` that is recorded, the (smallest) id of the stored story seen there."""
    pa = ARROW.pa
    con.register("_bl_probe", pa.table({"origin": pa.array(origins, pa.string())}))
    try:
        return dict(con.execute(
            "SELECT origin, min(doc_id) FROM document_origins WHERE origin IN (SELECT origin FROM _bl_probe) "
            "GROUP BY origin").fetchall())
    finally:
        con.unregister("_bl_probe")


def mirrored_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The row counts of the DuckDB tables the key index mirrors (:data:`~bilateral.store.keys.MIRRORED`)."""
    return {t: count_rows(con, t) for t in MIRRORED}


def rebuild_key_index(con: duckdb.DuckDBPyConnection, keys: KeyIndex) -> bool:
    """Rebuild ``keys`` from the DuckDB tables unless it is in step with them; return whether rows were read.

    Rows read leave their blocks cached in the connection: the caller may reopen it to hand them back.
    """
    counts = mirrored_counts(con)
    if keys.mirrored() == counts:
        return False
    keys.begin()
    try:
        keys.clear()
        for sql, add in (
            ("SELECT id, content_hash, url FROM documents", keys.add_documents),
            ("SELECT doc_id, origin FROM document_origins",
             lambda rows: keys.add(ORIGIN, (composite(d, o) for d, o in rows))),
            ("SELECT doc_id, idx FROM sentences",
             lambda rows: keys.add(SENTENCE, (composite(d, i) for d, i in rows))),
            ("SELECT event_key FROM events", lambda rows: keys.add(EVENT, (k for (k,) in rows))),
            ("SELECT band, bucket, doc_id FROM document_minhash", keys.add_minhash),
        ):
            cur = con.cursor()  # streamed: a rebuild holds one chunk of rows at a time
            try:
                cur.execute(sql)
                while rows := cur.fetchmany(10_000):
                    add(rows)
            finally:
                cur.close()
        keys.commit(mirrored_counts(con))
    except BaseException:
        keys.rollback()
        raise
    return any(counts.values())
