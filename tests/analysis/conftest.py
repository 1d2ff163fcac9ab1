"""Fixtures of the analysis tests: the whole Reuters-21578 corpus, ingested once per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REUTERS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578" / "reuters21578.jsonl"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``slow`` marker (tests that ingest a whole corpus; deselect with ``-m 'not slow'``)."""
    config.addinivalue_line("markers", "slow: ingests a whole corpus (about a minute or two)")


@pytest.fixture(scope="session")
def reuters_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file holding the whole Reuters-21578 corpus, ingested by ``bilateral ingest`` once per session."""
    if not REUTERS.exists():
        pytest.skip(f"the Reuters-21578 corpus is not at {REUTERS} (../shared/data/corpus/reuters21578/)")
    exe = Path(sys.executable).parent / "bilateral"
    if not exe.exists():
        pytest.skip("the bilateral console script is not installed in this venv")
    db = tmp_path_factory.mktemp("reuters-all") / "reuters.duckdb"
    proc = subprocess.run([str(exe), "ingest", str(REUTERS), "--db", str(db), "--no-progress"],
                          capture_output=True, text=True, timeout=1800, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return db
