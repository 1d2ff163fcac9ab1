"""Results of the analysis kept per dyad, options and store version: computed once, reused until the data changes.

A dyad's profile is the same object as long as no event of its actors changed and the analysis code
is the same. :func:`dyad_cached` wraps any function ``f(store, a, b, **options)`` so that its result
is looked up first, keyed on

* the function's name, the dyad ``A|B`` and its options (defaults filled in, so ``by="month"``
  given or left to its default is one key);
* the dyad's version (:meth:`bilateral.store.Store.dyad_version`: the last write that touched
  A's or B's events, or every dyad);
* the fingerprint of the analysis code (:func:`code_fingerprint`): a changed measure, actor name
  or API encoding never returns an old result.

Results live in this process's memory (a bounded LRU, what the dashboard reuses between requests)
and in the store's ``analysis_cache`` table (store migration 7), so ``bilateral gap`` and
``bilateral report`` reuse them across processes. A read-only store is read, never written.
Whatever the wrapped function returns is kept (pickled): a measure added to :func:`dyad_profile`
is cached with it, with no extra work.

Scope: a dyad's results may read every event whose source or target is A or B (the dyad, its
peers, the givers' top receivers) and the store's latest event date; that is what a dyad version
covers. A function that reads events of other actors (a world-wide baseline) must be wrapped with
``scope="store"``: then any write makes it stale.

Pickles are read back with a loader that builds only dataclasses of ``bilateral``, dates and plain
containers, so a store file from elsewhere cannot make the loader run other code.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import json
import pickle
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import is_dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

import duckdb

from bilateral.analysis.gap import HasConnection
from bilateral.analysis.profile import DyadProfile, dyad_profile
from bilateral.store.versions import actors_version, best_effort_write, store_version

P = ParamSpec("P")
T = TypeVar("T")

#: The store table of persisted results (store migration 7).
CACHE_TABLE = "analysis_cache"
#: Results kept in memory per process (least recently used first out).
MEMORY_ENTRIES = 64  # a large dyad's profile holds tens of MB of evidence records
#: Results larger than this (compressed pickle bytes) are kept in memory only, not in the store file.
MAX_PERSISTED_BYTES = 64 * 1024 * 1024


@functools.cache
def code_fingerprint() -> str:
    """A hash of the analysis code: every module of ``bilateral.analysis``, ``bilateral.model``, the
    actor names (``actor_names.py`` and the country and organisation files it reads) and the API's
    encoding of a profile (``web/dyad.py``, whose text is kept too)."""
    here = Path(__file__).resolve().parent
    package = here.parent
    h = hashlib.blake2b(digest_size=8)
    extra = [package / "model.py", package / "actor_names.py", package / "web" / "dyad.py",
             package / "data" / "actors" / "countries.tsv", package / "data" / "actors" / "igos.tsv"]
    for path in sorted([*here.glob("*.py"), *(p for p in extra if p.is_file())]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


class _SafeLoader(pickle.Unpickler):
    """Unpickles only ``bilateral`` dataclasses, dates and the builtin containers."""

    _BUILTINS = frozenset({"frozenset", "set", "list", "dict", "tuple", "int", "float", "str", "bool", "bytes"})

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in self._BUILTINS:
            return super().find_class(module, name)
        if module == "datetime" and name in ("date", "datetime"):
            return super().find_class(module, name)
        if module.startswith("bilateral."):
            found = super().find_class(module, name)
            if isinstance(found, type) and is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"the analysis cache does not load {module}.{name}")


def dumps(value: Any) -> bytes:
    """A result as stored: pickled and compressed."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def loads(blob: bytes) -> Any:
    """A stored result read back with the restricted loader."""
    return _SafeLoader(io.BytesIO(zlib.decompress(blob))).load()


def _options_key(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The options of one call (everything after ``store, a, b``) as canonical JSON, defaults filled in."""
    bound = inspect.signature(fn).bind(*args, **kwargs)
    bound.apply_defaults()
    options = dict(list(bound.arguments.items())[3:])
    return json.dumps(options, sort_keys=True, default=_json_default, separators=(",", ":"))


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"cannot key the analysis cache on {type(value).__name__}")


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [CACHE_TABLE]
    ).fetchall()
    return bool(rows and rows[0][0])


class AnalysisCache:
    """Results in memory (LRU) and in the store file, keyed on name, dyad, options, code and version."""

    def __init__(self, entries: int = MEMORY_ENTRIES) -> None:
        self.entries = entries
        self._memory: OrderedDict[tuple[str, str, str, str], tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one persisted write at a time per process
        self._gates: dict[tuple[str, str, str, str], threading.Lock] = {}
        self.hits = 0  # answered from memory
        self.loads = 0  # answered from the store file
        self.misses = 0  # computed

    def clear(self) -> None:
        """Forget what is kept in memory (the store file's entries stay)."""
        with self._lock:
            self._memory.clear()

    def get_or_compute(self, store: HasConnection, name: str, dyad: str, options: str, version: int,
                       compute: Callable[[], T], *, persist: bool = True) -> T:
        """The result ``name`` of ``dyad`` with ``options`` at ``version``: from memory, the store, or ``compute``."""
        key = (name, dyad, options, code_fingerprint())
        with self._lock:
            gate = self._gates.setdefault(key, threading.Lock())
        # one computation per key at a time: requests for a dyad being computed wait for it, then share it
        with gate:
            try:
                return self._get_or_compute(store, key, version, compute, persist)
            finally:
                with self._lock:
                    self._gates.pop(key, None)

    def kept(self, store: HasConnection, name: str, dyad: str, options: str, version: int) -> tuple[bool, Any]:
        """``(True, result)`` when the result is kept (in memory or in the store file), else ``(False, None)``:
        a lookup that never computes, for a reader that opened the store read-only."""
        key = (name, dyad, options, code_fingerprint())
        found, value = self._memory_get(key, version)
        if not found:
            found, value = self._file_get(store.connection, key, version)
            if found:
                self.loads += 1
                self._remember(key, version, value)
        return found, value

    def _memory_get(self, key: tuple[str, str, str, str], version: int) -> tuple[bool, Any]:
        with self._lock:
            found = self._memory.get(key)
            if found is not None and found[0] == version:
                self._memory.move_to_end(key)
                self.hits += 1
                return True, found[1]
        return False, None

    def _file_get(self, con: duckdb.DuckDBPyConnection, key: tuple[str, str, str, str],
                  version: int) -> tuple[bool, Any]:
        if not _has_table(con):
            return False, None
        name, dyad, options, code = key
        rows = con.execute(
            f"SELECT value FROM {CACHE_TABLE} WHERE name = ? AND dyad = ? AND options = ? AND code = ? "
            "AND version = ? LIMIT 1",
            [name, dyad, options, code, version],
        ).fetchall()
        if rows:
            try:
                return True, loads(bytes(rows[0][0]))
            except (pickle.UnpicklingError, zlib.error, EOFError, AttributeError, ImportError, TypeError):
                pass  # unreadable: computed again and replaced
        return False, None

    def _remember(self, key: tuple[str, str, str, str], version: int, value: Any) -> None:
        with self._lock:
            self._memory[key] = (version, value)
            self._memory.move_to_end(key)
            while len(self._memory) > self.entries:
                self._memory.popitem(last=False)

    def _get_or_compute(self, store: HasConnection, key: tuple[str, str, str, str], version: int,
                        compute: Callable[[], T], persist: bool) -> T:
        found, value = self._memory_get(key, version)
        if found:
            return cast(T, value)
        con = store.connection
        loaded = False
        if persist:
            loaded, value = self._file_get(con, key, version)
        if loaded:
            self.loads += 1
        else:
            self.misses += 1
            value = compute()
            if persist:
                self._persist(con, key, version, value)
        self._remember(key, version, value)
        return cast(T, value)

    def _persist(self, con: duckdb.DuckDBPyConnection, key: tuple[str, str, str, str], version: int,
                 value: Any) -> None:
        """Replace the stored result of ``key`` (skipped for a read-only store or an oversized result)."""
        blob = dumps(value)
        if len(blob) > MAX_PERSISTED_BYTES or not _has_table(con):
            return
        name, dyad, options, code = key

        def replace_entry(cur: duckdb.DuckDBPyConnection) -> None:
            cur.execute(f"DELETE FROM {CACHE_TABLE} WHERE name = ? AND dyad = ? AND options = ?",
                        [name, dyad, options])
            cur.execute(f"INSERT INTO {CACHE_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [name, dyad, options, code, version, blob, datetime.now(UTC).replace(tzinfo=None)])

        with self._write_lock:
            # a read-only store, or a concurrent writer of the same entry, keeps nothing: the result is still returned
            best_effort_write(con, replace_entry)


#: The cache every wrapped function uses in this process.
CACHE = AnalysisCache()


def dyad_cached(name: str, *, scope: str = "actors", persist: bool = True
                ) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Wrap ``f(store, a, b, **options)`` so its result is kept per dyad, options and version (see the module doc).

    ``scope="actors"``: stale when a write touches A's or B's events (or everything);
    ``scope="store"``: stale after any write.
    """
    if scope not in ("actors", "store"):
        raise ValueError(f"scope must be 'actors' or 'store', not {scope!r}")

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        def where(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[HasConnection, str, str, int]:
            """The call's store, dyad ``A|B``, options key and version."""
            store = cast(HasConnection, args[0] if args else kwargs["store"])
            a, b = (str(x).strip().upper() for x in (args[1:3] if len(args) >= 3 else (kwargs["a"], kwargs["b"])))
            con = store.connection
            version = actors_version(con, (a, b)) if scope == "actors" else store_version(con)
            return store, f"{a}|{b}", _options_key(fn, args, kwargs), version

        @functools.wraps(fn)
        def cached(*args: P.args, **kwargs: P.kwargs) -> T:
            store, dyad, options, version = where(tuple(args), dict(kwargs))
            return CACHE.get_or_compute(store, name, dyad, options, version,
                                        lambda: fn(*args, **kwargs), persist=persist)

        def kept(*args: Any, **kwargs: Any) -> tuple[bool, Any]:
            """``(True, result)`` when the call's result is kept, else ``(False, None)``; never computes."""
            store, dyad, options, version = where(args, kwargs)
            return CACHE.kept(store, name, dyad, options, version) if persist else (False, None)

        cached.kept = kept  # type: ignore[attr-defined]
        return cached

    return wrap


# -- the cached entry points ------------------------------------------------------------------------
def _profile_summary(store: HasConnection, a: str, b: str, **options: Any) -> DyadProfile:
    """:func:`dyad_profile` without its list of every event (what only the report's evidence cells need);
    the background events stay, since the summary lists them."""
    profile = dyad_profile(store, a, b, **options)
    profile.events = [(ref, period) for ref, period in profile.events if ref.background]
    profile._cells = {}  # the evidence index the verdict built over every event: rebuilt from these if asked
    return profile


#: The whole profile, with the evidence of every cell: ``bilateral report``.
cached_profile = dyad_cached("dyad_profile")(dyad_profile)
#: The profile without the per-event evidence list (small, quick to load): ``bilateral gap``, the dashboard, the API.
cached_summary = dyad_cached("dyad_profile_summary")(functools.wraps(dyad_profile)(_profile_summary))


def _profile_json(store: HasConnection, a: str, b: str, **options: Any) -> str:
    """``bilateral gap --format json``'s text: the summary profile as indented JSON."""
    return json.dumps(cached_summary(store, a, b, **options).to_dict(), ensure_ascii=False, indent=2)


#: ``bilateral gap --format json`` as printed (indenting a large profile costs more than loading it).
cached_profile_json = dyad_cached("dyad_profile_json")(functools.wraps(dyad_profile)(_profile_json))
