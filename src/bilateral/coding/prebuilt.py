"""Language data built once and kept between processes.

Building the actor dictionary and the lexicon from their tables takes most of a coding command's
start-up (about 1.3 s of CPU). The built objects are kept as pickles in a cache folder, under a key
that is the SHA-256 of the tables and of the code that builds them, so a change to either builds
anew. A cache that cannot be read or written is ignored: the data is then built as before.

The folder is ``$BILATERAL_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilateral``, else
``~/.cache/bilateral``; ``BILATERAL_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

# pickles from another version of this format are not read
_FORMAT = b"bilateral-prebuilt-1"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    configured = os.environ.get("BILATERAL_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in {"", "off", "0", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bilateral"


def digest(parts: Iterable[bytes]) -> str:
    """The key of a built object: SHA-256 over its sources' bytes, in order."""
    h = hashlib.sha256(_FORMAT)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def load_or_build(kind: str, key: str, build: Callable[[], T]) -> T:
    """The object kept under ``kind`` and ``key``, or ``build()`` (then kept for the next process)."""
    folder = cache_dir()
    path = folder / f"{kind}-{key[:24]}.pickle" if folder is not None else None
    if path is not None:
        found = _read(path)
        if found is not None:
            return cast(T, found)  # the key covers the code that built it, so it is what build() gives
    built = build()
    if path is not None:
        _write(path, built)
    return built


def _read(path: Path) -> object | None:
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small objects: the collector would rescan them while loading
    try:
        with path.open("rb") as fh:
            found: object = pickle.load(fh)  # our own cache folder, written by _write below
            return found
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file is rebuilt, never fatal
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, obj: object) -> None:
    """Write atomically (a temporary file renamed into place), so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full disk: the next process builds again
