"""The ingest acceptance: a mixed folder ingests in one command, every good document exactly once.

The folder (tests/fixtures/mixed) holds two HTML pages, an exact saved copy of one and a reprint of
it by another outlet (other site chrome, an extra credit line), an RSS file, a JSONL dump from a
news API (its own field names, mapped with --*-field), a GDELT 2.0 sample and a corrupt gzip file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb

from bilateral.coding import Coder
from bilateral.ingest import FieldMap, ReadOptions, ingest_paths
from bilateral.store import Store

MAPPING = ["--text-field", "content", "--id-field", "article_id", "--date-field", "publishedAt",
           "--title-field", "headline", "--url-field", "link"]
OPTIONS = ReadOptions(fields=FieldMap(text="content", id="article_id", date="publishedAt", title="headline",
                                      url="link"))


def _table(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_mixed_folder_cli(fixtures: Path, tmp_path: Path, bilateral_exe: Path) -> None:
    folder = fixtures / "mixed"
    db = tmp_path / "mixed.duckdb"
    cmd = [str(bilateral_exe), "ingest", str(folder), "--db", str(db), *MAPPING]

    dry = subprocess.run([*cmd, "--dry-run"], capture_output=True, text=True, timeout=300)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("dry run: 10 documents would be added (2 already stored)")
    assert not db.exists()  # a dry run writes nothing

    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    corrupt = folder / "dumps" / "corrupt_dump.jsonl.gz"
    assert first.stderr.splitlines() == [f"{corrupt}: broken gzip file (Not a gzipped file (b'th'))"]
    assert first.stdout.startswith("10 documents added, 2 already stored, ")

    docs = _table(db, "SELECT id FROM documents ORDER BY id")
    ids = [str(r[0]) for r in docs]
    assert len(ids) == len(set(ids)) == 10
    assert [i for i in ids if i.startswith("gdelt-")] == ["gdelt-1154330001", "gdelt-1154330002", "gdelt-1154330003"]
    assert [i for i in ids if i.startswith("na-")] == ["na-1", "na-2", "na-3"]
    assert sum(i.startswith("rss-") for i in ids) == 2 and sum(i.startswith("html-") for i in ids) == 2
    # the article, its saved copy and its reprint: one document, three origins
    japan = _table(db, "SELECT id FROM documents WHERE title LIKE 'Japan cuts tariffs%'")
    assert len(japan) == 1
    origins = _table(db, f"SELECT origin FROM document_origins WHERE doc_id = '{japan[0][0]}' ORDER BY origin")
    assert [Path(str(o[0])).name for o in origins] == [
        "japan_india_tariffs_reprint.html", "japan_india_tariffs_saved_again.html", "japan_india_tariffs.html"]
    counts = {t: _table(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("documents", "sentences", "events")}
    assert counts["events"] >= 10
    assert _table(db, "SELECT count(*) FROM events WHERE id LIKE 'gdelt-%'") == [(3,)]
    assert _table(db, "SELECT date FROM documents WHERE id = 'na-1'") == [("2024-03-04",)]

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0
    assert again.stdout.startswith("0 documents added, 12 already stored, 0 sentences, 0 events, 1 errors")
    assert {t: _table(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("documents", "sentences", "events")} == counts


def test_mixed_folder_library_and_dry_run_on_a_filled_store(fixtures: Path, store: Store) -> None:
    folder = fixtures / "mixed"
    result = ingest_paths([folder], store, Coder(), options=OPTIONS)
    assert (result.documents_added, result.documents_skipped, result.near_duplicates) == (10, 2, 1)
    assert len(result.errors) == 1 and result.files == 7
    before = store.counts()
    dry = ingest_paths([folder, fixtures / "feeds" / "asia.atom"], store, Coder(), options=OPTIONS, dry_run=True)
    assert (dry.documents_added, dry.events >= 1, dry.dry_run) == (1, True, True)
    assert store.counts() == before
