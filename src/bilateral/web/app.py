"""The dashboard's app factory: a FastAPI app over one store file.

Pages are server-rendered Jinja2 (autoescaped) with a little vanilla JS; the
JSON API lives under ``/api/`` with its OpenAPI document at
``/api/openapi.json``. Plotly's JavaScript is served from the installed plotly
package, never from a CDN, and the interactive API docs (which would load
from a CDN) are switched off.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from bilateral.web.caching import ConditionalGet
from bilateral.web.db import Database
from bilateral.web.limits import BodyLimit, SecurityHeaders

STATIC = Path(__file__).resolve().parent / "static"

#: The most bytes a request body may have (a correction is a few hundred).
MAX_BODY = 16 * 1024


def create_app(db: str | Path, write_token: str | None = None) -> FastAPI:
    """Build the dashboard over the store file ``db``; without ``write_token`` it is read-only."""
    from bilateral.web.api import router as api_router
    from bilateral.web.gdelt import router as gdelt_router
    from bilateral.web.pages import router as pages_router

    database = Database(db, write_token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="bilateral",
        summary="Events coded from news, and whether diplomatic warmth turns into tangible gains.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = database

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """JSON errors under /api/, a small HTML page elsewhere."""
        if request.url.path.startswith(("/api/", "/static/", "/vendor/")):
            return await http_exception_handler(request, exc)
        from bilateral.web.pages import error_page

        return error_page(request, database, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """422 with the details under /api/, a small HTML page naming the bad parameters elsewhere."""
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        from bilateral.web.pages import error_page

        bad = ", ".join(str(e.get("loc", ("?",))[-1]) for e in exc.errors())
        return error_page(request, database, 422, f"invalid parameter: {bad}")

    app.include_router(api_router)
    app.include_router(gdelt_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # innermost: answers are cached and validated against the store's version (caching.py)
    app.add_middleware(ConditionalGet, version=database.version,
                       known_version=database.known_version, variant=f"writable={database.writable}")
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bilateral")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"
