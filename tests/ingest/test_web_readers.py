"""HTML pages, RSS/Atom feeds and CSV/JSONL dumps with a field mapping: real files in tests/fixtures."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bilateral.ingest import FieldMap, ReadError, ReadIssue, ReadOptions, read_path, reader_for
from bilateral.ingest.html import HtmlReader
from bilateral.model import Document


def _docs(items: list[Document | ReadIssue]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_html_extracts_article_and_metadata(fixtures: Path) -> None:
    (doc,) = list(read_path(fixtures / "web" / "japan_india_tariffs.html"))
    assert isinstance(doc, Document)
    assert doc.title == "Japan cuts tariffs on Indian textiles after Delhi talks"
    assert doc.date == "2024-03-03"
    assert doc.meta == {"author": "Ravi Kumar", "site": "Asia Trade Daily"}
    assert doc.text.startswith("NEW DELHI, March 3 (Reuters) - Japan cut tariffs")
    assert doc.id.startswith("html-") and len(doc.id) == 21
    for boilerplate in ("reader comment", "Subscribe", "Copyright", "Markets", "Home"):
        assert boilerplate not in doc.text


def test_html_without_article_is_one_issue(fixtures: Path) -> None:
    path = fixtures / "web" / "not_an_article.html"
    (issue,) = list(read_path(path))
    assert str(issue) == f"{path}: no article text found in the HTML"
    with pytest.raises(ReadError):
        list(HtmlReader().read(path))


def test_html_date_falls_back_to_dateline_and_option(fixtures: Path, store: object) -> None:
    from bilateral.ingest import ingest_paths

    class NoEvents:
        def code_document(self, doc: Document) -> tuple[list[object], list[object]]:
            return [], []

    page = fixtures / "web" / "pakistan_us_talks.html"
    (doc,) = _docs(list(read_path(page)))
    assert doc.date is None  # no metadata date, and no guess from the copyright year
    ingest_paths([page], store, NoEvents(), options=ReadOptions(default_date="2024-03-10"))  # type: ignore[arg-type]
    rows = store.connection.execute("SELECT date FROM documents").fetchall()  # type: ignore[attr-defined]
    assert rows == [("2024-02-26",)]  # "ISLAMABAD, Feb 26 -", year from --date


def test_rss_and_atom(fixtures: Path) -> None:
    items = list(read_path(fixtures / "feeds" / "world.rss"))
    docs = _docs(items)
    assert [d.title for d in docs] == ["China pledges aid to Kenya", "Brazil praises Argentina"]
    assert docs[0].text == (
        "China pledged economic aid to Kenya on Tuesday for roads and ports.\nKenya welcomed the offer.")
    assert docs[0].url == "https://news.example.org/world/china-kenya-aid"
    assert [d.date for d in docs] == ["2024-03-05", "2024-03-06"]
    issues = [str(i) for i in items if isinstance(i, ReadIssue)]
    assert issues == [f"{fixtures / 'feeds' / 'world.rss'}#entry 3: no text"]
    (atom,) = _docs(list(read_path(fixtures / "feeds" / "asia.atom")))
    assert atom.text == "India and Japan held talks in Tokyo on Thursday." and atom.date == "2024-03-07"
    assert atom.url == "https://asia.example.org/india-japan" and atom.meta["author"] == "Asia Desk"


def test_broken_feed_is_one_line(fixtures: Path) -> None:
    path = fixtures / "feeds" / "broken.rss"
    (issue,) = list(read_path(path))
    assert isinstance(issue, ReadIssue) and str(issue).startswith(f"{path}: not an RSS/Atom feed")
    assert "\n" not in str(issue)


def test_xml_file_is_a_feed_only_if_it_looks_like_one(tmp_path: Path, fixtures: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_bytes((fixtures / "feeds" / "asia.atom").read_bytes())
    other = tmp_path / "config.xml"
    other.write_text("<config><a>1</a></config>", encoding="utf-8")
    assert reader_for(feed) is not None and reader_for(feed).name == "rss"  # type: ignore[union-attr]
    assert reader_for(other) is None


def _write_dump(tmp_path: Path) -> tuple[Path, Path, Path]:
    rows = [
        {"uid": "a1", "body": "China pledged aid to Kenya.", "published": "05 Mar 2024", "headline": "Aid",
         "link": "https://x.example/a1", "lang": "en"},
        {"uid": "a2", "body": "Brazil praised Argentina.", "published": "2024-03-06", "headline": "Praise"},
        {"uid": "a3", "body": "", "published": "2024-03-07"},
    ]
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    gz = tmp_path / "dump.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    csv_path = tmp_path / "dump.csv.gz"
    lines = ["uid,body,published,headline,link"] + [
        f'{r["uid"]},"{r["body"]}",{r["published"]},{r.get("headline", "")},{r.get("link", "")}' for r in rows
    ]
    csv_path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return jsonl, gz, csv_path


def test_field_mapping_jsonl_and_csv_gzip(tmp_path: Path) -> None:
    opts = ReadOptions(fields=FieldMap(text="body", id="uid", date="published", title="headline", url="link"))
    for path in _write_dump(tmp_path):
        items = list(read_path(path, options=opts))
        docs = _docs(items)
        assert [d.id for d in docs] == ["a1", "a2"], path
        assert docs[0].title == "Aid" and docs[0].url == "https://x.example/a1" and docs[0].date == "2024-03-05"
        (issue,) = [i for i in items if isinstance(i, ReadIssue)]
        line = 4 if ".csv" in path.name else 3  # the CSV header is line 1
        assert issue.origin == f"{path}:{line}" and "'body'" in issue.reason, path


def test_csv_without_the_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    (issue,) = list(read_path(path))
    assert str(issue) == f"{path}: no 'text' column (columns: a, b)"


def test_csv_default_columns_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("text\tdate\nIndia and Japan held talks.\t2024-01-02\n", encoding="utf-8")
    (doc,) = _docs(list(read_path(path)))
    assert doc.id == f"csv-{doc.content_hash[:16]}" and doc.date == "2024-01-02"


def test_globs(tmp_path: Path, fixtures: Path) -> None:
    pattern = str(fixtures / "web" / "*tariffs*.html")
    docs = _docs(list(read_path(pattern)))
    assert len(docs) == 2
    (issue,) = list(read_path(str(tmp_path / "*.nothing")))
    assert isinstance(issue, ReadIssue) and issue.reason == "no file matches this pattern"
