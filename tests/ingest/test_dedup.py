"""Duplicates: the same URL, the same text, or a near-copy of a wire story is stored once, with every origin."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.ingest.dedup import MIN_SHINGLES, NearDuplicates, jaccard, pack, shingles, unpack
from bilateral.store import Store

STORY = (
    "Japan cut tariffs on Indian textiles on Tuesday after two days of talks between the trade ministers "
    "of both countries in New Delhi. The Japanese minister praised India for opening its market to machinery "
    "and said the agreement would double bilateral trade within five years. India welcomed the decision and "
    "signed a memorandum on investment in railway projects, according to a statement released late on Tuesday. "
    "Under the deal duties on cotton yarn and garments will fall from ten percent to zero over three years."
)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_near_copy_with_other_header_and_footer(tmp_path: Path, store: Store) -> None:
    a = _write(tmp_path / "a", "wire.txt", STORY)
    b = _write(tmp_path / "b", "reprint.txt", "The Morning Ledger - World\n" + STORY + "\nReporting by R. Kumar.")
    c = _write(tmp_path / "c", "other.txt", STORY.replace("Japan", "Korea").replace("India", "Vietnam"))
    assert jaccard(shingles(a.read_text()), shingles(b.read_text())) >= 0.9
    first = ingest_paths([a], store, Coder())
    second = ingest_paths([b, c], store, Coder())
    assert (first.documents_added, second.documents_added, second.near_duplicates) == (1, 1, 1)
    (doc_id,) = [r[0] for r in store.connection.execute(
        "SELECT id FROM documents WHERE text LIKE 'Japan cut%'").fetchall()]
    assert store.document_origins(doc_id) == sorted([str(a), str(b)])
    counts = store.counts()
    again = ingest_paths([tmp_path], store, Coder())
    assert (again.documents_added, again.events, again.sentences) == (0, 0, 0)
    assert store.counts()["documents"] == counts["documents"] and store.counts()["events"] == counts["events"]


def test_near_copies_within_one_batch(tmp_path: Path, store: Store) -> None:
    a = _write(tmp_path, "1.txt", STORY)
    b = _write(tmp_path, "2.txt", STORY + " Editing by S. Holt.")
    result = ingest_paths([a, b], store, Coder())
    assert (result.documents_added, result.near_duplicates) == (1, 1)


def test_same_url_and_same_text(tmp_path: Path, store: Store) -> None:
    dump = _write(tmp_path, "d.jsonl", "\n".join([
        '{"id": "x1", "text": "Brazil praised Argentina.", "url": "https://e.example/1"}',
        '{"id": "x2", "text": "Brazil praised Argentina on Monday.", "url": "https://e.example/1"}',
        '{"id": "x3", "text": "  brazil PRAISED   argentina. "}',
    ]) + "\n")
    result = ingest_paths([dump], store, Coder())
    assert (result.documents_added, result.documents_skipped) == (1, 2)
    assert store.document_origins("x1") == [str(dump)]


def test_short_texts_are_only_deduplicated_exactly() -> None:
    near = NearDuplicates(None)
    assert near.check([("a", "India and Japan held talks."), ("b", "India and Japan held talks today.")]) == {}


VOCABULARY = ["aid", "trade", "talks", "loan", "tariff", "praise", "visit", "deal", "port", "rail", "bank", "army"]
words = st.lists(st.sampled_from(VOCABULARY), min_size=20, max_size=120)


@settings(max_examples=40, deadline=None)
@given(words, words)
def test_near_duplicates_find_exactly_the_high_jaccard_pairs(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(b)
    near = NearDuplicates(None)
    found = near.check([("a", ta), ("b", tb)])
    sa, sb = shingles(ta), shingles(tb)
    if len(sa) < MIN_SHINGLES or len(sb) < MIN_SHINGLES:
        assert found == {}
    elif found:
        assert found == {"b": "a"} and jaccard(sa, sb) >= 0.9  # never a false positive
    if sa == sb and len(sa) >= MIN_SHINGLES:
        assert found == {"b": "a"}  # identical shingle sets always collide in every band


def test_dry_run_finds_near_copies_across_batches_without_writing(tmp_path: Path, store: Store) -> None:
    a = _write(tmp_path, "1.txt", STORY)
    b = _write(tmp_path, "2.txt", "Wire service\n" + STORY + " Editing by S. Holt.")
    dry = ingest_paths([a, b], store, Coder(), batch_size=1, dry_run=True)
    assert (dry.documents_added, dry.near_duplicates, dry.documents_skipped) == (1, 1, 1)
    assert store.counts()["documents"] == 0
    assert store.connection.execute("SELECT count(*) FROM document_minhash").fetchall() == [(0,)]


@given(st.sets(st.integers(min_value=0, max_value=2**32 - 1), max_size=300))
def test_packed_shingle_sets_unpack_to_themselves(sh: set[int]) -> None:
    assert unpack(pack(sh)) == sh
    assert len(pack(sh)) == 4 * len(sh)


def test_shingle_sets_kept_in_the_key_index_are_those_of_the_stored_text(tmp_path: Path, store: Store) -> None:
    ingest_paths([_write(tmp_path, "1.txt", STORY)], store, Coder())
    keys = store.key_index
    assert keys is not None
    (doc_id,) = [r[0] for r in store.connection.execute("SELECT id FROM documents").fetchall()]
    assert unpack(keys.shingles([doc_id])[doc_id]) == shingles(STORY)
