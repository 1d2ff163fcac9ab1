"""GDELT 2.0 events reader: the 61-column, tab-separated, header-less "export" files.

Each row becomes one :class:`~bilateral.ingest.eventfiles.CodedDocument` with id
``gdelt-<GLOBALEVENTID>``; its one sentence (and the event's evidence) is the
row's identity, ``GLOBALEVENTID <id> SOURCEURL <url>``, since GDELT ships no text.
The event keeps GDELT's own QuadClass and GoldsteinScale; the PLOVER type comes
from our codebook; the actors are ``Actor1CountryCode``/``Actor2CountryCode``
(CAMEO country codes, ISO3 for states), else the first three letters of
``Actor1Code``/``Actor2Code``; the sector is ``Actor*Type1Code``. The date is
``SQLDATE``. Files: ``*.export.CSV`` (GDELT's name), ``*.gdelt.tsv``, their ``.gz``
forms, GDELT's own ``*.export.CSV.zip`` downloads, or any file with ``--format gdelt``.
A row with the wrong number of columns or without an event code is reported as
``path:line: reason``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from bilateral.ingest.eventfiles import CodedDocument, coded_row, identity_event, normalize_cameo
from bilateral.ingest.registry import ReadError, ReadIssue, register_reader
from bilateral.ingest.tabular import open_text
from bilateral.layouts import GDELT_COLUMNS
from bilateral.model import Document


def open_zip_member(path: Path, *, encoding: str = "utf-8", errors: str = "strict") -> IO[str]:
    """The text of the one file a zip archive holds (GDELT zips one export per archive)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ReadError(f"broken zip file ({exc})") from None
    members = [m for m in archive.namelist() if not m.endswith("/")]
    if len(members) != 1:
        raise ReadError(f"expected one file in the zip archive, found {len(members)}")
    return io.TextIOWrapper(archive.open(members[0]), encoding=encoding, errors=errors, newline="")


def gdelt_sentence(event_id: str, url: str | None) -> str:
    """The identity sentence stored for a GDELT event (GDELT ships no text)."""
    return f"GLOBALEVENTID {event_id} SOURCEURL {url or '-'}"


def _actor(row: dict[str, str], n: int) -> tuple[str | None, str | None]:
    country = row[f"Actor{n}CountryCode"].strip()
    code = row[f"Actor{n}Code"].strip()
    source = country or (code[:3] if code else "") or None
    sector = row[f"Actor{n}Type1Code"].strip() or None
    return source, sector


def _iso_date(sqldate: str) -> str | None:
    s = sqldate.strip()
    if len(s) == 8 and s.isdigit():
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return None


def gdelt_row_document(fields: list[str], origin: str) -> CodedDocument:
    """The coded document of one GDELT row; raise ``ValueError`` naming what is wrong."""
    from bilateral.coding.ontology import Codebook  # data only; no coder needed

    if len(fields) != len(GDELT_COLUMNS):
        raise ValueError(f"expected {len(GDELT_COLUMNS)} tab-separated columns, got {len(fields)}")
    row = dict(zip(GDELT_COLUMNS, fields, strict=True))
    event_id = row["GLOBALEVENTID"].strip()
    if not event_id:
        raise ValueError("no GLOBALEVENTID")
    cameo = normalize_cameo(row["EventCode"])
    if not cameo:
        raise ValueError(f"bad EventCode {row['EventCode']!r}")
    codebook = Codebook.load()
    entry = codebook.get(cameo) if cameo in codebook else None
    try:
        quad = int(row["QuadClass"]) if row["QuadClass"].strip() else (entry.quad_class if entry else 0)
        goldstein = (float(row["GoldsteinScale"]) if row["GoldsteinScale"].strip()
                     else (entry.goldstein if entry else 0.0))
    except ValueError as exc:
        raise ValueError(f"bad QuadClass/GoldsteinScale ({exc})") from None
    if quad not in (1, 2, 3, 4):
        raise ValueError(f"bad QuadClass {row['QuadClass']!r}")
    url = row["SOURCEURL"].strip() or None
    doc_id = f"gdelt-{event_id}"
    text = gdelt_sentence(event_id, url)
    date = _iso_date(row["SQLDATE"])
    source, source_sector = _actor(row, 1)
    target, target_sector = _actor(row, 2)
    event = identity_event(
        doc_id, text, source=source, source_sector=source_sector, target=target, target_sector=target_sector,
        cameo=cameo, plover=entry.plover if entry else None, quad_class=quad, goldstein=goldstein, date=date,
    )
    meta = {"format": "gdelt", "GLOBALEVENTID": event_id, "SOURCEURL": url}
    return coded_row(doc_id, text, event, origin=origin, date=date, meta=meta)


class GdeltReader:
    """Reads GDELT 2.0 event files."""

    name = "gdelt"
    suffixes: tuple[str, ...] = (".export.csv", ".export.csv.gz", ".export.csv.zip", ".gdelt.tsv", ".gdelt.tsv.gz")

    def matches(self, path: Path) -> bool:
        """True for ``*.export.CSV`` and ``*.gdelt.tsv`` (plain or ``.gz``)."""
        return path.name.lower().endswith(self.suffixes)

    @staticmethod
    def _open(path: Path) -> IO[str]:
        if not path.name.lower().endswith(".zip"):
            return open_text(path)
        return open_zip_member(path, encoding="utf-8-sig")

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one coded document per good row, an issue per bad row."""
        good = 0
        with self._open(path) as fh:
            for lineno, line in enumerate(fh, start=1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                try:
                    yield gdelt_row_document(line.split("\t"), str(path))
                    good += 1
                except ValueError as exc:
                    if lineno == 1:
                        raise ReadError(f"not a GDELT 2.0 events file (line 1: {exc})") from None
                    yield ReadIssue(f"{path}:{lineno}", str(exc))


register_reader(GdeltReader(), first=True)
