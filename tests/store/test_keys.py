"""The store's key index (FILE.keys): lookups, transactions, and rebuilding from the DuckDB file when out of step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from bilateral.coding import Coder
from bilateral.ingest import ingest_paths
from bilateral.model import Document, Event, Sentence
from bilateral.store import LATEST_VERSION, Store
from bilateral.store.keys import DOC_HASH, DOC_ID, DOC_URL, EVENT, MIRRORED, SENTENCE, KeyIndex, composite
from bilateral.store.migrations import MIGRATIONS

STORY = (
    "Japan cut tariffs on Indian textiles on Tuesday after two days of talks between the trade ministers "
    "of both countries in New Delhi. The Japanese minister praised India for opening its market to machinery "
    "and said the agreement would double bilateral trade within five years. India welcomed the decision and "
    "signed a memorandum on investment in railway projects, according to a statement released late on Tuesday."
)


def test_keys_are_found_by_kind_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "k.keys"
    keys = KeyIndex(path)
    keys.add_documents([("a", "h1", "https://x.test/1"), ("b", "h2", None)])
    keys.add(SENTENCE, [composite("a", 0), composite("a", 1)])
    keys.add_minhash([(0, 42, "a"), (1, -7, "a"), (1, -7, "b")])
    keys.add_shingles([("a", b"\x01\x00\x00\x00")])
    keys.close()
    keys = KeyIndex(path)
    found = keys.known_documents(["a", "z"], ["h2", "h9"], ["https://x.test/1"])
    assert found == {DOC_ID: {"a": "a"}, DOC_HASH: {"h2": "b"}, DOC_URL: {"https://x.test/1": "a"}}
    assert keys.existing(SENTENCE, [composite("a", 1), composite("a", 2)]) == {composite("a", 1)}
    assert keys.existing(EVENT, [composite("a", 1)]) == set()  # kinds are apart
    found_cands = keys.candidates([("new", 1, -7), ("new", 0, 42), ("other", 2, 42)])  # band 2 has no 42
    assert list(found_cands) == ["new"] and sorted(found_cands["new"]) == ["a", "b"]
    assert keys.shingles(["a", "b"]) == {"a": b"\x01\x00\x00\x00"}
    keys.close()


def test_lookups_of_more_keys_than_one_statement_takes(tmp_path: Path) -> None:
    keys = KeyIndex(tmp_path / "k.keys")
    many = [f"e{i}" for i in range(2500)]
    keys.add(EVENT, many[::2])
    assert keys.existing(EVENT, many) == set(many[::2])
    keys.add_minhash((3, b, f"d{b}") for b in range(1200))
    found = keys.candidates(("q", 3, b) for b in range(0, 2400, 2))
    assert sorted(found["q"]) == sorted(f"d{b}" for b in range(0, 1200, 2))
    keys.close()


def test_a_rolled_back_transaction_leaves_no_keys(tmp_path: Path) -> None:
    keys = KeyIndex(tmp_path / "k.keys")
    keys.begin()
    keys.add(EVENT, ["x"])
    assert keys.existing(EVENT, ["x"]) == {"x"}
    keys.rollback()
    assert keys.existing(EVENT, ["x"]) == set()
    keys.begin()
    keys.add(EVENT, ["y"])
    keys.commit({"events": 1})
    assert keys.existing(EVENT, ["y"]) == {"y"} and keys.mirrored() == {"events": 1}
    keys.close()


def test_a_damaged_index_file_is_started_again(tmp_path: Path) -> None:
    path = tmp_path / "k.keys"
    path.write_bytes(b"this is not a SQLite database" * 100)
    keys = KeyIndex(path)
    assert keys.mirrored() == {} and keys.existing(EVENT, ["x"]) == set()
    keys.close()


def _fill(store: Store, make_event: Callable[..., Event]) -> tuple[list[Document], list[Sentence], list[Event]]:
    docs = [Document("a", "Japan praised Pakistan.", origin="one.txt", url="https://x.test/1"),
            Document("b", "Chile thanked Peru.", origin="two.txt")]
    sents = [Sentence("a", 0, "Japan praised Pakistan.", 0, 23), Sentence("b", 0, "Chile thanked Peru.", 0, 19)]
    events = [make_event(id="a"), make_event(id="b", source="CHL")]
    with store.transaction():
        assert store.add_documents(docs).added == ["a", "b"]
        assert store.add_sentences(sents) == 2
        assert store.add_events(events) == 2
    return docs, sents, events


def _assert_all_known(store: Store, docs: list[Document], sents: list[Sentence], events: list[Event]) -> None:
    renamed = [Document("a2", "  JAPAN praised   pakistan. ", origin="three.txt"),
               Document("c", "Other text.", origin="four.txt", url="https://x.test/1")]
    assert store.new_documents(docs + renamed) == []
    assert store.add_documents(docs + renamed).added == []
    assert store.add_sentences(sents) == 0
    assert store.add_events(events) == 0
    assert store.document_origins("a") == ["four.txt", "one.txt", "three.txt"]


def test_the_index_is_rebuilt_when_its_file_is_gone(db_path: Path, make_event: Callable[..., Event]) -> None:
    with Store(db_path) as store:
        docs, sents, events = _fill(store, make_event)
    Path(str(db_path) + ".keys").unlink()
    with Store(db_path) as store:
        _assert_all_known(store, docs, sents, events)
        assert store.counts()["documents"] == 2


def test_the_index_is_rebuilt_after_a_write_it_did_not_see(db_path: Path, make_event: Callable[..., Event]) -> None:
    """As after a crash between DuckDB's commit and the index's: the mirrored row counts differ."""
    with Store(db_path) as store:
        docs, sents, events = _fill(store, make_event)
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO documents SELECT 'z', NULL, NULL, NULL, 'Peru thanked Chile.', 'hz', 'x.txt', "
                "now()::TIMESTAMP")
    con.close()
    with Store(db_path) as store:
        _assert_all_known(store, docs, sents, events)
        assert store.new_documents([Document("z", "Anything.")]) == []
        keys = store.key_index
        assert keys is not None and keys.mirrored() == store._mirrored_counts()


def test_a_failed_batch_leaves_neither_rows_nor_keys(store: Store, make_event: Callable[..., Event]) -> None:
    try:
        with store.transaction() as con:
            store.add_events([make_event(id="a")])
            con.execute("SELECT * FROM no_such_table")
    except duckdb.Error:
        pass
    assert store.counts()["events"] == 0
    assert store.add_events([make_event(id="a")]) == 1


def test_near_copies_are_found_after_a_rebuild(tmp_path: Path, db_path: Path) -> None:
    """A rebuilt index has the buckets but no shingle sets: candidates are then compared by their stored text."""
    (tmp_path / "in").mkdir()
    first, copy = tmp_path / "in" / "1.txt", tmp_path / "2.txt"
    first.write_text(STORY, encoding="utf-8")
    copy.write_text("Wire service\n" + STORY + " Editing by S. Holt.", encoding="utf-8")
    with Store(db_path) as store:
        assert ingest_paths([first], store, Coder()).documents_added == 1
    Path(str(db_path) + ".keys").unlink()
    with Store(db_path) as store:
        keys = store.key_index
        assert keys is not None and keys.shingles([r[0] for r in store.connection.execute(
            "SELECT id FROM documents").fetchall()]) == {}
        result = ingest_paths([copy], store, Coder())
        assert (result.documents_added, result.near_duplicates) == (0, 1)


def test_data_tables_carry_no_keys_or_indexes(store: Store, make_event: Callable[..., Event]) -> None:
    """DuckDB keeps the ART index of a key in memory, growing with the store; the key index holds them."""
    _fill(store, make_event)
    con = store.connection
    keyed = con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
    ).fetchall()
    assert {r[0] for r in keyed}.isdisjoint(MIRRORED)
    indexed = con.execute("SELECT DISTINCT table_name FROM duckdb_indexes()").fetchall()
    assert {r[0] for r in indexed}.isdisjoint(MIRRORED)


def test_a_version_4_file_keeps_its_rows_and_loses_its_keys(db_path: Path, make_event: Callable[..., Event]) -> None:
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
    for mig in MIGRATIONS[:4]:
        for stmt in mig.statements:
            con.execute(stmt)
        con.execute("INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)", [mig.version, mig.description])
    con.execute("INSERT INTO documents VALUES ('a', NULL, 'https://x.test/1', NULL, 'Japan praised Pakistan.', "
                "'h-a', 'one.txt', now()::TIMESTAMP)")
    con.execute("INSERT INTO document_origins VALUES ('a', 'one.txt', now()::TIMESTAMP)")
    con.execute("INSERT INTO sentences VALUES ('a', 0, 'Japan praised Pakistan.', 0, 23)")
    con.close()
    with Store(db_path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.counts()["documents"] == 1 and store.sentences("a")[0].text == "Japan praised Pakistan."
        assert store.add_documents([Document("a", "Anything.")]).added == []
        assert store.new_documents([Document("c", "Other.", url="https://x.test/1")]) == []
        assert store.add_sentences([Sentence("a", 0, "Japan praised Pakistan.", 0, 23)]) == 0
        assert store.add_events([make_event(id="a")]) == 1
        assert len(store.connection.execute("SELECT * FROM effective_events").fetchall()) == 1


def test_stored_ids_finds_each_origin_under_its_story(db_path: Path) -> None:
    first = Document("a", STORY, url="https://x.test/1", origin="https://x.test/1")
    again = Document("b", "  " + STORY + "\n", url="https://x.test/2", origin="https://x.test/2")
    never = Document("c", "India and Japan met.", origin="https://x.test/3")
    other_origin = Document("a", STORY, url="https://x.test/1", origin="https://x.test/9")
    docs = [first, again, never, other_origin]
    with Store(db_path) as store:
        store.add_documents([first, again])  # the second is the same story (content hash): stored under "a"
        assert store.stored_ids(docs) == ["a", "a", None, None]  # the key index
        assert store.stored_ids([]) == []
    with Store(db_path, read_only=True) as store:  # no key index: document_origins is read instead
        assert store.stored_ids(docs) == ["a", "a", None, None]
