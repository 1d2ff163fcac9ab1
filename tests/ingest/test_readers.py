"""The reader registry and the plain text and JSON Lines readers, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.ingest import ReadError, ReadIssue, read_path, reader_for, readers, register_reader
from bilateral.ingest.jsonl import JsonlReader
from bilateral.ingest.text import TextReader, text_document
from bilateral.model import Document


def test_registry_picks_reader_by_suffix() -> None:
    assert reader_for("a/b.txt").name == "txt"  # type: ignore[union-attr]
    assert reader_for("a/b.jsonl").name == "jsonl"  # type: ignore[union-attr]
    assert reader_for("a/b.JSONL.GZ").name == "jsonl"  # type: ignore[union-attr]
    assert reader_for("a/b.md") is None
    assert reader_for("a/b.md", "txt").name == "txt"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown format"):
        reader_for("a/b.txt", "nope")


def test_register_reader_is_pluggable(tmp_path: Path) -> None:
    class Upper:
        name = "upper-test"

        def matches(self, path: Path) -> bool:
            return path.suffix == ".upper"

        def read(self, path: Path):  # type: ignore[no-untyped-def]
            yield Document(id=path.stem, text=path.read_text().upper(), origin=str(path))

    f = tmp_path / "x.upper"
    f.write_text("hello")
    register_reader(Upper())
    try:
        (doc,) = list(read_path(f))
        assert isinstance(doc, Document) and doc.text == "HELLO"
    finally:
        from bilateral.ingest import registry

        registry._READERS[:] = [r for r in registry._READERS if r.name != "upper-test"]
    assert "upper-test" not in [r.name for r in readers()]


def test_text_reader_title_and_path_independent_id(fixtures: Path) -> None:
    a = fixtures / "articles" / "islamabad_visit.txt"
    b = fixtures / "articles" / "nested" / "islamabad_visit_copy.txt"
    (da,) = TextReader().read(a)
    (db,) = TextReader().read(b)
    assert isinstance(da, Document) and isinstance(db, Document)
    assert da.title == "Minister visits Islamabad"
    assert da.text == a.read_text(encoding="utf-8")
    assert da.id == db.id == f"txt-{da.content_hash[:16]}"
    assert da.origin == str(a)


def test_text_reader_rejects_non_utf8_and_empty(fixtures: Path) -> None:
    with pytest.raises(ReadError, match="not UTF-8"):
        list(TextReader().read(fixtures / "bad" / "latin1.txt"))
    with pytest.raises(ReadError, match="empty"):
        list(TextReader().read(fixtures / "bad" / "empty.txt"))


def test_jsonl_reader_fields(fixtures: Path) -> None:
    items = list(JsonlReader().read(fixtures / "jsonl" / "docs.jsonl"))
    docs = [d for d in items if isinstance(d, Document)]
    assert [d.id for d in docs][:2] == ["j1", "j2"]
    assert docs[0].url == "https://example.org/a" and docs[0].title == "Aid" and docs[0].date == "2024-03-01"
    assert docs[2].id == f"doc-{docs[2].content_hash[:16]}"
    assert docs[3].date == "2024-03-04" and docs[3].meta == {"source_name": "wire"}
    assert len(docs) == 4 and not [i for i in items if isinstance(i, ReadIssue)]


def test_jsonl_reader_reports_bad_lines_and_goes_on(fixtures: Path) -> None:
    path = fixtures / "jsonl" / "broken.jsonl"
    items = list(JsonlReader().read(path))
    assert [d.id for d in items if isinstance(d, Document)] == ["b1", "b5"]
    issues = [str(i) for i in items if isinstance(i, ReadIssue)]
    assert [i.split(": ", 1)[0] for i in issues] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "broken JSON" in issues[0] and "JSON object" in issues[1] and "text" in issues[2]


def test_jsonl_reader_non_utf8_line(fixtures: Path) -> None:
    path = fixtures / "jsonl" / "latin1_line.jsonl"
    items = list(JsonlReader().read(path))
    assert str(items[0]).startswith(f"{path}:1: not UTF-8")
    assert isinstance(items[1], Document) and items[1].id == "b7"


def test_jsonl_gz(fixtures: Path) -> None:
    docs = list(JsonlReader().read(fixtures / "jsonl" / "docs_gz.jsonl.gz"))
    assert [d.id for d in docs if isinstance(d, Document)] == ["g1", "g2"]
    with pytest.raises(ReadError, match="gzip"):
        list(JsonlReader().read(fixtures / "jsonl" / "not_gzip.jsonl.gz"))


def test_read_path_recurses_folders_and_skips_unknown(fixtures: Path) -> None:
    items = list(read_path(fixtures / "articles"))
    assert all(isinstance(i, Document) for i in items)
    origins = [Path(i.origin).name for i in items if isinstance(i, Document) and i.origin]
    assert origins == ["islamabad_visit.txt", "islamabad_visit_copy.txt", "tariffs.txt"]


def test_read_path_reports_missing_and_unknown(fixtures: Path, tmp_path: Path) -> None:
    (missing,) = list(read_path(tmp_path / "nope.txt"))
    assert str(missing) == f"{tmp_path / 'nope.txt'}: no such file or folder"
    (unknown,) = list(read_path(fixtures / "articles" / "notes.md"))
    assert isinstance(unknown, ReadIssue) and "no reader" in unknown.reason


def test_text_document_helper() -> None:
    doc = text_document("\n\n  Title here  \nBody.", origin="x")
    assert doc.title == "Title here" and doc.id.startswith("txt-") and len(doc.id) == 20
