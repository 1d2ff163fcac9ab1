"""GDELT's file lists and export files: which files cover a period, their cached copies, a dyad's rows.

Two kinds of file list are read:

* **GDELT 2.0**: ``gdeltv2/masterfilelist.txt``, one line per file, ``SIZE MD5 URL``; the event
  exports are ``YYYYMMDDHHMMSS.export.CSV.zip``, one every 15 minutes since 2015-02-18 23:00
  (61 columns, the layout :mod:`bilateral.ingest.gdelt` reads).
* **GDELT 1.0**: ``events/index.html`` links the daily ``YYYYMMDD.export.CSV.zip`` files (58 columns
  since 2013-04-01: the 2.0 layout without the three ``*Geo_ADM2Code`` columns; 57 before, without
  ``SOURCEURL``). A 1.0 row is widened to the 2.0 layout and read by the same importer.

A file's URL is its name joined to the folder of the list it came from, so a list copied to a
mirror (or to a test server) points at the mirror's files. Files are streamed into a cache folder
(``gdeltv2/`` and ``events/`` below it) and never fetched again once complete; a file whose size or
MD5 differs from its list's is deleted and reported. A list is fetched again only when its cached
copy does not reach the end of the period asked for, and then with a conditional GET.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

from bilateral.ingest.fetch import Fetcher, FetchError
from bilateral.ingest.gdelt import gdelt_row_document, open_zip_member
from bilateral.ingest.registry import ReadIssue
from bilateral.layouts import GDELT_COLUMNS
from bilateral.model import Document

#: GDELT's own server; ``--base-url`` or ``$BILATERAL_GDELT_URL`` point elsewhere (a mirror, a test server).
GDELT_BASE_URL = "http://data.gdeltproject.org/"
BASE_URL_ENV = "BILATERAL_GDELT_URL"
#: The first day with GDELT 2.0 15-minute exports (from 23:00 UTC).
V2_FIRST_DAY = date(2015, 2, 18)
#: ``auto`` reads the 15-minute files for a period of at most this many days, the daily files beyond.
AUTO_DAILY_AFTER_DAYS = 7

Layout = Literal["15min", "daily"]

_V2_NAME = re.compile(r"^(\d{14})\.export\.CSV\.zip$", re.IGNORECASE)
_V1_LINK = re.compile(r"""href\s*=\s*["']?(?:[^"'\s>]*/)?((\d{8})\.export\.CSV\.zip)["'\s>]""", re.IGNORECASE)
_MD5 = re.compile(r"\b[0-9a-f]{32}\b", re.IGNORECASE)
_V1_GEO_ADM1 = (38, 45, 52)  # ADM1Code of each 1.0 geo block (Actor1Geo_, Actor2Geo_, ActionGeo_), in 58-column rows


@dataclass(frozen=True, slots=True)
class GdeltFile:
    """One export file of a list: where it is, when it covers, and what the list says of it."""

    url: str
    name: str
    day: date
    layout: Layout
    size: int | None = None  # bytes, as listed (2.0 only)
    md5: str | None = None

    @property
    def cache_path(self) -> str:
        """Its path below the cache folder."""
        return f"{'gdeltv2' if self.layout == '15min' else 'events'}/{self.name}"


def list_url(base: str, layout: Layout) -> str:
    """The URL of the file list of ``layout`` under ``base``."""
    base = base if base.endswith("/") else base + "/"
    return urljoin(base, "gdeltv2/masterfilelist.txt" if layout == "15min" else "events/index.html")


def choose_layout(since: date, until: date, files: str = "auto") -> Layout:
    """``15min`` or ``daily`` for a period; ``auto`` takes the daily files for long periods or before 2.0."""
    if files in ("15min", "daily"):
        return "15min" if files == "15min" else "daily"
    if since < V2_FIRST_DAY or (until - since).days + 1 > AUTO_DAILY_AFTER_DAYS:
        return "daily"
    return "15min"


def _day(stamp: str) -> date | None:
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:
        return None


def parse_master_list(lines: Iterator[str], url: str) -> Iterator[GdeltFile]:
    """The event exports of a 2.0 master file list (``SIZE MD5 URL`` lines; others are passed over)."""
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        name = parts[2].rsplit("/", 1)[-1]
        m = _V2_NAME.match(name)
        day = _day(m[1]) if m else None
        if day is None:
            continue
        size = int(parts[0]) if parts[0].isdigit() else None
        md5 = parts[1].lower() if _MD5.fullmatch(parts[1]) else None
        yield GdeltFile(urljoin(url, name), name, day, "15min", size, md5)


def parse_daily_index(text: str, url: str) -> Iterator[GdeltFile]:
    """The daily exports linked from a 1.0 ``index.html`` (an MD5 on the same line is kept)."""
    seen: set[str] = set()
    for line in text.splitlines():
        for m in _V1_LINK.finditer(line):
            name, day = m[1], _day(m[2])
            if day is None or name in seen:
                continue
            seen.add(name)
            md5 = _MD5.search(line[m.end():])
            yield GdeltFile(urljoin(url, name), name, day, "daily", None, md5[0].lower() if md5 else None)


def _validators(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.with_name(path.name + ".validators.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if k in ("etag", "last_modified") and v}


def _list_files(path: Path, url: str, layout: Layout) -> Iterator[GdeltFile]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        if layout == "15min":
            yield from parse_master_list(fh, url)
        else:
            yield from parse_daily_index(fh.read(), url)


def _reaches(path: Path, url: str, layout: Layout, until: date) -> bool:
    if not path.exists():
        return False
    return any(f.day >= until for f in _list_files(path, url, layout))


def period_files(fetcher: Fetcher | None, base: str, layout: Layout, since: date, until: date,
                 cache: Path) -> list[GdeltFile]:
    """The export files of ``[since, until]`` (inclusive days), oldest first.

    The list is read from the cache; it is fetched (conditionally, streamed) only when the cached
    copy does not list a file of ``until`` or later. With ``fetcher=None`` (a dry run that may not
    fetch) only the cached list is read. Raise :class:`FetchError` when the list cannot be had.
    """
    url = list_url(base, layout)
    path = cache / ("gdeltv2/masterfilelist.txt" if layout == "15min" else "events/index.html")
    if fetcher is not None and not _reaches(path, url, layout, until):
        old = _validators(path) if path.exists() else {}
        got = fetcher.download(url, path, etag=old.get("etag"), last_modified=old.get("last_modified"))
        if not got.not_modified:
            meta = {"etag": got.etag, "last_modified": got.last_modified}
            path.with_name(path.name + ".validators.json").write_text(json.dumps(meta), encoding="utf-8")
    if not path.exists():
        raise FetchError(f"{url}: the file list is not cached")
    files = {f.name: f for f in _list_files(path, url, layout) if since <= f.day <= until}
    return sorted(files.values(), key=lambda f: f.name)


def _md5(path: Path) -> str:
    h = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def is_cached(file: GdeltFile, cache: Path) -> bool:
    """Whether a complete copy of ``file`` is in the cache (size as listed, when listed)."""
    path = cache / file.cache_path
    return path.is_file() and (file.size is None or path.stat().st_size == file.size)


def fetch_file(fetcher: Fetcher, file: GdeltFile, cache: Path) -> tuple[Path, bool]:
    """The cached copy of ``file``, downloaded first if missing; ``(path, downloaded now)``.

    Raise :class:`FetchError` when it cannot be downloaded or differs from its list (size, MD5).
    """
    path = cache / file.cache_path
    if is_cached(file, cache):
        return path, False
    fetcher.download(file.url, path)
    problem = None
    if file.size is not None and path.stat().st_size != file.size:
        problem = f"{path.stat().st_size} bytes, the list says {file.size}"
    elif file.md5 is not None and _md5(path) != file.md5:
        problem = "MD5 differs from the list's"
    if problem:
        path.unlink(missing_ok=True)
        raise FetchError(f"download damaged ({problem})")
    return path, True


def widen_v1(fields: list[str]) -> list[str]:
    """A GDELT 1.0 row (57 or 58 columns) in the 61-column 2.0 layout (empty ADM2 codes, SOURCEURL)."""
    if len(fields) == 57:
        fields = [*fields, ""]
    if len(fields) != 58:
        return fields  # left for the importer to report
    out = list(fields)
    for adm1 in reversed(_V1_GEO_ADM1):
        out.insert(adm1 + 1, "")
    return out


def _actor(fields: list[str], country: int, code: int) -> str:
    """The actor the importer takes: the country code, else the first three letters of the actor code."""
    return fields[country].strip() or fields[code].strip()[:3]


def dyad_rows(path: Path, origin: str, a: str, b: str, layout: Layout) -> Iterator[Document | ReadIssue]:
    """The rows of one export file whose two actors are ``a`` and ``b`` (either way), as GDELT events.

    Each is the importer's :func:`~bilateral.ingest.gdelt.gdelt_row_document` with ``origin`` (the
    file's URL). A row with the wrong number of columns is one issue ``origin:line: reason``; a row
    of the dyad the importer rejects is one too. Streamed: one row is held at a time.
    """
    pair = {a, b}
    with open_zip_member(path, errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            if layout == "daily":
                fields = widen_v1(fields)
            if len(fields) != len(GDELT_COLUMNS):
                yield ReadIssue(f"{origin}:{lineno}", f"expected {len(GDELT_COLUMNS) if layout == '15min' else 58} "
                                                      f"tab-separated columns, got {len(line.split(chr(9)))}")
                continue
            if {_actor(fields, 7, 5), _actor(fields, 17, 15)} != pair:
                continue
            try:
                yield gdelt_row_document(fields, origin)
            except ValueError as exc:
                yield ReadIssue(f"{origin}:{lineno}", str(exc))
