"""The source articles of GDELT rows: remembered in the store, each fetched once, extracted, coded, stored.

The table ``gdelt_articles`` (created by the first ``bilateral gdelt`` run) holds one row per distinct
``SOURCEURL`` and what became of it:

=============  ==============================================================================
``pending``    seen in an imported row, not fetched yet
``stored``     fetched, extracted with trafilatura, coded and stored (``doc_id``: the stored story)
``failed``     permanently: an HTTP error such as 404, or a page without article text
``forbidden``  robots.txt disallows it; never requested
``error``      a passing failure (time-out, 5xx after the retries, robots.txt unreachable):
               tried again by a later run, at most :data:`MAX_ATTEMPTS` runs in all
=============  ==============================================================================

Articles are fetched a chunk at a time by a thread pool through a
:class:`~bilateral.ingest.polite.PoliteFetcher`; each chunk's documents, sentences, events,
errors and states are written in one transaction, so a run killed at any moment loses at most the
chunk in flight, which the next run fetches again. A URL that is not ``pending`` (or a retryable
``error``) is never requested again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import pyarrow as pa

from bilateral.dates import resolve_date
from bilateral.ingest.fetch import FetchError
from bilateral.ingest.html import html_document
from bilateral.ingest.job import RECYCLE_EVERY, DocumentCoder, DocumentSink, ingest_items, one_line
from bilateral.ingest.polite import Disallowed, PoliteFetcher, is_client_error
from bilateral.ingest.registry import ReadError
from bilateral.model import Document

#: Runs that may try an article whose failures were passing ones, before it is given up.
MAX_ATTEMPTS = 3
#: Articles fetched (in parallel) and then stored together in one transaction, per fetcher in flight.
CHUNK_PER_FETCHER = 2

class ArticleSink(DocumentSink, Protocol):
    """What the GDELT stages need from a store besides the ingest job's needs (:class:`bilateral.store.Store` fits)."""

    @property
    def connection(self) -> Any:
        """The DuckDB connection (read at each use: the store may reopen it)."""
        ...

    def transaction(self) -> AbstractContextManager[Any]:
        """A block whose writes commit together (nesting)."""
        ...

    def recycle(self) -> bool:
        """Checkpoint and reopen the connection, handing DuckDB's memory back."""
        ...

    def stored_ids(self, docs: Sequence[Document]) -> list[str | None]:
        """For each document, the stored story's id under which its origin is recorded, else ``None``."""
        ...


_DDL = """
CREATE TABLE IF NOT EXISTS gdelt_articles (
    url VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    doc_id VARCHAR,
    reason VARCHAR,
    attempts INTEGER NOT NULL,
    gdelt_date VARCHAR,
    first_file VARCHAR,
    checked_at TIMESTAMP
)
"""
_TODO = f"(state = 'pending' OR (state = 'error' AND attempts < {MAX_ATTEMPTS}))"


def ensure_table(con: Any) -> None:
    """Create ``gdelt_articles`` if the store has none yet."""
    con.execute(_DDL)


def has_table(con: Any) -> bool:
    """Whether the store has a ``gdelt_articles`` table (a store never used by ``bilateral gdelt`` has not)."""
    rows = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'gdelt_articles'").fetchall()
    return bool(rows and rows[0][0])


def add_urls(con: Any, seen: Sequence[tuple[str, str | None, str]]) -> int:
    """Remember new article URLs ``(url, GDELT date, file URL)`` as pending; return how many were new."""
    if not seen:
        return 0
    first: dict[str, tuple[str | None, str]] = {}
    for url, day, file in seen:
        first.setdefault(url, (day, file))
    table = pa.table({"url": list(first), "gdelt_date": [d for d, _ in first.values()],
                      "first_file": [f for _, f in first.values()]})
    con.register("_bl_urls", table)
    try:
        before = con.execute("SELECT count(*) FROM gdelt_articles").fetchall()[0][0]
        con.execute(
            "INSERT INTO gdelt_articles SELECT u.url, 'pending', NULL, NULL, 0, u.gdelt_date, u.first_file, NULL "
            "FROM _bl_urls u WHERE u.url NOT IN (SELECT url FROM gdelt_articles)"
        )
        after = con.execute("SELECT count(*) FROM gdelt_articles").fetchall()[0][0]
    finally:
        con.unregister("_bl_urls")
    return int(after - before)


def count_todo(con: Any) -> int:
    """Articles a run would fetch: pending ones and passing failures with tries left."""
    if not has_table(con):
        return 0
    return int(con.execute(f"SELECT count(*) FROM gdelt_articles WHERE {_TODO}").fetchall()[0][0])


def known_urls(con: Any, urls: Sequence[str]) -> set[str]:
    """The URLs of ``urls`` already in ``gdelt_articles`` (whatever their state)."""
    if not urls or not has_table(con):
        return set()
    con.register("_bl_probe", pa.table({"url": list(urls)}))
    try:
        rows = con.execute("SELECT url FROM gdelt_articles WHERE url IN (SELECT url FROM _bl_probe)").fetchall()
    finally:
        con.unregister("_bl_probe")
    return {str(r[0]) for r in rows}


def _next_chunk(con: Any, after: tuple[str, str], size: int) -> list[tuple[str, str, str | None]]:
    """The next URLs to fetch in a fixed order (hash of the URL: hosts interleave), after ``after``."""
    rows = con.execute(
        f"SELECT md5(url) AS h, url, gdelt_date FROM gdelt_articles WHERE {_TODO} AND (md5(url), url) > (?, ?) "
        "ORDER BY h, url LIMIT ?", [*after, size],
    ).fetchall()
    return [(str(h), str(u), d) for h, u, d in rows]


@dataclass(slots=True)
class ArticleTally:
    """What the article stage of a run did."""

    fetched: int = 0  # pages received
    stored: int = 0  # new documents
    already: int = 0  # pages whose story was stored already (another URL, a near-copy)
    failed: int = 0  # permanent failures, robots.txt refusals included
    forbidden: int = 0
    errors: int = 0  # passing failures, tried again by a later run
    events: int = 0  # events our coder found in the new documents


def fetch_article(polite: PoliteFetcher, url: str, fallback_date: str | None) -> Document | FetchError | ReadError:
    """The document of one article page (trafilatura), or why there is none. Runs in a worker thread."""
    try:
        got = polite.get(url)
        doc = html_document(got.content, origin=url, url=got.url)
    except (FetchError, ReadError) as exc:
        return exc
    doc.date = resolve_date(doc.date, doc.text, fallback_date)
    return doc


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _store_chunk(store: ArticleSink, coder: DocumentCoder, chunk: list[tuple[str, str, str | None]],
                 outcomes: list[Document | FetchError | ReadError], tally: ArticleTally,
                 on_failure: Callable[[str, str], None]) -> None:
    con = store.connection
    docs = [o for o in outcomes if isinstance(o, Document)]
    failures: list[tuple[str, str]] = []
    job_errors: list[tuple[str, str]] = []  # recorded by the job itself (a document too long, a coder failure)
    with store.transaction():
        result = ingest_items(docs, store, coder, batch_size=max(1, len(docs)), recycle_every=None,
                              on_error=lambda err: job_errors.append((err.origin, err.reason)))
        tally.fetched += len(docs)
        tally.stored += result.documents_added
        tally.already += result.documents_skipped
        tally.events += result.events
        # looked up in the store's key index, not by scanning document_origins: a scan per chunk
        # loaded every block of that table into DuckDB's buffer pool, so memory grew with the store
        stored = dict(zip((id(d) for d in docs), store.stored_ids(docs), strict=True))
        now = _now()
        for (_h, url, _d), outcome in zip(chunk, outcomes, strict=True):
            if isinstance(outcome, Document):
                doc_id = stored.get(id(outcome))
                state, reason = ("stored", None) if doc_id else ("failed", "not stored (see the ingest errors)")
            else:
                reason = one_line(str(outcome)) or outcome.__class__.__name__
                if isinstance(outcome, Disallowed):
                    state = "forbidden"
                    tally.forbidden += 1
                elif isinstance(outcome, ReadError) or is_client_error(outcome):
                    state = "failed"
                else:
                    state = "error"
                    tally.errors += 1
                if state != "error":
                    tally.failed += 1
                doc_id = None
                failures.append((url, reason))
            con.execute(
                "UPDATE gdelt_articles SET state = ?, doc_id = ?, reason = ?, attempts = attempts + 1, checked_at = ? "
                "WHERE url = ?", [state, doc_id, reason, now, url],
            )
        if failures:
            store.add_errors(failures)
    for url, reason in job_errors + failures:  # after the commit: a line is printed only for what is recorded
        on_failure(url, reason)


def fetch_articles(store: ArticleSink, coder: DocumentCoder, polite: PoliteFetcher, *, workers: int = 8,
                   on_failure: Callable[[str, str], None] = lambda url, reason: None,
                   on_progress: Callable[[int], None] = lambda n: None) -> ArticleTally:
    """Fetch, extract, code and store every article still to fetch; ``on_progress(n)`` after each chunk."""
    tally = ArticleTally()
    size = CHUNK_PER_FETCHER * max(1, workers)
    ensure_table(store.connection)
    after = ("", "")
    chunks = 0
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="gdelt-fetch")
    try:
        while chunk := _next_chunk(store.connection, after, size):
            outcomes = list(pool.map(lambda item: fetch_article(polite, item[1], item[2]), chunk))
            _store_chunk(store, coder, chunk, outcomes, tally, on_failure)
            after = (chunk[-1][0], chunk[-1][1])
            on_progress(len(chunk))
            chunks += 1
            if chunks % RECYCLE_EVERY == 0:  # hand DuckDB's native memory back
                store.recycle()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return tally
