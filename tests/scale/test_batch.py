"""``bilateral batch``: shards written atomically; a run killed with SIGKILL, restarted, ends identical."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.scale.conftest import build_corpus

Run = Callable[..., subprocess.CompletedProcess[str]]
SHARD = 4


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def corpus_big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 documents: long enough that a run can be killed half-way."""
    return build_corpus(tmp_path_factory.mktemp("batch") / "big.jsonl", 120)


def test_killed_run_restarted_ends_like_an_uninterrupted_one(corpus_big: Path, run_cli: Run, tmp_path: Path) -> None:
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    res = run_cli("batch", str(corpus_big), str(whole), "--shard-size", str(SHARD), "--workers", "2")
    assert res.returncode == 0, res.stderr
    expected = _files(whole)
    n_lines = len(corpus_big.read_text(encoding="utf-8").splitlines())
    n_shards = -(-n_lines // SHARD)
    assert sum(name.endswith(".jsonl") and name.startswith("shard-") for name in expected) == n_shards
    assert any(name.endswith(".errors") for name in expected)  # the broken line, kept with its shard

    # the same run, killed with SIGKILL (the process and its workers) once a few shards are done
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilateral.cli", "batch", str(corpus_big), str(killed),
         "--shard-size", str(SHARD), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list(killed.glob("shard-*.jsonl"))) >= 2:
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    partial = list(killed.glob("shard-*.jsonl"))
    assert 2 <= len(partial) < n_shards
    # every shard file present is complete: exactly the uninterrupted run's bytes
    for p in partial:
        assert p.read_bytes() == expected[p.name]

    again = run_cli("batch", str(corpus_big), str(killed), "--shard-size", str(SHARD), "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert f"{len(partial)} already done" in again.stdout
    assert _files(killed) == expected  # no temporary files left either

    # a third run has nothing to do
    third = run_cli("batch", str(corpus_big), str(killed), "--shard-size", str(SHARD), "--workers", "1")
    assert third.returncode == 0 and f"0 coded now, {n_shards} already done" in third.stdout
    assert _files(killed) == expected


def test_one_worker_gives_the_same_shards(corpus_small: Path, run_cli: Run, tmp_path: Path) -> None:
    outs = []
    for w in ("1", "2"):
        res = run_cli("batch", str(corpus_small), str(tmp_path / w), "--shard-size", "7", "--workers", w)
        assert res.returncode == 0, res.stderr
        outs.append({k: v for k, v in _files(tmp_path / w).items() if k != "manifest.json"})
    assert outs[0] == outs[1]
    # the shards together are exactly what code-text writes
    code_text = run_cli("code-text", str(corpus_small), "--workers", "1")
    joined = b"".join(v for k, v in sorted(outs[0].items()) if k.endswith(".jsonl"))
    assert joined.decode("utf-8") == code_text.stdout


def test_rerun_with_another_shard_size_is_refused(corpus_small: Path, run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("batch", str(corpus_small), str(out), "--shard-size", "20", "--workers", "1").returncode == 0
    res = run_cli("batch", str(corpus_small), str(out), "--shard-size", "10", "--workers", "1")
    assert res.returncode == 1
    assert res.stderr.startswith("error: ") and "shard size" in res.stderr and len(res.stderr.splitlines()) == 1
