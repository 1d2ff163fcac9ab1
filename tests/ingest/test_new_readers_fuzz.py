"""Hypothesis: the new readers never crash on odd input; every problem is a ReadIssue (one line)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.ingest import FieldMap, ReadIssue, ReadOptions, read_path
from bilateral.ingest.gdelt import GDELT_COLUMNS
from bilateral.model import Document

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(name: str, data: bytes, options: ReadOptions | None = None) -> list[Document | ReadIssue]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_path(path, options=options))
    for item in items:
        if isinstance(item, ReadIssue):
            assert "\n" not in str(item) and str(item).startswith(str(path))
        else:
            assert item.text.strip() and item.id
    return items


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    for name in ("x.html", "x.rss", "x.csv", "x.export.CSV", "x.csv.gz", "x.tab", "x.urls"):
        _read(name, data)


@SETTINGS
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30), min_size=1, max_size=5))
def test_feed_item_texts(texts: list[str]) -> None:
    from xml.sax.saxutils import escape

    items = "".join(f"<item><title>t{i}</title><description>{escape(t)}</description></item>"
                    for i, t in enumerate(texts))
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>{items}</channel></rss>'
    got = _read("f.rss", data.encode("utf-8"))
    assert len(got) == len(texts)


@SETTINGS
@given(st.lists(st.tuples(st.text(max_size=20), st.text(max_size=40)), max_size=6))
def test_csv_rows_with_mapping(rows: list[tuple[str, str]]) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["key", "body"])
    w.writerows(rows)
    got = _read("d.csv", buf.getvalue().encode("utf-8"), ReadOptions(fields=FieldMap(text="body", id="key")))
    docs = [d for d in got if isinstance(d, Document)]
    assert len(docs) <= len(rows)


@SETTINGS
@given(st.lists(st.text(alphabet="0123456789.-ABCXYZ", max_size=6), min_size=61, max_size=61))
def test_gdelt_rows_with_any_fields(fields: list[str]) -> None:
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update({"GLOBALEVENTID": "1", "SQLDATE": "20240101", "EventCode": "010", "QuadClass": "1",
                "GoldsteinScale": "0", "SOURCEURL": "u"})
    first = [row[c] for c in GDELT_COLUMNS]
    data = ("\t".join(first) + "\n" + "\t".join(fields) + "\n").encode("utf-8")
    got = _read("g.export.CSV", data)
    assert isinstance(got[0], Document)
    assert len(got) == (2 if any(fields) else 1)  # a row of empty fields is a blank line
