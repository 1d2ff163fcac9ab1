"""The JSON API against a real `bilateral serve` process on a free local port."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from bilateral.model import EVENT_FIELDS, STATUSES

if TYPE_CHECKING:
    from tests.web.conftest import Server

TOKEN = "test-write-token-6f1c"


@pytest.fixture
def server(readonly_server: Server) -> Server:
    """The module's read-only server over the reference article."""
    return readonly_server


def test_banner_says_loopback_and_read_only(server: Server) -> None:
    assert f"http://127.0.0.1:{server.port}/" in server.banner
    assert "this machine only" in server.banner
    assert "read-only" in server.banner


def test_health_dyads_and_search(server: Server) -> None:
    with server.client() as c:
        assert c.get("/api/health").json()["writable"] is False
        dyads = c.get("/api/dyads").json()
        pairs = {(d["a"], d["b"]) for d in dyads}
        assert ("PAK", "USA") in pairs
        for q in ("pakistan", "United States", "pak"):
            found = c.get("/api/dyads", params={"q": q}).json()
            assert any((d["a"], d["b"]) == ("PAK", "USA") for d in found), q
        assert c.get("/api/dyads", params={"q": "atlantis"}).json() == []


def test_dyad_profile_and_series(server: Server) -> None:
    with server.client() as c:
        prof = c.get("/api/dyads/pak/usa").json()
        assert (prof["a"], prof["b"]) == ("PAK", "USA")
        usa_pak = next(m for m in prof["measures"] if m["source"] == "USA")
        assert usa_pak["warmth"] >= 1 and usa_pak["delivery"] == 0
        assert usa_pak["by_channel"]["trade"]["denials"] >= 1
        assert prof["verdict"]["claims"]
        # the ledger's new measures, in the schema of docs/gap.schema.json
        from tests.analysis.test_gap_schema import validator

        errors = [e.message for e in validator().iter_errors(prof)]
        assert not errors, errors[:5]
        assert prof["verdict"]["answer"] and prof["verdict"]["claims"][0]["kind"] == "answer"
        assert usa_pak["taken"] == 0 and prof["balance"]["USA>PAK"]["given"] == 0
        assert c.get("/api/dyads/PAK/USA", params={"background": "true"}).json()["background_counted"] is True
        assert c.get("/api/evidence/ev-USA-PAK-taken-trade").json()["events"] == []
        series = c.get("/api/dyads/PAK/USA/series", params={"by": "quarter"}).json()
        assert series["by"] == "quarter" and set(series["series"]) == {"PAK>USA", "USA>PAK"}
        assert c.get("/api/dyads/PAK/USA/series", params={"by": "decade"}).status_code == 422


def test_evidence_cell_matches_the_tally(server: Server) -> None:
    with server.client() as c:
        prof = c.get("/api/dyads/PAK/USA").json()
        usa_pak = next(m for m in prof["measures"] if m["source"] == "USA")
        cell = c.get("/api/evidence/ev-USA-PAK-denials-trade").json()
        assert len(cell["events"]) == usa_pak["by_channel"]["trade"]["denials"]
        assert all(e["status"] == "negated" and e["channel"] == "trade" for e in cell["events"])
        assert c.get("/api/evidence/not-a-cell").status_code == 404


def test_events_filters_and_pagination(server: Server) -> None:
    with server.client() as c:
        everything = c.get("/api/events", params={"page_size": 200}).json()
        total = everything["total"]
        assert total == len(everything["events"]) > 5
        keys: list[str] = []
        pages = c.get("/api/events", params={"page_size": 4}).json()["pages"]
        assert pages == -(-total // 4)
        for page in range(1, pages + 1):
            body = c.get("/api/events", params={"page_size": 4, "page": page}).json()
            assert len(body["events"]) <= 4
            keys += [e["key"] for e in body["events"]]
        assert keys == [e["key"] for e in everything["events"]]
        neg = c.get("/api/events", params={"source": "usa", "target": "PAK", "status": "negated",
                                           "channel": "trade"}).json()
        assert neg["total"] >= 1
        for e in neg["events"]:
            assert (e["source"], e["target"], e["status"], e["channel"]) == ("USA", "PAK", "negated", "trade")
            s, t = e["span"]
            assert 0 <= s < t <= len(e["sentence"])
        both = c.get("/api/events", params={"a": "USA", "b": "PAK"}).json()
        assert both["total"] == sum(1 for e in everything["events"] if {e["source"], e["target"]} == {"USA", "PAK"})
        assert c.get("/api/events", params={"q": "GSP"}).json()["total"] >= 1


@pytest.mark.parametrize("params", [{"page_size": 201}, {"page_size": 0}, {"page": 0}, {"page": 10**12},
                                    {"status": "maybe"}, {"since": "yesterday"}, {"cameo": "0' OR '1'='1"}])
def test_bounds_are_enforced(server: Server, params: dict[str, object]) -> None:
    with server.client() as c:
        assert c.get("/api/events", params=params).status_code == 422


def test_filters_are_bound_parameters(server: Server) -> None:
    with server.client() as c:
        for hostile in ("USA' OR '1'='1", "USA\"; DROP TABLE events; --", "%", "_"):
            r = c.get("/api/events", params={"source": hostile})
            assert r.status_code == 200 and r.json()["total"] == 0
        assert c.get("/api/events").json()["total"] > 0  # the table is still there


def test_event_document_corpus(server: Server) -> None:
    with server.client() as c:
        first = c.get("/api/events", params={"page_size": 1}).json()["events"][0]
        detail = c.get(f"/api/events/{first['key']}").json()
        assert detail["event"]["key"] == first["key"] and detail["corrections"] == []
        # the fixed record, in order, after the key; the coder runs no filter, so no confidence
        assert list(detail["event"])[1:len(EVENT_FIELDS) + 1] == list(EVENT_FIELDS)
        assert detail["event"]["confidence"] is None
        assert c.get("/api/events/nope").status_code == 404
        docs = c.get("/api/documents").json()
        assert docs["total"] == 1
        doc = c.get(f"/api/documents/{docs['documents'][0]['id']}").json()
        assert "Pakistan" in doc["text"] and doc["sentences"] and doc["events"]
        assert c.get("/api/documents/missing").status_code == 404
        page = c.get("/documents/missing")  # pages answer errors in HTML, the API in JSON
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert c.get("/api/documents/missing").headers["content-type"] == "application/json"
        bad = c.get("/events", params={"page_size": 5000})
        assert bad.status_code == 422 and "page_size" in bad.text
        assert bad.headers["content-type"].startswith("text/html")
        corpus = c.get("/api/corpus").json()
        assert corpus["counts"]["documents"] == 1 and corpus["counts"]["events"] > 0
        assert corpus["top_dyads"][0]["events"] >= 1


def test_openapi_document(server: Server) -> None:
    with server.client() as c:
        doc = c.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path in ("/api/dyads", "/api/dyads/{a}/{b}", "/api/events", "/api/events/{key}/corrections",
                 "/api/documents/{doc_id}", "/api/corrections"):
        assert path in doc["paths"], path
    assert not any(not p.startswith("/api/") for p in doc["paths"])
    schemas = doc["components"]["schemas"]
    assert schemas["EventOut"]["required"][:len(EVENT_FIELDS)] == ["key", *EVENT_FIELDS[:-1]]
    status = next(p for p in doc["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "status")
    assert status["schema"]["anyOf"][0]["enum"] == list(STATUSES)


def test_read_only_server_refuses_writes(server: Server) -> None:
    with server.client() as c:
        key = c.get("/api/events", params={"page_size": 1}).json()["events"][0]["key"]
        r = c.post(f"/api/events/{key}/corrections", json={"field": "status", "value": "realized"},
                   headers={"x-write-token": TOKEN})
        assert r.status_code == 403
        assert c.get("/api/corrections").json() == []


def test_writes_need_the_token(ref_db: Path, serve: Callable[..., Server]) -> None:
    server = serve(ref_db, token=TOKEN)
    assert "corrections enabled" in server.banner
    with server.client() as c:
        key = c.get("/api/events", params={"page_size": 1}).json()["events"][0]["key"]
        url = f"/api/events/{key}/corrections"
        body = {"field": "channel", "value": "finance"}
        assert c.post(url, json=body).status_code == 403
        assert c.post(url, json=body, headers={"x-write-token": "wrong"}).status_code == 403
        assert c.post(url, json=body, headers={"authorization": "Bearer wrong"}).status_code == 403
        assert c.post(url, json={"field": "channel", "value": "spaceflight"},
                      headers={"x-write-token": TOKEN}).status_code == 422
        assert c.post(url, json={"field": "trace", "value": "x"}, headers={"x-write-token": TOKEN}).status_code == 422
        assert c.post("/api/events/nope/corrections", json=body, headers={"x-write-token": TOKEN}).status_code == 404
        huge = {"field": "channel", "value": "finance", "note": "x" * 100_000}
        assert c.post(url, json=huge, headers={"x-write-token": TOKEN}).status_code == 413
        r = c.post(url, json=body, headers={"authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        assert r.json()["event"]["channel"] == "finance"
        assert r.json()["original"]["channel"] != "finance" or r.json()["corrections"]
        assert [x["value"] for x in c.get("/api/corrections").json()] == ["finance"]
        csv_text = c.get("/api/corrections.csv").text
        assert csv_text.splitlines()[0] == "event_key,field,value,created_at,note" and key in csv_text


def test_token_from_environment(ref_db: Path, serve: Callable[..., Server]) -> None:
    server = serve(ref_db, BILATERAL_WRITE_TOKEN="from-env")
    assert "corrections enabled" in server.banner
    with httpx.Client(base_url=server.base) as c:
        assert c.get("/api/health").json()["writable"] is True


def test_concurrent_requests(server: Server) -> None:
    """Many requests at once (each gets its own DuckDB cursor): all answered, all consistent."""
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/dyads/PAK/USA", "/api/events?page_size=7", "/dyad/PAK/USA", "/api/corpus",
             "/events?a=PAK&b=USA", "/api/evidence/ev-USA-PAK-denials-trade"] * 8
    with server.client() as c:
        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(c.get, paths))
        assert [r.status_code for r in responses] == [200] * len(paths)
        profiles = [r.json() for r, p in zip(responses, paths, strict=True) if p == "/api/dyads/PAK/USA"]
        assert all(p == profiles[0] for p in profiles)


def test_picker_form_redirects(server: Server) -> None:
    with server.client() as c:
        r = c.get("/dyad", params={"a": "pak", "b": "usa"})
        assert r.status_code == 303 and r.headers["location"] == "/dyad/PAK/USA"
        assert c.get("/dyad", params={"a": "<x>", "b": "usa"}).status_code == 422
        assert 'id="actor-list"' in c.get("/").text


def test_dyad_lists_are_bounded_by_items(server: Server) -> None:
    with server.client() as c:
        every = c.get("/api/dyads/PAK/USA", params={"items": "all"}).json()
        default = c.get("/api/dyads/PAK/USA").json()
        assert default == every  # a small dyad: nothing to cut, the same JSON
        assert all("items_total" not in ft for ft in every["promises"])
        longest = max(len(ft["items"]) for ft in every["promises"])
        assert longest >= 2
        one = c.get("/api/dyads/PAK/USA", params={"items": 1}).json()
        for full, cut in zip(every["promises"], one["promises"], strict=True):
            assert cut["items"] == full["items"][:1]
            assert cut["counts"] == full["counts"]
            assert cut.get("items_total", len(full["items"])) == len(full["items"])
        assert c.get("/api/dyads/PAK/USA", params={"items": "some"}).status_code == 422
