"""`bilateral compare` on the GDELT look-alike's fixture, against golden files; and the pairing rule.

The run goes through the look-alike acting as an HTTP proxy (as behind a company proxy), so the
stored URLs are ``http://news.test/...`` whatever port the server got. Set ``UPDATE_GOLDEN=1`` to
rewrite the golden files after an intended change (of the coder, too: the fixture articles are
coded by it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilateral.analysis.gdelt_compare import Side, pair_events
from bilateral.cli import main

from .conftest import PROXIED_SITE, GdeltSite, proxy_env

GOLDEN = Path(__file__).resolve().parent / "golden"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file (UPDATE_GOLDEN=1)"


@pytest.fixture
def compared_db(proxied_site: GdeltSite, tmp_path: Path) -> Path:
    db = tmp_path / "g.duckdb"
    res = CliRunner().invoke(main, ["gdelt", "Pakistan", "USA", "--since", "2024-03-04", "--until", "2024-03-05",
                                    "--db", str(db), "--delay", "0", "--no-progress"],
                             env=proxy_env(proxied_site, tmp_path / "cache"))
    assert res.exit_code == 0, res.output
    assert f"{PROXIED_SITE}/private/secret.html: disallowed by robots.txt" in res.output
    assert proxied_site.article_hits()["/news/talks.html"] == 1
    return db


def test_compare_output_matches_the_golden_files(compared_db: Path) -> None:
    table = CliRunner().invoke(main, ["compare", "PAK", "USA", "--db", str(compared_db)])
    assert table.exit_code == 0, table.output
    _golden("compare_pak_usa.txt", table.output)
    as_json = CliRunner().invoke(main, ["compare", "United States", "Pakistan", "--db", str(compared_db),
                                        "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    _golden("compare_usa_pak.json", as_json.output)


def test_compare_respects_the_period_and_needs_a_database(compared_db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["compare", "PAK", "USA", "--db", str(compared_db), "--since", "2024-03-05",
                                    "--format", "json"])
    assert '"articles_cited": 5,' in res.output  # the rows of 5 March: flaky, jets, talks, dead, aid-delivered
    assert '"articles_both": 4,' in res.output
    missing = CliRunner().invoke(main, ["compare", "PAK", "USA", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1
    assert "no such database" in missing.output
    unknown = CliRunner().invoke(main, ["compare", "Atlantis", "USA", "--db", str(compared_db)])
    assert unknown.exit_code == 2
    assert "unknown actor 'Atlantis'" in unknown.output


def _side(key: str, src: str, tgt: str, cameo: str, quad: int, gdelt: bool) -> Side:
    return Side(key, "d", src, tgt, cameo, quad, "realized", None, gdelt_id=key if gdelt else None)


def test_pairing_prefers_the_same_root_code_then_direction_then_quadclass() -> None:
    g1 = _side("1", "USA", "PAK", "071", 2, True)
    g2 = _side("2", "PAK", "USA", "040", 1, True)
    o1 = _side("a", "PAK", "USA", "043", 1, False)  # root 04 and direction of g2
    o2 = _side("b", "USA", "PAK", "0331", 1, False)  # nothing but the direction of g1
    o3 = _side("c", "USA", "PAK", "111", 3, False)
    pairs = pair_events([g1, g2], [o1, o2, o3])
    assert pairs[:2] == [(g1, o2), (g2, o1)]
    assert pairs[2:] == [(None, o3)]
    assert pair_events([g1], []) == [(g1, None)]


def test_dashboard_shows_the_comparison_with_links(compared_db: Path) -> None:
    import json
    import socket
    import subprocess
    import time

    import httpx

    from .conftest import REPO, cli

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_PROXY": "127.0.0.1"}
    server = subprocess.Popen(cli("serve", "--db", str(compared_db), "--port", str(port)), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        with httpx.Client(trust_env=False, timeout=10) as client:
            while True:
                try:
                    client.get(f"{base}/api/health")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                    time.sleep(0.2)
            page = client.get(f"{base}/compare/PAK/USA")
            api = client.get(f"{base}/api/compare/USA/PAK")
            dyad = client.get(f"{base}/dyad/PAK/USA")
            bad = client.get(f"{base}/compare/PAK/USA?since=yesterday")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert page.status_code == 200
    html = page.text
    assert "QuadClass agrees in 7 of 9 pairs; direction in 8." in html
    assert "we code 2 intended, 0 hypothetical, 1 negated" in html
    assert html.count('class="compare-row') == 13
    # the negated deed drills down to its article, sentence marked, and to both events
    golden = json.loads((GOLDEN / "compare_usa_pak.json").read_text(encoding="utf-8"))
    assert api.json() == golden
    negated = next(r for r in golden["rows"] if r["verdict"] == "GDELT deed, ours negated")
    assert f'href="/documents/{negated["doc_id"]}?event={negated["ours"]["key"]}#s0"' in html
    assert f'href="/events/{negated["gdelt"]["key"]}"' in html and f'href="/events/{negated["ours"]["key"]}"' in html
    assert 'href="/compare/PAK/USA"' in dyad.text
    assert bad.status_code == 422


def test_report_has_the_gdelt_section_in_html_and_markdown(compared_db: Path, tmp_path: Path) -> None:
    html_path, md_path = tmp_path / "r.html", tmp_path / "r.md"
    for out in (html_path, md_path):
        res = CliRunner().invoke(main, ["report", "PAK", "USA", "--db", str(compared_db), "-o", str(out)])
        assert res.exit_code == 0, res.output
    html = html_path.read_text(encoding="utf-8")
    section = html[html.index('<h2 id="gdelt">'):html.index('<h2 id="evidence">')]
    assert "QuadClass agrees in\n7 of 9 pairs, direction in 8." in section
    assert "we code 2 intended, 0 hypothetical, 1 negated." in section
    assert section.count("<tr>") == 14  # the header and 13 rows
    assert "Pakistan has not <mark>received the F-16 fighter jets</mark> from the United States." in section
    assert 'href="http://news.test/news/jets-denied.html"' in section
    md = md_path.read_text(encoding="utf-8")
    assert md.index("## GDELT against our coding") < md.index("## Evidence")
    assert "| GDELT deed, ours negated |" in md
