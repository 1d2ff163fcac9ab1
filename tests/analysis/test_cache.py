"""The analysis cache: one computation per dyad, options and version, reused in memory and across processes."""

from __future__ import annotations

import json
import pickle
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, fill_store

from bilateral.analysis import dyad_profile
from bilateral.analysis.cache import CACHE as SHARED_CACHE
from bilateral.analysis.cache import AnalysisCache, cached_profile, cached_summary, dyad_cached, loads
from bilateral.model import Event
from bilateral.store import Store

SMALL = FIXTURES / "analysis" / "small_dyad.jsonl"


@pytest.fixture(autouse=True)
def empty_memory() -> None:
    """Each test starts with nothing in this process's memory (the store file is the test's own)."""
    SHARED_CACHE.clear()


def _stored(store: Store) -> list[tuple[str, str, int]]:
    return [(str(n), str(d), int(v)) for n, d, v in store.connection.execute(
        "SELECT name, dyad, version FROM analysis_cache ORDER BY name, dyad").fetchall()]


def test_cached_profile_is_the_profile(store: Store) -> None:
    fill_store(store, SMALL)
    fresh = dyad_profile(store, "KEN", "CHN", by="month")
    assert cached_profile(store, "KEN", "CHN", by="month").to_dict() == fresh.to_dict()
    again = cached_profile(store, "ken", " CHN", by="month")  # same key: codes are normalised
    assert again.to_dict() == fresh.to_dict() and again.cells().keys() == fresh.cells().keys()
    summary = cached_summary(store, "KEN", "CHN", by="month")
    assert summary.to_dict() == fresh.to_dict()
    assert summary.events == [(ref, period) for ref, period in fresh.events if ref.background]


def test_memory_then_store_then_recompute(store: Store, make_event: Callable[..., Event]) -> None:
    fill_store(store, SMALL)
    calls: list[str] = []

    def measured(st: Store, a: str, b: str, *, by: str = "month") -> dict[str, int]:
        calls.append(f"{a}-{b}-{by}")
        return {"events": int(st.connection.execute(
            "SELECT count(*) FROM effective_events WHERE source IN (?, ?) AND target IN (?, ?)", [a, b, a, b]
        ).fetchall()[0][0])}

    cached = dyad_cached("test_count")(measured)
    assert cached(store, "KEN", "CHN") == {"events": 12}
    assert cached(store, "KEN", "CHN", by="month") == {"events": 12}  # the default spelled out: the same key
    assert calls == ["KEN-CHN-month"]
    SHARED_CACHE.clear()  # as a new process would: read back from the store file
    assert cached(store, "KEN", "CHN") == {"events": 12}
    assert calls == ["KEN-CHN-month"] and ("test_count", "KEN|CHN", store.dyad_version("KEN", "CHN")) in _stored(store)
    # an event of USA→PAK (dated earlier than the latest) leaves KEN–CHN valid ...
    store.add_events([make_event(date="2024-05-01")])
    assert cached(store, "KEN", "CHN") == {"events": 12}
    assert calls == ["KEN-CHN-month"]
    # ... one of KEN→CHN does not
    store.add_events([make_event(source="KEN", target="CHN", date="2024-05-01")])
    assert cached(store, "KEN", "CHN") == {"events": 13}
    assert calls == ["KEN-CHN-month", "KEN-CHN-month"]
    assert len([r for r in _stored(store) if r[0] == "test_count"]) == 1  # replaced, not piled up


def test_a_read_only_store_reads_the_cache_and_writes_nothing(db_path: Path) -> None:
    with Store(db_path) as s:
        fill_store(s, SMALL)
        cached_summary(s, "KEN", "CHN", by="month")
        stored = _stored(s)
    SHARED_CACHE.clear()
    with Store(db_path, read_only=True) as s:
        cache = AnalysisCache()
        value = cache.get_or_compute(s, "dyad_profile_summary", "KEN|CHN", "{}", 0, lambda: "computed")
        assert value == "computed"  # no entry under these options: computed, and the write is skipped
        assert _stored(s) == stored


def test_the_loader_builds_only_analysis_records(store: Store) -> None:
    fill_store(store, SMALL)
    cached_summary(store, "KEN", "CHN", by="month")
    version = store.dyad_version("KEN", "CHN")

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("the loader ran code",))

    hostile = zlib.compress(pickle.dumps(Payload()))
    with pytest.raises(pickle.UnpicklingError):
        loads(hostile)
    # a hostile row in the store file is treated as no entry: the result is computed again and replaces it
    store.connection.execute("UPDATE analysis_cache SET value = ?", [hostile])
    SHARED_CACHE.clear()
    profile = cached_summary(store, "KEN", "CHN", by="month")
    assert profile.to_dict() == dyad_profile(store, "KEN", "CHN", by="month").to_dict()
    row = store.connection.execute("SELECT value, version FROM analysis_cache").fetchall()[0]
    assert loads(bytes(row[0])).to_dict() == profile.to_dict() and row[1] == version


def test_another_code_fingerprint_is_never_used(store: Store) -> None:
    fill_store(store, SMALL)
    cached_summary(store, "KEN", "CHN", by="month")
    store.connection.execute("UPDATE analysis_cache SET code = 'older-code', value = ?",
                             [zlib.compress(pickle.dumps({"stale": True}))])
    SHARED_CACHE.clear()
    assert cached_summary(store, "KEN", "CHN", by="month").to_dict() == dyad_profile(
        store, "KEN", "CHN", by="month").to_dict()


def test_gap_reuses_its_result_across_processes(db_path: Path, bilateral_exe: Path) -> None:
    with Store(db_path) as s:
        fill_store(s, SMALL)
        expected = dyad_profile(s, "KEN", "CHN", by="month").to_dict()
    cmd = [str(bilateral_exe), "gap", "KEN", "CHN", "--db", str(db_path), "--by", "month", "--format", "json"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    with Store(db_path, read_only=True) as s:
        made = s.connection.execute("SELECT name, created_at FROM analysis_cache ORDER BY name").fetchall()
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    with Store(db_path, read_only=True) as s:
        again = s.connection.execute("SELECT name, created_at FROM analysis_cache ORDER BY name").fetchall()
    assert first == second and json.loads(first) == json.loads(json.dumps(expected))
    assert made == again and [n for n, _ in made] == ["dyad_profile_json", "dyad_profile_summary"]


def test_store_scope_is_stale_after_any_write(store: Store, make_event: Callable[..., Event]) -> None:
    fill_store(store, SMALL)
    calls: list[int] = []

    def world(st: Store, a: str, b: str) -> int:
        calls.append(1)
        return int(st.connection.execute("SELECT count(*) FROM effective_events").fetchall()[0][0])

    cached = dyad_cached("test_world", scope="store")(world)
    assert cached(store, "KEN", "CHN") == cached(store, "KEN", "CHN") == 14
    store.add_events([make_event(date="2024-05-01")])  # USA→PAK: no actor of KEN–CHN, still a write
    assert cached(store, "KEN", "CHN") == 15 and len(calls) == 2
    with pytest.raises(ValueError):
        dyad_cached("test_world", scope="dyad")
