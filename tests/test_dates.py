"""Document dates: metadata, then the dateline, then --date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.dates import dateline_date, normalize_date, resolve_date
from bilateral.store import Store


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-03-04", "2024-03-04"),
        ("2024-03-04T10:00:00Z", "2024-03-04"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("March 3, 2020", "2020-03-03"),
        ("Tue, 03 Mar 2020 10:00:00 GMT", "2020-03-03"),
        ("20200303", "2020-03-03"),
        ("20200303101500", "2020-03-03"),
        ("13/04/2020", "2020-04-13"),
        ("03/04/2020", None),  # ambiguous day/month
        ("yesterday", None),
        ("", None),
        (None, None),
        (date(2021, 5, 6), "2021-05-06"),
    ],
)
def test_normalize_date(raw: object, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    ("text", "hint", "iso"),
    [
        ("WASHINGTON, March 3 (Reuters) - The United States said ...", 2024, "2024-03-03"),
        ("    SALVADOR, Feb 26 - Showers continued throughout the week", 1987, "1987-02-26"),
        ("Feb 26 - Cocoa prices rose in 1987 trading.", None, "1987-02-26"),
        ("NEW YORK, Feb 26, 2021 -- Stocks fell.", None, "2021-02-26"),
        ("Headline on its own line\nISLAMABAD, Sept 9 - Talks began.", 2023, "2023-09-09"),
        ("Talks began on March 3 in Washington.", 2024, None),  # not a dateline
        ("LONDON, Feb 30 - no such day", 2024, None),
        ("Feb 26 - no year anywhere", None, None),
    ],
)
def test_dateline(text: str, hint: int | None, iso: str | None) -> None:
    assert dateline_date(text, hint) == iso


def test_resolve_order_metadata_then_dateline_then_default() -> None:
    text = "TOKYO, Jan 5 (Kyodo) - Japan and India held talks."
    assert resolve_date("2024-02-01", text, "2020-01-01") == "2024-02-01"
    assert resolve_date(None, text, "2023-06-30") == "2023-01-05"  # year from --date
    assert resolve_date(None, "No dateline here.", "2023-06-30") == "2023-06-30"
    assert resolve_date("garbage", "No dateline.", None) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_iso_and_compact_round_trip(day: date) -> None:
    assert normalize_date(day.isoformat()) == day.isoformat()
    assert normalize_date(day.strftime("%Y%m%d")) == day.isoformat()
    assert normalize_date(day.strftime("%B %d, %Y")) == day.isoformat()
    assert dateline_date(f"PARIS, {day.strftime('%b')} {day.day} (AFP) - text", day.year) == day.isoformat()


@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    out = normalize_date(text)
    assert out is None or len(out) == 10
    line = dateline_date(text, 2020)
    assert line is None or len(line) == 10
    from bilateral.dates import sentence_date

    said = sentence_date(text)
    assert said is None or len(said) == 10


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The pact signed on March 3, 2019 expired.", "2019-03-03"),
        ("On 5 June 2021 India and Japan met.", "2021-06-05"),
        ("Talks on 2020-01-02 and again on March 3, 2019.", None),  # two dates: keep the document's
        ("India praised Japan on Tuesday.", None),
        ("In March 2020 they met.", None),
    ],
)
def test_sentence_date(sentence: str, iso: str | None) -> None:
    from bilateral.dates import sentence_date

    assert sentence_date(sentence) == iso


def test_events_take_the_sentence_date(tmp_path: Path, store: Store) -> None:
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_paths

    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "s1", "date": "2024-05-01", "text": (
        "Japan praised India on Monday. India and Japan signed a trade agreement on March 3, 2019.")}) + "\n",
        encoding="utf-8")
    ingest_paths([dump], store, Coder())
    dates = {(e.doc_sentence, e.date) for e in store.events()}
    assert (0, "2024-05-01") in dates and (1, "2019-03-03") in dates
