"""GDELT's file lists and export files: parsers (with hypothesis), the 1.0 layout, damaged input, the cache."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.ingest.eventfiles import CodedDocument
from bilateral.ingest.fetch import Fetcher, FetchError
from bilateral.ingest.gdelt_files import (
    GdeltFile,
    choose_layout,
    dyad_rows,
    fetch_file,
    parse_daily_index,
    parse_master_list,
    period_files,
    widen_v1,
)
from bilateral.ingest.registry import ReadError, ReadIssue

from .conftest import FIXTURE, GdeltSite, v1_row

LIST = "http://mirror.test/gdelt/gdeltv2/masterfilelist.txt"
stamps = st.datetimes(min_value=datetime(2015, 2, 19), max_value=datetime(2030, 1, 1)).map(
    lambda d: d.strftime("%Y%m%d%H%M%S"))


@given(st.lists(st.tuples(st.integers(0, 10**9), stamps, st.sampled_from(["export.CSV.zip", "mentions.CSV.zip",
                                                                           "gkg.csv.zip"])), max_size=30),
       st.lists(st.text(max_size=80), max_size=10))
@settings(max_examples=100, deadline=None)
def test_master_list_keeps_exactly_the_export_lines(entries: list[tuple[int, str, str]], junk: list[str]) -> None:
    lines = [f"{size} {hashlib.md5(stamp.encode()).hexdigest()} http://data.gdeltproject.org/gdeltv2/{stamp}.{kind}"
             for size, stamp, kind in entries]
    files = list(parse_master_list(iter(lines + junk), LIST))
    exports = [(size, stamp) for size, stamp, kind in entries if kind == "export.CSV.zip"]
    assert [(f.size, f.name[:14]) for f in files[:len(exports)]] == exports
    for f in files[:len(exports)]:
        assert f.url == f"http://mirror.test/gdelt/gdeltv2/{f.name}"  # the list's folder, not GDELT's host
        assert f.layout == "15min" and f.day.strftime("%Y%m%d") == f.name[:8]
    assert all(f.name.endswith(".export.CSV.zip") for f in files)  # junk lines yield nothing else


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_list_parsers_never_raise_on_garbage(text: str) -> None:
    list(parse_master_list(iter(text.splitlines()), LIST))
    list(parse_daily_index(text, "http://x.test/events/index.html"))


def test_daily_index_reads_links_and_md5() -> None:
    html = ('<UL><LI><A HREF="20240304.export.CSV.zip">20240304.export.CSV.zip</A> 9.1MB '
            '0123456789abcdef0123456789abcdef</LI>\n<li><a href="GDELT.MASTERREDUCEDV2.1979-2013.zip">x</a>\n'
            "<LI><A HREF='http://data.gdeltproject.org/events/20240305.export.CSV.zip'>x</A></LI></UL>")
    files = list(parse_daily_index(html, "http://m.test/events/index.html"))
    assert [(f.name, f.url, f.md5) for f in files] == [
        ("20240304.export.CSV.zip", "http://m.test/events/20240304.export.CSV.zip", "0123456789abcdef0123456789abcdef"),
        ("20240305.export.CSV.zip", "http://m.test/events/20240305.export.CSV.zip", None),
    ]


def test_layout_choice() -> None:
    assert choose_layout(date(2024, 3, 1), date(2024, 3, 7)) == "15min"
    assert choose_layout(date(2024, 3, 1), date(2024, 3, 8)) == "daily"
    assert choose_layout(date(2014, 3, 1), date(2014, 3, 1)) == "daily"  # before GDELT 2.0
    assert choose_layout(date(2024, 1, 1), date(2024, 12, 31), "15min") == "15min"


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\t\r\n"), max_size=5), min_size=58,
                max_size=58))
def test_widen_v1_keeps_every_field_and_adds_empty_adm2(fields: list[str]) -> None:
    wide = widen_v1(fields)
    assert len(wide) == 61
    assert wide[39] == wide[47] == wide[55] == ""
    assert [f for i, f in enumerate(wide) if i not in (39, 47, 55)] == fields


def _zip(path: Path, text: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(path.name.removesuffix(".zip"), text)
    return path


def test_dyad_rows_of_both_layouts_agree(tmp_path: Path) -> None:
    text = (FIXTURE / "exports" / "20240305000000.export.tsv").read_text(encoding="utf-8").replace("{SITE}", "http://s")
    v2 = _zip(tmp_path / "20240305000000.export.CSV.zip", text)
    v1 = _zip(tmp_path / "20240305.export.CSV.zip", "\n".join(v1_row(line) for line in text.splitlines()))
    ids = {}
    for path, layout in ((v2, "15min"), (v1, "daily")):
        docs = list(dyad_rows(path, "http://s/f.zip", "USA", "PAK", layout))  # type: ignore[arg-type]
        assert all(isinstance(d, CodedDocument) for d in docs)
        ids[layout] = [(d.id, d.events[0].source, d.events[0].target, d.events[0].cameo) for d in docs
                       if isinstance(d, CodedDocument)]
    assert ids["15min"] == ids["daily"]
    assert len(ids["15min"]) == 5


def test_bad_rows_are_one_issue_each_and_a_broken_zip_is_an_error(tmp_path: Path) -> None:
    good = (FIXTURE / "exports" / "20240305120000.export.tsv").read_text(encoding="utf-8").strip()
    fields = good.split("\t")
    bad_code = "\t".join([*fields[:26], "x7", *fields[27:]])
    path = _zip(tmp_path / "a.export.CSV.zip", "short\trow\n" + good + "\n" + bad_code + "\n")
    items = list(dyad_rows(path, "http://s/a.zip", "PAK", "USA", "15min"))
    assert [str(i) for i in items if isinstance(i, ReadIssue)] == [
        "http://s/a.zip:1: expected 61 tab-separated columns, got 2",
        "http://s/a.zip:3: bad EventCode 'x7'",
    ]
    assert sum(isinstance(i, CodedDocument) for i in items) == 1
    broken = tmp_path / "b.export.CSV.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="broken zip file"):
        list(dyad_rows(broken, "http://s/b.zip", "PAK", "USA", "15min"))


def test_a_download_that_differs_from_its_list_is_deleted_and_reported(gdelt_site: GdeltSite, tmp_path: Path) -> None:
    name = "20240304000000.export.CSV.zip"
    body = gdelt_site.files[f"/gdeltv2/{name}"][1]
    wrong = GdeltFile(f"{gdelt_site.base}/gdeltv2/{name}", name, date(2024, 3, 4), "15min", len(body),
                      "0" * 32)
    with Fetcher(retries=0) as fetcher, pytest.raises(FetchError, match=r"download damaged \(MD5 differs"):
        fetch_file(fetcher, wrong, tmp_path)
    assert not (tmp_path / wrong.cache_path).exists()
    right = GdeltFile(wrong.url, name, wrong.day, "15min", len(body), hashlib.md5(body).hexdigest())
    with Fetcher(retries=0) as fetcher:
        assert fetch_file(fetcher, right, tmp_path) == (tmp_path / right.cache_path, True)
        assert fetch_file(fetcher, right, tmp_path) == (tmp_path / right.cache_path, False)
    assert gdelt_site.hits[f"/gdeltv2/{name}"] == 2


def test_the_list_is_fetched_again_only_when_it_does_not_reach_the_period(gdelt_site: GdeltSite,
                                                                          tmp_path: Path) -> None:
    with Fetcher(retries=0) as fetcher:
        files = period_files(fetcher, gdelt_site.base, "15min", date(2024, 3, 4), date(2024, 3, 4), tmp_path)
        assert [f.name[:14] for f in files] == ["20240304000000", "20240304001500"]
        period_files(fetcher, gdelt_site.base, "15min", date(2024, 3, 5), date(2024, 3, 6), tmp_path)
        assert gdelt_site.hits["/gdeltv2/masterfilelist.txt"] == 1  # the cached list reaches 6 March
        period_files(fetcher, gdelt_site.base, "15min", date(2024, 3, 6), date(2024, 3, 7), tmp_path)
    assert gdelt_site.hits["/gdeltv2/masterfilelist.txt"] == 2  # asked again, conditionally
    assert gdelt_site.not_modified == 1
    assert (tmp_path / "gdeltv2" / "masterfilelist.txt").stat().st_size > 0
    with pytest.raises(FetchError, match="not cached"):
        period_files(None, gdelt_site.base, "daily", date(2024, 3, 4), date(2024, 3, 4), tmp_path)


_field = st.text(alphabet=st.characters(blacklist_characters="\t\r\n", blacklist_categories=("Cs",)), max_size=6)


@given(st.lists(st.one_of(st.lists(_field, min_size=55, max_size=62),
                          st.lists(st.sampled_from(["PAK", "USA", "", "071", "2", "x"]), min_size=61, max_size=61)),
                max_size=12))
@settings(max_examples=60, deadline=None)
def test_dyad_rows_turn_any_row_into_an_event_or_one_issue(rows: list[list[str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = _zip(Path(tmp) / "h.export.CSV.zip", "\n".join("\t".join(r) for r in rows) + "\n")
        for layout in ("15min", "daily"):
            for item in dyad_rows(path, "http://s/h.zip", "PAK", "USA", layout):  # type: ignore[arg-type]
                if isinstance(item, ReadIssue):
                    assert item.origin.startswith("http://s/h.zip:") and "\n" not in item.reason
                else:
                    assert isinstance(item, CodedDocument)
                    assert {item.events[0].source, item.events[0].target} == {"PAK", "USA"}
