"""Acceptance on the whole Reuters-21578 corpus: the 1987 US tariffs on Japanese electronics.

In April 1987 the United States imposed 100% tariffs on about 300 million dollars of Japanese
electronics over the semiconductor pact. The verdict on USA–JPN must name them, with a sentence
about them, and the ledger must count them under *taken* in the trade channel. Nothing in the
analysis knows this story: the tariffs are found as realized CAMEO 163 events in the trade channel.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bilateral.analysis import DyadProfile, dyad_profile
from bilateral.store import Store

pytestmark = pytest.mark.slow

#: A sentence about the electronics tariffs: tariffs (or duties, sanctions) on Japanese electronic goods.
TARIFFS_ON_ELECTRONICS = re.compile(r"(tariff|duties|sanction).*(electronic|semiconductor|microchip|chip)", re.I)


@pytest.fixture(scope="module")
def usa_jpn(reuters_db: Path) -> DyadProfile:
    with Store(reuters_db) as store:
        return dyad_profile(store, "USA", "JPN", by="month")


@pytest.fixture(scope="module")
def gap_json(reuters_db: Path) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "bilateral"
    proc = subprocess.run([str(exe), "gap", "USA", "JPN", "--db", str(reuters_db), "--by", "month", "--format", "json"],
                          capture_output=True, text=True, timeout=600, check=True)
    out: dict[str, Any] = json.loads(proc.stdout)
    return out


def test_the_tariffs_are_taken_in_the_trade_channel(usa_jpn: DyadProfile, gap_json: dict[str, Any]) -> None:
    us_jp = usa_jpn.ledger.forward
    assert (us_jp.source, us_jp.target) == ("USA", "JPN")
    trade = us_jp.channel("trade")
    assert trade.taken >= 20, "the tariffs (and the sanctions talk around them) are taken in trade"
    assert trade.taken == max(t.taken for t in us_jp.by_channel.values())
    tariffs = [e for e in usa_jpn.cell("ev-USA-JPN-taken-trade") if TARIFFS_ON_ELECTRONICS.search(e.sentence)]
    assert len({e.doc_id for e in tariffs}) >= 5 and all(e.cameo.startswith("16") for e in tariffs)
    # the same numbers in `bilateral gap --format json`
    measures = next(m for m in gap_json["measures"] if (m["source"], m["target"]) == ("USA", "JPN"))
    assert measures["by_channel"]["trade"]["taken"] == trade.taken
    row = next(r for r in gap_json["ledger"]["rows"] if r["channel"] == "trade")
    assert row["given"]["taken"] == trade.taken and row["net_given"] == trade.delivery - trade.taken
    assert gap_json["balance"]["USA>JPN"]["taken"] == us_jp.total.taken


def test_the_verdict_names_the_tariffs_with_their_evidence(usa_jpn: DyadProfile, gap_json: dict[str, Any]) -> None:
    v = usa_jpn.verdict
    assert "the United States took" in v.answer and "away from Japan" in v.answer
    taken = next(c for c in v.findings if c.text.startswith("The United States took"))
    assert "trade" in taken.text and TARIFFS_ON_ELECTRONICS.search(taken.text), taken.text
    assert "ev-USA-JPN-taken-trade" in taken.cells
    quotes = re.findall(r"“(.+?)”", taken.text)
    assert quotes, taken.text
    sentence = quotes[-1].rstrip("…")  # the evidence sentence closes the finding
    assert TARIFFS_ON_ELECTRONICS.search(sentence)
    assert any(" ".join(e.sentence.split()).startswith(sentence[:80]) for e in usa_jpn.cell("ev-USA-JPN-taken-trade"))
    # readable: the answer, then at most a handful of findings
    assert len(v.findings) <= 5 and len(v.text) < 2000
    assert gap_json["verdict"]["text"] == v.text


def test_the_timeline_spans_the_publication_window(usa_jpn: DyadProfile) -> None:
    assert usa_jpn.span is not None
    first, last = usa_jpn.span
    assert first.year == 1987 and last.year == 1987
    periods = [p.period for p in usa_jpn.series["USA>JPN"]]
    assert periods[0] == first.strftime("%Y-%m") and periods[-1] == last.strftime("%Y-%m")
    # the recalled events (bonds due in 1990s, accounts of 1985) are background, not points of the series
    assert all(e.background for e in usa_jpn.background_events)
