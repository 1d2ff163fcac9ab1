"""bilateral export: CSV, JSONL, Parquet and GDELT; export → import gives the same events."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.model import EVENT_FIELDS
from bilateral.store import Store
from bilateral.store.export import export_documents, export_events


def _records(store: Store) -> list[dict[str, object]]:
    out = io.StringIO()
    export_events(store, "jsonl", out=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def filled(fixtures: Path, store: Store) -> Store:
    ingest_paths([fixtures / "web", fixtures / "feeds", fixtures / "events" / "sample.export.CSV",
                  fixtures / "jsonl" / "docs.jsonl"], store, Coder())
    assert store.counts()["events"] > 5
    return store


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "out.jsonl"), ("csv", "out.csv"), ("parquet", "out.parquet")])
def test_round_trip(filled: Store, tmp_path: Path, fmt: str, name: str) -> None:
    path = tmp_path / name
    if fmt == "parquet":
        n = export_events(filled, fmt, path=path)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            n = export_events(filled, fmt, out=fh)
    before = _records(filled)
    assert n == len(before)
    with Store(tmp_path / "back.duckdb") as back:
        result = ingest_paths([path], back, Coder())
        assert (result.events, result.errors) == (n, [])
        assert _records(back) == before
        assert ingest_paths([path], back, Coder()).events == 0


def test_gdelt_export(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "out.export.CSV"
    with path.open("w", encoding="utf-8") as fh:
        n = export_events(filled, "gdelt", out=fh)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n and all(len(r) == 61 for r in rows)
    by_id = {r[0]: r for r in rows}
    row = by_id["1154330001"]  # imported from GDELT: its own GLOBALEVENTID and SOURCEURL
    assert (row[1], row[5], row[7], row[12], row[26], row[29], row[30], row[60]) == (
        "20240305", "CHNGOV", "CHN", "GOV", "071", "2", "7.4", "https://news.example.org/world/china-kenya-aid")
    # round trip of GDELT-imported events through the GDELT format
    gdelt_only = tmp_path / "gdelt_only.export.CSV"
    gdelt_only.write_text("".join("\t".join(r) + "\n" for r in rows if r[0].startswith("11543300")), encoding="utf-8")
    with Store(tmp_path / "g.duckdb") as back:
        ingest_paths([gdelt_only], back, Coder())
        assert _records(back) == [r for r in _records(filled) if str(r["id"]).startswith("gdelt-")]


def test_documents_export_is_read_back_with_the_same_ids(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        n = export_documents(filled, "jsonl", out=fh)
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == n == filled.counts()["documents"]
    assert all(r["origins"] for r in recs)
    with Store(tmp_path / "d.duckdb") as back:
        ingest_paths([path], back, Coder())
        ids = {r[0] for r in back.connection.execute("SELECT id FROM documents").fetchall()}
    assert ids == {r["id"] for r in recs}
    with pytest.raises(ValueError, match="GDELT"):
        export_documents(filled, "gdelt", out=io.StringIO())


def test_cli_export(filled: Store, tmp_path: Path, bilateral_exe: Path) -> None:
    db = filled.path
    filled.close()
    out = subprocess.run([str(bilateral_exe), "export", "--db", db, "--format", "csv"],
                         capture_output=True, text=True, check=True)
    header = out.stdout.splitlines()[0]
    assert header == ",".join(EVENT_FIELDS) and out.stderr.strip().endswith("events exported")
    bad = subprocess.run([str(bilateral_exe), "export", "--db", db, "--format", "parquet"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.strip() == "Error: parquet needs an output file (-o FILE)"
    target = tmp_path / "e.parquet"
    subprocess.run([str(bilateral_exe), "export", "--db", db, "--format", "parquet", "-o", str(target)],
                   capture_output=True, text=True, check=True)
    assert target.stat().st_size > 0
    missing = subprocess.run([str(bilateral_exe), "export", "--db", str(tmp_path / "none.duckdb")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "no such database" in missing.stderr
