"""Conditional GETs and a response cache, both keyed on the store's version.

Every page and API answer is a function of its URL, the store's contents, the analysis code and
whether the server takes corrections. The store's contents are summed up by its version
(:mod:`bilateral.store.versions`), which only this server's own writes change while it runs, so:

* every ``GET`` answer carries ``ETag: "v<version>-<code>-<hash of the URL>"``, ``Last-Modified``
  (the last write) and ``Cache-Control: no-cache`` (clients revalidate each time);
* a request whose ``If-None-Match`` names the current ETag (or, without one, whose
  ``If-Modified-Since`` is not older than the last write) gets ``304 Not Modified`` at once, before
  any handler runs;
* a ``200`` answer is kept in memory (a bounded LRU over bytes) and sent again as it is to the next
  request for the same URL at the same version: no analysis, no rendering, no JSON encoding; to a
  client that accepts gzip it is sent compressed (compressed once, kept beside it, its own ETag).
  The first answer, made by the handler, goes out uncompressed.

Static files (``/static/``, ``/vendor/``) carry their own validators and are left alone.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilateral.analysis.cache import code_fingerprint

#: Bytes of answers kept in memory, all URLs together.
MAX_CACHED_BYTES = 256 * 1024 * 1024
#: The largest single answer kept.
MAX_ENTRY_BYTES = 32 * 1024 * 1024
#: Paths served by the static file handlers, which set their own ETag.
UNCACHED_PREFIXES = ("/static/", "/vendor/")
#: Response headers a cached answer keeps (the rest, added by outer middleware, are added again on replay).
_KEPT = (b"content-type", b"content-disposition")


@dataclass(slots=True)
class Kept:
    """One kept answer: the headers that describe its body, the body, and its gzip form once asked for."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzipped: bytes | None = None
    packing: threading.Lock = field(default_factory=threading.Lock)  # one compression, however many ask

    @property
    def size(self) -> int:
        """Bytes held."""
        return len(self.body) + len(self.gzipped or b"")


class ResponseCache:
    """Answers by (URL, version), least recently used out first once over ``max_bytes``."""

    def __init__(self, max_bytes: int = MAX_CACHED_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, int], Kept] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, url: str, version: int) -> Kept | None:
        """The kept answer of ``url`` at ``version``, if any."""
        with self._lock:
            found = self._entries.get((url, version))
            if found is not None:
                self._entries.move_to_end((url, version))
                self.hits += 1
            return found

    def put(self, url: str, version: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        """Keep an answer; older versions of every URL go first, then the least recently used."""
        if len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            for k in [k for k in self._entries if k[1] != version]:
                self._size -= self._entries.pop(k).size
            old = self._entries.pop((url, version), None)
            if old is not None:
                self._size -= old.size
            self._entries[(url, version)] = Kept(headers, body)
            self._size += len(body)
            self._trim()

    def gzipped(self, kept: Kept) -> bytes:
        """The gzip form of a kept body, compressed once (call it off the event loop)."""
        with kept.packing:
            if kept.gzipped is None:
                packed = gzip.compress(kept.body, compresslevel=6, mtime=0)
                with self._lock:
                    kept.gzipped = packed
                    if any(v is kept for v in self._entries.values()):
                        self._size += len(packed)
                        self._trim()
            return kept.gzipped

    def _trim(self) -> None:
        while self._size > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._size -= dropped.size


def _accepts_gzip(scope: Scope) -> bool:
    value = _header(scope, b"accept-encoding") or ""
    return any(part.split(";")[0].strip().lower() == "gzip" and "q=0" not in part.replace(" ", "")
               for part in value.split(","))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _not_modified_since(since: str, changed: datetime | None) -> bool:
    if changed is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when >= changed.replace(tzinfo=UTC, microsecond=0)


class ConditionalGet:
    """ASGI middleware: ETag / Last-Modified on every GET answer, 304s, and the response cache."""

    def __init__(self, app: ASGIApp, version: Callable[[], tuple[int, datetime | None]],
                 known_version: Callable[[], tuple[int, datetime | None] | None], variant: str = "",
                 cache: ResponseCache | None = None) -> None:
        self.app = app
        self.version = version  # the store's (version, last write): a query once per write, in a worker thread
        self.known_version = known_version  # the same when already read, else None (no query)
        self.variant = variant  # whatever else changes answers (whether the server takes corrections)
        self.cache = cache if cache is not None else ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        state = self.known_version()
        if state is None:
            state = await asyncio.to_thread(self.version)
        version, changed = state
        query = (scope.get("query_string") or b"").decode("latin-1")
        url = f"{path}?{query}"
        digest = hashlib.blake2b(f"{self.variant}\0{url}".encode(), digest_size=8).hexdigest()
        tag = f"v{version}-{code_fingerprint()}-{digest}"
        etag, etag_gz = f'"{tag}"', f'"{tag}-gz"'  # one per representation: as is, and gzip
        validators: list[tuple[bytes, bytes]] = [(b"cache-control", b"no-cache"), (b"vary", b"accept-encoding")]
        if changed is not None:
            stamp = format_datetime(changed.replace(tzinfo=UTC, microsecond=0), usegmt=True)
            validators.append((b"last-modified", stamp.encode()))
        match = _header(scope, b"if-none-match")
        since = _header(scope, b"if-modified-since")
        zipped = _accepts_gzip(scope)
        tags = [m.strip() for m in match.split(",")] if match is not None else []
        # the client holds one of the two representations: either tag is a match, and is answered with itself
        held = next((t for t in (etag, etag_gz) if t in tags), etag_gz if zipped else etag)
        if (match is not None and ("*" in tags or held in tags)) or (
            match is None and since is not None and _not_modified_since(since, changed)
        ):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", held.encode()), *validators]})
            await send({"type": "http.response.body", "body": b""})
            return
        kept = self.cache.get(url, version)
        if kept is not None:
            body, extra = kept.body, [(b"etag", etag.encode())]
            if zipped:  # compressed once, then sent as it is to every client that takes gzip
                body = kept.gzipped if kept.gzipped is not None else await asyncio.to_thread(self.cache.gzipped, kept)
                extra = [(b"etag", etag_gz.encode()), (b"content-encoding", b"gzip")]
            await send({"type": "http.response.start", "status": 200,
                        "headers": [*kept.headers, (b"content-length", str(len(body)).encode()), *extra,
                                    *validators]})
            await send({"type": "http.response.body", "body": body})
            return
        await self._answer(scope, receive, send, url, version, [(b"etag", etag.encode()), *validators])

    async def _answer(self, scope: Scope, receive: Receive, send: Send, url: str, version: int,
                      validators: list[tuple[bytes, bytes]]) -> None:
        """Run the app; add the validators to a 200 and keep its body."""
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal status, headers, keep
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                if status == 200:
                    message = {**message, "headers": [*headers, *validators]}
            elif message["type"] == "http.response.body" and status == 200 and keep:
                chunks.append(bytes(message.get("body", b"")))
                if sum(len(c) for c in chunks) > MAX_ENTRY_BYTES:
                    keep, chunks[:] = False, []
                if not message.get("more_body", False) and keep:
                    body = b"".join(chunks)
                    self.cache.put(url, version, [h for h in headers if h[0].lower() in _KEPT], body)
            await send(message)

        await self.app(scope, receive, capture)
