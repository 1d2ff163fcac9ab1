"""A reader that fails in an unforeseen way costs only its own file: the job reports one line and goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from bilateral.coding import Coder
from bilateral.ingest import ReadIssue, ingest_paths, register_reader
from bilateral.model import Document
from bilateral.store import Store


class BrokenReader:
    """A third-party reader with a bug: it yields one document, then raises a ``ValueError`` with a line break."""

    name = "broken-test-reader"

    def matches(self, path: Path) -> bool:
        """Only ``.broken`` files."""
        return path.suffix == ".broken"

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """One document, then a crash."""
        yield Document(id="broken-first", text="Chile praised Peru for the accord.", origin=str(path))
        raise ValueError("no such field\nsecond line")


register_reader(BrokenReader())


def test_a_crashing_reader_costs_only_its_file(tmp_path: Path) -> None:
    (tmp_path / "a.broken").write_text("anything")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "after", "text": "Japan praised China on Monday."}) + "\n")
    with Store(":memory:") as store:
        result = ingest_paths([tmp_path], store, Coder())
        ids = {r[0] for r in store.connection.execute("SELECT id FROM documents").fetchall()}
    assert ids == {"broken-first", "after"}
    expected = f"{tmp_path / 'a.broken'}: unreadable (ValueError: no such field second line)"
    assert [str(e) for e in result.errors] == [expected]
