"""`bilateral gdelt` end to end against the GDELT look-alike on 127.0.0.1 (see conftest.py)."""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from bilateral.cli import main
from bilateral.coding import Coder
from bilateral.ingest.fetch import Fetcher
from bilateral.ingest.gdelt_run import GdeltRequest, run_gdelt
from bilateral.ingest.polite import PoliteFetcher
from bilateral.store import Store

from .conftest import GdeltSite, cli, cli_env

PERIOD = ("--since", "2024-03-04", "--until", "2024-03-05")
DYAD_IDS = {"1100000001", "1100000002", "1100000006", "1100000007", "1100000008", "1100000009", "1100000010",
            "1100000011", "1100000012", "1100000013", "1100000014", "1100000015"}
ALLOWED = {"/news/aid-delivered.html", "/news/aid-promised.html", "/news/jets-denied.html", "/news/talks.html",
           "/flaky/story.html", "/dead.html"}


def _run(site: GdeltSite, db: Path, cache: Path, *extra: str) -> Any:
    env = cli_env(site, cache)
    return CliRunner().invoke(main, ["gdelt", "PAK", "United States", *PERIOD, "--db", str(db), "--delay", "0",
                                     "--no-progress", *extra], env=env)


def _gdelt_ids(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT id FROM events WHERE id LIKE 'gdelt-%'").fetchall()
    return {r[0].removeprefix("gdelt-") for r in rows}


def test_run_imports_the_dyad_fetches_each_article_once_and_a_second_run_fetches_nothing(
        gdelt_site: GdeltSite, tmp_path: Path) -> None:
    db, cache = tmp_path / "g.duckdb", tmp_path / "cache"
    res = _run(gdelt_site, db, cache)
    assert res.exit_code == 0, res.output
    assert _gdelt_ids(db) == DYAD_IDS  # both directions, the PAKGOV code fallback; not IND-PAK, USA-CHN, 6 March
    hits = gdelt_site.article_hits()
    assert set(hits) == ALLOWED  # not the robots.txt-forbidden page, nor another dyad's, nor after the period
    assert hits["/flaky/story.html"] == 3  # two 503s, then the page
    assert all(n == 1 for p, n in hits.items() if p != "/flaky/story.html")
    assert gdelt_site.hits["/robots.txt"] == 1
    lines = res.stderr.splitlines() if res.stderr_bytes else res.output.splitlines()
    assert f"{gdelt_site.base}/private/secret.html: disallowed by robots.txt" in lines
    assert f"{gdelt_site.base}/dead.html: HTTP 404 Not Found" in lines
    assert any(line.startswith(f"{gdelt_site.base}/gdeltv2/20240304001500.export.CSV.zip:3: expected 61")
               for line in lines)
    with duckdb.connect(str(db), read_only=True) as con:
        states = dict(con.execute("SELECT url, state FROM gdelt_articles").fetchall())
        stored = con.execute("SELECT count(*) FROM documents WHERE id LIKE 'html-%'").fetchall()[0][0]
    base = gdelt_site.base
    assert states == {f"{base}/news/aid-delivered.html": "stored", f"{base}/news/aid-promised.html": "stored",
                      f"{base}/news/jets-denied.html": "stored", f"{base}/news/talks.html": "stored",
                      f"{base}/flaky/story.html": "stored", f"{base}/dead.html": "failed",
                      f"{base}/private/secret.html": "forbidden"}
    assert stored == 5

    gdelt_site.reset()
    again = _run(gdelt_site, db, cache)
    assert again.exit_code == 0, again.output
    assert gdelt_site.hits == {}  # list, files and articles: nothing requested at all
    assert "0 downloaded, 4 cached" in again.output and "0 new GDELT events" in again.output
    assert "articles: 0 fetched" in again.output


def test_dry_run_counts_files_and_articles_and_writes_nothing(gdelt_site: GdeltSite, tmp_path: Path) -> None:
    db, cache = tmp_path / "g.duckdb", tmp_path / "cache"
    res = _run(gdelt_site, db, cache, "--dry-run")
    assert res.exit_code == 0, res.output
    assert "dry run: 4 15-minute exports for 2024-03-04..2024-03-05: 4 to download" in res.output
    assert "0 articles to fetch" in res.output
    assert not db.exists()
    assert set(gdelt_site.hits) == {"/gdeltv2/masterfilelist.txt"}
    assert _run(gdelt_site, db, cache).exit_code == 0
    gdelt_site.reset()
    res = _run(gdelt_site, db, cache, "--dry-run")
    assert "0 to download (0.0 MiB), 4 cached; 0 articles to fetch (12 PAK-USA rows" in res.output
    assert gdelt_site.hits == {}


def test_daily_files_import_the_same_rows(gdelt_site: GdeltSite, tmp_path: Path) -> None:
    db, cache = tmp_path / "g.duckdb", tmp_path / "cache"
    res = _run(gdelt_site, db, cache, "--files", "daily")
    assert res.exit_code == 0, res.output
    assert _gdelt_ids(db) == DYAD_IDS
    assert set(gdelt_site.article_hits()) == ALLOWED


def test_an_unreadable_robots_txt_defers_the_host_to_a_later_run(gdelt_site: GdeltSite, tmp_path: Path) -> None:
    db, cache = tmp_path / "g.duckdb", tmp_path / "cache"
    gdelt_site.robots_down = True
    res = _run(gdelt_site, db, cache, "--retries", "0")
    assert res.exit_code == 0, res.output
    assert gdelt_site.article_hits() == {}
    assert f"{gdelt_site.base}/news/talks.html: robots.txt unreachable (HTTP 503 Service Unavailable (1 try))" \
        in res.output.splitlines()
    assert "7 to retry" in res.output
    gdelt_site.robots_down = False
    gdelt_site.reset()
    res = _run(gdelt_site, db, cache)
    assert set(gdelt_site.article_hits()) == ALLOWED
    assert "5 stored" in res.output and "0 to retry" in res.output


def test_per_host_limit_holds(gdelt_site: GdeltSite, tmp_path: Path) -> None:
    gdelt_site.page_delay = 0.2
    with Store(tmp_path / "g.duckdb") as store:
        req = GdeltRequest("PAK", "USA", date(2024, 3, 4), date(2024, 3, 5),
                           base_url=gdelt_site.base + "/", cache=tmp_path / "cache", per_host=1, delay=0.0,
                           workers=6, retries=2)
        res = run_gdelt(store, Coder(), req, log=lambda line: None)
    assert res.articles.stored == 5
    assert gdelt_site.max_in_flight == 1  # six fetchers, one host, one request at a time


def test_per_host_delay_spaces_requests(gdelt_site: GdeltSite) -> None:
    with Fetcher(retries=0) as fetcher:
        polite = PoliteFetcher(fetcher, per_host=4, delay=0.25)
        start = time.monotonic()
        for page in ("/news/talks.html", "/news/aid-promised.html", "/news/jets-denied.html"):
            polite.get(gdelt_site.base + page)
        elapsed = time.monotonic() - start
    assert elapsed >= 0.75  # robots.txt, then three pages: four starts 0.25 s apart


def _snapshot(db: Path) -> dict[str, Any]:
    """Everything a run stores, without the moments it stored it at."""
    queries = {
        "documents": "SELECT id, title, url, date, text, content_hash, origin FROM documents ORDER BY id",
        "origins": "SELECT doc_id, origin FROM document_origins ORDER BY ALL",
        "sentences": 'SELECT doc_id, idx, text, start, "end" FROM sentences ORDER BY ALL',
        "events": "SELECT * EXCLUDE (trace) FROM events ORDER BY event_key",
        "articles": "SELECT url, state, doc_id, reason, gdelt_date, first_file FROM gdelt_articles ORDER BY url",
        "errors": "SELECT DISTINCT origin, reason FROM ingest_errors ORDER BY ALL",
        "minhash": "SELECT band, bucket, doc_id FROM document_minhash ORDER BY ALL",
    }
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}


def _reached(site: GdeltSite, stage: str) -> bool:
    if stage == "files":  # while the third export file is being read
        return site.hits["/gdeltv2/20240305000000.export.CSV.zip"] > 0
    # a third article is asked for only once the first chunk (two articles) is stored
    return len(site.article_hits()) >= 3


@pytest.mark.parametrize("stage", ["files", "articles"])
def test_a_killed_run_restarted_ends_with_the_same_database(gdelt_site: GdeltSite, tmp_path: Path,
                                                            stage: str) -> None:
    whole, cache_whole = tmp_path / "whole.duckdb", tmp_path / "cache-whole"
    res = _run(gdelt_site, whole, cache_whole, "--fetchers", "1")
    assert res.exit_code == 0, res.output
    gdelt_site.reset()

    killed, cache = tmp_path / "killed.duckdb", tmp_path / "cache"
    gdelt_site.page_delay = 0.3
    args = cli("gdelt", "PAK", "USA", *PERIOD, "--db", str(killed), "--delay", "0", "--fetchers", "1",
               "--no-progress")
    proc = subprocess.Popen(args, env=cli_env(gdelt_site, cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not _reached(gdelt_site, stage) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if killed.exists():  # (killed before the store was created, there is nothing to look at yet)
        part = _snapshot(killed)
        assert part != _snapshot(whole)
        if stage == "articles":
            assert 0 < sum(1 for row in part["articles"] if row[1] != "pending") < len(part["articles"])

    gdelt_site.page_delay = 0.0
    rerun = subprocess.run(args, env=cli_env(gdelt_site, cache), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert _snapshot(killed) == _snapshot(whole)
    hits = gdelt_site.article_hits()
    assert all(n <= 2 for p, n in hits.items() if p != "/flaky/story.html")  # at most the chunk in flight again
