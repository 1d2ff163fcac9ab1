"""HTML reader: one saved web page (``.html``/``.htm``, optionally ``.gz``) is one document.

The main text, title, publication date, author and site name are extracted with
``trafilatura``; navigation, boilerplate and comment sections are left out. The
id is ``html-`` + the first 16 hex digits of the content hash of the extracted
text, so the same article saved twice (or under another name) gets the same id.
A page with no extractable article text is reported as an issue.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from bilateral.ingest.registry import ReadError, ReadIssue, check_size, register_reader
from bilateral.model import Document

#: Fewer extracted words than this is a page without an article (a menu, a login wall).
MIN_WORDS = 5


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def html_document(html: str | bytes, origin: str | None = None, url: str | None = None) -> Document:
    """Extract the article of one HTML page; raise :class:`ReadError` when there is none."""
    markup = _decode(html) if isinstance(html, bytes) else html
    if not markup.strip():
        raise ReadError("empty file")
    try:
        ext: Any = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False,
            # only dates the page states (meta tags, structured data, <time>): no guessing from
            # a copyright year or a URL, so a dateline in the text can take over
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise ReadError(f"unreadable HTML ({exc.__class__.__name__})") from None
    if isinstance(ext, dict):  # older trafilatura returns a dict
        get: Any = ext.get
    elif ext is not None:
        def get(key: str) -> Any:
            return getattr(ext, key, None)
    else:
        raise ReadError("no article text found in the HTML")
    text = str(get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise ReadError("no article text found in the HTML")
    title = (get("title") or None) and str(get("title")).strip()
    lines = text.split("\n", 1)
    if title and len(lines) == 2 and lines[0].strip() == title:
        text = lines[1].strip()  # trafilatura repeats the headline as the first line
    meta = {k: v for k, v in (("author", get("author")), ("site", get("sitename"))) if v}
    doc = Document(
        id="", text=text, date=get("date") or None, title=title or None,
        url=url or get("url") or None, origin=origin, meta=meta,
    )
    doc.id = f"html-{doc.content_hash[:16]}"
    return doc


class HtmlReader:
    """Reads saved web pages."""

    name = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")

    def matches(self, path: Path) -> bool:
        """True for ``.html``, ``.htm``, ``.xhtml`` and gzip-compressed pages."""
        return path.name.lower().endswith(self.suffixes)

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield the page's one document; raise :class:`ReadError` if it has no article text."""
        check_size(path)
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise ReadError(f"broken gzip file ({exc})") from None
        yield html_document(data, origin=str(path))


register_reader(HtmlReader())
