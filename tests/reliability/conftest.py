"""Shared helpers of the reliability suite: the real CLI as a subprocess, peak memory, table dumps."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.shared_data import shared_path

#: Runs its arguments as a child process and reports the child's peak RSS (KiB) on a last stderr line.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "sys.stderr.write('\\n__PEAK_RSS_KB__ %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)
_RSS_LINE = re.compile(r"\n?__PEAK_RSS_KB__ (\d+)\n?$")
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \".*\", line \d+", re.MULTILINE)

#: Columns compared between databases: everything but the wall-clock timestamps.
TABLES: dict[str, str] = {
    "documents": "id, title, url, date, text, content_hash, origin",
    "document_origins": "doc_id, origin",
    "sentences": 'doc_id, idx, text, start, "end"',
    "events": "event_key, id, doc_sentence, source, target, cameo, status, channel, date, span_start, span_end",
    "document_minhash": "band, bucket, doc_id",
}


@dataclass(slots=True)
class CliRun:
    """One finished ``bilateral`` subprocess."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float

    @property
    def error_lines(self) -> list[str]:
        """The non-empty stderr lines."""
        return [ln for ln in self.stderr.splitlines() if ln.strip()]

    def assert_no_traceback(self) -> None:
        """Fail if a Python traceback reached the user."""
        assert not _TRACEBACK.search(self.stderr), self.stderr[-3000:]


def cli_env() -> dict[str, str]:
    """The environment of a CLI subprocess: no colour, no progress bar, unbuffered output."""
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "PYTHONUNBUFFERED": "1", "TERM": "dumb", "COLUMNS": "200"})
    if env.get("PYTHONPATH"):
        # the subprocesses run in other folders: a relative entry (PYTHONPATH=src) must still find these sources
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    return env


def bilateral_argv(*args: str) -> list[str]:
    """The command line running ``bilateral ARGS`` with this interpreter."""
    return [sys.executable, "-m", "bilateral.cli", *args]


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> CliRun:
    """Run ``bilateral ARGS`` to completion; capture its output and peak resident memory."""
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_WRAPPER, *bilateral_argv(*args)],
        cwd=cwd, env=cli_env(), capture_output=True, text=True, timeout=timeout, errors="replace",
    )
    stderr = proc.stderr
    peak = 0.0
    match = _RSS_LINE.search(stderr)
    if match:
        peak = int(match.group(1)) / 1024
        stderr = stderr[: match.start()]
    return CliRun(proc.returncode, proc.stdout, stderr, peak)


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table of ``db`` as sorted rows (timestamps left out), for exact comparison."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)  # fixed names: TABLES
                for t, cols in TABLES.items()}
    finally:
        con.close()


@pytest.fixture(scope="session")
def reuters_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """Write the first ``n`` Reuters-21578 stories to a JSONL file (skips when the corpus is absent)."""
    src = shared_path("data", "corpus", "reuters21578", "reuters21578.jsonl")
    folder = tmp_path_factory.mktemp("reuters")

    def make(n: int) -> Path:
        out = folder / f"reuters-{n}.jsonl"
        if not out.exists():
            with src.open("rb") as fh, out.open("wb") as w:
                for i, line in enumerate(fh):
                    if i >= n:
                        break
                    w.write(line)
        return out

    return make


@pytest.fixture(scope="session")
def cli() -> Callable[..., CliRun]:
    """:func:`run_cli`: ``cli(*args, cwd=PATH)`` runs the real ``bilateral`` command."""
    return run_cli


@pytest.fixture(scope="session")
def dump_db() -> Callable[[Path], dict[str, list[tuple[Any, ...]]]]:
    """:func:`dump`: every data table of a database file as sorted rows."""
    return dump
