"""Schema migrations of the DuckDB store, applied in order.

Each migration is a list of SQL statements; the store's ``schema_version``
table records the highest version applied. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``version`` is applied after every lower version."""

    version: int
    description: str
    statements: tuple[str, ...]


def _effective_events_view(extra_columns: str) -> str:
    """The ``effective_events`` view: the events with the user's corrections applied.

    One row per user correction lives in ``corrections``; the original coding in ``events`` is never
    changed. The latest correction (by created_at) of each (event_key, field) wins. ``extra_columns``
    are columns of ``events`` added after the view was first made (``", e.confidence"``).
    """
    return f"""
            CREATE OR REPLACE VIEW effective_events AS
            WITH latest AS (
                SELECT event_key, field, value FROM (
                    SELECT event_key, CASE WHEN field = 'excluded' THEN 'wrong' ELSE field END AS field,
                           value,
                           row_number() OVER (
                               PARTITION BY event_key, CASE WHEN field = 'excluded' THEN 'wrong' ELSE field END
                               ORDER BY created_at DESC, value DESC
                           ) AS rn
                    FROM corrections
                ) WHERE rn = 1
            )
            SELECT e.event_key, e.id, e.doc_sentence, e.source, e.source_sector, e.target, e.target_sector,
                   e.cameo, e.plover, e.quad_class, e.goldstein,
                   coalesce(cs.value, e.status) AS status,
                   coalesce(cc.value, e.channel) AS channel,
                   e.date, e.sentence, e.span_start, e.span_end, e.trace{extra_columns}
            FROM events e
            LEFT JOIN latest cs ON cs.event_key = e.event_key AND cs.field = 'status'
            LEFT JOIN latest cc ON cc.event_key = e.event_key AND cc.field = 'channel'
            WHERE NOT EXISTS (
                SELECT 1 FROM latest cw
                WHERE cw.event_key = e.event_key AND cw.field = 'wrong'
                  AND lower(cw.value) IN ('true', '1', 'yes')
            )
            """


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, origins, sentences, events, ingest errors",
        (
            """
            CREATE TABLE IF NOT EXISTS documents (
                id VARCHAR PRIMARY KEY,
                title VARCHAR,
                url VARCHAR,
                date VARCHAR,
                text VARCHAR NOT NULL,
                content_hash VARCHAR NOT NULL UNIQUE,
                origin VARCHAR,
                ingested_at TIMESTAMP NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS document_origins (
                doc_id VARCHAR NOT NULL,
                origin VARCHAR NOT NULL,
                seen_at TIMESTAMP NOT NULL,
                PRIMARY KEY (doc_id, origin)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS sentences (
                doc_id VARCHAR NOT NULL,
                idx INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                PRIMARY KEY (doc_id, idx)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS events (
                event_key VARCHAR PRIMARY KEY,
                id VARCHAR NOT NULL,
                doc_sentence INTEGER NOT NULL,
                source VARCHAR,
                source_sector VARCHAR,
                target VARCHAR,
                target_sector VARCHAR,
                cameo VARCHAR NOT NULL,
                plover VARCHAR,
                quad_class INTEGER NOT NULL,
                goldstein DOUBLE NOT NULL,
                status VARCHAR NOT NULL,
                channel VARCHAR NOT NULL,
                date VARCHAR,
                sentence VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                trace JSON
            )
            """,
            "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target)",
            """
            CREATE TABLE IF NOT EXISTS ingest_errors (
                origin VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                "at" TIMESTAMP NOT NULL
            )
            """,
        ),
    ),
    Migration(
        2,
        "corrections table and the effective_events view (events with corrections applied)",
        (
            # One row per user correction; the original coding in ``events`` is never changed.
            # field: 'wrong' (value 'true'/'false'; 'excluded' is read the same), 'status' or 'channel'.
            # The latest correction (by created_at) of each (event_key, field) wins.
            """
            CREATE TABLE IF NOT EXISTS corrections (
                event_key VARCHAR NOT NULL,
                field VARCHAR NOT NULL,
                value VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                note VARCHAR
            )
            """,
            "CREATE INDEX IF NOT EXISTS corrections_event ON corrections (event_key)",
            # Every tally (analysis, report, dashboard) reads this view, never ``events`` directly.
            _effective_events_view(""),
        ),
    ),
    Migration(
        3,
        "near-duplicate index (MinHash LSH buckets) and the watch command's per-URL state",
        (
            # One row per (document, LSH band): documents sharing a bucket are near-copy candidates,
            # checked by exact word 5-gram Jaccard (see bilateral.ingest.dedup).
            """
            CREATE TABLE IF NOT EXISTS document_minhash (
                band SMALLINT NOT NULL,
                bucket BIGINT NOT NULL,
                doc_id VARCHAR NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS document_minhash_bucket ON document_minhash (band, bucket)",
            # What `bilateral watch` last got from each URL, for conditional GETs.
            """
            CREATE TABLE IF NOT EXISTS watch_state (
                url VARCHAR PRIMARY KEY,
                etag VARCHAR,
                last_modified VARCHAR,
                checked_at TIMESTAMP,
                status VARCHAR
            )
            """,
        ),
    ),
    Migration(
        4,
        "drop the MinHash bucket index: DuckDB keeps ART indexes in memory, and a hash join needs none",
        ("DROP INDEX IF EXISTS document_minhash_bucket",),
    ),
    Migration(
        5,
        "documents, origins, sentences and events without keys: the store's key index (FILE.keys) holds them",
        # DuckDB checks a PRIMARY KEY or UNIQUE through an ART index that it loads into memory and keeps
        # there, so every insert made an ingest's memory grow with the store; the duplicate checks now
        # look keys up in bilateral.store.keys. DuckDB cannot drop a key, so each table is copied.
        # events_dyad goes with its table (the same in-memory index, updated by every insert).
        tuple(stmt for name, columns in (
            ("documents", "id VARCHAR NOT NULL, title VARCHAR, url VARCHAR, date VARCHAR, text VARCHAR NOT NULL, "
                          "content_hash VARCHAR NOT NULL, origin VARCHAR, ingested_at TIMESTAMP NOT NULL"),
            ("document_origins", "doc_id VARCHAR NOT NULL, origin VARCHAR NOT NULL, seen_at TIMESTAMP NOT NULL"),
            ("sentences", 'doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL, '
                          'start INTEGER NOT NULL, "end" INTEGER NOT NULL'),
            ("events", "event_key VARCHAR NOT NULL, id VARCHAR NOT NULL, doc_sentence INTEGER NOT NULL, "
                       "source VARCHAR, source_sector VARCHAR, target VARCHAR, target_sector VARCHAR, "
                       "cameo VARCHAR NOT NULL, plover VARCHAR, quad_class INTEGER NOT NULL, "
                       "goldstein DOUBLE NOT NULL, "
                       "status VARCHAR NOT NULL, channel VARCHAR NOT NULL, date VARCHAR, sentence VARCHAR NOT NULL, "
                       "span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, trace JSON"),
        ) for stmt in (
            f"CREATE TABLE {name}_v5 ({columns})",
            f"INSERT INTO {name}_v5 SELECT * FROM {name}",
            f"DROP TABLE {name}",
            f"ALTER TABLE {name}_v5 RENAME TO {name}",
        )),
    ),
    Migration(
        6,
        "events.confidence: the learned filter's estimate that an event is right (NULL when no filter ran)",
        (
            "ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE",
            _effective_events_view(", e.confidence"),
        ),
    ),
    Migration(
        7,
        "store version (store_changes: one version per write, the actors it touched) and the analysis cache",
        (
            # Every committed write gets the next version; one row per actor whose events it changed
            # (``everything``: the write may change any dyad's results, e.g. it moved the store's latest
            # event date, which follow-through judges by). ``as_of`` is the store's latest event date
            # after the write. A dyad's version is the highest version touching one of its actors.
            """
            CREATE TABLE IF NOT EXISTS store_changes (
                version BIGINT NOT NULL,
                kind VARCHAR NOT NULL,
                actor VARCHAR,
                everything BOOLEAN NOT NULL,
                as_of DATE,
                changed_at TIMESTAMP
            )
            """,
            # The file as migrated is version 1, and it may hold events already: they count for every dyad.
            """
            INSERT INTO store_changes
            SELECT 1, 'migration', NULL, TRUE, (SELECT max(TRY_CAST(date AS DATE)) FROM effective_events), NULL
            WHERE NOT EXISTS (SELECT 1 FROM store_changes)
            """,
            # Results of the analysis per dyad and options, valid while the dyad's version is ``version``
            # and the analysis code's fingerprint is ``code`` (bilateral.analysis.cache).
            """
            CREATE TABLE IF NOT EXISTS analysis_cache (
                name VARCHAR NOT NULL,
                dyad VARCHAR NOT NULL,
                options VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                version BIGINT NOT NULL,
                value BLOB NOT NULL,
                created_at TIMESTAMP NOT NULL
            )
            """,
        ),
    ),
    Migration(
        8,
        "store_as_of: the store's latest publication date, kept per store version (computed once per version)",
        (
            # One row per store version whose latest publication date (bilateral.analysis.promises.store_as_of,
            # an aggregate over every event joined to its document) has been computed; a version without a row
            # is computed on its first read. Rows of older versions are dropped when a newer one is kept.
            """
            CREATE TABLE IF NOT EXISTS store_as_of (
                version BIGINT NOT NULL,
                as_of DATE
            )
            """,
        ),
    ),
)

#: The schema version a fully migrated store has.
LATEST_VERSION: int = MIGRATIONS[-1].version


def applied_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to the database of ``con`` (0 for an empty file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not exists or not exists[0][0]:
        return 0
    rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def pending_migrations(con: duckdb.DuckDBPyConnection, path: str) -> list[Migration]:
    """The migrations newer than the schema version of the database ``path`` opened as ``con``, in order.

    Makes the ``schema_version`` table of a new file; a file newer than this code is a ``RuntimeError``.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
    )
    current = applied_version(con)
    if current > LATEST_VERSION:
        raise RuntimeError(
            f"{path}: schema version {current} is newer than this bilateral ({LATEST_VERSION})"
        )
    return [mig for mig in MIGRATIONS if mig.version > current]
