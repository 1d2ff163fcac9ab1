"""The ``bilateral`` command, run as a subprocess of the venv's console script."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from bilateral.model import EVENT_FIELDS, Event
from bilateral.store import Store


def run(
    exe: Path, *args: str | Path, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *map(str, args)], input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd
    )


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_help(bilateral_exe: Path) -> None:
    proc = run(bilateral_exe, "--help")
    assert proc.returncode == 0
    for cmd in ("ingest", "code-text", "events", "gap", "evaluate", "explain", "demo"):
        assert cmd in proc.stdout


def test_ingest_twice_adds_nothing(bilateral_exe: Path, fixtures: Path, db_path: Path) -> None:
    first = run(bilateral_exe, "ingest", fixtures / "articles", fixtures / "bad", "--db", db_path)
    _no_traceback(first)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("3 documents added, 1 already stored")
    err_lines = first.stderr.strip().splitlines()
    assert len(err_lines) == 2
    assert err_lines[0].startswith(f"{fixtures / 'bad' / 'empty.txt'}: empty file")
    assert err_lines[1].startswith(f"{fixtures / 'bad' / 'latin1.txt'}: not UTF-8")
    second = run(bilateral_exe, "ingest", fixtures / "articles", "--db", db_path)
    assert second.returncode == 0
    assert second.stdout.startswith("0 documents added, 3 already stored, 0 sentences, 0 events")


def test_ingest_nothing_readable_fails(bilateral_exe: Path, fixtures: Path, db_path: Path) -> None:
    proc = run(bilateral_exe, "ingest", fixtures / "bad" / "latin1.txt", fixtures / "missing.txt", "--db", db_path)
    _no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"{fixtures / 'bad' / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 3)",
        f"{fixtures / 'missing.txt'}: no such file or folder",
    ]


def test_default_db_in_cwd(bilateral_exe: Path, fixtures: Path, tmp_path: Path) -> None:
    proc = run(bilateral_exe, "ingest", fixtures / "articles" / "nested" / "tariffs.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "bilateral.duckdb").exists()


def _filled(db_path: Path, make_event: Callable[..., Event]) -> None:
    with Store(db_path) as store:
        store.add_events([
            make_event(),
            make_event(doc_sentence=1, cameo="061", quad_class=2, status="negated", channel="trade",
                       sentence="Pakistan has not received trade concessions.", span=[13, 21], date="2024-07-01"),
            make_event(doc_sentence=2, source="PAK", target="USA", status="intended", channel="resources"),
        ])


def test_events_formats(bilateral_exe: Path, db_path: Path, make_event: Callable[..., Event]) -> None:
    _filled(db_path, make_event)
    jl = run(bilateral_exe, "events", "--db", db_path, "--source", "usa", "--format", "jsonl")
    assert jl.returncode == 0, jl.stderr
    recs = [json.loads(line) for line in jl.stdout.splitlines()]
    assert [r["doc_sentence"] for r in recs] == [0, 1]
    assert list(recs[0]) == list(EVENT_FIELDS)
    assert recs[1]["span"] == [13, 21] and recs[1]["cameo"] == "061"

    since = run(bilateral_exe, "events", "--db", db_path, "--since", "2024-06-01", "--format", "jsonl")
    assert [json.loads(line)["status"] for line in since.stdout.splitlines()] == ["negated"]

    c = run(bilateral_exe, "events", "--db", db_path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    assert len(rows) == 3 and list(rows[0]) == list(EVENT_FIELDS) and rows[0]["cameo"] == "051"

    table = run(bilateral_exe, "events", "--db", db_path, "--target", "USA")
    assert table.returncode == 0 and "resources" in table.stdout and "intended" in table.stdout


def test_gap_json_and_table(bilateral_exe: Path, db_path: Path, make_event: Callable[..., Event]) -> None:
    _filled(db_path, make_event)
    proc = run(bilateral_exe, "gap", "PAK", "USA", "--db", db_path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    pk, us = d["directions"]
    assert (us["source"], us["target"]) == ("USA", "PAK")
    assert us["realized_by_quad"]["1"] == 1 and us["by_channel"]["trade"]["negated"] == 1
    assert pk["by_channel"]["resources"]["intended"] == 1
    table = run(bilateral_exe, "gap", "PAK", "USA", "--db", db_path)
    assert table.returncode == 0 and "USA → PAK" in table.stdout


def test_missing_db_is_one_line(bilateral_exe: Path, tmp_path: Path) -> None:
    for args in (("events",), ("gap", "PAK", "USA")):
        proc = run(bilateral_exe, *args, "--db", tmp_path / "none.duckdb")
        _no_traceback(proc)
        assert proc.returncode != 0
        assert len(proc.stderr.strip().splitlines()) == 1 and "no such database" in proc.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_locked_db_is_one_line(bilateral_exe: Path, db_path: Path) -> None:
    with Store(db_path):  # this process holds the write lock
        proc = run(bilateral_exe, "events", "--db", db_path)
    _no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1


def test_code_text(bilateral_exe: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "s1", "text": "Japan praised Pakistan.", "date": "2024-01-01"}\n'
        "not json\n"
        '{"id": "s2", "text": "The United States cut tariffs on Indian goods."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = run(bilateral_exe, "code-text", src, "-o", out)
    _no_traceback(proc)
    assert proc.returncode == 0
    assert proc.stderr.strip().splitlines()[0].startswith(f"{src}:2: ")
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == list(EVENT_FIELDS) for r in recs)
    ids = [r["id"] for r in recs]
    assert ids == sorted(ids)  # in order of appearance
    piped = run(bilateral_exe, "code-text", "-", stdin=src.read_text(encoding="utf-8"))
    assert piped.stdout == out.read_text(encoding="utf-8")
    bad = run(bilateral_exe, "code-text", "-", stdin="nope\n")
    assert bad.returncode == 1


def test_evaluate_and_explain(bilateral_exe: Path, fixtures: Path) -> None:
    proc = run(bilateral_exe, "evaluate", fixtures / "gold_small.jsonl", "--json")
    assert proc.returncode == 0, proc.stderr
    metrics = json.loads(proc.stdout)
    assert metrics["sentences"] == 6 and "triple_f1" in metrics and "pentaclass_accuracy" in metrics
    ex = run(bilateral_exe, "explain", "Japan praised Pakistan.", "--date", "2024-01-01")
    _no_traceback(ex)
    assert ex.returncode == 0 and ex.stdout.strip()


def test_demo(bilateral_exe: Path, tmp_path: Path) -> None:
    proc = run(bilateral_exe, "demo", cwd=tmp_path)
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "PAK → USA" in proc.stdout and "USA → PAK" in proc.stdout
    assert list(tmp_path.iterdir()) == []  # the demo database is temporary


def test_explain_why_not_names_the_stage_that_dropped_a_candidate() -> None:
    from click.testing import CliRunner

    from bilateral.cli import main

    text = "Chile agreed to cooperate with Peru, and France and Italy and Spain and Greece and Malta repeated the call."
    result = CliRunner().invoke(main, ["explain", text, "--date", "2025-06-01", "--why-not"])
    assert result.exit_code == 0, result.output
    kept, _, dropped = result.output.partition("dropped:")
    assert "CHL → PER" in kept  # the kept events come first, as without --why-not
    lines = [line.strip() for line in dropped.splitlines()[1:]]
    assert any(line.startswith("candidates · control-verb: 'agreed to cooperate with'") for line in lines), lines
    assert any(line.startswith("roles · multilateral: 'repeated the call'") for line in lines), lines
    plain = CliRunner().invoke(main, ["explain", text, "--date", "2025-06-01"])
    assert plain.exit_code == 0 and "dropped" not in plain.output
