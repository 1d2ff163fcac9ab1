"""The dashboard's GDELT comparison: ``/compare/{a}/{b}`` (page) and ``/api/compare/{a}/{b}`` (JSON).

Both show :func:`bilateral.analysis.gdelt_compare.gdelt_compare`, the numbers of ``bilateral compare``;
on the page every row links to the article (with our event's sentence marked) and to each event.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from bilateral.analysis.gdelt_compare import NOT_DONE, gdelt_compare
from bilateral.web.db import Cursor, Database
from bilateral.web.deps import code, cursor, database

router = APIRouter()
Cur = Annotated[Cursor, Depends(cursor)]
Db = Annotated[Database, Depends(database)]
ActorCode = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_]+$")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")]


@router.get("/api/compare/{a}/{b}", tags=["api"], summary="GDELT's events against ours, for the articles coded by both")
def compare_api(cur: Cur, a: ActorCode, b: ActorCode, since: Day = None, until: Day = None) -> dict[str, Any]:
    """Tallies and every row of ``bilateral compare A B --format json``."""
    return gdelt_compare(cur.connection, code(a), code(b), since=since, until=until).to_dict()


@router.get("/compare/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def compare_page(request: Request, cur: Cur, db: Db, a: ActorCode, b: ActorCode, since: Day = None,
                 until: Day = None) -> HTMLResponse:
    """GDELT against ours: agreement, GDELT deeds we code as not done, one-sided events, every row linked."""
    from bilateral.web.pages import _render

    result = gdelt_compare(cur.connection, code(a), code(b), since=since, until=until)
    return _render(request, "compare.html", db, c=result, t=result.tallies(), a=result.a, b=result.b,
                   not_done=NOT_DONE)
