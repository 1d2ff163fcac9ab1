"""GDELT 2.0, ICEWS and POLECAT files imported straight into the events table."""

from __future__ import annotations

from pathlib import Path

from bilateral.coding import Coder
from bilateral.ingest import CodedDocument, ReadIssue, ingest_paths, read_path, reader_for
from bilateral.ingest.eventfiles import channel_for, country_code, normalize_cameo, sector_code
from bilateral.ingest.gdelt import GDELT_COLUMNS
from bilateral.store import Store


def test_gdelt_rows(fixtures: Path, store: Store) -> None:
    path = fixtures / "events" / "sample.export.CSV"
    assert reader_for(path).name == "gdelt"  # type: ignore[union-attr]
    result = ingest_paths([path], store, Coder())
    assert (result.documents_added, result.events, result.errors) == (3, 3, [])
    ev = store.events(source="CHN")[0]
    assert (ev.id, ev.target, ev.source_sector, ev.cameo, ev.plover, ev.quad_class, ev.goldstein) == (
        "gdelt-1154330001", "KEN", "GOV", "071", "AID", 2, 7.4)
    assert (ev.status, ev.channel, ev.date) == ("realized", "aid", "2024-03-05")
    assert ev.sentence == "GLOBALEVENTID 1154330001 SOURCEURL https://news.example.org/world/china-kenya-aid"
    assert ev.span == (0, len(ev.sentence))
    (sent,) = store.sentences("gdelt-1154330001")
    assert sent.text == ev.sentence
    assert ingest_paths([path], store, Coder()).events == 0


def test_gdelt_bad_rows_are_one_line_each(fixtures: Path) -> None:
    path = fixtures / "events" / "with_bad_rows.export.CSV"
    items = list(read_path(path))
    assert isinstance(items[0], CodedDocument)
    assert [str(i) for i in items[1:]] == [
        f"{path}:2: expected 61 tab-separated columns, got 3",
        f"{path}:3: bad EventCode 'abc'",
    ]


def test_gdelt_file_with_a_bad_first_line_is_not_gdelt(tmp_path: Path) -> None:
    path = tmp_path / "x.export.CSV"
    path.write_text("hello\tworld\n", encoding="utf-8")
    (issue,) = list(read_path(path))
    assert isinstance(issue, ReadIssue) and issue.reason.startswith("not a GDELT 2.0 events file (line 1:")


def test_icews(fixtures: Path, store: Store) -> None:
    path = fixtures / "events" / "icews.2018.sample.tab"
    assert reader_for(path).name == "icews"  # type: ignore[union-attr]
    result = ingest_paths([path], store, Coder())
    assert (result.documents_added, result.events) == (3, 3)
    assert [str(e) for e in result.errors] == [f"{path}:5: unknown CAMEO Code '0999'"]
    jpn = store.events(source="JPN")[0]
    assert (jpn.target, jpn.source_sector, jpn.cameo, jpn.quad_class, jpn.goldstein, jpn.date) == (
        "IND", "GOV", "051", 1, 3.4, "2018-03-01")
    assert jpn.sentence.startswith("ICEWS event 26900001 (2018-03-01, story 48100001, sentence 2, The Hindu)")
    assert store.events(source="BGD")[0].channel == "aid"
    # the same Event ID on another date is another event
    assert store.events(source="PAK")[0].id == "icews-26900001-2018-03-02"


def test_polecat_both_intensity_names(fixtures: Path, store: Store) -> None:
    old = fixtures / "events" / "ngecEvents.20230103111842.Release603.DV.txt"
    new = fixtures / "events" / "ngecEvents.20240110000000.Release700.DV.txt"
    assert reader_for(old).name == reader_for(new).name == "polecat"  # type: ignore[union-attr]
    result = ingest_paths([old, new], store, Coder())
    assert result.events == 3
    assert [str(e) for e in result.errors] == [f"{old}:4: unknown Event Type 'NOT_A_TYPE'"]
    aid = store.events(source="JPN")[0]
    assert (aid.target, aid.plover, aid.cameo, aid.quad_class, aid.goldstein, aid.channel) == (
        "LKA", "AID", "071", 2, 7.0, "aid")
    coop = store.events(source="IND")[0]
    assert (coop.plover, coop.cameo, coop.goldstein) == ("COOPERATE", "061", 6.0)
    assert coop.sentence.endswith("India and Japan signed a rail investment pact.")


def test_helpers() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert country_code("Bangladesh") == "BGD" and country_code("United States") == "USA"
    assert country_code("USA") == "USA" and country_code("Atlantis") is None and country_code("") is None
    assert country_code("Burma") == "MMR" and country_code("Czechia") == "CZE"  # via the actor dictionary
    assert sector_code("Executive,Government") == "GOV" and sector_code("Nothing") is None
    assert [normalize_cameo(c) for c in ("42", "042", "7", "120", "421", "1011", "x")] == [
        "042", "042", "07", "120", "0421", "1011", None]
    assert channel_for("071") == "aid"


def test_gdelt_zip_download(fixtures: Path, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "20240305093000.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.write(fixtures / "events" / "sample.export.CSV", "20240305093000.export.CSV")
    assert [d.id for d in read_path(path) if isinstance(d, CodedDocument)] == [
        "gdelt-1154330001", "gdelt-1154330002", "gdelt-1154330003"]
    bad = tmp_path / "x.export.CSV.zip"
    bad.write_bytes(b"not a zip")
    (issue,) = list(read_path(bad))
    assert isinstance(issue, ReadIssue) and issue.reason.startswith("broken zip file")

