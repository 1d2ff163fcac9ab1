"""Document dates: normalise metadata dates, find a dateline in the text, fall back to ``--date``.

The order is fixed: the date in the document's metadata, else the dateline at the
start of the text (``"WASHINGTON, March 3 (Reuters) -"``, ``"Feb 26 -"``), else
the run's default date. A dateline without a year takes it from the default
date, else from the first year (1900–2099) the text mentions; with neither it
gives no date.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{6})?\s*$")
_DMY_NAMED = re.compile(r"^\s*(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ,]+(\d{4})")
_MDY_NAMED = re.compile(r"^\s*(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,\s*)?"
    + _MONTH_RE
    + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-–—]{1,2}\s",
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_IN_SENTENCE = re.compile(
    r"\b(?:" + _MONTH_RE + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})"
    r"|(?P<day2>\d{1,2})\s+" + _MONTH_RE.replace("?P<mon>", "?P<mon2>") + r"\.?,?\s+(?P<year2>(?:19|20)\d{2})"
    r"|(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2}))\b"
)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return _MONTHS.get(w[:4] if w.startswith("sept") else w[:3]) if len(w) >= 3 else None


def normalize_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a metadata date in any common form, or ``None``.

    Accepts ISO dates and timestamps, ``YYYYMMDD[hhmmss]``, ``26-FEB-1987 15:01:01.79``,
    ``March 3, 2020``, RFC 2822 (``Tue, 03 Mar 2020 10:00:00 GMT``), ``dd/mm/yyyy``
    when unambiguous, and ``datetime``/``date``/``time.struct_time`` objects.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 19000101 <= value <= 20991231 and float(value).is_integer():
            s = str(int(value))
            return _iso(int(s[:4]), int(s[4:6]), int(s[6:8]))
        return None
    s = str(value).strip()
    if not s:
        return None
    if m := _ISO.match(s):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _COMPACT.match(s):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_NAMED.match(s):
        mon = _month(m[2])
        if mon:
            return _iso(int(m[3]), mon, int(m[1]))
    if m := _MDY_NAMED.match(s):
        mon = _month(m[1])
        if mon:
            return _iso(int(m[3]), mon, int(m[2]))
    if m := _SLASH.match(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12:
            return _iso(y, b, a)
        if b > 12:
            return _iso(y, a, b)
        return None  # 03/04/2020: ambiguous
    try:
        dt = parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
    return dt.date().isoformat()


def dateline_date(text: str, year_hint: int | None = None) -> str | None:
    """The date of the dateline opening ``text`` (``"WASHINGTON, March 3 (Reuters) -"``), or ``None``.

    The dateline may open any of the first three non-empty lines (a headline may come first).

    A dateline without a year takes ``year_hint``, else the first year the text mentions.
    """
    m = None
    for line in [ln for ln in text.lstrip()[:600].splitlines() if ln.strip()][:3]:
        m = _DATELINE.match(line + " ")
        if m:
            break
    if not m:
        return None
    mon = _month(m["mon"])
    if mon is None:
        return None
    year: int | None = int(m["year"]) if m["year"] else year_hint
    if year is None:
        found = _YEAR.search(text)
        year = int(found[1]) if found else None
    if year is None:
        return None
    return _iso(year, mon, int(m["day"]))


def resolve_date(metadata: Any, text: str, default: str | None = None) -> str | None:
    """The document date: metadata, else the text's dateline, else ``default`` (all as ISO dates)."""
    found = normalize_date(metadata)
    if found:
        return found
    fallback = normalize_date(default)
    found = dateline_date(text, int(fallback[:4]) if fallback else None)
    return found or fallback


def sentence_date(sentence: str) -> str | None:
    """The one full date (with its year) a sentence states, e.g. ``"on March 3, 2019"``; else ``None``.

    A sentence with two different full dates, or only a partial one (``"on Tuesday"``,
    ``"in March"``), gives ``None``: its events keep the document date.
    """
    found: set[str] = set()
    for m in _IN_SENTENCE.finditer(sentence):
        if m["iso"]:
            day = normalize_date(m["iso"])
        elif m["mon"]:
            mon = _month(m["mon"])
            day = _iso(int(m["year"]), mon, int(m["day"])) if mon else None
        else:
            mon = _month(m["mon2"])
            day = _iso(int(m["year2"]), mon, int(m["day2"])) if mon else None
        if day:
            found.add(day)
    return found.pop() if len(found) == 1 else None



__all__ = ["dateline_date", "normalize_date", "resolve_date", "sentence_date"]
