"""Property-based run of schemathesis against the OpenAPI document of a real server: no server errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

if TYPE_CHECKING:
    from tests.web.conftest import Server

from tests.web.conftest import REQUESTS  # noqa: E402

TOKEN = "schemathesis-token"


@pytest.fixture(scope="module")
def writable_server(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with corrections enabled over a copy of the reference store."""
    import shutil
    import sys

    from tests.web.conftest import Server as ServerClass

    db = tmp_path_factory.mktemp("schemathesis") / "store.duckdb"
    shutil.copyfile(reference_db, db)
    server = ServerClass(Path(sys.executable).parent / "bilateral", db, TOKEN).start()
    yield server
    server.stop()


def test_no_server_errors(writable_server: Server) -> None:
    """Every operation of /api/openapi.json, a few generated cases each, answers without a 5xx."""
    schema = schemathesis.openapi.from_url(f"{writable_server.base}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls = [0]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: Any) -> None:
            calls[0] += 1
            case.call_and_validate(headers={"x-write-token": TOKEN}, checks=[not_a_server_error])

        run()
    REQUESTS[0] += calls[0]
    assert calls[0] >= len(operations)
