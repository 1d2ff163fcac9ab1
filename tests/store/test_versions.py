"""The store's version: raised by every write, per dyad only by writes touching the dyad's actors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
from tests.conftest import FIXTURES, fill_store

from bilateral.model import Document, Event
from bilateral.store import MIGRATIONS, Store


def test_a_new_store_is_version_one_and_every_write_raises_it(store: Store, make_event: Callable[..., Event]) -> None:
    assert store.version == 1  # as migrated
    store.add_documents([Document(id="doc-1", text="The United States praised Pakistan.", date="2024-05-01")])
    assert store.version == 2
    store.add_events([make_event()])
    assert store.version == 3
    store.add_events([make_event()])  # already stored: nothing written, no new version
    assert store.version == 3
    store.add_errors([("bad.txt", "not UTF-8")])
    assert store.version == 4


def test_one_transaction_is_one_version(store: Store, make_event: Callable[..., Event]) -> None:
    with store.transaction():
        store.add_documents([Document(id="doc-1", text="The United States praised Pakistan.")])
        store.add_events([make_event(), make_event(doc_sentence=1)])
    assert store.version == 2


def test_a_write_touches_only_its_actors(store: Store, make_event: Callable[..., Event]) -> None:
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")  # CHN, KEN, ETH; latest date 2024-09-30
    ken_chn, usa_pak = store.dyad_version("KEN", "CHN"), store.dyad_version("USA", "PAK")
    # an earlier-dated USA→PAK event: KEN–CHN is untouched, USA–PAK is not
    store.add_events([make_event(date="2024-05-01")])
    assert store.dyad_version("KEN", "CHN") == ken_chn
    assert store.dyad_version("USA", "PAK") > usa_pak
    assert store.dyad_version("CHN", "ETH") == ken_chn
    # a CHN→ETH event touches CHN, so KEN–CHN (CHN's peers and partners) goes stale too
    store.add_events([make_event(source="CHN", target="ETH", date="2024-06-01")])
    assert store.dyad_version("KEN", "CHN") == store.version
    usa_pak = store.dyad_version("USA", "PAK")
    assert usa_pak < store.version


def test_a_later_date_touches_every_dyad(store: Store, make_event: Callable[..., Event]) -> None:
    # follow-through judges pending promises by the store's latest event date: moving it changes every dyad
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    store.add_events([make_event(date="2030-01-01")])
    assert store.dyad_version("KEN", "CHN") == store.version
    rows = store.connection.execute(
        "SELECT everything, as_of FROM store_changes WHERE version = ? AND actor IS NULL", [store.version]
    ).fetchall()
    assert rows == [(True, date(2030, 1, 1))]


def test_a_later_publication_date_touches_every_dyad(store: Store) -> None:
    # follow-through's "as of" is the latest publication date: an article of a later day moves it even
    # when its events are dated earlier, so every dyad's kept results go stale
    fill_store(store, FIXTURES / "analysis" / "small_dyad.jsonl")
    ken_chn = store.dyad_version("KEN", "CHN")
    store.add_documents([Document(id="old", text="An article of an earlier day.", date="2020-01-01")])
    assert store.dyad_version("KEN", "CHN") == ken_chn
    store.add_documents([Document(id="new", text="An article of a later day.", date="2031-02-03")])
    assert store.dyad_version("KEN", "CHN") == store.version


def test_versions_survive_reopening_and_migrate_an_old_file(db_path: Path, make_event: Callable[..., Event]) -> None:
    with Store(db_path) as s:
        s.add_events([make_event()])
        version = s.version
    with Store(db_path, read_only=True) as s:
        assert s.version == version
    # a file made before the version table existed: it starts at version 1, touching everything
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE store_changes")
    con.execute("DROP TABLE analysis_cache")
    con.execute("DROP TABLE store_as_of")
    step = next(m.version for m in MIGRATIONS if "store_changes" in m.description)
    con.execute("DELETE FROM schema_version WHERE version >= ?", [step])
    con.close()
    with Store(db_path) as s:
        assert s.version == 1
        assert s.dyad_version("USA", "PAK") == 1
        as_of = s.connection.execute("SELECT as_of FROM store_changes").fetchall()
        assert str(as_of[0][0]) == "2024-05-01"
