"""Concurrent use of one database file: a second process gets a clear one-line message, never corruption.

DuckDB lets one process at a time hold a file open for writing (and a writer excludes readers in
other processes). ``bilateral`` turns DuckDB's lock conflict into
``error: database FILE is in use by process N (…)``, exit code 1, and the holder goes on untouched.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import httpx

if TYPE_CHECKING:
    from tests.reliability.conftest import CliRun

from tests.reliability.conftest import bilateral_argv, cli_env

GOOD = '{"id": "second-writer", "text": "Peru thanked Chile for the aid on Monday."}\n'


def _in_use(line: str, db: Path, pid: int) -> bool:
    return re.fullmatch(rf"error: database {re.escape(str(db))} is in use by process {pid}\b.*", line) is not None


@contextmanager
def _running(argv: list[str], cwd: Path) -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen(argv, cwd=cwd, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _holds(pid: int, db: Path) -> bool:
    """Whether process ``pid`` has ``db`` open (read from /proc, without touching the file's lock)."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(fd) == str(db.resolve()):
                return True
        except OSError:
            continue
    return False


def _wait_locked(db: Path, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until ``proc`` holds ``db`` open."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else b""
        if _holds(proc.pid, db):
            time.sleep(0.3)  # past the schema migration, into the reading and coding
            return
        time.sleep(0.05)
    raise AssertionError("the first process never opened the database")


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute(sql).fetchall()[0][0])
    finally:
        con.close()


def test_second_writer_and_reader_get_one_clear_line_and_nothing_is_corrupted(
    tmp_path: Path, reuters_jsonl: Callable[[int], Path], cli: Callable[..., CliRun],
) -> None:
    corpus = reuters_jsonl(2000)
    db = tmp_path / "shared.duckdb"
    other = tmp_path / "other.jsonl"
    other.write_text(GOOD)
    argv = bilateral_argv("ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress")
    with _running(argv, tmp_path) as first:
        _wait_locked(db, first)
        commands = (("ingest", str(other), "--db", str(db), "--workers", "1", "--no-progress"),
                    ("events", "--db", str(db), "--limit", "3"),
                    ("gap", "USA", "JPN", "--db", str(db)))
        with ThreadPoolExecutor(len(commands)) as pool:  # all at once, while the first ingest surely runs
            runs = list(pool.map(lambda args: cli(*args, cwd=tmp_path), commands))
        assert first.poll() is None, "the first ingest ended before the test was done"
        for args, run in zip(commands, runs, strict=True):
            assert run.returncode == 1, (args, run.stdout, run.stderr)
            run.assert_no_traceback()
            assert len(run.error_lines) == 1 and _in_use(run.error_lines[0], db, first.pid), run.stderr
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    added = int(re.search(rb"(\d+) documents added", out).group(1))  # type: ignore[union-attr]
    assert _count(db, "SELECT count(*) FROM documents") == added
    assert _count(db, "SELECT count(*) FROM documents WHERE id = 'second-writer'") == 0
    assert _count(db, "SELECT count(*) FROM events e LEFT JOIN documents d ON d.id = e.id WHERE d.id IS NULL") == 0
    # once the first is done, the second writer goes through
    run = cli("ingest", str(other), "--db", str(db), "--workers", "1", "--no-progress", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _count(db, "SELECT count(*) FROM documents WHERE id = 'second-writer'") == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ingest_while_the_dashboard_runs_gets_a_clear_line_and_the_dashboard_keeps_serving(
    tmp_path: Path, cli: Callable[..., CliRun],
) -> None:
    db = tmp_path / "served.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text('{"id": "a", "text": "Japan praised China for the accord on Monday."}\n')
    assert cli("ingest", str(first), "--db", str(db), "--workers", "1", "--no-progress", cwd=tmp_path).returncode == 0
    port = _free_port()
    with _running(bilateral_argv("serve", "--db", str(db), "--port", str(port)), tmp_path) as server:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else b""
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        other = tmp_path / "other.jsonl"
        other.write_text(GOOD)
        run = cli("ingest", str(other), "--db", str(db), "--workers", "1", "--no-progress", cwd=tmp_path)
        assert run.returncode == 1
        run.assert_no_traceback()
        assert len(run.error_lines) == 1 and _in_use(run.error_lines[0], db, server.pid), run.stderr
        # a second dashboard on the same file: the same clear line
        run = cli("serve", "--db", str(db), "--port", str(_free_port()), cwd=tmp_path, timeout=60)
        assert run.returncode == 1 and _in_use(run.error_lines[-1], db, server.pid), run.stderr
        assert httpx.get(f"{url}/api/documents", timeout=10).json()["total"] == 1
    run = cli("ingest", str(other), "--db", str(db), "--workers", "1", "--no-progress", cwd=tmp_path)
    assert run.returncode == 0, run.stderr


#: An ingest that reopens its DuckDB connection after every batch of 20 (``Store.recycle``): DuckDB's
#: own lock is down for a moment 30 times in a 600-story ingest.
_RECYCLING_WRITER = textwrap.dedent("""
    import sys
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths
    from bilateral.store import Store

    with Store(sys.argv[2]) as store:
        result = ingest_paths([sys.argv[1]], store, Coder(), batch_size=20, recycle_every=1)
    open(sys.argv[2] + ".closed", "w").close()
    print(result.documents_added, "documents added")
""")

#: Tries to open the store (as a writer and as a reader, in turn) as fast as it can until the writer
#: (process argv[2]) has closed it; prints how many tries were refused naming that process, and every
#: other outcome (an open that succeeds before the writer said it closed the store is a failure).
#: It stops early if the writer dies.
_PROBER = textwrap.dedent("""
    import json, os, sys
    from bilateral.store import Store, StoreInUse

    db, writer = sys.argv[1], int(sys.argv[2])
    refused, other = 0, []

    def writer_alive():
        try:
            with open(f"/proc/{writer}/stat") as fh:
                return fh.read().rsplit(") ", 1)[-1][0] != "Z"  # a zombie is dead
        except OSError:
            return False

    i = 0
    while not os.path.exists(db + ".closed") and (i % 100 or writer_alive()):
        i += 1
        try:
            Store(db, read_only=i % 2 == 0).close()
            if not os.path.exists(db + ".closed"):
                other.append("opened while the writer held the store")
        except StoreInUse as exc:
            if exc.pid == writer:
                refused += 1
            else:
                other.append(str(exc))
        except Exception as exc:
            other.append(f"{exc.__class__.__name__}: {exc}")
    print(json.dumps({"refused": refused, "other": other[:20], "others": len(other)}))
""")


def test_no_second_process_gets_in_while_an_ingest_reopens_its_connection(
    tmp_path: Path, reuters_jsonl: Callable[[int], Path],
) -> None:
    """The store's own lock (``FILE.lock``) is held across every ``Store.recycle``: a process trying to
    open the file all the while is refused each time with the writer's PID, and the writer is never hurt."""
    corpus = reuters_jsonl(600)
    db = tmp_path / "recycled.duckdb"
    with _running([sys.executable, "-c", _RECYCLING_WRITER, str(corpus), str(db)], tmp_path) as writer:
        _wait_locked(db, writer)
        prober = subprocess.run([sys.executable, "-c", _PROBER, str(db), str(writer.pid)],
                                env=cli_env(), capture_output=True, text=True, timeout=300)
        assert prober.returncode == 0, prober.stderr[-3000:]
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err[-3000:]
    seen = json.loads(prober.stdout.strip().splitlines()[-1])
    assert seen["refused"] >= 100 and seen["others"] == 0, seen
    added = int(re.search(rb"(\d+) documents added", out).group(1))  # type: ignore[union-attr]
    assert added > 500 and _count(db, "SELECT count(*) FROM documents") == added
