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
    "browser", "spark", "corpus_small", "corpus_big", "corpus_db", "shared", "demo_db", "sample",
})

#: Tests slow for another reason (an exhaustive or hypothesis search, several processes, a polling
#: loop), each over about a second on an idle 2-core machine; ``pytest --durations=30 -m "not slow"``
#: shows what else to add here.
SLOW_TESTS = frozenset({
    "tests/coding/test_actors.py::test_match_equals_trying_every_phrase",
    "tests/coding/test_coder.py::test_run_on_sentence_is_coded_in_pieces",
    "tests/coding/test_evaluate.py::test_score_matches_reference_property",
    "tests/coding/test_triggers.py::test_word_index_finds_what_a_scan_finds",
    "tests/coding/test_mentions.py::test_mentions_alike_with_or_without_flags",
    "tests/coding/test_wordforms.py::test_candidate_positions_change_no_match",
    "tests/coding/test_wordforms.py::test_sentences_skipped_for_naming_no_actor_lose_no_event",
    "tests/store/test_keys.py::test_lookups_of_more_keys_than_one_statement_takes",
    "tests/store/test_lock.py::test_readers_share_and_exclude_a_writer",
    "tests/store/test_lock.py::test_a_second_process_is_refused_with_the_holders_pid_then_admitted_after_close",
    "tests/store/test_lock.py::test_recycle_keeps_data_and_near_duplicate_state",
    "tests/store/test_lock.py::test_stores_of_one_process_share_the_lock",
    "tests/store/test_lock.py::test_the_lock_stays_held_in_the_moment_recycle_has_duckdb_closed",
    "tests/reliability/test_fuzz.py::test_ingest_never_raises_and_reports_one_line_per_problem",
    "tests/ingest/test_new_readers_fuzz.py::test_any_bytes",
    "tests/ingest/test_fetch_watch.py::test_watch_polls_conditionally_and_survives_a_dead_source",
    "tests/ingest/test_fetch_watch.py::test_ingest_urls",
    "tests/analysis/test_measures.py::test_empty_dyad_is_a_clear_message",
    "tests/analysis/test_verdict.py::test_reference_verdict_on_intended_coding",
    "tests/analysis/test_promises_compare.py::test_peers_and_top_receivers",
    "tests/analysis/test_verdict.py::test_trend_of_the_gap",
    "tests/analysis/test_verdict.py::test_verdict_is_not_hard_coded",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that uses a :data:`SLOW_FIXTURES` fixture or is listed in :data:`SLOW_TESTS`."""
    for item in items:
        name = f"{Path(str(item.path)).relative_to(REPO).as_posix()}::{item.name.split('[')[0]}"
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or name in SLOW_TESTS:
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
