"""The HTML report in headless Chromium with the network blocked: no console errors, charts drawn.

Uses Debian's Chromium (``/usr/bin/chromium``; ``make test`` installs it where missing)
driven by Playwright. The screenshot is saved in the test's temporary folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bilateral.analysis import dyad_profile
from bilateral.report.html import write_html
from bilateral.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def test_report_opens_offline_with_charts(events_store: Callable[[str], Store], tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = dyad_profile(events_store("small_dyad"), "KEN", "CHN", by="month")
    page_path = write_html(profile, tmp_path / "report.html", db_name="small_dyad.duckdb")

    console: list[str] = []
    blocked: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))

            def route(r: object) -> None:
                req = r.request  # type: ignore[attr-defined]
                if req.url.startswith("file:"):
                    r.continue_()  # type: ignore[attr-defined]
                else:
                    blocked.append(req.url)
                    r.abort()  # type: ignore[attr-defined]

            page.route("**/*", route)
            page.goto(page_path.as_uri())
            page.wait_for_selector("#chart-timeline .main-svg", timeout=30_000)
            page.wait_for_selector("#chart-peers .main-svg", timeout=30_000)
            assert page.locator("#chart-timeline .scatterlayer .trace").count() == 6  # 3 series, both ways
            assert page.locator("#chart-gap .main-svg").count() >= 1
            assert page.locator("#chart-peers .barlayer .trace").count() >= 2
            # the verdict and the headline numbers are those of the embedded data
            data = json.loads(page.locator("#bilateral-data").inner_text())
            assert page.locator(".verdict").inner_text().strip() != ""
            for d in data["measures"]:
                cid = f"ev-{d['source']}-{d['target']}-warmth-all"
                assert page.locator(f'table a[href="#{cid}"]').first.inner_text() == str(d["warmth"])
            # a figure leads to its evidence sentences
            page.locator('table a[href="#ev-CHN-KEN-delivery-finance"]').first.click()
            cell = page.locator("#ev-CHN-KEN-delivery-finance")
            assert cell.is_visible() and "disbursed the loan" in cell.locator("mark").first.inner_text()
            # a point of the timeline leads to the sentences of that month
            target = "ev-CHN-KEN-delivery-all-2024-03"
            page.evaluate(
                "c => document.getElementById('chart-timeline').emit('plotly_click', {points: [{customdata: c}]})",
                target,
            )
            assert page.evaluate("() => location.hash") == f"#{target}"
            assert "disbursed the loan" in page.locator(f"#{target}").inner_text()
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert console == [], console
    assert blocked == [], blocked
    assert (tmp_path / "report.png").stat().st_size > 10_000
