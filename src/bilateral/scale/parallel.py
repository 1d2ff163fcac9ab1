"""Parallel coding on one machine: worker processes, each with its own coder, mapping batches in order.

:class:`CodingPool` streams items (documents, JSONL lines) to ``workers`` processes in batches of
``batch_size``, at most ``max_in_flight`` batches at a time (so memory stays flat however large the
input), and yields the results **in input order**: the output of N workers is identical to one
worker's. Each worker builds its :class:`~bilateral.coding.Coder` once, in the pool's initializer.
With ``workers=1`` nothing is started: the same task functions run in this process.

A task is a top-level function ``fn(coder, batch) -> list`` (picklable by reference), e.g.
:func:`code_documents_batch` (documents → sentences and events, for ``ingest``) or
:func:`code_lines_batch` (JSONL lines → event lines, for ``code-text``). Workers are started with
``spawn`` by default: safe next to DuckDB's and Spark's threads, and the same on every platform.
A worker that dies (killed, out of memory) raises :class:`~concurrent.futures.process.BrokenProcessPool`
in the parent instead of hanging.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

from bilateral.model import Document, Event, Sentence

if TYPE_CHECKING:
    from bilateral.coding import Coder, CoderConfig

T = TypeVar("T")
R = TypeVar("R")

#: What coding one document gives: its sentences and its events.
Coded = tuple[list[Sentence], list[Event]]


class CodedLine(NamedTuple):
    """What one JSONL input line of ``code-text`` becomes."""

    output: str  # the event records, one JSON object per line, each ending in a newline
    error: str | None  # ``origin:line: reason`` for a line that is not a document
    read: bool  # True when the line was a document (even one without events)


def default_workers() -> int:
    """The number of cores this process may run on (the default of ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------- worker side

_WORKER_CODER: Coder | None = None
_WORKER_ERROR: BaseException | None = None


def _exit_with_parent(parent: int) -> None:
    """Watchdog thread of a worker: exit when the parent process is gone (killed, say)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(config: CoderConfig | None, parent: int) -> None:
    """Pool initializer: build this worker's coder once (an error is kept and raised by each task).

    A watchdog thread ends the worker if its parent dies, so a killed run leaves no orphans.
    """
    global _WORKER_CODER, _WORKER_ERROR
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        from bilateral.coding import Coder

        _WORKER_CODER = Coder(config)
    except BaseException as exc:  # raised again in the parent by the first task, instead of a respawn loop
        _WORKER_ERROR = exc


def _run_task(fn: Callable[[Coder, list[T]], list[R]], batch: list[T]) -> list[R]:
    """Run ``fn`` on ``batch`` with this worker's coder."""
    if _WORKER_CODER is None:
        if _WORKER_ERROR is not None:
            raise RuntimeError(f"the worker could not build its coder: {_WORKER_ERROR}") from _WORKER_ERROR
        raise RuntimeError("no coder in this process: tasks run inside a CodingPool")
    return fn(_WORKER_CODER, batch)


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling (to travel back to the parent), else a RuntimeError saying the same."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{exc.__class__.__name__}: {exc}")
    return exc


def code_documents_batch(coder: Coder, docs: list[Document]) -> list[Coded | Exception]:
    """Code each document of ``docs``; a document the coder fails on gives its exception instead."""
    # together: with the parse, the batch's sentences are parsed in one go
    return [_portable(r) if isinstance(r, Exception) else r for r in coder.code_many(docs)]


def code_lines_batch(coder: Coder, lines: list[tuple[str, int, str]]) -> list[CodedLine]:
    """Code JSONL lines ``(origin, line number, line)`` as ``code-text`` does, one :class:`CodedLine` each.

    A blank line gives an empty result; a line that is not a JSON object with text gives an error
    ``origin:line: reason``; a document gives its event records as JSON lines.
    """
    # Document.from_record, not the ingest package: importing that registers every reader (HTML, feeds,
    # HTTP), half a second of start-up a JSONL line does not need
    out: list[CodedLine | Document] = []
    for origin, lineno, line in lines:
        if not line.strip():
            out.append(CodedLine("", None, False))
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
            out.append(Document.from_record(obj, origin=origin))
        except (json.JSONDecodeError, ValueError) as exc:
            out.append(CodedLine("", f"{origin}:{lineno}: {exc}", False))
    # the batch's documents are coded together (with the parse, their sentences are parsed in one go)
    coded = iter(coder.code_many([d for d in out if isinstance(d, Document)]))
    return [item if isinstance(item, CodedLine) else _event_lines(next(coded)) for item in out]


def _event_lines(result: Coded | Exception) -> CodedLine:
    if isinstance(result, Exception):
        raise result  # as coding the line alone would
    text = "".join(json.dumps(ev.to_record(), ensure_ascii=False) + "\n" for ev in result[1])
    return CodedLine(text, None, True)


# ---------------------------------------------------------------------------------------- parent side


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class CodingPool:
    """Worker processes with one coder each; :meth:`map` streams batches through them in order.

    >>> with CodingPool(workers=2) as pool:                        # doctest: +SKIP
    ...     for sents, events in pool.map(code_documents_batch, docs):
    ...         ...

    ``workers=None`` uses every core (:func:`default_workers`); ``workers=1`` runs in this process
    (with ``coder`` if given). Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        config: CoderConfig | None = None,
        coder: Coder | None = None,
        batch_size: int = 16,
        max_in_flight: int | None = None,
        start_method: str = "spawn",
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.workers = workers or default_workers()
        self.config = config
        self.batch_size = batch_size
        self.max_in_flight = max_in_flight or 3 * self.workers
        self.start_method = start_method
        self._coder = coder
        self._executor: ProcessPoolExecutor | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (pending batches are cancelled)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _local_coder(self) -> Coder:
        if self._coder is None:
            from bilateral.coding import Coder

            self._coder = Coder(self.config)
        return self._coder

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=mp.get_context(self.start_method),
                initializer=_init_worker,
                initargs=(self.config, os.getpid()),
            )
        return self._executor

    # -- work ---------------------------------------------------------------------------------
    def map(
        self, fn: Callable[[Coder, list[T]], list[R]], items: Iterable[T], *, batch_size: int | None = None
    ) -> Iterator[R]:
        """Apply ``fn`` to ``items`` in batches; yield one result per item, in input order.

        ``items`` is consumed lazily: at most ``max_in_flight`` batches are read ahead of what
        has been yielded. An exception raised by ``fn`` in a worker is raised here. An input
        of a single batch is coded in this process (the workers are started only for more).
        ``batch_size`` overrides the pool's for this call.
        """
        batches = _batched(items, batch_size or self.batch_size)
        if self.workers == 1:
            coder = self._local_coder()
            for batch in batches:
                yield from fn(coder, batch)
            return
        first = next(batches, None)
        if first is None:
            return
        second = next(batches, None)
        if second is None and self._executor is None:
            # one batch in all: coding it here is faster than starting the workers
            yield from fn(self._local_coder(), first)
            return
        pending: deque[Future[list[R]]] = deque()
        try:
            for batch in itertools.chain((first,), (second,) if second is not None else (), batches):
                pending.append(self._pool().submit(_run_task, fn, batch))
                if len(pending) >= self.max_in_flight:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()


class ParallelCoder:
    """A coder for the ingest job that codes each batch of documents across a :class:`CodingPool`.

    It has the ``code_document`` of a :class:`~bilateral.coding.Coder`, plus ``code_documents``,
    which the ingest job uses when present: the results of a whole batch, in order, a failed
    document giving its exception.
    """

    def __init__(self, pool: CodingPool) -> None:
        self.pool = pool

    def code_document(self, doc: Document) -> Coded:
        """Code one document (raises what the coder raises)."""
        (result,) = self.code_documents([doc])
        if isinstance(result, Exception):
            raise result
        return result

    def code_documents(self, docs: Sequence[Document]) -> list[Coded | Exception]:
        """Code ``docs`` across the pool; one result per document, in order.

        The batch is cut into about four tasks per worker, so the workers finish it together.
        """
        size = max(1, -(-len(docs) // (4 * self.pool.workers)))
        return list(self.pool.map(code_documents_batch, list(docs), batch_size=min(size, self.pool.batch_size)))


def code_jsonl(
    lines: Iterable[str],
    out: IO[str],
    pool: CodingPool,
    *,
    origin: str = "-",
    on_error: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """The ``code-text`` loop: JSONL ``lines`` in, event records out, in input order.

    Each bad line is passed to ``on_error`` as ``origin:line: reason``. Returns
    ``(documents read, bad lines)``.
    """
    read = bad = 0
    numbered = ((origin, lineno, line) for lineno, line in enumerate(lines, start=1))
    for result in pool.map(code_lines_batch, numbered):
        if result.error is not None:
            bad += 1
            if on_error is not None:
                on_error(result.error)
            continue
        if result.read:
            read += 1
            if result.output:
                out.write(result.output)
            out.flush()
    return read, bad


@contextmanager
def document_coder(workers: int | None = None, config: CoderConfig | None = None) -> Iterator[Any]:
    """A coder for the ingest job: a plain :class:`~bilateral.coding.Coder` for one worker, else a
    :class:`ParallelCoder` over a :class:`CodingPool` of ``workers`` (all cores for ``None``), closed on exit."""
    n = workers or default_workers()
    if n == 1:
        from bilateral.coding import Coder

        yield Coder(config)
        return
    with CodingPool(n, config=config) as pool:
        yield ParallelCoder(pool)
