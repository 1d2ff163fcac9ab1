"""The store: an embedded DuckDB file with a versioned schema."""

from bilateral.store.lock import StoreInUse
from bilateral.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
from bilateral.store.store import DEFAULT_DB, DocumentsAdded, Store

__all__ = [
    "DEFAULT_DB", "LATEST_VERSION", "MIGRATIONS", "DocumentsAdded", "Migration", "Store",
    "StoreInUse",
]
