"""`bilateral ingest`: progress bar, --date, --dry-run, field mapping and one-line errors, as a user runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb


def _run(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), "ingest", *args], capture_output=True, text=True, timeout=300)


def test_progress_bar_and_date_option(fixtures: Path, tmp_path: Path, bilateral_exe: Path) -> None:
    db = tmp_path / "p.duckdb"
    page = fixtures / "web" / "pakistan_us_talks.html"
    done = _run(bilateral_exe, str(page), str(fixtures / "feeds"), "--db", str(db), "--date", "2024-03-10",
                "--progress")
    assert done.returncode == 0, done.stderr
    assert "ingest" in done.stderr and "documents" in done.stderr and "events" in done.stderr
    assert "errors" in done.stderr and "docs/s" in done.stderr
    assert f"{fixtures / 'feeds' / 'broken.rss'}: not an RSS/Atom feed" in done.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        dates = dict(con.execute("SELECT id, date FROM documents").fetchall())
    finally:
        con.close()
    assert dates[next(k for k in dates if k.startswith("html-"))] == "2024-02-26"  # dateline + --date's year
    assert sorted(v for k, v in dates.items() if k.startswith("rss-")) == ["2024-03-05", "2024-03-06", "2024-03-07"]


def test_bad_date_and_nothing_ingested(fixtures: Path, tmp_path: Path, bilateral_exe: Path) -> None:
    bad = _run(bilateral_exe, str(fixtures / "feeds"), "--db", str(tmp_path / "x.duckdb"), "--date", "someday")
    assert bad.returncode == 2 and "'someday' is not a date" in bad.stderr
    nothing = _run(bilateral_exe, str(fixtures / "feeds" / "broken.rss"), "--db", str(tmp_path / "y.duckdb"))
    assert nothing.returncode == 1
    assert nothing.stderr.strip().splitlines() == [
        f"{fixtures / 'feeds' / 'broken.rss'}: not an RSS/Atom feed (<unknown>:2:0: syntax error)"]


def test_dry_run_on_an_existing_store_writes_nothing(fixtures: Path, tmp_path: Path, bilateral_exe: Path) -> None:
    db = tmp_path / "d.duckdb"
    assert _run(bilateral_exe, str(fixtures / "events" / "sample.export.CSV"), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    dry = _run(bilateral_exe, str(fixtures / "events"), str(fixtures / "web"), "--db", str(db), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("dry run: ") and "nothing written" in dry.stdout
    # 3 GDELT rows stored, the first row of with_bad_rows again, and the reprint (a near-copy) of a page
    assert dry.stdout.startswith("dry run: 8 documents would be added (5 already stored)")
    assert db.read_bytes() == before
