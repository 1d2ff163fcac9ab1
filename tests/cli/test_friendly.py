"""The command line as a new user meets it: actors by name, :memory: dry runs, --debug."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.actor_names import UnknownActor, actor_code


def run(exe: Path, *args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilateral.cli import SAMPLE
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths
    from bilateral.store import Store

    db = tmp_path_factory.mktemp("friendly") / "demo.duckdb"
    sample = Path(__file__).resolve().parents[2] / "src" / "bilateral" / "data" / "samples" / SAMPLE
    with Store(db) as store:
        ingest_paths([sample], store, Coder())
    return db


@pytest.mark.parametrize(("text", "code"), [
    ("PAK", "PAK"), ("pak", "PAK"), ("Pakistan", "PAK"), ("pakistan", "PAK"), ("PAKISTAN", "PAK"),
    ("the US", "USA"), ("United States", "USA"), ("the United States", "USA"), ("  USA ", "USA"), ("IMF", "IMF"),
])
def test_actor_codes_names_and_aliases(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_unknown_actor_suggests_the_nearest_codes() -> None:
    with pytest.raises(UnknownActor) as info:
        actor_code("Pakistn")
    assert info.value.suggestions[0] == "PAK (Pakistan)" and "PAK (Pakistan)" in str(info.value)
    assert actor_code("XQZ", known_codes=["XQZ"]) == "XQZ"  # a code stored from another dataset


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_code_or_a_clear_error(text: str) -> None:
    try:
        code = actor_code(text)
    except UnknownActor as exc:
        assert repr(text) in str(exc)
    else:
        assert code and code == code.strip()


def test_gap_by_name_equals_gap_by_code(bilateral_exe: Path, demo_db: Path) -> None:
    for fmt in ("table", "json"):
        by_code = run(bilateral_exe, "gap", "PAK", "USA", "--db", demo_db, "--format", fmt)
        by_name = run(bilateral_exe, "gap", "Pakistan", "United States", "--db", demo_db, "--format", fmt)
        assert by_code.returncode == 0 and by_code.stdout.strip(), by_code.stderr
        assert by_name.stdout == by_code.stdout and by_name.returncode == 0
    aliased = run(bilateral_exe, "events", "--db", demo_db, "--source", "the US", "--format", "jsonl")
    coded = run(bilateral_exe, "events", "--db", demo_db, "--source", "USA", "--format", "jsonl")
    assert aliased.stdout == coded.stdout and coded.stdout.count("\n") > 1


def test_gap_with_an_unknown_actor_is_an_error(bilateral_exe: Path, demo_db: Path) -> None:
    proc = run(bilateral_exe, "gap", "Pakistn", "USA", "--db", demo_db)
    assert proc.returncode != 0 and not proc.stdout
    assert "unknown actor 'Pakistn'" in proc.stderr and "PAK (Pakistan)" in proc.stderr


def test_dry_run_into_memory(bilateral_exe: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "src" / "bilateral" / "data" / "samples"
    proc = run(bilateral_exe, "ingest", sample, "--db", ":memory:", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("dry run: 1 documents would be added") and "nothing written" in proc.stdout


def test_debug_shows_the_traceback(bilateral_exe: Path, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.parquet"  # DuckDB cannot write there: an unexpected error
    args = ("export", "--db", demo_db, "--format", "parquet", "-o", target)
    plain = run(bilateral_exe, *args)
    assert plain.returncode == 1 and plain.stderr.startswith("error: ") and len(plain.stderr.splitlines()) == 1
    for debug in (run(bilateral_exe, "--debug", *args), run(bilateral_exe, *args, env={"BILATERAL_DEBUG": "1"})):
        assert debug.returncode == 1 and "Traceback (most recent call last)" in debug.stderr
        assert debug.stderr.splitlines()[-1] == plain.stderr.splitlines()[-1]
