"""The store's own lock (``FILE.lock``) and :meth:`Store.recycle`: real DuckDB files, real second processes.

A store holds an ``flock`` on ``FILE.lock`` from before DuckDB opens the file until it is closed, so
:meth:`Store.recycle` (checkpoint, close, reopen: how a long ingest hands DuckDB's native memory back)
never leaves the file open to another process, even in the moment DuckDB's own lock is down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.store import Store, StoreInUse
from bilateral.store.lock import lock_path

#: Opens the store named by argv[1] (read-only if argv[2] == "ro") in a fresh process; prints what happened.
_TRY_OPEN = textwrap.dedent("""
    import json, sys
    from bilateral.store import Store, StoreInUse
    try:
        Store(sys.argv[1], read_only=sys.argv[2] == "ro").close()
        print(json.dumps({"opened": True}))
    except StoreInUse as exc:
        print(json.dumps({"opened": False, "pid": exc.pid, "message": str(exc)}))
""")


def _try_open(db: Path, *, read_only: bool = False) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", _TRY_OPEN, str(db), "ro" if read_only else "rw"],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _refused_by_me(outcome: dict[str, object], db: Path) -> bool:
    return (outcome["opened"] is False and outcome["pid"] == os.getpid()
            and outcome["message"] == f"database {db} is in use by process {os.getpid()} "
                                      "(stop it, or wait for it to finish, then retry)")


def test_a_second_process_is_refused_with_the_holders_pid_then_admitted_after_close(db_path: Path) -> None:
    store = Store(db_path)
    assert Path(lock_path(str(db_path))).read_text().strip() == str(os.getpid())
    assert _refused_by_me(_try_open(db_path), db_path)
    assert _refused_by_me(_try_open(db_path, read_only=True), db_path)  # a reader beside a writer: no
    store.close()
    assert _try_open(db_path) == {"opened": True}


def test_the_lock_stays_held_in_the_moment_recycle_has_duckdb_closed(db_path: Path) -> None:
    """The gap the sidecar lock closes: while recycle's connection is down, DuckDB alone would let a
    second process in; the store's lock refuses it."""
    seen: list[tuple[dict[str, object], str]] = []

    class Watched(Store):
        def _connect(self) -> duckdb.DuckDBPyConnection:
            if hasattr(self, "_con"):  # a reopen: the old connection is closed, DuckDB's lock is down
                raw = subprocess.run(  # DuckDB on its own admits another process now...
                    [sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).close(); "
                                           "print('admitted')", str(db_path)],
                    capture_output=True, text=True, timeout=120)
                seen.append((_try_open(db_path), raw.stdout.strip()))  # ...the store does not
            return super()._connect()

    with Watched(db_path) as store:
        store.add_errors([("before", "recycle")])
        assert store.recycle() is True
        store.add_errors([("after", "recycle")])
        assert store.counts()["ingest_errors"] == 2
    assert len(seen) == 1 and seen[0][1] == "admitted" and _refused_by_me(seen[0][0], db_path), seen


def test_readers_share_and_exclude_a_writer(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path, read_only=True):
        assert _try_open(db_path, read_only=True) == {"opened": True}
        assert _refused_by_me(_try_open(db_path), db_path)
    assert _try_open(db_path) == {"opened": True}


def test_a_read_only_open_of_a_missing_file_leaves_no_lock_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    with pytest.raises(Exception) as info:
        Store(missing, read_only=True)
    assert not isinstance(info.value, StoreInUse)
    assert not Path(lock_path(str(missing))).exists() and not missing.exists()


def test_stores_of_one_process_share_the_lock(db_path: Path) -> None:
    first = Store(db_path)
    second = Store(db_path)  # DuckDB shares one database within a process; so does the lock
    second.close()
    assert _refused_by_me(_try_open(db_path), db_path)  # still held for `first`
    first.close()
    assert _try_open(db_path) == {"opened": True}


def test_recycle_keeps_data_and_near_duplicate_state(tmp_path: Path, db_path: Path) -> None:
    story = ("Japan cut tariffs on Indian textiles on Tuesday after two days of talks between the trade ministers "
             "of both countries in New Delhi. The Japanese minister praised India for opening its market to "
             "machinery and said the agreement would double bilateral trade within five years. India welcomed the "
             "decision and signed a memorandum on investment in railway projects, according to a statement "
             "released late on Tuesday. Under the deal duties on cotton yarn and garments will fall from ten "
             "percent to zero over three years.")
    docs = [{"id": f"d{i}", "text": f"Story {i}: Chile thanked Peru for aid number {i} on Tuesday, "
                                    f"the ministry said in a statement issued in Lima, item {i}."} for i in range(5)]
    docs.insert(1, {"id": "orig", "text": story})
    docs.append({"id": "copy", "text": "Wire service\n" + story + " Editing by S. Holt."})  # a near-copy
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs))
    recycles: list[int] = []

    class Counted(Store):
        def recycle(self) -> bool:
            recycles.append(id(self.connection))
            return super().recycle()

    with Counted(db_path) as store:
        first = ingest_paths([src], store, Coder(), batch_size=1, recycle_every=1)
        assert len(recycles) == len(docs)  # a reopen after every batch, the copy's included
        assert (first.documents_added, first.near_duplicates) == (len(docs) - 1, 1)  # found across reopens
        assert store.document_origins("orig") == [str(src)]
        counts = store.counts()
        again = ingest_paths([src], store, Coder(), batch_size=1, recycle_every=1)
        assert (again.documents_added, again.sentences, again.events) == (0, 0, 0)
        assert store.counts() == counts
    with Store(db_path) as store:  # and it is all on disk
        assert store.counts() == counts
        rows = store.connection.execute("SELECT count(DISTINCT doc_id) FROM document_minhash").fetchall()
        assert rows == [(len(docs) - 1,)]


def test_recycle_refuses_inside_a_transaction_and_skips_memory_stores(db_path: Path) -> None:
    with Store(db_path) as store, store.transaction(), pytest.raises(RuntimeError, match="inside a transaction"):
        store.recycle()
    with Store(":memory:") as mem:
        mem.add_errors([("kept", "in memory")])
        assert mem.recycle() is False
        assert mem.counts()["ingest_errors"] == 1


def test_recycle_keeps_the_stores_thread_setting(db_path: Path) -> None:
    with Store(db_path, threads=1) as store:
        first = store.connection
        assert store.connection.execute("SELECT current_setting('threads')").fetchall() == [(1,)]
        assert store.recycle() is True
        assert store.connection is not first
        assert store.connection.execute("SELECT current_setting('threads')").fetchall() == [(1,)]
