"""Acceptance on a multi-month corpus: the US–Japan trade stories of 1987 from Reuters-21578.

The corpus is built on the fly from ``../shared/data/corpus/reuters21578/reuters21578.jsonl``
(stories whose places hold both ``usa`` and ``japan`` and whose topics hold ``trade``),
coded by the real coder into a real DuckDB file once for the module.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from tests.shared_data import missing_reason

from bilateral.analysis import DyadProfile, dyad_profile
from bilateral.analysis.periods import period_range
from bilateral.store import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "reuters21578" / "reuters21578.jsonl"
EXE = Path(sys.executable).parent / "bilateral"


def build_us_japan_corpus(out: Path) -> int:
    """Write the US–Japan trade stories as JSONL documents (ISO dates); return how many."""
    n = 0
    with CORPUS.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            rec = json.loads(line)
            if rec.get("text_type") != "NORM" or "trade" not in rec["topics"]:
                continue
            if not {"usa", "japan"} <= set(rec["places"]):
                continue
            day = datetime.strptime(rec["date"].strip().split()[0], "%d-%b-%Y").date().isoformat()
            dst.write(json.dumps({"id": rec["id"], "title": rec["title"], "date": day, "text": rec["text"]}) + "\n")
            n += 1
    return n


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A DuckDB file with the coded US–Japan corpus."""
    if not CORPUS.exists():
        pytest.skip(missing_reason(CORPUS))
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("reuters")
    docs = folder / "us_japan_trade_1987.jsonl"
    assert build_us_japan_corpus(docs) > 100
    db = folder / "reuters.duckdb"
    with Store(db) as store:
        result = ingest_paths([str(docs)], store, Coder())
        assert result.documents_added > 100
    yield db


@pytest.fixture(scope="module")
def profile(corpus_db: Path) -> DyadProfile:
    with Store(corpus_db) as store:
        return dyad_profile(store, "USA", "JPN", by="month")


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    if not EXE.exists():
        pytest.skip("the bilateral console script is not installed in this venv")
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, timeout=300, check=False)


def test_timeline_has_one_point_per_month(profile: DyadProfile) -> None:
    starts = [p.start for p in profile.series["USA>JPN"]]
    assert len(starts) >= 3, "the corpus spans several months"
    assert starts == period_range(starts[0], starts[-1], "month")
    assert [p.period for p in profile.series["JPN>USA"]] == [p.period for p in profile.series["USA>JPN"]]
    assert sum(p.tally.warmth for p in profile.series["USA>JPN"]) > 0
    # months without stories are present, with zeros
    assert any(p.tally.events == 0 for p in profile.series["USA>JPN"])


def test_promise_follow_through_decides_some_promises(profile: DyadProfile) -> None:
    decided = sum(ft.count("kept") + ft.count("broken") + ft.count("lapsed") for ft in profile.promises)
    assert decided >= 1
    followed = [i for ft in profile.promises for i in ft.items if i.outcome not in ("undated", "unverifiable")]
    assert followed and all(i.due is not None for i in followed)
    # a promise is settled only by a deed about the object it names
    assert all(i.object for i in followed)


def test_report_numbers_equal_gap_json(corpus_db: Path, tmp_path: Path) -> None:
    gap = _run("gap", "USA", "JPN", "--db", corpus_db, "--by", "month", "--format", "json")
    assert gap.returncode == 0, gap.stderr
    numbers = json.loads(gap.stdout)
    html_path = tmp_path / "usa-jpn.html"
    rep = _run("report", "USA", "JPN", "--db", corpus_db, "-o", html_path)
    assert rep.returncode == 0, rep.stderr
    html = html_path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="bilateral-data">(.*?)</script>', html, re.S)
    assert m is not None
    embedded = json.loads(m.group(1).replace("<\\/", "</").replace("<\\!--", "<!--"))
    assert embedded == numbers
    # the visible headline numbers are those numbers too
    for d in numbers["measures"]:
        for measure in ("warmth", "delivery", "promises", "denials"):
            cid = f"ev-{d['source']}-{d['target']}-{measure}-all"
            shown = re.search(rf'href="#{cid}" title="[^"]*">(\d+)</a>', html)
            if d[measure]:
                assert shown is not None and int(shown.group(1)) == d[measure], (cid, d[measure])
    # one timeline row per month
    months = [p["period"] for p in numbers["series"]["USA>JPN"]]
    for month in months:
        assert f'<td class="l">{month}</td>' in html
    # Markdown carries the same headline numbers
    md_path = tmp_path / "usa-jpn.md"
    assert _run("report", "USA", "JPN", "--db", corpus_db, "-o", md_path).returncode == 0
    md = md_path.read_text(encoding="utf-8")
    fwd = numbers["measures"][0]
    assert f"[{fwd['warmth']}](#ev-USA-JPN-warmth-all)" in md
    assert (tmp_path / "usa-jpn-timeline.png").stat().st_size > 1000
