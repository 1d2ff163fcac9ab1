"""The JSON API under ``/api/``: dyads, gap tallies and series, events, documents, corrections.

Every list is paginated with a bounded page size; every filter is a bound SQL
parameter; writes need the server's write token.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_type_hints

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field, create_model

from bilateral.model import CHANNELS, EVENT_FIELDS, STATUSES, Channel, Event, Status
from bilateral.web import dyad as dyad_view
from bilateral.web import queries
from bilateral.web.db import Cursor, Database
from bilateral.web.deps import MAX_PAGE, MAX_PAGE_SIZE, code, cursor, database, require_writer

router = APIRouter(prefix="/api", tags=["api"])

CodeParam = Annotated[str, Path(min_length=1, max_length=32, description="Actor code, e.g. PAK, USA, IMF.")]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Text = Annotated[str | None, Query(max_length=200)]
StatusQ = Annotated[Status | None, Query()]
ChannelQ = Annotated[Channel | None, Query()]
DateQ = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                    description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
Cur = Annotated[Cursor, Depends(cursor)]


def _event_out_model() -> type[BaseModel]:
    """The fixed event record (types from :class:`~bilateral.model.Event`) plus its key, whether a
    user corrected it, and its document's title and URL."""
    hints = get_type_hints(Event)
    fields: dict[str, Any] = {"key": (str, ...)}
    for name in EVENT_FIELDS:
        kind = list[int] if name == "span" else hints[name]
        fields[name] = (kind, None if name == "confidence" else ...)
    fields.update(corrected=(bool, False), wrong=(bool, False), doc_title=(str | None, None),
                  doc_url=(str | None, None))
    model: type[BaseModel] = create_model("EventOut", **fields)
    model.__doc__ = _event_out_model.__doc__
    return model


if TYPE_CHECKING:
    EventOut = BaseModel
else:
    EventOut = _event_out_model()


class EventPageOut(BaseModel):
    """One page of events."""

    total: int
    page: int
    page_size: int
    pages: int
    events: list[EventOut]


class CorrectionOut(BaseModel):
    """One stored correction."""

    event_key: str
    field: str
    value: str
    created_at: str | None
    note: str | None


class EventDetailOut(BaseModel):
    """One event as corrected, its original coding, and its corrections."""

    event: EventOut
    original: EventOut
    corrections: list[CorrectionOut]


class CorrectionIn(BaseModel):
    """A correction: change ``status`` or ``channel``, or set ``wrong`` to ``"true"`` (or back to ``"false"``)."""

    field: Literal["status", "channel", "wrong"]
    value: str = Field(min_length=1, max_length=32)
    note: str | None = Field(default=None, max_length=1000)


class DyadOut(BaseModel):
    """A pair of actors with events between them, either way."""

    a: str
    b: str
    a_name: str
    b_name: str
    events: int
    realized: int
    negated: int
    documents: int


@router.get("/health", summary="Server status")
def health(db: Annotated[Database, Depends(database)]) -> dict[str, Any]:
    """Whether the server is up, whether it accepts corrections, and the store's version (raised by every write)."""
    return {"ok": True, "writable": db.writable, "schema_version": db.schema_version,
            "store_version": db.version()[0]}


@router.get("/dyads", summary="Dyads with events", response_model=list[DyadOut])
def list_dyads(cur: Cur, q: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    """Pairs of actors with events between them, most events first; ``q`` searches codes and country names."""
    return dyad_view.search_dyads(cur, q, limit)


@router.get("/dyads/{a}/{b}", summary="Words vs deeds of a dyad")
def dyad(cur: Cur, a: CodeParam, b: CodeParam, since: DateQ = None, until: DateQ = None,
         by: Annotated[Literal["week", "month", "quarter", "year"] | None,
                       Query(description="Also measure per period (a series), as `bilateral gap --by`.")] = None,
         evidence: Annotated[int, Query(ge=0, le=50)] = 5,
         peers: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_, ]*$",
                                            description="Receivers to compare with, e.g. IND,BGD "
                                                        "(as `bilateral gap --peers`; empty: none).")] = None,
         horizon: Annotated[int | None, Query(ge=1, le=36500, description="Days a promise has to be kept.")]
         = None,
         background: Annotated[bool, Query(description="Also count events recalled from well before their "
                                                        "article (as `bilateral gap --background`).")] = False,
         items: Annotated[str, Query(pattern=r"^(all|[0-9]{1,7})$",
                                     description="Promises listed per direction, and background events listed: "
                                                 "the first N (`all`: every one). A cut list carries its full "
                                                 "length (`items_total`, `background_total`); counts cover all.")]
         = str(dyad_view.DEFAULT_ITEMS),
         ) -> Response:
    """The dyad's whole profile with corrections applied: the same JSON as ``bilateral gap --format json``
    with the same options (tallies both ways, measures with what was given and taken, the balance, ledger,
    series, promises, peers and material contrasts, background events and the verdict), plus readable names.
    Lists of events that grow with the dyad (promises, background events) hold the first ``items``."""
    text = dyad_view.profile_text(cur, code(a), code(b), by=by, since=since, until=until, evidence=evidence,
                                  peers=dyad_view.parse_peers(peers), horizon_days=horizon, background=background,
                                  items=None if items == "all" else int(items))
    return Response(text.encode("utf-8"), media_type="application/json")


@router.get("/dyads/{a}/{b}/series", summary="Warmth vs delivery per period")
def dyad_series(cur: Cur, a: CodeParam, b: CodeParam,
                by: Annotated[Literal["week", "month", "quarter", "year"], Query()] = "month",
                since: DateQ = None, until: DateQ = None) -> dict[str, Any]:
    """Per direction (key ``"A>B"``) and period: warmth, delivery, taken, threats, promises, denials, the gap
    index and the balance, one point per period over the articles' publication window."""
    return dyad_view.series_json(cur, code(a), code(b), by, since, until)


@router.get("/evidence/{cid}", summary="The events behind one number")
def cell_evidence(cur: Cur, cid: Annotated[str, Path(max_length=120)],
                  by: Annotated[Literal["week", "month", "quarter", "year"] | None, Query()] = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50) -> dict[str, Any]:
    """The events behind one cell of the dyad view or report (ids like ``ev-USA-PAK-denials-trade`` or
    ``ev-USA-PAK-warmth-all-2024-05``), as found by the analysis stage."""
    cell = dyad_view.parse_cell(cid)
    if cell is None:
        raise HTTPException(404, "no such evidence cell")
    events = dyad_view.evidence_json(cur, str(cell["source"]), str(cell["target"]), cell["measure"],
                                     cell["channel"], cell["period"], by or dyad_view.period_kind(cell["period"]),
                                     limit)
    return {**cell, "events": events}


@router.get("/events", summary="Events, filtered and paginated", response_model=EventPageOut)
def list_events(
    cur: Cur,
    source: Annotated[str | None, Query(max_length=32)] = None,
    target: Annotated[str | None, Query(max_length=32)] = None,
    a: Annotated[str | None, Query(max_length=32, description="With b: events between a and b, either way.")] = None,
    b: Annotated[str | None, Query(max_length=32)] = None,
    status: StatusQ = None,
    channel: ChannelQ = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{1,4}$")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    doc_id: Annotated[str | None, Query(max_length=256)] = None,
    since: DateQ = None,
    until: DateQ = None,
    q: Text = None,
    corrected: bool | None = None,
    page: Page = 1,
    page_size: PageSize = 50,
) -> dict[str, Any]:
    """Events with corrections applied (events marked wrong are left out)."""
    flt = queries.EventFilter(
        source=code(source) if source else None, target=code(target) if target else None,
        dyad=(code(a), code(b)) if a and b else None, status=status, channel=channel, cameo=cameo,
        quad_class=quad_class, doc_id=doc_id, since=since, until=until, q=q or None, corrected=corrected,
    )
    res = queries.events_page(cur.connection, flt, page, page_size)
    return {"total": res.total, "page": res.page, "page_size": res.page_size, "pages": res.pages,
            "events": res.events}


@router.get("/events/{key}", summary="One event", response_model=EventDetailOut)
def get_event(cur: Cur, key: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One event as corrected, its original coding and its corrections."""
    found = queries.event(cur.connection, key)
    if found is None:
        raise HTTPException(404, "no such event")
    return found


@router.post("/events/{key}/corrections", summary="Correct an event", status_code=201,
             response_model=EventDetailOut,
             responses={403: {"description": "read-only server or wrong token"}, 404: {"description": "no such event"},
                        422: {"description": "invalid correction"}})
def correct_event(key: Annotated[str, Path(max_length=64)], body: CorrectionIn,
                  db: Annotated[Database, Depends(require_writer)]) -> dict[str, Any]:
    """Store a correction (the original coding is kept); it applies to every tally from now on."""
    try:
        with db.writer() as cur:
            if not queries.add_correction(cur.connection, key, body.field, body.value, body.note):
                raise HTTPException(404, "no such event")
    except queries.CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc
    with db.cursor() as cur:
        found = queries.event(cur.connection, key)
    assert found is not None
    return found


@router.get("/corrections", summary="Export corrections", response_model=list[CorrectionOut])
def export_corrections(cur: Cur) -> list[dict[str, Any]]:
    """Every correction, oldest first."""
    return queries.corrections(cur.connection)


@router.get("/corrections.csv", summary="Export corrections as CSV",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def export_corrections_csv(cur: Cur) -> Response:
    """Every correction as CSV (``event_key, field, value, created_at, note``)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["event_key", "field", "value", "created_at", "note"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(queries.corrections(cur.connection))
    return Response(buf.getvalue(), media_type="text/csv",
                    headers={"content-disposition": 'attachment; filename="corrections.csv"'})


@router.get("/documents", summary="Documents, paginated")
def list_documents(cur: Cur, q: Text = None, page: Page = 1, page_size: PageSize = 50) -> dict[str, Any]:
    """Stored documents (newest first) with their event counts; ``q`` searches titles."""
    total, rows = queries.documents_page(cur.connection, page, page_size, q or None)
    return {"total": total, "page": page, "page_size": page_size, "documents": rows}


@router.get("/documents/{doc_id:path}", summary="One document")
def get_document(cur: Cur, doc_id: Annotated[str, Path(max_length=256)]) -> dict[str, Any]:
    """A document's text, sentences, origins and (corrected) events."""
    doc = queries.document(cur.connection, doc_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    return doc


@router.get("/corpus", summary="Corpus overview")
def corpus(cur: Cur, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """Counts, dates, events by status and channel, the top dyads and the latest ingest errors."""
    out = queries.overview(cur.connection)
    out["top_dyads"] = dyad_view.search_dyads(cur, None, top)
    return out


@router.get("/vocabulary", summary="Statuses and channels")
def vocabulary() -> dict[str, list[str]]:
    """The statuses and channels an event may have (the values a correction may set)."""
    return {"statuses": list(STATUSES), "channels": list(CHANNELS)}

