"""The pure helpers of the dashboard: evidence highlighting, article marking, cell ids."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.analysis import cell_id
from bilateral.web.dyad import parse_cell, period_kind
from bilateral.web.markup import highlight, mark_document


def test_highlight_splits_and_clamps() -> None:
    assert highlight("The US praised Pakistan.", (7, 14)) == ("The US ", "praised", " Pakistan.")
    assert highlight("short", (3, 99)) == ("sho", "rt", "")
    assert highlight("short", (9, 2)) == ("short", "", "")


def _ev(key: str, idx: int, span: tuple[int, int], sentence: str) -> dict[str, Any]:
    return {"key": key, "doc_sentence": idx, "span": list(span), "sentence": sentence}


def test_mark_document_marks_every_event_and_overlaps() -> None:
    s0, s1 = "Title line", "The US praised and thanked Pakistan."
    text = f"{s0}\n{s1}\n"
    sentences = [{"idx": 0, "text": s0, "start": 0, "end": len(s0)},
                 {"idx": 1, "text": s1, "start": len(s0) + 1, "end": len(s0) + 1 + len(s1)}]
    events = [_ev("a", 1, (7, 26), s1), _ev("b", 1, (19, 26), s1)]
    pieces = mark_document(text, sentences, events)
    assert "".join(p.text for p in pieces) == text
    marked = [(p.text, p.events) for p in pieces if p.events]
    assert marked == [("praised and ", ["a"]), ("thanked", ["a", "b"])]
    assert [p.anchor for p in pieces if p.anchor is not None] == [0, 1]


def test_mark_document_finds_moved_sentences_and_skips_unknown() -> None:
    text = "  Pakistan was praised.  "
    sentences = [{"idx": 0, "text": "Pakistan was praised.", "start": 0, "end": 5}]  # stale offsets
    pieces = mark_document(text, sentences, [_ev("a", 0, (13, 20), "Pakistan was praised."),
                                             _ev("z", 7, (0, 3), "nowhere")])
    assert [(p.text, p.events) for p in pieces if p.events] == [("praised", ["a"])]
    assert "".join(p.text for p in pieces) == text


def test_cell_ids_round_trip() -> None:
    for args in (("USA", "PAK", "denials", "trade", None), ("USA", "PAK", "warmth", None, "2024-05"),
                 ("PAK", "USA", "promises", None, "2024-Q2"), ("USA", "IND", "delivery", "trade", "2024-04-29")):
        cell = parse_cell(cell_id(*args))
        assert cell is not None
        assert (cell["source"], cell["target"], cell["measure"], cell["channel"], cell["period"]) == args
    assert parse_cell("ev-USA-PAK-nonsense-trade") is None
    assert parse_cell("USA-PAK") is None
    assert [period_kind(p) for p in (None, "2024", "2024-Q2", "2024-05", "2024-04-29")] == [
        "month", "year", "quarter", "month", "week"]


def test_start_message_says_where_it_listens() -> None:
    from bilateral.web.server import start_message

    local = start_message("x.duckdb", "127.0.0.1", 8765, False)
    assert local.startswith("bilateral dashboard on http://127.0.0.1:8765/ (this machine only)")
    assert "read-only" in local
    wide = start_message("x.duckdb", "0.0.0.0", 80, True)
    assert "reachable from other machines" in wide and "corrections enabled" in wide
    assert "http://[::1]:8765/" in start_message("x.duckdb", "::1", 8765, False)


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "bilateral"
    res = subprocess.run([str(exe), "serve", "--db", str(tmp_path / "none.duckdb")], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 1 and "no such database" in res.stderr


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6))
@settings(max_examples=200, deadline=None)
def test_mark_document_keeps_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    sentences = [{"idx": 0, "text": text, "start": 0, "end": len(text)}] if text else []
    events = [_ev(f"k{i}", 0, span, text) for i, span in enumerate(spans)]
    pieces = mark_document(text, sentences, events)
    assert "".join(p.text for p in pieces) == text
    for p in pieces:
        for k in p.events:
            s, t = spans[int(k[1:])]
            assert s < t and s < len(text)  # only spans with text in them mark anything
