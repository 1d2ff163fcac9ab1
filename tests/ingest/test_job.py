"""The ingest job on real files into a real DuckDB file, with the real coder."""

from __future__ import annotations

from pathlib import Path

from bilateral.coding import Coder
from bilateral.ingest import IngestError, ingest_paths
from bilateral.model import Document, Event, Sentence
from bilateral.store import Store


def test_ingest_folder_is_idempotent(fixtures: Path, store: Store) -> None:
    first = ingest_paths([fixtures / "articles"], store, Coder())
    assert first.documents_read == 3
    assert first.documents_added == 2  # the copy is the same story
    assert first.documents_skipped == 1
    assert first.errors == []
    assert not first.nothing_ingested
    assert first.sentences == store.counts()["sentences"] > 0
    events_before = store.counts()["events"]
    assert first.events == events_before

    second = ingest_paths([fixtures / "articles"], store, Coder())
    assert second.documents_added == 0 and second.documents_skipped == 3
    assert second.sentences == 0 and second.events == 0
    assert store.counts()["events"] == events_before
    assert store.counts()["documents"] == 2
    (doc_id,) = [r[0] for r in store.connection.execute(
        "SELECT id FROM documents WHERE title = 'Minister visits Islamabad'").fetchall()]
    assert [Path(o).name for o in store.document_origins(doc_id)] == [
        "islamabad_visit.txt", "islamabad_visit_copy.txt"]


def test_bad_files_are_reported_and_the_rest_ingested(fixtures: Path, store: Store) -> None:
    seen: list[IngestError] = []
    result = ingest_paths(
        [fixtures / "bad", fixtures / "jsonl" / "broken.jsonl", fixtures / "nope.txt"], store, Coder(),
        on_error=seen.append,
    )
    assert result.documents_added == 3  # also_good.txt, b1, b5
    lines = [str(e) for e in result.errors]
    assert lines == [str(e) for e in seen]
    assert any(line.startswith(str(fixtures / "bad" / "latin1.txt") + ": not UTF-8") for line in lines)
    assert any(line.startswith(str(fixtures / "bad" / "empty.txt") + ": empty file") for line in lines)
    assert any(line.startswith(str(fixtures / "jsonl" / "broken.jsonl") + ":2: broken JSON") for line in lines)
    assert any(line.startswith(str(fixtures / "nope.txt") + ": no such file") for line in lines)
    assert all("\n" not in line for line in lines)
    assert store.counts()["ingest_errors"] == len(lines)


def test_nothing_ingested(fixtures: Path, store: Store) -> None:
    result = ingest_paths([fixtures / "bad" / "latin1.txt"], store, Coder())
    assert result.nothing_ingested and len(result.errors) == 1


class _FailsOnKenya(Coder):
    """A real coder that raises on one document, to check that the batch goes on."""

    def code_document(self, doc: Document) -> tuple[list[Sentence], list[Event]]:
        if "Kenya" in doc.text:
            raise RuntimeError("boom")
        return super().code_document(doc)


def test_coder_failure_is_one_error(fixtures: Path, store: Store) -> None:
    result = ingest_paths([fixtures / "jsonl" / "docs.jsonl"], store, _FailsOnKenya())
    assert result.documents_added == 3
    (err,) = result.errors
    assert "coding failed: RuntimeError: boom" in str(err)
    assert store.counts()["documents"] == 3
    # the failed document was not stored, so a later run (with a working coder) codes it
    again = ingest_paths([fixtures / "jsonl" / "docs.jsonl"], store, Coder())
    assert again.documents_added == 1


def test_small_batches(fixtures: Path, store: Store) -> None:
    result = ingest_paths([fixtures / "jsonl"], store, Coder(), batch_size=1)
    # docs.jsonl 4, broken.jsonl 2, latin1_line.jsonl 1, docs_gz.jsonl.gz 2; not_gzip is one error
    assert result.documents_added == 9
    assert result.files == 4
    assert [Path(e.origin).name for e in result.errors if ":" not in Path(e.origin).name] == ["not_gzip.jsonl.gz"]
