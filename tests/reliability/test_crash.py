"""Crash safety: ``kill -9`` during a real ingest, then a rerun, gives exactly the database of one clean run.

The ingest job writes each batch (documents, origins, near-duplicate buckets, sentences, events) in
one transaction, so a process killed at any moment leaves whole batches only; the rerun skips the
stored stories and codes the rest. Compared: every row of ``documents``, ``document_origins``,
``sentences``, ``events`` and ``document_minhash`` (timestamps aside).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from tests.reliability.conftest import CliRun

from tests.reliability.conftest import bilateral_argv, cli_env

from bilateral.store import Store

N_DOCS = 2000
#: Kill points: (commits to see in this run before the kill, extra delay in seconds). ``0`` commits: a kill
#: at start-up (reading, schema check). Each rerun starts over, skips what is stored and is killed again.
KILLS = ((0, 0.8), (1, 0.0), (2, 0.15), (1, 0.3), (3, 0.05), (2, 0.5))


def _state(db: Path) -> tuple[int, ...]:
    """Size and modification time of the database file and its write-ahead log (changes at each commit)."""
    out: list[int] = []
    for f in (db, db.with_name(db.name + ".wal")):
        try:
            st = f.stat()
            out += [st.st_size, st.st_mtime_ns]
        except FileNotFoundError:
            out += [0, 0]
    return tuple(out)


def _kill_after_commits(proc: subprocess.Popen[bytes], db: Path, commits: int, delay: float) -> bool:
    """SIGKILL ``proc`` ``delay`` seconds after it has committed ``commits`` times; False if it ended first."""
    seen, last = 0, _state(db)
    deadline = time.monotonic() + 240
    while seen < commits and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
        now = _state(db)
        if now != last:
            seen, last = seen + 1, now
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    return True


def _ingest(cli: Callable[..., CliRun], corpus: Path, db: Path) -> tuple[CliRun, float]:
    t0 = time.perf_counter()
    run = cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress", cwd=db.parent, timeout=300)
    assert run.returncode == 0, run.stderr
    run.assert_no_traceback()
    return run, time.perf_counter() - t0


def _documents(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
    except duckdb.CatalogException:
        return 0
    finally:
        con.close()


def test_kill_9_at_several_points_then_rerun_equals_clean_run(
    tmp_path: Path, reuters_jsonl: Callable[[int], Path], cli: Callable[..., CliRun],
    dump_db: Callable[[Path], dict[str, list[tuple[Any, ...]]]],
) -> None:
    corpus = reuters_jsonl(N_DOCS)
    clean_db = tmp_path / "clean.duckdb"
    _, clean_seconds = _ingest(cli, corpus, clean_db)
    clean = dump_db(clean_db)
    assert len(clean["documents"]) > 1000 and len(clean["events"]) > 1000

    db = tmp_path / "killed.duckdb"
    # the store's schema is created first (its migrations are commits too), so the kill points below count
    # the ingest's own commits, as they are meant to
    Store(db).close()
    stored_after_kill: list[int] = []
    for commits, delay in KILLS:
        proc = subprocess.Popen(
            [*bilateral_argv("ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress")],
            cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )
        killed = _kill_after_commits(proc, db, commits, delay)
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err
        assert killed, f"the ingest ended before kill ({commits} commits + {delay} s); stored: {stored_after_kill}"
        stored_after_kill.append(_documents(db) if db.exists() else 0)
    mid = [n for n in stored_after_kill if 0 < n < len(clean["documents"])]
    assert len(mid) >= 4, f"kills did not land mid-ingest: {stored_after_kill} (clean: {clean_seconds:.1f} s)"

    _ingest(cli, corpus, db)
    after = dump_db(db)
    for table, rows in clean.items():
        assert after[table] == rows, f"{table}: {len(after[table])} rows after kills, {len(rows)} in a clean run"
    print(f"\nkill -9 × {len(KILLS)} during a {N_DOCS}-story ingest (clean run {clean_seconds:.1f} s); "
          f"documents stored at each kill: {stored_after_kill}; rerun equals the clean run "
          f"({len(clean['documents'])} documents, {len(clean['sentences'])} sentences, {len(clean['events'])} events)")


#: A process that dies (``os._exit``, no clean-up) inside the third batch, after its documents are written
#: and before its events: the worst moment for a store that commits each table on its own.
_DIE_MID_BATCH = textwrap.dedent("""
    import os, sys
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths
    from bilateral.store import Store

    class DyingStore(Store):
        calls = 0

        def add_events(self, events):
            DyingStore.calls += 1
            if DyingStore.calls == 3:
                os._exit(9)
            return super().add_events(events)

    store = DyingStore(sys.argv[2])
    ingest_paths([sys.argv[1]], store, Coder())
    sys.exit(0)
""")


def test_death_between_documents_and_events_loses_nothing(
    tmp_path: Path, reuters_jsonl: Callable[[int], Path], cli: Callable[..., CliRun],
    dump_db: Callable[[Path], dict[str, list[tuple[Any, ...]]]],
) -> None:
    corpus = reuters_jsonl(400)
    clean_db = tmp_path / "clean.duckdb"
    _ingest(cli, corpus, clean_db)
    db = tmp_path / "died.duckdb"
    proc = subprocess.run([sys.executable, "-c", _DIE_MID_BATCH, str(corpus), str(db)],
                          env=cli_env(), capture_output=True, timeout=300)
    assert proc.returncode == 9, proc.stderr[-2000:]
    partial = _documents(db)
    assert 0 < partial < 400, partial  # two whole batches stored, the third not at all
    _ingest(cli, corpus, db)
    clean, after = dump_db(clean_db), dump_db(db)
    for table, rows in clean.items():
        assert after[table] == rows, f"{table}: {len(after[table])} rows after the crash, {len(rows)} in a clean run"
