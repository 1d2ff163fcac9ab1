"""The dashboard as started by ``bilateral serve``: loopback by default, escaped news text, token-guarded
writes, bounded requests and pages, values never treated as SQL, and 1,000 requests at 50 connections
without an error (the short form of ``benchmarks/load_test.py``)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "rel-token-8"
HOSTILE_ID = "hostile-1"
PAYLOAD = '<script>alert("pwned")</script>'
ATTR = '" onmouseover="alert(1)" x="'
HOSTILE = {
    "id": HOSTILE_ID,
    "title": f"Evil {PAYLOAD} title {ATTR}",
    "url": "javascript:alert(1)",
    "date": "2024-03-05",
    "text": (f"Pakistan praised the United States for its help on Monday {PAYLOAD}. "
             f"Japan signed a trade agreement with China {ATTR} on Tuesday. "
             "India condemned Pakistan '><img src=x onerror=alert(2)> over the attack."),
}


def _load_test_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bilateral_load_test", ROOT / "benchmarks" / "load_test.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


lt = _load_test_module()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes], int]]:
    """A real ``bilateral serve`` (default host, a write token) over 150 Reuters stories and a hostile one."""
    if not lt.REUTERS.exists():
        pytest.skip("Reuters-21578 corpus not available")
    folder = tmp_path_factory.mktemp("served")
    db = lt.build_corpus_db(folder, 150)
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n")
    subprocess.run([sys.executable, "-m", "bilateral.cli", "ingest", str(hostile), "--db", str(db), "--workers", "1",
                    "--no-progress"], check=True, capture_output=True)
    port = lt.free_port()
    with lt.running_server(db, port, token=TOKEN) as (base, proc):
        yield base, proc, port


def test_default_bind_is_loopback_only(server: tuple[str, subprocess.Popen[bytes], int]) -> None:
    _, _, port = server
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                listening.append(local.rsplit(":", 1)[0])
    assert listening == ["0100007F"], listening  # 127.0.0.1, and nothing else


def test_news_text_is_escaped_on_every_page(server: tuple[str, subprocess.Popen[bytes], int]) -> None:
    base, _, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        events = c.get("/api/events", params={"doc_id": HOSTILE_ID}).json()["events"]
        assert events, "the hostile article should give events"
        pages = [f"/documents/{HOSTILE_ID}", f"/events?doc_id={HOSTILE_ID}", f"/events/{events[0]['key']}",
                 "/", "/corpus", "/dyad/PAK/USA", "/events?q=alert"]
        for page in pages:
            resp = c.get(page)
            assert resp.status_code == 200, page
            html = resp.text
            assert PAYLOAD not in html, page
            assert "<img src=x" not in html and 'onmouseover="alert' not in html, page
            assert 'href="javascript:' not in html.lower(), page
        doc_page = c.get(f"/documents/{HOSTILE_ID}").text
        assert "&lt;script&gt;alert(" in doc_page  # shown as text


def test_writes_need_the_token(server: tuple[str, subprocess.Popen[bytes], int]) -> None:
    base, _, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        key = c.get("/api/events", params={"page_size": 1}).json()["events"][0]["key"]
        body = {"field": "status", "value": "negated", "note": "reliability test"}
        url = f"/api/events/{key}/corrections"
        assert c.post(url, json=body).status_code == 403
        assert c.post(url, json=body, headers={"X-Write-Token": "wrong"}).status_code == 403
        assert c.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.post(url, json=body, headers={"X-Write-Token": TOKEN}).status_code == 201
        assert c.post(url, json={**body, "value": "realized"}, headers={"Authorization": f"Bearer {TOKEN}"}
                      ).status_code == 201


def test_request_and_page_sizes_are_bounded(server: tuple[str, subprocess.Popen[bytes], int]) -> None:
    base, _, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        key = c.get("/api/events", params={"page_size": 1}).json()["events"][0]["key"]
        big = {"field": "status", "value": "negated", "note": "x" * 1_000_000}
        assert c.post(f"/api/events/{key}/corrections", json=big, headers={"X-Write-Token": TOKEN}
                      ).status_code == 413
        assert c.get("/api/events", params={"page_size": 100_000}).status_code == 422
        assert c.get("/api/events", params={"page_size": 0}).status_code == 422
        assert c.get("/api/events", params={"page": 10**12}).status_code == 422
        assert c.get("/api/documents", params={"page_size": 10_000}).status_code == 422
        assert c.get("/api/events", params={"q": "x" * 2_000}).status_code == 422
        assert c.get("/events", params={"page": 10**12}).status_code in (400, 422)
        assert c.get("/api/events", params={"x": "y" * 60_000}).status_code == 414  # request target > 8 kB
        assert c.get("/api/health", headers={f"x-h{i}": "z" * 1000 for i in range(40)}).status_code == 431
        page = c.get("/api/events", params={"page_size": 200}).json()
        assert len(page["events"]) <= 200
        assert c.get("/api/health").status_code == 200


def test_values_are_never_sql(server: tuple[str, subprocess.Popen[bytes], int]) -> None:
    base, _, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        total = c.get("/api/events").json()["total"]
        for attack in ("' OR '1'='1", "USA'; DROP TABLE events; --", "%' UNION SELECT * FROM documents --"):
            resp = c.get("/api/events", params={"source": attack[:32]})
            assert resp.status_code in (200, 422) and (resp.status_code == 422 or resp.json()["total"] == 0)
            assert c.get("/api/documents", params={"q": attack}).status_code == 200
            assert c.get("/events", params={"q": attack}).status_code == 200
        assert c.get("/api/events").json()["total"] == total


def test_load_1000_requests_at_50_connections_without_error(
    server: tuple[str, subprocess.Popen[bytes], int], record_property: pytest.RecordProperty,
) -> None:
    base, proc, _ = server
    result = lt.run_load(base, total=1000, connections=50, paths=lt.PATHS_CI)
    record_property("load", json.dumps(result.__dict__ if hasattr(result, "__dict__") else str(result)))
    print(f"\nload (CI form): {result.requests} requests at {result.connections} connections, {result.errors} errors, "
          f"{result.requests_per_s} req/s, p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, max {result.max_ms} ms")
    assert result.requests == 1000
    assert result.errors == 0
    assert proc.poll() is None  # the server is still up
    assert re.match(r"^\d", str(result.p99_ms))
