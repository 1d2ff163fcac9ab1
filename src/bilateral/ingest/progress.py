"""A ``rich`` progress display for ingest runs: documents, sentences, events and errors as they go."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from bilateral.ingest.job import IngestError, IngestResult


class IngestProgress:
    """Context manager showing a live progress line on stderr; pass :meth:`update` as ``on_progress``.

    ``enabled=None`` shows it only when stderr is a terminal. Error lines are printed
    above the bar (one line each, never wrapped) through :meth:`error_printer`.
    """

    def __init__(self, enabled: bool | None = None, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, soft_wrap=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: Any = None
        self._start = time.monotonic()
        self._last = 0.0
        self._result: IngestResult | None = None

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(bar_width=None),
                TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                console=self.console, transient=False, refresh_per_second=4,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("ingest", total=None, stats="starting…")
        self._start = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._result is not None:
            self._last = 0.0
            self.update(self._result)
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            self._progress = None

    def update(self, result: IngestResult) -> None:
        """Show the running tallies (called by the job after each batch and error)."""
        self._result = result
        if self._progress is None:
            return
        now = time.monotonic()
        if now - self._last < 0.1:
            return
        self._last = now
        rate = result.documents_read / max(now - self._start, 1e-9)
        stats = (f"{result.documents_read:,} documents ({result.documents_added:,} new) · "
                 f"{result.sentences:,} sentences · {result.events:,} events · "
                 f"{len(result.errors):,} errors · {rate:,.0f} docs/s")
        self._progress.update(self._task, stats=stats)

    def error_printer(self, fallback: Callable[[str], None]) -> Callable[[IngestError], None]:
        """An ``on_error`` callback printing ``origin: reason`` above the bar (or with ``fallback``)."""

        def show(err: IngestError) -> None:
            if self._progress is not None:
                self._progress.console.print(str(err), markup=False, highlight=False, soft_wrap=True)
            else:
                fallback(str(err))
                sys.stderr.flush()

        return show
