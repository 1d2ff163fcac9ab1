"""Polite fetching from many sites at once: robots.txt, a per-host concurrency limit and delay.

:class:`PoliteFetcher` wraps a :class:`~bilateral.ingest.fetch.Fetcher` (time-outs, retries with
exponential back-off, one-line errors) and may be called from several threads:

* before the first request to a host it reads ``/robots.txt`` (once per run and host) and refuses
  a URL it disallows for our user agent (:class:`Disallowed`). As RFC 9309 says, a robots.txt that
  does not exist (4xx) allows everything, and one that cannot be read (5xx, no connection) forbids
  everything for now: those URLs fail with a reason and can be tried on a later run;
* at most ``per_host`` requests to one host are in flight, and two requests to one host start at
  least ``delay`` seconds apart (retries keep the fetcher's back-off).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from bilateral.ingest.fetch import USER_AGENT, Fetched, Fetcher, FetchError

#: robots.txt longer than this is read only this far (Google reads the first 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024


class Disallowed(FetchError):
    """robots.txt forbids the URL: permanent, never fetched."""


def is_client_error(error: FetchError) -> bool:
    """Whether a fetch failed on an HTTP 4xx answer other than 429 (the server will answer the same again)."""
    reason = str(error)
    return reason.startswith("HTTP 4") and not reason.startswith("HTTP 429")


class PoliteFetcher:
    """``get`` that honours robots.txt and keeps to ``per_host`` requests and ``delay`` seconds per host."""

    def __init__(self, fetcher: Fetcher, *, per_host: int = 2, delay: float = 1.0,
                 user_agent: str = USER_AGENT) -> None:
        self.fetcher = fetcher
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self.agent = user_agent.split("/", 1)[0]  # robots.txt groups name the product token
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: defaultdict[str, float] = defaultdict(float)
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._robots_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)

    @staticmethod
    def host(url: str) -> str:
        """``scheme://host[:port]`` of ``url``: the unit of politeness and of robots.txt."""
        parts = urlsplit(url)
        return f"{parts.scheme.lower()}://{parts.netloc.lower()}"

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._slots:
                self._slots[host] = threading.BoundedSemaphore(self.per_host)
            return self._slots[host]

    def _request(self, url: str, **validators: str | None) -> Fetched:
        host = self.host(url)
        with self._slot(host):
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start[host])
                self._next_start[host] = start + self.delay
            if start > now:
                time.sleep(start - now)
            return self.fetcher.get(url, **validators)

    def _rules(self, host: str) -> RobotFileParser | FetchError:
        with self._robots_locks[host]:  # one robots.txt request per host, whatever the threads
            if host in self._robots:
                return self._robots[host]
            parser = RobotFileParser()
            rules: RobotFileParser | FetchError = parser
            try:
                got = self._request(f"{host}/robots.txt")
                text = got.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
                parser.parse(text.splitlines())
            except FetchError as exc:
                if is_client_error(exc):  # no robots.txt: everything is allowed
                    parser.parse([])
                else:
                    rules = FetchError(f"robots.txt unreachable ({exc})")
            self._robots[host] = rules
            return rules

    def check(self, url: str) -> None:
        """Raise :class:`Disallowed` if robots.txt forbids ``url``, :class:`FetchError` if it cannot be read."""
        rules = self._rules(self.host(url))
        if isinstance(rules, FetchError):
            raise rules
        if not rules.can_fetch(self.agent, url):
            raise Disallowed("disallowed by robots.txt")

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` politely (robots.txt first); raise :class:`FetchError` (or :class:`Disallowed`)."""
        self.check(url)
        return self._request(url, etag=etag, last_modified=last_modified)
