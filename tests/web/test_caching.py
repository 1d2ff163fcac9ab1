"""Answers keyed on the store's version, against real `bilateral serve` processes on loopback.

ETag / Last-Modified and 304s; the same bytes for the same URL until a write; a correction makes
the answers of the corrected dyad new and leaves another dyad's computed profile as it was; many
concurrent clients get the same answers.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from tests.conftest import FIXTURES, fill_store

from bilateral.store import Store

if TYPE_CHECKING:
    from tests.web.conftest import Server

TOKEN = "test-write-token-6f1c"


def _with_second_dyad(db: Path) -> Path:
    """The reference store (PAK–USA) plus the small KEN–CHN fixture: two dyads with no actor in common."""
    with Store(db) as store:
        fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    return db


def _entries(db: Path) -> dict[str, tuple[int, object]]:
    with Store(db, read_only=True) as store:
        rows = store.connection.execute(
            "SELECT dyad, version, created_at FROM analysis_cache WHERE name = 'dyad_profile_summary' "
            "AND options LIKE '%\"by\":null%'"
        ).fetchall()
    return {str(d): (int(v), c) for d, v, c in rows}


def test_etag_last_modified_and_304(ref_db: Path, serve: Callable[..., Server]) -> None:
    server = serve(ref_db)
    with server.client() as c:
        first = c.get("/api/dyads/PAK/USA")
        assert first.status_code == 200
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert etag.startswith('"v') and first.headers["cache-control"] == "no-cache"
        second = c.get("/api/dyads/PAK/USA")  # kept: sent again, gzip-compressed for this client
        assert second.content == first.content and second.headers["content-encoding"] == "gzip"
        assert second.headers["etag"] == etag[:-1] + '-gz"' and second.headers["vary"] == "accept-encoding"
        assert second.headers["content-type"] == first.headers["content-type"]
        assert "content-security-policy" in second.headers  # the outer middleware still adds its headers
        plain = c.get("/api/dyads/PAK/USA", headers={"Accept-Encoding": "identity"})
        assert plain.content == first.content and plain.headers["etag"] == etag
        assert "content-encoding" not in plain.headers
        assert c.get("/api/dyads/PAK/USA", headers={"If-None-Match": second.headers["etag"]}).status_code == 304
        not_modified = c.get("/api/dyads/PAK/USA", headers={"If-None-Match": etag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert not_modified.headers["etag"] == etag
        assert c.get("/api/dyads/PAK/USA", headers={"If-None-Match": '"v0-other"'}).status_code == 200
        assert c.get("/api/dyads/PAK/USA", headers={"If-Modified-Since": modified}).status_code == 304
        assert c.get("/api/dyads/PAK/USA", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
                     ).status_code == 200
        # another URL (other options) has another ETag; the dyad page carries one too
        other = c.get("/api/dyads/PAK/USA", params={"by": "month"})
        assert other.status_code == 200 and other.headers["etag"] != etag
        page = c.get("/dyad/PAK/USA")
        assert page.status_code == 200 and page.headers["etag"] not in (etag, other.headers["etag"])
        assert c.get("/dyad/PAK/USA", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
        # errors are neither validated nor kept
        missing = c.get("/api/events/no-such-key")
        assert missing.status_code == 404 and "etag" not in missing.headers


def test_a_correction_renews_answers_and_only_its_dyads_profile(ref_db: Path, serve: Callable[..., Server]) -> None:
    db = _with_second_dyad(ref_db)
    server = serve(db, TOKEN)
    with server.client() as c:
        version = c.get("/api/health").json()["store_version"]
        before = c.get("/api/dyads/PAK/USA")
        ken_chn = c.get("/api/dyads/KEN/CHN").json()
        denials = next(m for m in before.json()["measures"] if m["source"] == "USA")["by_channel"]["trade"]["denials"]
        key = c.get("/api/events", params={"source": "USA", "target": "PAK", "status": "negated",
                                           "channel": "trade"}).json()["events"][0]["key"]
    server.stop()
    computed = _entries(db)
    assert set(computed) == {"PAK|USA", "KEN|CHN"}

    server = serve(db, TOKEN)
    with server.client() as c:
        assert c.get("/api/dyads/PAK/USA").content == before.content  # a restart reuses the stored profile
        r = c.post(f"/api/events/{key}/corrections", json={"field": "wrong", "value": "true"},
                   headers={"X-Write-Token": TOKEN})
        assert r.status_code == 201
        assert c.get("/api/health").json()["store_version"] == version + 1
        after = c.get("/api/dyads/PAK/USA", headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
        usa = next(m for m in after.json()["measures"] if m["source"] == "USA")
        assert usa["by_channel"]["trade"]["denials"] == denials - 1
        assert c.get("/api/dyads/KEN/CHN").json() == ken_chn
    server.stop()
    recomputed = _entries(db)
    assert recomputed["KEN|CHN"] == computed["KEN|CHN"]  # untouched: not computed again
    assert recomputed["PAK|USA"][0] > computed["PAK|USA"][0]


def test_concurrent_clients_get_the_same_answers(ref_db: Path, serve: Callable[..., Server]) -> None:
    server = serve(_with_second_dyad(ref_db))
    urls = ["/api/dyads/PAK/USA", "/api/dyads/KEN/CHN?by=month", "/dyad/PAK/USA", "/api/dyads/PAK/USA/series",
            "/api/corpus"]

    def fetch(i: int) -> tuple[str, int, bytes]:
        url = urls[i % len(urls)]
        with httpx.Client(base_url=server.base, timeout=60.0) as c:
            r = c.get(url)
            return url, r.status_code, r.content

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(fetch, range(100)))
    assert {status for _, status, _ in answers} == {200}
    for url in urls:
        assert len({body for u, _, body in answers if u == url}) == 1, url
