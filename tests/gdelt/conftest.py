"""A GDELT look-alike on 127.0.0.1: file lists, zipped exports, article pages, robots.txt, a flaky and a dead URL.

Served from ``tests/fixtures/gdelt``: the rows of ``exports/*.tsv`` (hand-written GDELT 2.0 rows,
see ``write_exports.py``) are zipped as ``gdeltv2/<stamp>.export.CSV.zip`` (listed with their real
size and MD5 in ``gdeltv2/masterfilelist.txt``) and, narrowed to GDELT 1.0's 58 columns, as the daily
``events/<day>.export.CSV.zip`` (linked from ``events/index.html``). ``{SITE}`` in a row becomes the
server's base URL. ``site/`` holds the article pages and robots.txt; ``/flaky/story.html`` answers
503 twice, then the page; ``/dead.html`` is a 404.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "gdelt"
REPO = Path(__file__).resolve().parent.parent.parent
LIST_MODIFIED = "Wed, 06 Mar 2024 00:15:00 GMT"
_ADM2 = (39, 47, 55)  # *Geo_ADM2Code in the 61-column layout: absent from GDELT 1.0 rows


def _zip(name: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name, date_time=(2024, 3, 6, 0, 0, 0))  # fixed: the same bytes every time
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, text)
    return buf.getvalue()


def v1_row(line: str) -> str:
    """A 61-column 2.0 row as a 58-column 1.0 row (no ADM2 codes; DATEADDED as YYYYMMDD)."""
    fields = line.split("\t")
    if len(fields) != 61:
        return line
    fields = [f for i, f in enumerate(fields) if i not in _ADM2]
    fields[56] = fields[56][:8]
    return "\t".join(fields)


class GdeltSite:
    """What the server serves and what it saw."""

    def __init__(self) -> None:
        self.base = ""
        self.address = ""  # where the server listens
        self.hits: Counter[str] = Counter()
        self.in_flight = 0  # requests received and not answered yet
        self.max_in_flight = 0
        self.not_modified = 0  # 304 answers to conditional GETs
        self.lock = threading.Lock()
        self.flaky_failures = 2
        self.robots_down = False  # robots.txt answers 503
        self.page_delay = 0.0  # seconds before an article page is answered
        self.files: dict[str, tuple[str, bytes]] = {}

    def build(self, base: str) -> None:
        """Serve the fixture with ``base`` as the articles' site (``{SITE}`` in the rows)."""
        self.base = base
        exports = sorted((FIXTURE / "exports").glob("*.export.tsv"))
        master: list[str] = []
        days: dict[str, list[str]] = {}
        for tsv in exports:
            stamp = tsv.name.split(".")[0]
            text = tsv.read_text(encoding="utf-8").replace("{SITE}", base)
            body = _zip(f"{stamp}.export.CSV", text)
            self.files[f"/gdeltv2/{stamp}.export.CSV.zip"] = ("application/zip", body)
            # GDELT's real list names absolute URLs on its own host: the client must take the file name only
            master.append(f"{len(body)} {hashlib.md5(body).hexdigest()} "
                          f"http://data.gdeltproject.org/gdeltv2/{stamp}.export.CSV.zip")
            master.append(f"81234 0123456789abcdef0123456789abcdef "
                          f"http://data.gdeltproject.org/gdeltv2/{stamp}.mentions.CSV.zip")
            master.append(f"912345 fedcba9876543210fedcba9876543210 "
                          f"http://data.gdeltproject.org/gdeltv2/{stamp}.gkg.csv.zip")
            days.setdefault(stamp[:8], []).extend(v1_row(line) for line in text.splitlines() if line)
        self.files["/gdeltv2/masterfilelist.txt"] = ("text/plain", ("\n".join(master) + "\n").encode())
        links = []
        for day, lines in sorted(days.items()):
            body = _zip(f"{day}.export.CSV", "\n".join(lines) + "\n")
            self.files[f"/events/{day}.export.CSV.zip"] = ("application/zip", body)
            links.append(f'<LI><A HREF="{day}.export.CSV.zip">{day}.export.CSV.zip</A> '
                         f'{len(body) / 1e6:.1f}MB {hashlib.md5(body).hexdigest()}</LI>')
        index = "<HTML><BODY><UL>\n" + "\n".join(links) + "\n</UL></BODY></HTML>\n"
        self.files["/events/index.html"] = ("text/html", index.encode())
        for page in (FIXTURE / "site").rglob("*"):
            if page.is_file() and page.name != "robots.txt":
                self.files["/" + page.relative_to(FIXTURE / "site").as_posix()] = ("text/html; charset=utf-8",
                                                                                     page.read_bytes())
        self.files["/robots.txt"] = ("text/plain", (FIXTURE / "site" / "robots.txt").read_bytes())

    def article_hits(self) -> Counter[str]:
        """Requests for article pages (not lists, exports or robots.txt)."""
        return Counter({p: n for p, n in self.hits.items()
                        if not p.startswith(("/gdeltv2/", "/events/", "/robots.txt"))})

    def reset(self) -> None:
        self.hits.clear()
        self.max_in_flight = 0


def _handler(site: GdeltSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path.startswith("http://"):  # asked as a proxy: the absolute URL names the site
                path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
            with site.lock:
                site.hits[path] += 1
                hits = site.hits[path]
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            self._counted = True
            try:
                self._answer(path, hits)
            finally:
                self._done()

        def _done(self) -> None:
            """The request stops counting as in flight (once), before its answer can reach the client."""
            if getattr(self, "_counted", False):
                self._counted = False
                with site.lock:
                    site.in_flight -= 1

        def _answer(self, path: str, hits: int) -> None:
            if path.endswith(".html") and not path.startswith("/events/") and site.page_delay:
                time.sleep(site.page_delay)
            if path == "/robots.txt" and site.robots_down:
                self._send(503, "text/plain", b"down")
                return
            if path == "/flaky/story.html" and hits <= site.flaky_failures:
                self._send(503, "text/plain", b"busy")
                return
            if path not in site.files:
                self._send(404, "text/plain", b"not found")
                return
            ctype, body = site.files[path]
            headers = {}
            if path.endswith(("masterfilelist.txt", "index.html")):
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                headers = {"ETag": etag, "Last-Modified": LIST_MODIFIED}
                if self.headers.get("If-None-Match") == etag:
                    site.not_modified += 1
                    self._done()
                    self.send_response(304)
                    self.end_headers()
                    return
            self._send(200, ctype, body, headers)

        def _send(self, code: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self._done()
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return Handler


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set on the machine must not carry the tests' loopback requests anywhere."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@contextlib.contextmanager
def _serve(site: GdeltSite, base: str | None) -> Iterator[GdeltSite]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.address = f"http://127.0.0.1:{server.server_address[1]}"
    site.build(base or site.address)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def gdelt_site() -> Iterator[GdeltSite]:
    """The GDELT look-alike, on 127.0.0.1 only, on a free port; the rows cite its own pages."""
    with _serve(GdeltSite(), None) as site:
        yield site


#: The site the articles of :func:`proxied_site` are on: a reserved name (RFC 2606) that no DNS resolves.
PROXIED_SITE = "http://news.test"
PROXIED_GDELT = "http://gdelt.test/"


@pytest.fixture
def proxied_site() -> Iterator[GdeltSite]:
    """The look-alike as an HTTP proxy on 127.0.0.1: rows cite ``http://news.test/...`` and the lists are
    at ``http://gdelt.test/``; every request goes through the proxy, so stored URLs do not name a port."""
    with _serve(GdeltSite(), PROXIED_SITE) as site:
        yield site


def proxy_env(site: GdeltSite, cache: Path) -> dict[str, str]:
    """The environment of a run through :func:`proxied_site` (as behind a company proxy)."""
    return {"BILATERAL_GDELT_URL": PROXIED_GDELT, "BILATERAL_GDELT_CACHE": str(cache),
            "HTTP_PROXY": site.address, "http_proxy": site.address, "HTTPS_PROXY": site.address,
            "https_proxy": site.address, "NO_PROXY": "", "no_proxy": "", "ALL_PROXY": "", "all_proxy": ""}


def cli_env(site: GdeltSite, cache: Path) -> dict[str, str]:
    """The environment of a ``bilateral`` subprocess pointed at the test site (never the internet)."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(BILATERAL_GDELT_URL=site.base + "/", BILATERAL_GDELT_CACHE=str(cache),
               PYTHONPATH=str(REPO / "src"), NO_PROXY="127.0.0.1")
    return env


def cli(*args: str) -> list[str]:
    """The command line of a ``bilateral`` subprocess run from this checkout."""
    return [sys.executable, "-c", "from bilateral.cli import main; main()", *args]
