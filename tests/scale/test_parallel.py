"""``--workers N``: real worker processes; output order and content identical to one worker."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from bilateral.coding import Coder
from bilateral.ingest.jsonl import record_document
from bilateral.model import Document
from bilateral.scale.parallel import CodingPool, ParallelCoder, code_documents_batch, default_workers

Run = Callable[..., subprocess.CompletedProcess[str]]


def _docs(path: Path) -> list[Document]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        docs.append(record_document(obj))
    return docs


def test_code_text_two_workers_writes_exactly_what_one_writes(corpus_small: Path, run_cli: Run) -> None:
    one = run_cli("code-text", str(corpus_small), "--workers", "1")
    two = run_cli("code-text", str(corpus_small), "--workers", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout and one.stdout == two.stdout
    # the broken line is reported once, with its line number, by both
    assert one.stderr == two.stderr
    assert one.stderr.count(":7:") == 1
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert len({r["id"] for r in records}) > 5


def test_code_text_reads_stdin_with_workers(corpus_small: Path) -> None:
    import sys

    text = corpus_small.read_text(encoding="utf-8")
    outs = [
        subprocess.run([sys.executable, "-m", "bilateral.cli", "code-text", "-", "--workers", w],
                       input=text, capture_output=True, text=True, timeout=300, check=True).stdout
        for w in ("1", "2")
    ]
    assert outs[0] and outs[0] == outs[1]


def test_pool_keeps_input_order_with_small_batches(corpus_small: Path) -> None:
    docs = _docs(corpus_small)
    coder = Coder()
    expected = [coder.code_document(d) for d in docs]
    with CodingPool(2, batch_size=3, max_in_flight=2) as pool:
        got = list(pool.map(code_documents_batch, docs))
        again = ParallelCoder(pool).code_documents(docs)
    assert got == expected
    assert again == expected


def test_ingest_with_two_workers_stores_what_one_stores(corpus_small: Path, run_cli: Run, tmp_path: Path) -> None:
    tables = {}
    for w in ("1", "2"):
        db = tmp_path / f"w{w}.duckdb"
        res = run_cli("ingest", str(corpus_small), "--db", str(db), "--workers", w)
        assert res.returncode == 0, res.stderr
        con = duckdb.connect(str(db), read_only=True)
        tables[w] = {
            "events": con.execute("SELECT * EXCLUDE (trace) FROM events ORDER BY ALL").fetchall(),
            "sentences": con.execute("SELECT * FROM sentences ORDER BY ALL").fetchall(),
            "documents": con.execute("SELECT id, content_hash FROM documents ORDER BY ALL").fetchall(),
        }
        con.close()
    assert tables["1"]["events"] and tables["1"] == tables["2"]


def test_default_workers_is_every_core() -> None:
    import os

    assert default_workers() == len(os.sched_getaffinity(0))
    with pytest.raises(ValueError):
        CodingPool(0)


def test_a_single_batch_is_coded_without_starting_workers(corpus_small: Path) -> None:
    docs = _docs(corpus_small)[:3]
    coder = Coder()
    with CodingPool(2, batch_size=16) as pool:
        assert list(pool.map(code_documents_batch, docs)) == [coder.code_document(d) for d in docs]
        assert pool._executor is None
        assert list(pool.map(code_documents_batch, [])) == []
