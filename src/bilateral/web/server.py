"""Run the dashboard with uvicorn, on the loopback interface unless told otherwise."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

#: Environment variable holding the write token when ``--write-token`` is not given.
TOKEN_ENV = "BILATERAL_WRITE_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
#: Connections and in-flight requests uvicorn accepts before answering 503. uvicorn also counts
#: requests whose response is sent but whose clean-up (closing the cursor) still waits for a worker
#: thread, so under 50 busy connections the count passes 64: the bound must leave room for that.
MAX_CONCURRENCY = 256


def start_message(db: str | Path, host: str, port: int, writable: bool) -> str:
    """The line ``bilateral serve`` prints on start: where it listens and whether it accepts writes."""
    local = host in ("127.0.0.1", "localhost", "::1")
    where = "this machine only" if local else "reachable from other machines: anyone who can connect can read it"
    mode = ("corrections enabled (write token set)" if writable
            else f"read-only (set --write-token or {TOKEN_ENV} to allow corrections)")
    shown = f"[{host}]" if ":" in host else host
    return f"bilateral dashboard on http://{shown}:{port}/ ({where}) · store {db} · {mode}"


def serve(db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, write_token: str | None = None,
          echo: Callable[[str], None] = print) -> None:
    """Serve the dashboard over ``db`` until interrupted; the token falls back to ``$BILATERAL_WRITE_TOKEN``."""
    import uvicorn

    from bilateral.web.app import create_app

    token = write_token or os.environ.get(TOKEN_ENV) or None
    app = create_app(db, token)
    echo(start_message(db, host, port, token is not None))
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                limit_concurrency=MAX_CONCURRENCY, timeout_keep_alive=5)
