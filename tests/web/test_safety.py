"""News text is shown, never run: markup, scripts and attribute-breaking quotes in an article stay text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.web.conftest import Server

EVIL_ID = "evil-1"
RAW = re.compile(r"<script>window|<img src=x|onerror=\"window|onmouseover=\"window|href=\"javascript:", re.I)


def test_every_page_escapes_news_text(evil_db: Path, serve: Callable[..., Server]) -> None:
    evil_server = serve(evil_db, token="t")
    with evil_server.client() as c:
        events = c.get("/api/events").json()["events"]
        assert len(events) >= 1
        pages = ["/", "/corpus", "/corrections", "/events", "/events?q=restraint", "/dyad/PAK/USA",
                 f"/documents/{EVIL_ID}", "/evidence/ev-USA-PAK-warmth-all", "/evidence/ev-USA-PAK-denials-trade"]
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
        doc = c.get(f"/documents/{EVIL_ID}").text
        assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in doc
        assert "onmouseover=&#34;window.__pwned=5&#34;" in doc
        corpus = c.get("/corpus").text
        assert "&lt;img src=x onerror=&#34;window.__pwned=8&#34;&gt;.txt" in corpus  # the ingest error, escaped
        assert c.get("/api/corpus").json()["counts"]["ingest_errors"] == 1
        dyad = c.get("/dyad/PAK/USA").text
        block = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', dyad, re.S)
        assert block is not None and "<" not in block.group(1)
