"""The dashboard's access to the store: one DuckDB file held open, one cursor per request.

DuckDB connections are not safe to share between threads, but cursors of one
connection are independent connections to the same database, so every request
(FastAPI runs plain ``def`` handlers in a thread pool) gets its own cursor.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from bilateral.store import Store


@dataclass(slots=True)
class Cursor:
    """A per-request DuckDB cursor, shaped like a :class:`Store` for the analysis functions."""

    connection: duckdb.DuckDBPyConnection


class Database:
    """The store file behind a running dashboard, and the write token that guards corrections."""

    def __init__(self, path: str | Path, write_token: str | None = None) -> None:
        self.path = str(path)
        self.store = Store(self.path)  # migrates: the corrections table and effective_events view exist
        #: read once: the shared connection itself must not run queries from request threads
        #: (DuckDB refuses a second concurrent call on one connection: "connection is busy")
        self.schema_version = self.store.schema_version
        self._token = write_token or None
        self._write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()

    @property
    def writable(self) -> bool:
        """Whether corrections may be written (a write token was configured)."""
        return self._token is not None

    def token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the configured write token (constant-time compare); False when read-only."""
        if self._token is None or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self._token.encode("utf-8"))

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """A fresh cursor for one request, closed afterwards."""
        with self._cursor_lock:  # cursors are made from the shared connection one at a time
            cur = self.store.connection.cursor()
        try:
            yield Cursor(cur)
        finally:
            cur.close()

    @contextmanager
    def writer(self) -> Iterator[Cursor]:
        """A cursor inside one transaction, one writer at a time; rolled back on error."""
        with self._write_lock, self.cursor() as cur:
            cur.connection.begin()
            try:
                yield cur
            except BaseException:
                cur.connection.rollback()
                raise
            cur.connection.commit()

    def close(self) -> None:
        """Close the store file."""
        self.store.close()
