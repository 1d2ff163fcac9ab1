"""URLs, URL lists, feeds over HTTP and `bilateral watch`, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import hashlib
import re
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bilateral.coding import Coder
from bilateral.ingest import ReadIssue, ingest_paths, read_path
from bilateral.ingest.fetch import Fetcher, FetchError
from bilateral.ingest.watch import parse_interval, read_sources, watch
from bilateral.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAST_MODIFIED = "Tue, 05 Mar 2024 10:00:00 GMT"


class Site:
    """What the test server serves, and what it saw."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        self.pages: dict[str, tuple[str, bytes]] = {
            "/article.html": ("text/html; charset=utf-8", (FIXTURES / "web" / "japan_india_tariffs.html").read_bytes()),
            "/feed.rss": ("application/rss+xml", (FIXTURES / "feeds" / "world.rss").read_bytes()),
            "/atom": ("application/xml", (FIXTURES / "feeds" / "asia.atom").read_bytes()),
            "/plain.txt": ("text/plain", b"India and Japan held talks in Tokyo on Monday."),
        }
        self.flaky_failures = 2


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            return

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            if path == "/slow":
                time.sleep(1.5)
                self._send(200, "text/plain", b"late")
                return
            if path == "/flaky":
                if site.hits[path] <= site.flaky_failures:
                    self._send(503, "text/plain", b"busy")
                else:
                    self._send(200, "text/html", (FIXTURES / "web" / "pakistan_us_talks.html").read_bytes())
                return
            if path not in site.pages:
                self._send(404, "text/plain", b"no")
                return
            ctype, body = site.pages[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                site.conditional[path] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, ctype, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

        def _send(self, code: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    """A real HTTP server on 127.0.0.1 on a free port, serving in a thread."""
    content = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(content))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield content, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.rss"  # nothing listens there any more


def test_fetcher_retries_and_one_line_errors(site: tuple[Site, str]) -> None:
    content, base = site
    with Fetcher(timeout=10, retries=2, backoff=0.01) as f:
        assert f.get(f"{base}/flaky").status == 200
        assert content.hits["/flaky"] == 3
        with pytest.raises(FetchError, match=r"^HTTP 404 Not Found$"):
            f.get(f"{base}/missing")
        assert content.hits["/missing"] == 1  # a 404 is not retried
    with Fetcher(timeout=0.3, retries=0) as f, pytest.raises(FetchError, match=r"^timed out after 0.3s \(1 try\)$"):
        f.get(f"{base}/slow")
    with Fetcher(timeout=10, retries=0) as f:
        with pytest.raises(FetchError, match=r"^connection failed \(.*\) \(1 try\)$"):
            f.get(_dead_url())
        content.hits["/flaky"] = 0
        with pytest.raises(FetchError, match=r"^HTTP 503 Service Unavailable \(1 try\)$"):
            f.get(f"{base}/flaky")


def test_conditional_get(site: tuple[Site, str]) -> None:
    content, base = site
    with Fetcher() as f:
        first = f.get(f"{base}/article.html")
        again = f.get(f"{base}/article.html", etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag and first.last_modified == LAST_MODIFIED
    assert again.not_modified and content.conditional["/article.html"] == 1


def test_ingest_urls(site: tuple[Site, str], store: Store) -> None:
    _, base = site
    urls = [f"{base}/article.html", f"{base}/feed.rss", f"{base}/atom", f"{base}/plain.txt", f"{base}/missing"]
    result = ingest_paths(urls, store, Coder())
    assert result.documents_added == 5  # 1 page + 2 feed entries + 1 atom entry + 1 text
    assert [str(e) for e in result.errors] == [
        f"{base}/feed.rss#entry 3: no text", f"{base}/missing: HTTP 404 Not Found"]
    page = store.connection.execute("SELECT url, date FROM documents WHERE id LIKE 'html-%'").fetchall()
    assert page == [(f"{base}/article.html", "2024-03-03")]
    assert ingest_paths(urls, store, Coder()).documents_added == 0


def test_url_list_file(site: tuple[Site, str], tmp_path: Path) -> None:
    _, base = site
    lst = tmp_path / "sources.urls"
    lst.write_text(f"# my sources\n{base}/article.html\n\nftp://nope.example/x\n{_dead_url()}\n", encoding="utf-8")
    items = list(read_path(lst))
    issues = [str(i) for i in items if isinstance(i, ReadIssue)]
    assert len(items) - len(issues) == 1
    assert issues[0] == f"{lst}:4: not an http(s) URL: 'ftp://nope.example/x'"
    assert issues[1].startswith("http://127.0.0.1:") and "connection failed" in issues[1]
    assert all("\n" not in i for i in issues)


def test_watch_polls_conditionally_and_survives_a_dead_source(site: tuple[Site, str], store: Store) -> None:
    content, base = site
    urls = [f"{base}/feed.rss", _dead_url(), f"{base}/article.html"]
    lines: list[str] = []
    watch(urls, store, Coder(), once=True, log=lines.append)
    assert len(lines) == 3
    assert re.fullmatch(
        rf"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ {re.escape(base)}/feed.rss: 2 items, 2 new documents, \d+ events, "
        r"1 items unreadable", lines[0]), lines[0]
    assert "error: connection failed" in lines[1]
    assert "1 new documents" in lines[2]
    lines.clear()
    watch(urls, store, Coder(), once=True, log=lines.append)  # a new watch: state comes from the store
    assert lines[0].endswith(f"{base}/feed.rss: not modified") and lines[2].endswith("article.html: not modified")
    assert content.conditional["/feed.rss"] == 1 and content.conditional["/article.html"] == 1
    stop = threading.Event()
    stop.set()
    assert watch(urls, store, Coder(), every=3600, stop=stop, log=lines.append) == 0


def test_watch_cli_stops_cleanly_on_ctrl_c(site: tuple[Site, str], tmp_path: Path, bilateral_exe: Path) -> None:
    _, base = site
    sources = tmp_path / "SOURCES.txt"
    sources.write_text(f"{base}/feed.rss\n{_dead_url()}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([str(bilateral_exe), "watch", str(sources), "--every", "1s", "--db", str(db),
                             "--retries", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        seen = [proc.stdout.readline() for _ in range(4)]  # two rounds of two sources
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "2 new documents" in seen[0] and "error: connection failed" in seen[1]
    assert seen[2].rstrip().endswith("feed.rss: not modified")
    assert "watch stopped" in err and "Traceback" not in err


def test_watch_once_cli_and_bad_sources(site: tuple[Site, str], tmp_path: Path, bilateral_exe: Path) -> None:
    _, base = site
    sources = tmp_path / "SOURCES.txt"
    sources.write_text(f"{base}/atom\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    done = subprocess.run([str(bilateral_exe), "watch", str(sources), "--once", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.count("\n") == 1 and "1 new documents" in done.stdout
    sources.write_text("not a url\n", encoding="utf-8")
    bad = subprocess.run([str(bilateral_exe), "watch", str(sources), "--once", "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and bad.stderr.strip() == f"Error: {sources}:1: not an http(s) URL: 'not a url'"


def test_sources_and_intervals(tmp_path: Path) -> None:
    assert [parse_interval(x) for x in ("15m", "30s", "1h", "90", "2d")] == [900, 30, 3600, 90, 172800]
    with pytest.raises(ValueError, match="bad interval"):
        parse_interval("soon")
    src = tmp_path / "s.txt"
    src.write_text("# c\nhttps://a.example/feed\n\n  http://b.example/x  \n", encoding="utf-8")
    assert read_sources(src) == ["https://a.example/feed", "http://b.example/x"]
