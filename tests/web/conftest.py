"""Fixtures of the dashboard tests: a store built by `bilateral ingest`, and real `bilateral serve` processes.

Every server is the real command in its own process, on a free loopback port;
tests talk to it over HTTP (httpx) or drive Chromium against it (Playwright).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.shared_data import missing_reason

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "data" / "samples" / "pakistan-us-warmth-without-gains.txt"
TOKEN = "test-write-token-6f1c"

#: Requests the tests sent to real servers (reported at the end of the session).
REQUESTS: list[int] = [0]


def count_request(_: httpx.Request) -> None:
    """httpx event hook: count one request sent to a test server."""
    REQUESTS[0] += 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """One running `bilateral serve` process."""

    exe: Path
    db: Path
    token: str | None
    port: int = 0
    proc: subprocess.Popen[str] | None = None
    banner: str = ""
    log: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> Server:
        """Start the server on a free port and wait until it answers."""
        self.port = free_port()
        cmd = [str(self.exe), "serve", "--db", str(self.db), "--port", str(self.port)]
        if self.token:
            cmd += ["--write-token", self.token]
        env = {k: v for k, v in os.environ.items() if k != "BILATERAL_WRITE_TOKEN"}
        env.update(self.extra_env)
        self.log = self.db.with_suffix(f".serve-{self.port}.log")
        out = self.log.open("w")
        self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"bilateral serve exited {self.proc.returncode}: {self.log.read_text()}")
            try:
                r = httpx.get(self.base + "/api/health", timeout=2.0)
                if r.status_code == 200:
                    self.banner = self.log.read_text()
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"bilateral serve did not answer in {timeout}s: {self.log.read_text()}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and release the store file."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.proc = None

    def client(self) -> httpx.Client:
        """An HTTP client for this server that counts its requests."""
        return httpx.Client(base_url=self.base, timeout=30.0, event_hooks={"request": [count_request]})


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the reference article, built once by `bilateral ingest` (the real command)."""
    if not REFERENCE.is_file():
        pytest.skip(missing_reason(REFERENCE))
    exe = _exe()
    folder = tmp_path_factory.mktemp("reference")
    article = folder / REFERENCE.name
    shutil.copyfile(REFERENCE, article)
    db = folder / "reference.duckdb"
    res = subprocess.run([str(exe), "ingest", str(article), "--db", str(db)], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stderr
    return db


@pytest.fixture
def ref_db(reference_db: Path, tmp_path: Path) -> Path:
    """A private copy of the reference store for one test."""
    db = tmp_path / "store.duckdb"
    shutil.copyfile(reference_db, db)
    return db


def _exe() -> Path:
    exe = Path(sys.executable).parent / "bilateral"
    if not exe.exists():
        pytest.skip("the bilateral console script is not installed in this venv")
    return exe


#: An article full of markup, scripts and attribute-breaking quotes, as a JSONL record.
EVIL = {
    "id": "evil-1",
    "date": "2025-03-04",
    "url": "javascript:window.__pwned=7",
    "title": '<script>window.__pwned=1</script>"\'><img src=x onerror="window.__pwned=2">',
    "text": (
        "<script>window.__pwned=3</script>\n"
        'The United States praised Pakistan <script>window.__pwned=4</script> for its "restraint" '
        'onmouseover="window.__pwned=5". Pakistan has not received trade concessions from the United States '
        '<img src=x onerror="window.__pwned=6">.\n'
    ),
}


#: The name of a file that cannot be read (it shows up among the ingest errors).
BAD_NAME = '<img src=x onerror="window.__pwned=8">.txt'


def build_evil_store(folder: Path) -> Path:
    """Ingest the hostile article with the real `bilateral ingest`; return the store path."""
    src = folder / "evil.jsonl"
    src.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    bad = folder / BAD_NAME  # not UTF-8: an ingest error whose origin is markup
    # binary, not text in any encoding the readers accept (a BOM would make it readable UTF-16)
    bad.write_bytes(b"\x00\x01\x02\x03\x9c\x00<script>window.__pwned=9</script>\x00\x00")
    db = folder / "evil.duckdb"
    exe = Path(sys.executable).parent / "bilateral"
    res = subprocess.run([str(exe), "ingest", str(src), str(bad), "--db", str(db)], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stderr
    return db


@pytest.fixture
def evil_db(tmp_path: Path) -> Path:
    """A store holding the hostile article."""
    return build_evil_store(tmp_path)


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    """Start `bilateral serve` processes; all are stopped after the test."""
    started: list[Server] = []

    def start(db: Path, token: str | None = None, **env: str) -> Server:
        server = Server(_exe(), db, token, extra_env=dict(env)).start()
        started.append(server)
        return server

    yield start
    for s in started:
        s.stop()


@pytest.fixture(scope="module")
def readonly_server(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One read-only server over a copy of the reference store, shared by a test module."""
    db = tmp_path_factory.mktemp("readonly") / "store.duckdb"
    shutil.copyfile(reference_db, db)
    server = Server(_exe(), db, None).start()
    yield server
    server.stop()


CHROMIUM = os.environ.get("BILATERAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (the system package; `playwright install` cannot download browsers here)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make test installs it with apt-get)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


class PageWatch:
    """Console errors, page errors and requests that left the server, collected while a page is used."""

    def __init__(self, page: Any, base: str) -> None:
        self.errors: list[str] = []
        self.offsite: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        local = (base, "data:", "about:")
        page.on("request", lambda r: None if r.url.startswith(local) else self.offsite.append(r.url))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many requests the dashboard tests sent to real servers."""
    if REQUESTS[0]:
        terminalreporter.write_line(f"dashboard tests: {REQUESTS[0]} HTTP requests served by real servers")
