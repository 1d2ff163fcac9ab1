"""The server-rendered pages: dyad picker, dyad view, evidence, event, article and corpus overview.

Templates are Jinja2 with autoescaping on for every file, so news text (which
may contain markup, script-like text and quotes) is always shown as text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from bilateral.model import CHANNELS, QUAD_CLASSES, STATUSES
from bilateral.web import dyad as dyad_view
from bilateral.web import queries
from bilateral.web.db import Cursor, Database
from bilateral.web.deps import MAX_PAGE, MAX_PAGE_SIZE, code, cursor, database
from bilateral.web.markup import highlight, mark_document

TEMPLATES = FsPath(__file__).resolve().parent / "templates"

router = APIRouter(include_in_schema=False)
Cur = Annotated[Cursor, Depends(cursor)]
Db = Annotated[Database, Depends(database)]
Opt = Annotated[str | None, Query(max_length=200)]


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(
        actor_name=dyad_view.name, STATUSES=STATUSES, CHANNELS=CHANNELS, QUAD_CLASSES=QUAD_CLASSES,
        highlight=highlight, qs=_qs, cell_id=dyad_view.cell_id,
    )
    env.filters.update(safe_url=_safe_url, pathq=_pathq)
    return env


def _safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None`` (no ``javascript:`` links from news data)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _pathq(value: object) -> str:
    """``value`` quoted as one URL path segment."""
    return quote(str(value), safe="")


def _qs(args: dict[str, Any], **changes: Any) -> str:
    """A query string from ``args`` with ``changes`` applied (``None`` drops an argument)."""
    merged = {**args, **changes}
    return urlencode({k: v for k, v in merged.items() if v is not None and v != ""})


templates = Jinja2Templates(env=_env())


def _render(request: Request, name: str, db: Database, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.update(writable=db.writable)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, db: Database, status_code: int, detail: str) -> HTMLResponse:
    """An HTML error page (the API keeps its JSON errors)."""
    return _render(request, "error.html", db, status_code=status_code, status=status_code, detail=detail)


@lru_cache(maxsize=1)
def _plotly_js() -> FsPath:
    import plotly

    path = FsPath(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():  # pragma: no cover - a broken plotly install
        raise FileNotFoundError(path)
    return path


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """Plotly's JavaScript from the installed plotly package (no CDN)."""
    return FileResponse(_plotly_js(), media_type="text/javascript",
                        headers={"cache-control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def index(request: Request, cur: Cur, db: Db, q: Opt = None) -> HTMLResponse:
    """The dyad picker: every dyad with events, searchable by country code or name."""
    found = dyad_view.search_dyads(cur, q, 500)
    actors = [(c, dyad_view.name(c)) for c in queries.actors(cur.connection)]
    return _render(request, "index.html", db, dyads=found, q=q or "", actors=actors)


@router.get("/dyad")
def pick_dyad(a: Annotated[str, Query(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_]+$")],
              b: Annotated[str, Query(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_]+$")]) -> RedirectResponse:
    """The picker's two-country form: go to the dyad view of A and B."""
    return RedirectResponse(f"/dyad/{quote(code(a), safe='')}/{quote(code(b), safe='')}", status_code=303)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, cur: Cur, db: Db, a: Annotated[str, Path(max_length=32)],
              b: Annotated[str, Path(max_length=32)],
              by: Annotated[str, Query(pattern="^(week|month|quarter|year)$")] = "month",
              items: Annotated[str, Query(pattern=r"^(all|[0-9]{1,7})$")] = str(dyad_view.DEFAULT_ITEMS),
              ) -> HTMLResponse:
    """The dyad view: verdict, warmth vs delivery timeline, channel ledger, promises and peers; the
    first ``items`` promises of each direction are listed (``all``: every one)."""
    a, b = code(a), code(b)
    ctx = dyad_view.dyad_context(cur, a, b, by)
    return _render(request, "dyad.html", db, **ctx, items=None if items == "all" else int(items))


def _event_filter(a: str | None, b: str | None, source: str | None, target: str | None, status: str | None,
                  channel: str | None, cameo: str | None, doc_id: str | None, q: str | None) -> queries.EventFilter:
    return queries.EventFilter(
        source=code(source) if source else None, target=code(target) if target else None,
        dyad=(code(a), code(b)) if a and b else None,
        status=status if status in STATUSES else None, channel=channel if channel in CHANNELS else None,
        cameo=cameo if cameo and cameo.isdigit() else None, doc_id=doc_id or None, q=q or None,
    )


@router.get("/evidence/{cid}", response_class=HTMLResponse)
def evidence_page(request: Request, cur: Cur, db: Db, cid: Annotated[str, Path(max_length=120)],
                  by: Annotated[str | None, Query(pattern="^(week|month|quarter|year)$")] = None) -> HTMLResponse:
    """The sentences behind one number of the dyad view (one cell: direction, measure, channel, period)."""
    cell = dyad_view.parse_cell(cid)
    if cell is None:
        raise HTTPException(404, "no such evidence cell")
    limit = 500
    refs = dyad_view.analysis_evidence(
        cur, str(cell["source"]), str(cell["target"]), cell["measure"], channel=cell["channel"],
        period=cell["period"], by=by or dyad_view.period_kind(cell["period"]), limit=limit,
    )
    ctx: dict[str, Any] = {"refs": refs, "limit": limit, **cell}
    return _render(request, "evidence.html", db, **ctx)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, cur: Cur, db: Db, a: Opt = None, b: Opt = None, source: Opt = None,
                target: Opt = None, status: Opt = None, channel: Opt = None, cameo: Opt = None,
                doc_id: Opt = None, q: Opt = None, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
                page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50) -> HTMLResponse:
    """The evidence view: events with their sentence and highlighted evidence, status, channel and code."""
    flt = _event_filter(a, b, source, target, status, channel, cameo, doc_id, q)
    res = queries.events_page(cur.connection, flt, page, page_size)
    return _render(request, "events.html", db, result=res, flt=flt, args=flt.query_args(), page_size=page_size)


@router.get("/events/{key}", response_class=HTMLResponse)
def event_page(request: Request, cur: Cur, db: Db, key: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    """One event: its sentence with the evidence marked, original and corrected coding, correction form."""
    found = queries.event(cur.connection, key)
    if found is None:
        raise HTTPException(404, "no such event")
    return _render(request, "event.html", db, **found)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, cur: Cur, db: Db, doc_id: Annotated[str, Path(max_length=256)],
                  event: Annotated[str | None, Query(max_length=64)] = None) -> HTMLResponse:
    """The article view: the whole text with the evidence of every coded event marked."""
    doc = queries.document(cur.connection, doc_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    pieces = mark_document(doc["text"], doc["sentences"], doc["events"])
    by_key = {e["key"]: e for e in doc["events"]}
    return _render(request, "document.html", db, doc=doc, pieces=pieces, by_key=by_key, selected=event)


@router.get("/corpus", response_class=HTMLResponse)
def corpus_page(request: Request, cur: Cur, db: Db, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    """The corpus overview: counts, top dyads, documents and ingest errors."""
    info = queries.overview(cur.connection)
    total, docs = queries.documents_page(cur.connection, page, 50)
    top = dyad_view.search_dyads(cur, None, 15)
    return _render(request, "corpus.html", db, info=info, docs=docs, total_docs=total, page=page,
                   pages=max(1, -(-total // 50)), top=top)


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request, cur: Cur, db: Db) -> HTMLResponse:
    """Every correction, newest first, with the event it changed and the export links."""
    rows = queries.corrections_log(cur.connection)
    total = len(queries.corrections(cur.connection))
    return _render(request, "corrections.html", db, rows=rows, total=total)
