"""ICEWS coded-event files: 20 tab-separated columns with a header row.

Recognised by their header (``Event ID``, ``CAMEO Code``, ``Source Country`` …) in any
``.tab``/``.tsv``/``.txt``/``.csv`` file, plain or ``.gz``. Each row becomes one coded
document, id ``icews-<Event ID>-<Event Date>`` (``Event ID`` alone is not unique);
its sentence is ``ICEWS event <id> (<date>, story <Story ID>, sentence <n>, <Publisher>):
<Event Text>``. Country names become ISO3 codes, the first known sector a CAMEO agent
code; ``Intensity`` is kept as the Goldstein score; QuadClass and PLOVER come from
the codebook.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilateral.dates import normalize_date
from bilateral.ingest.eventfiles import (
    coded_row,
    country_code,
    header_line,
    identity_event,
    normalize_cameo,
    read_header_table,
    sector_code,
)
from bilateral.ingest.registry import ReadIssue, register_reader
from bilateral.model import Document

_REQUIRED = ("Event ID", "Event Date", "CAMEO Code", "Source Country", "Target Country")


def icews_row_document(row: dict[str, str], origin: str) -> Document:
    """The coded document of one ICEWS row; raise ``ValueError`` naming what is wrong."""
    from bilateral.coding.ontology import Codebook

    event_id = (row.get("Event ID") or "").strip()
    if not event_id:
        raise ValueError("no Event ID")
    cameo = normalize_cameo(row.get("CAMEO Code"))
    if not cameo:
        raise ValueError(f"bad CAMEO Code {row.get('CAMEO Code')!r}")
    codebook = Codebook.load()
    if cameo not in codebook:
        raise ValueError(f"unknown CAMEO Code {cameo!r}")
    entry = codebook.get(cameo)
    raw_date = (row.get("Event Date") or "").strip()
    date = normalize_date(raw_date)
    intensity = (row.get("Intensity") or "").strip()
    try:
        goldstein = float(intensity) if intensity else entry.goldstein
    except ValueError:
        raise ValueError(f"bad Intensity {intensity!r}") from None
    doc_id = f"icews-{event_id}-{date or raw_date}"
    story = (row.get("Story ID") or "").strip()
    number = (row.get("Sentence Number") or "").strip()
    publisher = (row.get("Publisher") or "").strip()
    text = (f"ICEWS event {event_id} ({date or raw_date}, story {story or '-'}, sentence {number or '-'}, "
            f"{publisher or '-'}): {(row.get('Event Text') or entry.name).strip()}")
    event = identity_event(
        doc_id, text,
        source=country_code(row.get("Source Country")), source_sector=sector_code(row.get("Source Sectors")),
        target=country_code(row.get("Target Country")), target_sector=sector_code(row.get("Target Sectors")),
        cameo=cameo, plover=entry.plover, quad_class=entry.quad_class, goldstein=goldstein, date=date,
    )
    meta = {"format": "icews", "Event ID": event_id, "Story ID": story, "Source Name": row.get("Source Name"),
            "Target Name": row.get("Target Name"), "Publisher": publisher}
    return coded_row(doc_id, text, event, origin=origin, date=date, meta=meta)


class IcewsReader:
    """Reads ICEWS coded-event files (recognised by their header)."""

    name = "icews"

    def matches(self, path: Path) -> bool:
        """True for a table file whose header has the ICEWS columns."""
        head = header_line(path)
        return all(c in head for c in _REQUIRED)

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one coded document per good row, an issue per bad row."""
        yield from read_header_table(path, _REQUIRED, "an ICEWS events file", icews_row_document)

register_reader(IcewsReader(), first=True)
