"""Sharded, restartable batch runs: ``bilateral batch INPUT OUTDIR --shard-size N``.

The input (a JSONL file, optionally ``.gz``, the same lines ``code-text`` reads) is cut into shards
of ``shard_size`` lines: shard ``k`` holds input lines ``k*N+1 … (k+1)*N``. The events of shard ``k``
go to ``OUTDIR/shard-{k:06d}.jsonl`` (one event record per line, in input order, exactly what
``code-text`` writes for those lines), its bad lines to ``OUTDIR/shard-{k:06d}.errors`` (only when
there are any). Each file is written to a temporary name and moved into place with
:func:`os.replace`, errors first, so a shard's ``.jsonl`` exists only once the shard is complete.

A rerun skips every shard whose ``.jsonl`` exists, so a run that was killed (even with SIGKILL)
and started again ends with exactly the files of an uninterrupted run. ``OUTDIR/manifest.json``
records the input (path, size, modification time) and the shard size; a rerun against a different
input or shard size is refused rather than mixing two runs.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from bilateral.scale.parallel import CodingPool, code_lines_batch

MANIFEST = "manifest.json"


@dataclass(slots=True)
class BatchResult:
    """What one batch run did."""

    shards: int = 0  # shards in the input
    shards_done: int = 0  # coded by this run
    shards_skipped: int = 0  # finished by an earlier run
    documents: int = 0  # documents coded by this run
    events: int = 0  # events written by this run
    bad_lines: int = 0  # bad lines met by this run


def shard_name(index: int) -> str:
    """The events file of shard ``index``: ``shard-000000.jsonl``."""
    return f"shard-{index:06d}.jsonl"


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[str], gzip.open(path, "rt", encoding="utf-8"))
    return path.open("r", encoding="utf-8")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file in the same folder, fsync, then rename."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _manifest(input_path: Path, shard_size: int) -> dict[str, Any]:
    st = input_path.stat()
    return {
        "input": str(input_path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "shard_size": shard_size,
    }


def _check_manifest(outdir: Path, manifest: dict[str, Any]) -> None:
    path = outdir / MANIFEST
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old != manifest:
            raise ValueError(
                f"{outdir} holds a run of another input or shard size "
                f"({old.get('input')}, shard size {old.get('shard_size')}): use a new folder"
            )
        return
    write_atomic(path, json.dumps(manifest, indent=2) + "\n")


def run_batch(
    input_path: str | Path,
    outdir: str | Path,
    *,
    shard_size: int = 1000,
    pool: CodingPool,
    on_error: Callable[[str], None] | None = None,
    on_shard: Callable[[int], None] | None = None,
) -> BatchResult:
    """Code ``input_path`` shard by shard into ``outdir``, skipping shards an earlier run finished.

    ``on_error`` gets each bad line as ``path:line: reason``; ``on_shard`` the index of each shard
    written. Raises ``ValueError`` if ``outdir`` holds a run of another input or shard size.
    """
    if shard_size < 1:
        raise ValueError(f"shard size must be at least 1, not {shard_size}")
    src = Path(input_path)
    if not src.is_file():
        raise ValueError(f"{src}: no such file")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".*.tmp-*"):  # left by a killed run
        stale.unlink()
    _check_manifest(out, _manifest(src, shard_size))
    done = {p.name for p in out.glob("shard-*.jsonl")}
    result = BatchResult()
    origin = str(src)
    sent: deque[int] = deque()  # line numbers handed to the pool, not yet answered

    def todo() -> Iterator[tuple[str, int, str]]:
        with _open_text(src) as fh:
            for lineno, line in enumerate(fh, start=1):
                shard = (lineno - 1) // shard_size
                if shard + 1 > result.shards:
                    result.shards = shard + 1
                    if shard_name(shard) in done:
                        result.shards_skipped += 1
                if shard_name(shard) in done:
                    continue
                sent.append(lineno)
                yield origin, lineno, line

    current = -1
    events: list[str] = []
    errors: list[str] = []

    def finish(shard: int) -> None:
        base = out / shard_name(shard)
        if errors:
            write_atomic(base.with_suffix(".errors"), "".join(e + "\n" for e in errors))
        write_atomic(base, "".join(events))
        result.shards_done += 1
        events.clear()
        errors.clear()
        if on_shard is not None:
            on_shard(shard)

    for coded in pool.map(code_lines_batch, todo()):
        lineno = sent.popleft()
        shard = (lineno - 1) // shard_size
        if shard != current:
            if current >= 0:
                finish(current)
            current = shard
        if coded.error is not None:
            result.bad_lines += 1
            errors.append(coded.error)
            if on_error is not None:
                on_error(coded.error)
        elif coded.read:
            result.documents += 1
            if coded.output:
                events.append(coded.output)
                result.events += coded.output.count("\n")
    if current >= 0:
        finish(current)
    return result
