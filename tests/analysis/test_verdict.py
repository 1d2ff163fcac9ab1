"""The verdict on the reference article: intended coding (hand-coded fixture) and the real coder.

The reference article (shared/data/samples/pakistan-us-warmth-without-gains.txt) says: US
warmth toward Pakistan is high and delivery nil across trade, investment, finance and
defense; Pakistan's giving is not reciprocated; India fared better on tariffs. The verdict
is filled from the measures, so these tests check the numbers' story, not a canned text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.shared_data import missing_reason

from bilateral.analysis import DyadProfile, Verdict, dyad_profile
from bilateral.analysis.verdict import MAX_FINDINGS
from bilateral.model import Event
from bilateral.store import Store

CLAIMS = (
    "The United States' warmth toward Pakistan is high",
    "delivery is nil across trade, investment, finance and defense",
    "Pakistan's giving is not reciprocated",
    "India fared better than Pakistan with the United States on trade",
)


def _check_reference_verdict(p: DyadProfile) -> None:
    v: Verdict = p.verdict
    text = v.text
    for claim in CLAIMS:
        assert claim in text, f"missing {claim!r} in: {text}"
    assert "tariffs" in text  # the India claim quotes its evidence
    # every claim links to cells that hold evidence sentences
    cells = p.cells()
    for c in v.claims:
        assert c.cells and any(cid in cells for cid in c.cells), c.text
    us_pak = next(c for c in v.claims if c.text.startswith("The United States' warmth"))
    denied = {e.channel for cid in us_pak.cells for e in p.cell(cid) if e.status == "negated"}
    assert {"trade", "investment", "finance", "defense"} <= denied
    india = next(c for c in v.claims if c.text.startswith("India"))
    assert any("India" in e.sentence for cid in india.cells for e in p.cell(cid))
    # the US delivered nothing to Pakistan in any tangible channel
    fwd = p.ledger.backward if p.a == "PAK" else p.ledger.forward
    assert (fwd.source, fwd.target) == ("USA", "PAK")
    assert fwd.total.delivery == 0 and fwd.total.warmth >= 2 and fwd.total.denials >= 4


def test_reference_verdict_on_intended_coding(events_store: Callable[[str], Store]) -> None:
    store = events_store("reference_events")
    p = dyad_profile(store, "PAK", "USA")
    _check_reference_verdict(p)
    assert p.peer_names == ["IND"]
    # the same story whichever way round the dyad is asked
    _check_reference_verdict(dyad_profile(store, "USA", "PAK"))


def test_reference_verdict_from_the_coder(shared: Path, store: Store) -> None:
    """End to end: the coder's events on the article give the same verdict."""
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths

    article = shared / "data" / "samples" / "pakistan-us-warmth-without-gains.txt"
    if not article.exists():
        pytest.skip(missing_reason(article))
    ingest_paths([str(article)], store, Coder())
    _check_reference_verdict(dyad_profile(store, "PAK", "USA"))


def test_verdict_is_not_hard_coded(events_store: Callable[[str], Store]) -> None:
    """Another dyad, another story: the same templates tell it from its own numbers."""
    store = events_store("small_dyad")
    p = dyad_profile(store, "KEN", "CHN")
    text = p.verdict.text
    assert "Pakistan" not in text and "United States" not in text
    # the answer leads: China took more than it gave
    assert p.verdict.answer.startswith("No: more was taken than given between Kenya and China.")
    assert "China took 1 gain away from Kenya (threatening 1 more), against 1 tangible deed delivered" in text
    # the strongest finding is what was taken, with its sentence
    taken = p.verdict.findings[0]
    assert taken.text.startswith("China took 1 gain away from Kenya (trade 1")
    assert "“China imposed duties on Kenyan avocados.”" in taken.text
    assert any(e.cameo == "163" for cid in taken.cells for e in p.cell(cid))
    assert "China's warmth toward Kenya is moderate" in text
    assert "delivery is 1 realized deed (finance 1)" in text
    assert "China threatened to take more from Kenya: 1 threat (finance 1)" in text
    assert "Ethiopia fared better than Kenya with China on trade" in text
    # then at most a handful of findings
    assert p.verdict.claims[0].kind == "answer" and len(p.verdict.findings) <= MAX_FINDINGS
    # the tea purchases halted in 2019 are background: shown, not counted
    assert [e.date for e in p.background_events] == ["2019-05-01"]
    assert p.ledger.backward.total.taken == 1 and "2019" not in text
    assert dyad_profile(store, "KEN", "CHN", background=True).ledger.backward.total.taken == 2


def test_trend_of_the_gap(store: Store, make_event: Callable[..., Event]) -> None:
    words = [make_event(doc_sentence=i, id=f"w{i}", date="2024-01-10") for i in range(6)]
    deeds = [make_event(doc_sentence=i, id=f"d{i}", date="2024-05-10", cameo="061", quad_class=2, channel="trade")
             for i in range(6)]
    store.add_events([*words, *deeds])
    text = dyad_profile(store, "USA", "PAK", by="month").verdict.text
    assert "The gap of the United States toward Pakistan narrowed from +0.86 in 2024-01 to -0.86 in 2024-05." in text
    # one period with evidence: no trend to tell
    assert "The gap of" not in dyad_profile(store, "USA", "PAK", by="month", until="2024-01-31").verdict.text
