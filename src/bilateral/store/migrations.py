"""Schema migrations of the DuckDB store, applied in order.

Each migration is a list of SQL statements; the store's ``schema_version``
table records the highest version applied. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``version`` is applied after every lower version."""

    version: int
    description: str
    statements: tuple[str, ...]


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
)

#: The schema version a fully migrated store has.
LATEST_VERSION: int = MIGRATIONS[-1].version
