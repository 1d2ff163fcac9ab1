"""The dashboard's access to the store: one DuckDB file held open, one cursor per request.

DuckDB connections are not safe to share between threads, but cursors of one
connection are independent connections to the same database, so every request
(FastAPI runs plain ``def`` handlers in a thread pool) gets its own cursor.

The server holds the store's lock exclusively (no other process writes while it runs), so the
store's version changes only through this server's own writes: it is read once and kept until the
next write commits (:meth:`Database.version`), and answers are cached against it (``caching.py``).
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from bilateral.store import Store
from bilateral.store.versions import last_changed, store_version


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
        self._version_lock = threading.Lock()
        self._version: tuple[int, datetime | None] | None = None  # (version, when it was written) until a write

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

    def known_version(self) -> tuple[int, datetime | None] | None:
        """:meth:`version` when it is already read (no query, safe on the event loop), else ``None``."""
        return self._version

    def version(self) -> tuple[int, datetime | None]:
        """The store's version and the time of its last write, read once per write (see the module doc)."""
        with self._version_lock:
            if self._version is None:
                with self.cursor() as cur:
                    self._version = (store_version(cur.connection), last_changed(cur.connection))
            return self._version

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
            try:
                cur.connection.commit()
            finally:
                with self._version_lock:  # the next request reads the version again, whatever the commit did
                    self._version = None

    def close(self) -> None:
        """Close the store file."""
        self.store.close()
