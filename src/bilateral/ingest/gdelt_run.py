"""``bilateral gdelt A B``: follow one pair of countries through GDELT's files and the articles they name.

A run has two stages, each restartable:

1. **Files.** The export files of the period (:mod:`bilateral.ingest.gdelt_files`) are downloaded
   into the cache, unless already there, and read; their rows of the dyad are imported as GDELT
   events through the ingest job (re-importing adds nothing), and each row's ``SOURCEURL`` is
   remembered as a pending article, in the same transaction as the file's events.
2. **Articles.** Every pending article is fetched once, politely, extracted, coded by our coder
   and stored (:mod:`bilateral.ingest.gdelt_articles`).

A run killed at any point and started again ends with the same store as a run never interrupted:
files are complete or absent in the cache, a file's events and URLs commit together, and an
article's document, events and state commit together.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.fetch import Fetcher, FetchError
from bilateral.ingest.gdelt_articles import (
    ArticleSink,
    ArticleTally,
    add_urls,
    count_todo,
    ensure_table,
    fetch_articles,
    known_urls,
)
from bilateral.ingest.gdelt_files import (
    GDELT_BASE_URL,
    GdeltFile,
    Layout,
    choose_layout,
    dyad_rows,
    fetch_file,
    is_cached,
    period_files,
)
from bilateral.ingest.job import RECYCLE_EVERY, DocumentCoder, IngestError, ingest_items
from bilateral.ingest.polite import PoliteFetcher
from bilateral.ingest.registry import ReadError, ReadIssue
from bilateral.model import Document

CACHE_ENV = "BILATERAL_GDELT_CACHE"


def default_cache() -> Path:
    """``$BILATERAL_GDELT_CACHE``, else ``$XDG_CACHE_HOME/bilateral/gdelt``, else ``~/.cache/bilateral/gdelt``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "bilateral" / "gdelt"


@dataclass(frozen=True, slots=True)
class GdeltRequest:
    """What one run asks for, and how politely."""

    a: str
    b: str
    since: date
    until: date
    base_url: str = GDELT_BASE_URL
    cache: Path = field(default_factory=default_cache)
    files: str = "auto"  # auto, 15min or daily
    per_host: int = 2  # article requests in flight per host
    delay: float = 1.0  # seconds between two article requests to one host
    workers: int = 8  # article fetches in flight in all
    timeout: float = 20.0
    retries: int = 2

    @property
    def layout(self) -> Layout:
        """The file kind the run reads."""
        return choose_layout(self.since, self.until, self.files)


@dataclass(slots=True)
class GdeltResult:
    """What a run did (or, for a dry run, would do)."""

    layout: Layout
    files: int = 0
    files_downloaded: int = 0
    files_cached: int = 0
    files_failed: int = 0
    rows: int = 0  # rows of the dyad read
    events_added: int = 0  # GDELT events new to the store
    urls_new: int = 0  # article URLs new to the store
    articles: ArticleTally = field(default_factory=ArticleTally)
    errors: int = 0
    dry_run: bool = False
    bytes_to_download: int | None = None  # dry run: what the lists say (None: not all sizes listed)
    articles_todo: int = 0  # dry run: articles a run would fetch, as far as the cached files tell


class RunDisplay(Protocol):
    """What a run reports as it goes: log lines, and the two progress counters (files, articles)."""

    def log(self, line: str) -> None:
        """One line (a failed file or URL)."""

    def files(self, total: int) -> None:
        """The number of files of the period is known."""

    def file_done(self) -> None:
        """One file read."""

    def articles(self, total: int) -> None:
        """The number of articles to fetch is known."""

    def articles_done(self, n: int) -> None:
        """``n`` more articles handled."""


class LogDisplay:
    """A :class:`RunDisplay` without a bar: log lines go to ``log``."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log

    def files(self, total: int) -> None:
        """Nothing to show."""

    def file_done(self) -> None:
        """Nothing to show."""

    def articles(self, total: int) -> None:
        """Nothing to show."""

    def articles_done(self, n: int) -> None:
        """Nothing to show."""


def _tagged_rows(path: Path, file: GdeltFile, req: GdeltRequest, urls: list[tuple[str, str | None, str]],
                 ) -> Iterator[Document | ReadIssue]:
    for item in dyad_rows(path, file.url, req.a, req.b, req.layout):
        if isinstance(item, CodedDocument) and item.meta.get("SOURCEURL"):
            urls.append((str(item.meta["SOURCEURL"]), item.date, file.url))
        yield item


def _import_file(store: ArticleSink, coder: DocumentCoder, path: Path, file: GdeltFile, req: GdeltRequest,
                 result: GdeltResult, on_error: Callable[[IngestError], None]) -> None:
    urls: list[tuple[str, str | None, str]] = []
    with store.transaction() as con:  # the file's events and its article URLs commit together
        res = ingest_items(_tagged_rows(path, file, req, urls), store, coder, on_error=on_error, recycle_every=None)
        result.urls_new += add_urls(con, urls)
    result.rows += res.documents_read
    result.events_added += res.events
    result.errors += len(res.errors)


def run_gdelt(store: ArticleSink, coder: DocumentCoder, req: GdeltRequest,
              display: RunDisplay | None = None, *, log: Callable[[str], None] = print) -> GdeltResult:
    """Download, import, fetch and code what ``req`` asks for; return the tallies."""
    show = display or LogDisplay(log)
    result = GdeltResult(req.layout)
    ensure_table(store.connection)

    def failed(origin: str, reason: str) -> None:
        result.errors += 1
        store.add_errors([(origin, reason)])
        show.log(f"{origin}: {reason}")

    with Fetcher(timeout=req.timeout, retries=req.retries) as fetcher:
        files = period_files(fetcher, req.base_url, req.layout, req.since, req.until, req.cache)
        result.files = len(files)
        show.files(len(files))
        for n, file in enumerate(files, start=1):
            try:
                path, downloaded = fetch_file(fetcher, file, req.cache)
                _import_file(store, coder, path, file, req, result, lambda err: show.log(str(err)))
            except (FetchError, ReadError) as exc:
                if isinstance(exc, ReadError):  # a damaged copy: download it again next time
                    (req.cache / file.cache_path).unlink(missing_ok=True)
                result.files_failed += 1
                failed(file.url, str(exc))
            else:
                result.files_downloaded += downloaded
                result.files_cached += not downloaded
            show.file_done()
            if n % RECYCLE_EVERY == 0:
                store.recycle()
        show.articles(count_todo(store.connection))
        polite = PoliteFetcher(fetcher, per_host=req.per_host, delay=req.delay)

        def article_failed(url: str, reason: str) -> None:
            result.errors += 1
            show.log(f"{url}: {reason}")

        result.articles = fetch_articles(store, coder, polite, workers=req.workers, on_failure=article_failed,
                                         on_progress=show.articles_done)
    return result


def plan_gdelt(con: Any | None, req: GdeltRequest, *, fetch_lists: bool = True) -> GdeltResult:
    """What a run would do, fetching at most the file list: files to download and articles to fetch.

    Articles are counted from the files already cached (and the store's pending ones); the rows of
    files not downloaded yet are unknown until then. ``con`` may be ``None`` (no store yet).
    """
    result = GdeltResult(req.layout, dry_run=True)
    with Fetcher(timeout=req.timeout, retries=req.retries) if fetch_lists else contextlib.nullcontext() as fetcher:
        files = period_files(fetcher, req.base_url, req.layout, req.since, req.until, req.cache)
    result.files = len(files)
    missing = [f for f in files if not is_cached(f, req.cache)]
    result.files_cached = len(files) - len(missing)
    result.files_downloaded = len(missing)
    sizes = [f.size for f in missing]
    result.bytes_to_download = None if any(s is None for s in sizes) else sum(s for s in sizes if s is not None)
    new_urls: set[str] = set()
    for file in files:
        if file in missing:
            continue
        try:
            for item in dyad_rows(req.cache / file.cache_path, file.url, req.a, req.b, req.layout):
                result.rows += isinstance(item, Document)
                if isinstance(item, CodedDocument) and item.meta.get("SOURCEURL"):
                    new_urls.add(str(item.meta["SOURCEURL"]))
        except ReadError:
            result.files_failed += 1
    known = known_urls(con, sorted(new_urls)) if con is not None else set()
    result.articles_todo = (count_todo(con) if con is not None else 0) + len(new_urls - known)
    return result
