"""The store's version: a number that every committed write raises, and which dyads each write touched.

Results computed from the store (a dyad's profile, an API answer) stay valid while nothing they
read has changed. Each write (an ingest batch, a correction) gets the next version and records, in
the ``store_changes`` table (store migration 7), the actors whose events it changed. Then:

* the **store version** (:func:`store_version`) is the highest version: it changes with any write;
* a **dyad version** (:func:`actors_version`) is the highest version of a write that touched one of
  the dyad's actors, or that touched everything. An ingest that adds USA–JPN events leaves the
  version of PAK–IND as it was, so PAK–IND's cached results stay valid.

A write touches *everything* when it moves the store's latest event or publication date (``as_of``),
which promise follow-through judges every dyad by. Documents, sentences, origins and ingest errors touch
no dyad; they still raise the store version (the dashboard's pages show them).

Both numbers are one aggregate over a table of a few rows per write, cheap to read on every request.

The store's latest *publication* date (what follow-through judges by, an aggregate over every event
joined to its document) is kept per store version in the ``store_as_of`` table (store migration 8):
:func:`kept_as_of` reads it, :func:`keep_as_of` writes it once computed, so it is computed once per
version (and once per process for a read-only file) whatever the store's size. Such values, kept
only to be reused, are written by :func:`best_effort_write`: in a transaction of their own, given up
without a word when the file cannot take them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import duckdb

#: The name of the table of versions (store migration 7).
CHANGES_TABLE = "store_changes"
#: The table of the latest publication date per store version (store migration 8).
AS_OF_TABLE = "store_as_of"
#: Latest publication dates known in this process, by (database file, store version): for read-only files.
_AS_OF_MEMORY: dict[tuple[str, int, datetime | None], date | None] = {}
_AS_OF_MEMORY_ENTRIES = 64


@dataclass(slots=True)
class PendingChange:
    """What the writes of one open transaction touched, recorded as one version when it commits."""

    kinds: list[str] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    latest_date: date | None = None  # the latest event date written
    everything: bool = False
    recount_as_of: bool = False  # events may have left the counted set: recompute the latest date

    def touch(self, kind: str, actors: Iterable[str | None] = (), latest: date | None = None) -> None:
        """Note a write of ``kind`` that changed the events of ``actors`` (dated up to ``latest``)."""
        if kind not in self.kinds:
            self.kinds.append(kind)
        self.actors.update(a for a in actors if a)
        if latest is not None and (self.latest_date is None or latest > self.latest_date):
            self.latest_date = latest


def _has_table(con: duckdb.DuckDBPyConnection, table: str = CHANGES_TABLE) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    ).fetchall()
    return bool(rows and rows[0][0])


def _database_file(con: duckdb.DuckDBPyConnection) -> str | None:
    """The path of the connection's database file (``None`` in memory)."""
    rows = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return str(rows[0][0]) if rows and rows[0][0] else None


def _memory_key(con: duckdb.DuckDBPyConnection, version: int) -> tuple[str, int, datetime | None] | None:
    """The key of this file's ``version`` in this process's memory: its path, the version and when it was
    written (a file made again at the same path, with the same version number, is another key)."""
    path = _database_file(con)
    if path is None:
        return None
    return path, version, last_changed(con)


def kept_as_of(con: duckdb.DuckDBPyConnection) -> tuple[int | None, bool, date | None]:
    """``(version, found, as_of)``: the store version, and its latest publication date when it is kept.

    ``version`` is ``None`` for a file without the tables of versions (nothing can be kept: a write
    would not change the version)."""
    if not _has_table(con) or not _has_table(con, AS_OF_TABLE):
        return None, False, None
    version = store_version(con)
    memo = _memory_key(con, version)
    if memo is not None and memo in _AS_OF_MEMORY:
        return version, True, _AS_OF_MEMORY[memo]
    rows = con.execute(f"SELECT as_of FROM {AS_OF_TABLE} WHERE version = ? LIMIT 1", [version]).fetchall()
    if rows:
        return version, True, rows[0][0]
    return version, False, None


def keep_as_of(con: duckdb.DuckDBPyConnection, version: int, as_of: date | None) -> None:
    """Keep ``as_of`` as the latest publication date of store ``version`` (in the file when writable, and
    in this process's memory for a file); the rows of older versions go."""
    memo = _memory_key(con, version)
    if memo is not None:
        if len(_AS_OF_MEMORY) >= _AS_OF_MEMORY_ENTRIES:
            _AS_OF_MEMORY.pop(next(iter(_AS_OF_MEMORY)))
        _AS_OF_MEMORY[memo] = as_of

    def replace_as_of(cur: duckdb.DuckDBPyConnection) -> None:
        if store_version(cur) == version:  # no write committed meanwhile
            cur.execute(f"DELETE FROM {AS_OF_TABLE}")
            cur.execute(f"INSERT INTO {AS_OF_TABLE} VALUES (?, ?)", [version, as_of])

    # a read-only file, or a concurrent writer, keeps nothing: the value is still returned (and kept in memory)
    best_effort_write(con, replace_as_of)


def best_effort_write(con: duckdb.DuckDBPyConnection, write: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Run ``write(cursor)`` on a cursor of ``con`` in a transaction of its own, and commit it.

    For values kept only to be reused (a result of the analysis, a version's latest publication
    date): a DuckDB error (a read-only file, a concurrent writer) rolls the transaction back and is
    dropped, so the caller goes on with the value it has. The cursor's own transaction leaves
    whatever the caller's connection is doing untouched.
    """
    cur = con.cursor()
    try:
        cur.begin()
        write(cur)
        cur.commit()
    except duckdb.Error:
        with contextlib.suppress(duckdb.Error):
            cur.rollback()
    finally:
        cur.close()


def store_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's version: the highest version written (0 for a file without the table)."""
    if not _has_table(con):
        return 0
    rows = con.execute(f"SELECT max(version) FROM {CHANGES_TABLE}").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def actors_version(con: duckdb.DuckDBPyConnection, actors: Iterable[str]) -> int:
    """The highest version of a write that touched one of ``actors`` or everything (0 without the table)."""
    names = sorted({a for a in actors if a})
    if not _has_table(con):
        return 0
    cond = f" OR actor IN ({', '.join('?' for _ in names)})" if names else ""
    rows = con.execute(f"SELECT max(version) FROM {CHANGES_TABLE} WHERE everything{cond}", names).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def last_changed(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """When the latest write was committed (UTC), ``None`` when no write recorded its time."""
    if not _has_table(con):
        return None
    rows = con.execute(f"SELECT max(changed_at) FROM {CHANGES_TABLE}").fetchall()
    return rows[0][0] if rows and rows[0][0] is not None else None


def record(con: duckdb.DuckDBPyConnection, change: PendingChange, *, migrated: bool = False) -> int | None:
    """Write ``change`` as the next version inside the caller's open transaction; return the version.

    Nothing is written (``None``) when the store has no ``store_changes`` table (not yet migrated);
    ``migrated=True`` says the caller knows it has one (one catalog query less per ingest batch).
    """
    if not migrated and not _has_table(con):
        return None
    last = con.execute(f"SELECT version, as_of FROM {CHANGES_TABLE} ORDER BY version DESC LIMIT 1").fetchall()
    version, before = (int(last[0][0]) + 1, last[0][1]) if last else (1, None)
    if change.recount_as_of:
        rows = con.execute("SELECT max(TRY_CAST(date AS DATE)) FROM effective_events").fetchall()
        after = rows[0][0] if rows else None
    else:
        after = before
        if change.latest_date is not None and (before is None or change.latest_date > before):
            after = change.latest_date
    everything = change.everything or after != before
    kind = "+".join(change.kinds) or "write"
    now = datetime.now(UTC).replace(tzinfo=None)
    rows_out: list[tuple[int, str, str | None, bool, date | None, datetime]] = [
        (version, kind, actor, False, after, now) for actor in sorted(change.actors)
    ]
    if everything or not rows_out:
        rows_out.append((version, kind, None, everything, after, now))
    values = ", ".join("(?, ?, ?, ?, ?, ?)" for _ in rows_out)  # one statement: executemany costs a call per row
    con.execute(f"INSERT INTO {CHANGES_TABLE} VALUES {values}", [x for row in rows_out for x in row])
    return version
