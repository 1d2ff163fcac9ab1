"""Shared fixtures: paths of the real fixture files, a real DuckDB store in tmp_path, an event factory."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.shared_data import missing_reason

from bilateral.model import Event
from bilateral.store import Store

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
SHARED = REPO.parent / "shared"


#: Fixtures that start a ``bilateral`` process, a server, a browser or Spark, or read a corpus of the
#: shared data: a test that uses one is marked ``slow`` (``pytest -m "not slow"`` is the inner loop).
SLOW_FIXTURES = frozenset({
    "bilateral_exe", "bilateral_argv", "cli", "cli_env", "run_cli", "dump_db", "reuters_jsonl", "bad_run",
    "reference_db", "ref_db", "reference", "serve", "server", "readonly_server", "writable_server", "evil_db",
    "browser", "spark", "corpus_small", "corpus_big", "corpus_db", "shared", "demo_db",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that uses a :data:`SLOW_FIXTURES` fixture (or is marked so itself)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def fixtures() -> Path:
    """The folder of real input files used by the tests."""
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    """The project's shared/ folder (beside the repo); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(missing_reason(SHARED))
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A DuckDB file path in the test's temporary folder."""
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store on a real DuckDB file."""
    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def bilateral_exe() -> Path:
    """The ``bilateral`` console script of the running venv."""
    exe = Path(sys.executable).parent / "bilateral"
    if not exe.exists():
        pytest.skip("the bilateral console script is not installed in this venv")
    return exe


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Build an event with sensible defaults; keyword arguments override fields."""

    def make(**kw: Any) -> Event:
        rec: dict[str, Any] = {
            "id": "doc-1", "doc_sentence": 0, "source": "USA", "source_sector": "GOV", "target": "PAK",
            "target_sector": None, "cameo": "051", "plover": "ENGAGE", "quad_class": 1, "goldstein": 3.4,
            "status": "realized", "channel": "diplomatic", "date": "2024-05-01",
            "sentence": "The United States praised Pakistan.", "span": [18, 25],
        }
        rec.update(kw)
        return Event.from_record(rec)

    return make


def fill_store(store: Store, path: Path) -> Store:
    """Fill ``store`` from a JSONL file of ``{"kind": "document", ...}`` and ``{"kind": "event", ...}`` lines."""
    import json

    from bilateral.model import Document

    docs, events = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        kind = rec.pop("kind")
        if kind == "document":
            docs.append(Document(**rec))
        else:
            events.append(Event.from_record(rec))
    store.add_documents(docs)
    store.add_events(events)
    return store


@pytest.fixture
def events_store(store: Store) -> Callable[[str], Store]:
    """Fill the test's store from ``tests/fixtures/analysis/NAME.jsonl`` (documents and hand-coded events)."""

    def load(name: str) -> Store:
        return fill_store(store, FIXTURES / "analysis" / f"{name}.jsonl")

    return load
