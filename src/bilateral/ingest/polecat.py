"""POLECAT weekly event files: tab-separated with a header row (PLOVER-coded).

Recognised by their header (``Event Type``, ``Quad Code``, ``Actor Country`` …) in
any ``.txt``/``.tsv``/``.tab``/``.csv`` file (the weekly files are named like
``ngecEvents.20230103111842.Release603.DV.txt``), plain or ``.gz``. Both names of the
intensity column are read (``Intensity`` and, in later releases, ``Event Intensity``).
Each row becomes one coded document, id ``polecat-<Event ID>``, whose sentence is
``POLECAT event <id> (<date>, <Source>): <Event Text or Headline or Event Type>``.
POLECAT has no CAMEO code: the event gets the most general CAMEO code of its PLOVER
type (matching the event mode, then one of the ``Contexts``, where the codebook lists
one: ``COOPERATE`` + ``economic`` → 061), so QuadClass and the channel follow;
``Quad Code`` words, when present, set the QuadClass.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from bilateral.dates import normalize_date
from bilateral.ingest.eventfiles import coded_row, country_code, header_line, identity_event, read_header_table
from bilateral.ingest.registry import ReadIssue, register_reader
from bilateral.model import QUAD_CLASSES, Document

_REQUIRED = ("Event ID", "Event Type", "Actor Country", "Recipient Country")
_QUAD_BY_WORDS = {v.upper(): k for k, v in QUAD_CLASSES.items()}


@lru_cache(maxsize=256)
def plover_to_cameo(plover: str, mode: str = "", contexts: tuple[str, ...] = ()) -> str | None:
    """The most general CAMEO code whose PLOVER type is ``plover``.

    Codes whose PLOVER mode is ``mode``, then whose PLOVER context is one of ``contexts``
    (``economic``, ``military`` …), are preferred when the codebook has them.
    """
    from bilateral.coding.ontology import Codebook

    candidates = [c for c in Codebook.load() if (c.plover or "").upper() == plover.upper()]
    if not candidates:
        return None
    if mode:
        with_mode = [c for c in candidates if (c.plover_mode or "").lower() == mode.lower()]
        candidates = with_mode or candidates
    if contexts:
        wanted = {c.lower() for c in contexts}
        with_context = [c for c in candidates if (c.plover_context or "").lower() in wanted]
        candidates = with_context or candidates
    return min(candidates, key=lambda c: (len(c.code), c.code)).code


def polecat_row_document(row: dict[str, str], origin: str) -> Document:
    """The coded document of one POLECAT row; raise ``ValueError`` naming what is wrong."""
    from bilateral.coding.ontology import Codebook

    event_id = (row.get("Event ID") or "").strip()
    if not event_id:
        raise ValueError("no Event ID")
    plover = (row.get("Event Type") or "").strip().upper()
    mode = (row.get("Event Mode") or "").split(";")[0].strip()
    contexts = tuple(c.strip() for c in (row.get("Contexts") or "").split(";") if c.strip())
    cameo = plover_to_cameo(plover, mode, contexts) if plover else None
    if cameo is None:
        raise ValueError(f"unknown Event Type {row.get('Event Type')!r}")
    entry = Codebook.load().get(cameo)
    raw_date = (row.get("Event Date") or "").strip()
    date = normalize_date(raw_date)
    quad = _QUAD_BY_WORDS.get((row.get("Quad Code") or "").strip().upper(), entry.quad_class)
    intensity = (row.get("Event Intensity") or row.get("Intensity") or "").strip()
    try:
        goldstein = float(intensity) if intensity else entry.goldstein
    except ValueError:
        raise ValueError(f"bad Intensity {intensity!r}") from None
    doc_id = f"polecat-{event_id}"
    what = (row.get("Event Text") or row.get("Headline") or plover).strip()
    text = f"POLECAT event {event_id} ({date or raw_date or '-'}, {(row.get('Source') or '-').strip()}): {what}"
    event = identity_event(
        doc_id, text,
        source=country_code(row.get("Actor Country")),
        source_sector=(row.get("Primary Actor Sector") or "").strip() or None,
        target=country_code(row.get("Recipient Country")),
        target_sector=(row.get("Primary Recipient Sector") or "").strip() or None,
        cameo=cameo, plover=plover, quad_class=quad, goldstein=goldstein, date=date,
    )
    meta = {"format": "polecat", "Event ID": event_id, "Story ID": row.get("Story ID"),
            "Contexts": row.get("Contexts"), "Event Mode": row.get("Event Mode")}
    return coded_row(doc_id, text, event, origin=origin, date=date, meta=meta)


class PolecatReader:
    """Reads POLECAT weekly event files (recognised by their header)."""

    name = "polecat"

    def matches(self, path: Path) -> bool:
        """True for a table file whose header has the POLECAT columns."""
        head = header_line(path)
        return all(c in head for c in _REQUIRED)

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield one coded document per good row, an issue per bad row."""
        yield from read_header_table(path, _REQUIRED, "a POLECAT events file", polecat_row_document)

register_reader(PolecatReader(), first=True)
