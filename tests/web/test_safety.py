"""News text is shown, never run: markup, scripts and attribute-breaking quotes in an article stay text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.web.conftest import Server

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


def build_evil_store(folder: Path) -> Path:
    """Ingest the hostile article with the real `bilateral ingest`; return the store path."""
    src = folder / "evil.jsonl"
    src.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    db = folder / "evil.duckdb"
    exe = Path(sys.executable).parent / "bilateral"
    res = subprocess.run([str(exe), "ingest", str(src), "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    return db


@pytest.fixture
def evil_server(tmp_path: Path, serve: Callable[..., Server]) -> Server:
    """A server over a store holding the hostile article."""
    return serve(build_evil_store(tmp_path), token="t")


RAW = re.compile(r"<script>window|<img src=x|onerror=\"window|onmouseover=\"window|href=\"javascript:", re.I)


def test_every_page_escapes_news_text(evil_server: Server) -> None:
    with evil_server.client() as c:
        events = c.get("/api/events").json()["events"]
        assert len(events) >= 1
        pages = ["/", "/corpus", "/events", "/events?q=restraint", "/dyad/PAK/USA", f"/documents/{EVIL['id']}",
                 "/evidence/ev-USA-PAK-warmth-all", "/evidence/ev-USA-PAK-denials-trade"]
        pages += [f"/events/{e['key']}" for e in events]
        for page in pages:
            r = c.get(page)
            assert r.status_code == 200, page
            html = r.text
            # The only <script> elements are our own (static files and the non-executed JSON data block).
            for tag in re.findall(r"<script[^>]*>", html):
                assert tag in ('<script src="/static/app.js">', '<script src="/vendor/plotly.min.js">',
                               '<script type="application/json" id="timeline-data">'), (page, tag)
            assert not RAW.search(html), (page, RAW.search(html))
            assert "content-security-policy" in r.headers
        doc = c.get(f"/documents/{EVIL['id']}").text
        assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in doc
        assert "onmouseover=&#34;window.__pwned=5&#34;" in doc
        dyad = c.get("/dyad/PAK/USA").text
        block = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', dyad, re.S)
        assert block is not None and "<" not in block.group(1)
