"""Keeping current: poll a list of feeds and pages, ingest only what is new.

``SOURCES.txt`` holds one http(s) URL per line (``#`` comments, blank lines ignored).
Each round GETs every URL with ``If-None-Match``/``If-Modified-Since`` from the last
answer (kept in the store's ``watch_state`` table, so a restarted watch stays
conditional); a ``304 Not Modified`` costs nothing. A feed's entries and a page's
article go through the normal ingest job, so an entry already stored adds nothing.
Each poll of a source logs one line; a source that is down logs its error and is
tried again next round, the others go on. :func:`watch` returns when ``stop`` is set
(the CLI sets it on Ctrl-C) or after one round with ``once``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bilateral.ingest.fetch import Fetcher, FetchError, is_url, response_documents, url_lines
from bilateral.ingest.job import DocumentCoder, DocumentSink, ingest_items
from bilateral.ingest.options import ReadOptions
from bilateral.ingest.registry import ReadError, ReadIssue, read_bytes_utf8
from bilateral.model import Document

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval like ``15m``, ``30s``, ``1h``, ``2d`` or ``90`` (seconds)."""
    m = _INTERVAL.match(text)
    if not m or float(m[1]) <= 0:
        raise ValueError(f"bad interval {text!r} (use e.g. 30s, 15m, 1h)")
    return float(m[1]) * _UNIT[m[2].lower()]


def read_sources(path: str | Path) -> list[str]:
    """The URLs of a sources file; raise ``ValueError`` naming the line of one that is no URL."""
    urls: list[str] = []
    for lineno, url in url_lines(read_bytes_utf8(Path(path))):
        if not is_url(url):
            raise ValueError(f"{path}:{lineno}: not an http(s) URL: {url[:80]!r}")
        urls.append(url)
    if not urls:
        raise ValueError(f"{path}: no URLs")
    return urls


@dataclass(slots=True)
class Poll:
    """What one poll of one source gave."""

    url: str
    status: str  # "new", "not modified" or "error"
    documents: int = 0  # entries/articles read
    added: int = 0
    events: int = 0
    error: str = ""

    def line(self) -> str:
        """The poll's log line (without the time stamp)."""
        if self.status == "error":
            return f"{self.url}: error: {self.error}"
        if self.status == "not modified":
            return f"{self.url}: not modified"
        return (f"{self.url}: {self.documents} items, {self.added} new documents, {self.events} events"
                + (f", {self.error}" if self.error else ""))


def _state(store: DocumentSink, url: str) -> tuple[str | None, str | None]:
    con = getattr(store, "connection", None)  # read each time: the ingest may reopen it (Store.recycle)
    if con is None:
        return None, None
    rows = con.execute("SELECT etag, last_modified FROM watch_state WHERE url = ?", [url]).fetchall()
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def _save_state(store: DocumentSink, url: str, etag: str | None, last_modified: str | None, status: str) -> None:
    con = getattr(store, "connection", None)
    if con is None:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute(
        "INSERT INTO watch_state VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
        "etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at, "
        "status = excluded.status",
        [url, etag, last_modified, now, status],
    )


def poll_source(url: str, store: DocumentSink, coder: DocumentCoder, fetcher: Fetcher,
                options: ReadOptions | None = None) -> Poll:
    """Poll one source: conditional GET, then ingest its new items. Never raises for a bad source."""
    etag, modified = _state(store, url)
    try:
        fetched = fetcher.get(url, etag=etag, last_modified=modified)
    except FetchError as exc:
        return Poll(url, "error", error=str(exc))
    if fetched.not_modified:
        _save_state(store, url, etag, modified, "not modified")
        return Poll(url, "not modified")
    items: list[Document | ReadIssue] = []
    try:
        items.extend(response_documents(fetched, origin=url))
    except ReadError as exc:
        _save_state(store, url, None, None, "error")
        return Poll(url, "error", error=str(exc))
    result = ingest_items(items, store, coder, options=options)
    _save_state(store, url, fetched.etag, fetched.last_modified, "ok")
    issues = len(result.errors)
    return Poll(url, "new", documents=result.documents_read, added=result.documents_added, events=result.events,
                error=f"{issues} items unreadable" if issues else "")


def watch(
    urls: list[str], store: DocumentSink, coder: DocumentCoder, *, every: float = 900.0, once: bool = False,
    log: Callable[[str], None] = print, stop: threading.Event | None = None, options: ReadOptions | None = None,
) -> int:
    """Poll ``urls`` every ``every`` seconds until ``stop`` is set (or once); return the number of rounds."""
    opts = options or ReadOptions()
    stop = stop or threading.Event()
    rounds = 0
    with Fetcher(timeout=opts.timeout, retries=opts.retries) as fetcher:
        while not stop.is_set():
            for url in urls:
                if stop.is_set():
                    break
                poll = poll_source(url, store, coder, fetcher, opts)
                stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                log(f"{stamp} {poll.line()}")
            rounds += 1
            recycle = getattr(store, "recycle", None)
            if recycle is not None:  # a long watch hands DuckDB's native memory back after each round
                recycle()
            if once:
                break
            stop.wait(every)
    return rounds
