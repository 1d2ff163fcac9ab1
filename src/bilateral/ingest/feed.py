"""RSS/Atom reader: each entry of a feed file (``.rss``, ``.atom``, or ``.xml`` holding a feed) is a document.

Entries are parsed with ``feedparser``. An entry's text is its full content if the
feed carries it, else its summary, with markup removed; its title, link (the
document URL) and published/updated date are kept. The id is ``rss-`` + 16 hex
digits of the content hash. An entry without text is reported as
``path#entry N: no text``; a file that is no feed at all raises :class:`ReadError`.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from bilateral.dates import normalize_date
from bilateral.ingest.registry import ReadError, ReadIssue, check_size, register_reader
from bilateral.model import Document

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file or response are an RSS/Atom/RDF feed."""
    low = head[:4096].lower()
    return any(m in low for m in _FEED_MARKERS)


def markup_text(fragment: str) -> str:
    """Plain text of an HTML fragment (paragraphs kept as line breaks)."""
    if "<" not in fragment:
        return html_lib.unescape(fragment).strip()
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:  # lxml raises ParserError and ValueError on odd input
        return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = ("\n" + br.tail) if br.tail else "\n"
    text = str(root.text_content())
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.splitlines())
    return "\n".join(ln for ln in lines if ln)


def _entry_text(entry: Any) -> str:
    for c in entry.get("content") or []:
        value = c.get("value") if isinstance(c, dict) else None
        if value and value.strip():
            return markup_text(value)
    return markup_text(str(entry.get("summary") or entry.get("description") or ""))


def feed_documents(data: bytes, origin: str) -> Iterator[Document | ReadIssue]:
    """The documents of one feed's bytes; raise :class:`ReadError` if they are not a feed."""
    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    version = parsed.get("version") or ""
    if not entries and (not version or parsed.get("bozo")):
        exc = parsed.get("bozo_exception")
        why = f" ({str(exc).splitlines()[0]})" if exc and str(exc).strip() else ""
        raise ReadError(f"not an RSS/Atom feed{why}")
    site = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield ReadIssue(f"{origin}#entry {n}", "no text")
            continue
        raw_date = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")
        meta: dict[str, Any] = {}
        if entry.get("author"):
            meta["author"] = entry.get("author")
        if site:
            meta["site"] = site
        if entry.get("id"):
            meta["entry_id"] = entry.get("id")
        title = entry.get("title")
        doc = Document(
            id="", text=text, date=normalize_date(raw_date), title=markup_text(title) if title else None,
            url=entry.get("link") or None, origin=origin, meta=meta,
        )
        doc.id = f"rss-{doc.content_hash[:16]}"
        yield doc


class FeedReader:
    """Reads RSS and Atom feed files."""

    name = "rss"
    suffixes: tuple[str, ...] = (".rss", ".atom", ".rdf")

    def matches(self, path: Path) -> bool:
        """True for ``.rss``/``.atom``/``.rdf``, and for ``.xml`` files whose start is a feed."""
        low = path.name.lower()
        if low.endswith(self.suffixes):
            return True
        if low.endswith(".xml"):
            try:
                with path.open("rb") as fh:
                    return looks_like_feed(fh.read(4096))
            except OSError:
                return False
        return False

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one document per entry with text, an issue per entry without."""
        check_size(path)
        yield from feed_documents(path.read_bytes(), str(path))


register_reader(FeedReader())
