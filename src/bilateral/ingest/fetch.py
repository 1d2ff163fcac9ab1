"""Fetching web pages and feeds with ``httpx``: timeouts, retries, conditional GETs, one-line errors.

* :class:`Fetcher` GETs a URL with a timeout, retrying connection errors, time-outs,
  HTTP 429 and 5xx (with a short back-off); any failure is one :class:`FetchError`
  whose message is a single line (``HTTP 404 Not Found``, ``timed out after 5s`` …).
  Given an ETag or Last-Modified it sends ``If-None-Match``/``If-Modified-Since``
  and reports ``304 Not Modified`` as ``Fetched.not_modified``.
* :meth:`Fetcher.download` streams a large file (GDELT's exports) to disk with the same
  retries, never holding it in memory.
* :func:`response_documents` turns a fetched body into documents: a feed (by content
  type or by its first bytes) gives one document per entry, anything else is read as
  an HTML page with trafilatura.
* :class:`UrlListReader` reads ``.urls`` files (one URL per line, ``#`` comments) and
  fetches each; a URL that fails becomes one issue, ``URL: reason``, and the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from bilateral.ingest.feed import feed_documents, looks_like_feed
from bilateral.ingest.html import html_document
from bilateral.ingest.options import ReadOptions
from bilateral.ingest.registry import ReadError, ReadIssue, read_bytes_utf8, register_reader
from bilateral.model import Document

USER_AGENT = "bilateral/0.1 (+news event coding; polite single requests)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


class FetchError(Exception):
    """A URL could not be fetched; ``str()`` is a one-line reason without the URL."""


def is_url(value: object) -> bool:
    """True for ``http://`` and ``https://`` URLs."""
    s = str(value).strip().lower()
    return s.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: body and the validators for the next conditional GET."""

    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """True for ``304 Not Modified`` (nothing new since the validators sent)."""
        return self.status == 304


class Fetcher:
    """A small HTTP client: ``get`` with time-out, retries and conditional requests."""

    def __init__(self, timeout: float = 20.0, retries: int = 2, backoff: float = 0.5) -> None:
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``; raise :class:`FetchError` with a one-line reason after the last retry."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reason = "not fetched"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                resp = self._client.get(url, headers=headers)
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g}s"
                continue
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL ({exc})") from None
            except httpx.UnsupportedProtocol as exc:
                raise FetchError(f"unsupported URL ({exc})") from None
            except httpx.HTTPError as exc:
                first = str(exc).splitlines()[0] if str(exc).strip() else exc.__class__.__name__
                reason = f"connection failed ({first})"
                continue
            if resp.status_code in _RETRY_STATUS:
                reason = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                continue
            if resp.status_code == 304 or 200 <= resp.status_code < 300:
                return Fetched(
                    url=str(resp.url), status=resp.status_code, content=resp.content,
                    content_type=resp.headers.get("content-type", "").split(";")[0].strip().lower(),
                    etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                )
            raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
        tries = self.retries + 1
        raise FetchError(f"{reason} ({tries} {'try' if tries == 1 else 'tries'})")


    def download(self, url: str, dest: Path, *, etag: str | None = None, last_modified: str | None = None,
                 ) -> Fetched:
        """Stream ``url`` into ``dest`` (written as ``dest.part``, renamed when complete); same retries as :meth:`get`.

        The body is never held in memory (``Fetched.content`` is empty). With validators a
        ``304 Not Modified`` leaves ``dest`` as it is. An interrupted download leaves only the
        ``.part`` file, which the next call overwrites.
        """
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        part = dest.with_name(dest.name + ".part")
        reason = "not fetched"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                with self._client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in _RETRY_STATUS:
                        reason = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                        continue
                    if resp.status_code != 304 and not 200 <= resp.status_code < 300:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    if resp.status_code == 200:
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        with part.open("wb") as fh:
                            for chunk in resp.iter_bytes(1 << 16):
                                fh.write(chunk)
                        part.replace(dest)
                    return Fetched(
                        url=str(resp.url), status=resp.status_code, content=b"",
                        content_type=resp.headers.get("content-type", "").split(";")[0].strip().lower(),
                        etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                    )
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g}s"
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL ({exc})") from None
            except httpx.UnsupportedProtocol as exc:
                raise FetchError(f"unsupported URL ({exc})") from None
            except httpx.HTTPError as exc:
                first = str(exc).splitlines()[0] if str(exc).strip() else exc.__class__.__name__
                reason = f"connection failed ({first})"
        tries = self.retries + 1
        raise FetchError(f"{reason} ({tries} {'try' if tries == 1 else 'tries'})")


def response_documents(fetched: Fetched, origin: str | None = None) -> Iterator[Document | ReadIssue]:
    """The documents of a fetched body: feed entries, or the one article of an HTML page."""
    where = origin or fetched.url
    ctype = fetched.content_type
    if ctype in _FEED_TYPES or (ctype.endswith("xml") and looks_like_feed(fetched.content)) or (
        ctype not in ("text/html", "application/xhtml+xml") and looks_like_feed(fetched.content)
    ):
        yield from feed_documents(fetched.content, where)
        return
    if ctype.startswith("text/plain"):
        from bilateral.ingest.text import text_document

        text = fetched.content.decode("utf-8", errors="replace")
        if not text.strip():
            raise ReadError("empty response")
        doc = text_document(text, origin=where)
        doc.url = fetched.url
        yield doc
        return
    yield html_document(fetched.content, origin=where, url=fetched.url)


def read_url(url: str, options: ReadOptions | None = None, fetcher: Fetcher | None = None,
             ) -> Iterator[Document | ReadIssue]:
    """Fetch ``url`` and yield its documents; a failure is one :class:`ReadIssue` ``url: reason``."""
    opts = options or ReadOptions()
    own = fetcher is None
    f = fetcher or Fetcher(timeout=opts.timeout, retries=opts.retries)
    try:
        fetched = f.get(url)
        yield from response_documents(fetched, origin=url)
    except (FetchError, ReadError) as exc:
        yield ReadIssue(url, str(exc))
    finally:
        if own:
            f.close()


def url_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, URL)`` of each non-blank, non-comment line of a URL list."""
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.split("#", 1)[0].strip() if not line.lstrip().startswith(("http://", "https://")) else line.strip()
        if s:
            yield n, s


class UrlListReader:
    """Reads ``.urls`` files: one URL (page or feed) per line, fetched in turn."""

    name = "urls"
    takes_options = True
    suffixes: tuple[str, ...] = (".urls",)

    def matches(self, path: Path) -> bool:
        """True for ``.urls`` files."""
        return path.name.lower().endswith(self.suffixes)

    def read(self, path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadIssue]:
        """Fetch every URL of the list; a line that is no URL, or a URL that fails, is one issue."""
        opts = options or ReadOptions()
        with Fetcher(timeout=opts.timeout, retries=opts.retries) as fetcher:
            for lineno, url in url_lines(read_bytes_utf8(path)):
                if not is_url(url):
                    yield ReadIssue(f"{path}:{lineno}", f"not an http(s) URL: {url[:80]!r}")
                    continue
                yield from read_url(url, opts, fetcher)


register_reader(UrlListReader())
