"""A correction changes the tallies in the dashboard, the API and `bilateral gap` alike, and survives a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.web.conftest import PageWatch

if TYPE_CHECKING:
    from tests.web.conftest import Server

TOKEN = "correction-token"


def gap_json(db: Path) -> dict[str, Any]:
    """`bilateral gap PAK USA --format json` on the store (the server must be stopped: DuckDB locks the file)."""
    exe = Path(sys.executable).parent / "bilateral"
    res = subprocess.run([str(exe), "gap", "PAK", "USA", "--db", str(db), "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = json.loads(res.stdout)
    return out


def trade(profile: dict[str, Any], measure: str) -> int:
    """USA → PAK ``measure`` in the trade channel, from a profile's measures."""
    usa_pak = next(m for m in profile["measures"] if (m["source"], m["target"]) == ("USA", "PAK"))
    return int(usa_pak["by_channel"].get("trade", {}).get(measure, 0))


def ledger_cell(page: Any, cid: str) -> int:
    """The number a ledger cell of the dyad view shows (0 when it is not a link)."""
    link = page.locator(f"#{cid}")
    return int(link.inner_text()) if link.count() else 0


def test_correction_everywhere_and_after_restart(ref_db: Path, serve: Callable[..., Server], browser: Any,
                                                 tmp_path: Path) -> None:
    before_cli = gap_json(ref_db)
    denials, delivery = trade(before_cli, "denials"), trade(before_cli, "delivery")
    assert denials >= 2 and delivery == 0

    server = serve(ref_db, token=TOKEN)
    with server.client() as c:
        api_before = c.get("/api/dyads/PAK/USA").json()
        assert trade(api_before, "denials") == denials
        cell = c.get("/api/evidence/ev-USA-PAK-denials-trade").json()["events"]
        wrong_key, realized_key = cell[0]["key"], cell[1]["key"]

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = PageWatch(page, server.base)
    page.goto(f"{server.base}/dyad/PAK/USA")
    assert ledger_cell(page, "ev-USA-PAK-denials-trade") == denials
    # From the evidence view: open the event and mark it wrong with the small form (JS POST with the token).
    page.locator("#ev-USA-PAK-denials-trade").click()
    page.locator(f'tr.event[data-key="{wrong_key}"] a.event-link').click()
    page.wait_for_url(f"**/events/{wrong_key}")
    page.select_option("#correction-field", "wrong")
    page.select_option("#correction-value", "true")
    page.fill("#correction-note", "not a trade item: <b>checked</b>")
    page.fill("#write-token", TOKEN)
    with page.expect_navigation():
        page.click("#correction-submit")
    assert page.locator(".badge.wrong").is_visible()
    assert "not a trade item: <b>checked</b>" in page.locator("ol.corrections").inner_text()
    page.screenshot(path=str(tmp_path / "corrected-event.png"), full_page=True)

    # A second correction with the one-line form of the evidence view: that negated trade item was delivered.
    page.goto(f"{server.base}/evidence/ev-USA-PAK-denials-trade")
    assert page.locator(f'tr.event[data-key="{wrong_key}"]').count() == 0  # marked wrong: no longer counted
    row = page.locator(f'tr.event[data-key="{realized_key}"]')
    row.locator("select").select_option("status:realized")
    with page.expect_navigation():
        row.locator("button").click()
    assert page.locator(f'tr.event[data-key="{realized_key}"]').count() == 0

    with server.client() as c:
        detail = c.get(f"/api/events/{realized_key}").json()
        assert detail["original"]["status"] == "negated" and detail["event"]["status"] == "realized"
        api_after = c.get("/api/dyads/PAK/USA").json()
        assert trade(api_after, "denials") == denials - 2
        assert trade(api_after, "delivery") == 1
        negated = c.get("/api/events", params={"source": "USA", "target": "PAK", "status": "negated",
                                               "channel": "trade"}).json()
        assert negated["total"] == denials - 2
        keys = {e["key"] for e in c.get("/api/events", params={"page_size": 200}).json()["events"]}
        assert wrong_key not in keys and realized_key in keys
        exported = c.get("/api/corrections").json()
        assert {(x["event_key"], x["field"], x["value"]) for x in exported} == {
            (wrong_key, "wrong", "true"), (realized_key, "status", "realized")}

    page.goto(f"{server.base}/dyad/PAK/USA")
    assert ledger_cell(page, "ev-USA-PAK-denials-trade") == denials - 2
    assert ledger_cell(page, "ev-USA-PAK-delivery-trade") == 1
    page.screenshot(path=str(tmp_path / "dyad-after-correction.png"), full_page=True)
    assert watch.errors == [] and watch.offsite == []
    page.close()

    server.stop()
    # `bilateral gap` counts the same corrected events as the API did.
    after_cli = gap_json(ref_db)
    assert trade(after_cli, "denials") == denials - 2 and trade(after_cli, "delivery") == 1
    assert after_cli == {k: v for k, v in api_after.items() if k not in ("a_name", "b_name")}
    # …with the same options too.
    exe = Path(sys.executable).parent / "bilateral"
    res = subprocess.run([str(exe), "gap", "PAK", "USA", "--db", str(ref_db), "--format", "json", "--by", "quarter",
                          "--peers", "IND", "--horizon", "30", "--evidence", "2"], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    cli_options = json.loads(res.stdout)

    # A fresh server over the same file: the corrections are still there and still applied.
    again = serve(ref_db)
    with again.client() as c:
        api_options = c.get("/api/dyads/PAK/USA", params={"by": "quarter", "peers": "IND", "horizon": 30,
                                                          "evidence": 2}).json()
        assert cli_options == {k: v for k, v in api_options.items() if k not in ("a_name", "b_name")}
        restarted = c.get("/api/dyads/PAK/USA").json()
        assert trade(restarted, "denials") == denials - 2 and trade(restarted, "delivery") == 1
        assert len(c.get("/api/corrections").json()) == 2
        assert c.get(f"/api/events/{wrong_key}").json()["event"]["wrong"] is True
        csv_rows = c.get("/api/corrections.csv").text.strip().splitlines()
        assert len(csv_rows) == 3
        assert "&lt;b&gt;" not in c.get(f"/api/events/{wrong_key}").text  # JSON carries the note as given
        log = c.get("/corrections").text
        assert log.count('<td class="date">') == 2 and f"/events/{wrong_key}" in log
        assert "&lt;b&gt;checked&lt;/b&gt;" in log
        html = c.get(f"/events/{wrong_key}").text
        assert "&lt;b&gt;checked&lt;/b&gt;" in html and "<b>checked</b>" not in html
