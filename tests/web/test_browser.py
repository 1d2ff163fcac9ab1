"""The dashboard in Debian's Chromium, driven by Playwright, against a real `bilateral serve`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.web.conftest import PageWatch

if TYPE_CHECKING:
    from tests.web.conftest import Server


def test_pick_dyad_click_negated_trade_event(ref_db: Path, serve: Callable[..., Server], browser: Any,
                                             tmp_path: Path) -> None:
    server = serve(ref_db)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = PageWatch(page, server.base)
    page.goto(server.base + "/")
    # The dyad picker: search over country names narrows the list as one types.
    page.fill("#dyad-search", "pakistan")
    link = page.locator("#dyad-PAK-USA")
    assert link.is_visible()
    assert "Pakistan" in link.inner_text()
    link.click()
    page.wait_for_url("**/dyad/PAK/USA")
    verdict = page.locator("#verdict")
    assert "Pakistan" in verdict.inner_text() and verdict.locator("p.claim a.cite").count() >= 1
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)
    # The ledger: USA → PAK denials in trade opens the sentences behind the number.
    page.locator("#ev-USA-PAK-denials-trade").click()
    page.wait_for_url("**/evidence/ev-USA-PAK-denials-trade")
    rows = page.locator("tr.event")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert rows.nth(i).get_attribute("data-status") == "negated"
        assert rows.nth(i).get_attribute("data-channel") == "trade"
    first = rows.first
    evidence_text = first.locator("mark.evidence").inner_text()
    assert evidence_text.strip()
    # Click the negated trade event: its sentence is shown with the evidence highlighted.
    first.locator("a.event-link").click()
    page.wait_for_url("**/events/*")
    sentence = page.locator("#selected-sentence")
    mark = sentence.locator("mark.evidence")
    assert mark.is_visible()
    assert mark.inner_text() == evidence_text
    assert "trade" in sentence.inner_text().lower() or "GSP" in sentence.inner_text()
    bg = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    shot = tmp_path / "negated-trade-event.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    # …and in the article, where the same event is marked and selected.
    page.locator("#article-link").click()
    page.wait_for_url("**/documents/**")
    selected = page.locator("mark.event-mark.selected")
    assert selected.count() >= 1 and selected.first.inner_text() == evidence_text
    assert page.locator("#article-text mark.event-mark").count() >= 5
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    page.goto(server.base + "/corpus")
    assert page.locator('[data-count="documents"]').inner_text() == "1"
    assert watch.errors == [] and watch.offsite == [] and watch.dialogs == []
    page.close()


def test_timeline_renders_with_plotly_from_the_server(tmp_path: Path, evil_db: Path, serve: Callable[..., Server],
                                                       browser: Any) -> None:
    server = serve(evil_db)
    page = browser.new_page()
    watch = PageWatch(page, server.base)
    for path in ("/", "/dyad/PAK/USA", "/documents/evil-1", "/events", "/corpus"):
        page.goto(server.base + path)
        page.wait_for_load_state("networkidle")
    # The hostile article ran nothing: no handler fired, no dialog, nothing left the server.
    assert page.evaluate("() => window.__pwned") is None
    page.goto(server.base + "/dyad/PAK/USA")
    page.wait_for_selector("#timeline-chart .main-svg")
    assert page.locator("#timeline-chart .scatterlayer .trace").count() >= 1
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    # A click on a point of the timeline opens the sentences of that period.
    point = page.locator("#timeline-chart .scatterlayer .point").last
    box = point.bounding_box()
    assert box is not None
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert "/evidence/ev-" in page.url and "2025-03" in page.url
    assert page.locator("tr.event").count() >= 1
    assert watch.errors == [] and watch.offsite == [] and watch.dialogs == []
    page.close()
