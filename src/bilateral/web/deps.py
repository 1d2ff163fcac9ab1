"""Request dependencies shared by the page and API routes: the database cursor and the write check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from bilateral.web.db import Cursor, Database

#: Largest page of events or documents a request may ask for.
MAX_PAGE_SIZE = 200
#: Largest page number (keeps offsets far inside DuckDB's integers).
MAX_PAGE = 1_000_000


def database(request: Request) -> Database:
    """The app's :class:`Database`."""
    db: Database = request.app.state.db
    return db


def cursor(db: Annotated[Database, Depends(database)]) -> Iterator[Cursor]:
    """A cursor for this request."""
    with db.cursor() as cur:
        yield cur


def require_writer(
    db: Annotated[Database, Depends(database)],
    authorization: Annotated[str | None, Header(max_length=512)] = None,
    x_write_token: Annotated[str | None, Header(max_length=512)] = None,
) -> Database:
    """Let a write through only with the server's write token (``Authorization: Bearer`` or ``X-Write-Token``)."""
    if not db.writable:
        raise HTTPException(403, "this server is read-only: start it with --write-token to allow corrections")
    given = x_write_token
    if given is None and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not db.token_ok(given):
        raise HTTPException(403, "a valid write token is required")
    return db


def code(value: str) -> str:
    """An actor code as stored: stripped, upper case."""
    return value.strip().upper()
