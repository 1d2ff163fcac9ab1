"""The ``bilateral gdelt`` and ``bilateral compare`` commands (registered on the main group by ``cli.py``).

Kept apart from ``cli.py`` so the GDELT bridge is one module of commands: the library does the
work (:mod:`bilateral.ingest.gdelt_run`, :mod:`bilateral.analysis.gdelt_compare`).
"""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from bilateral.store import DEFAULT_DB, Store


def resolve_actor_code(value: str) -> str:
    """An actor given as a code (``PAK``, ``usa``) or a name (``Pakistan``, ``the United States``) as its code.

    The CLI's resolver (:func:`bilateral.actor_names.actor_code`); a three-letter code it does not
    know is kept as written (GDELT's rows are matched by their CAMEO codes); anything else is a
    ``click.BadParameter`` naming the value and the nearest codes.
    """
    from bilateral.actor_names import UnknownActor, actor_code

    try:
        return actor_code(value)
    except UnknownActor as exc:
        text = value.strip()
        if len(text) == 3 and text.isalpha():
            return text.upper()
        raise click.BadParameter(str(exc)) from None


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=option) from None


class RichRunDisplay:
    """The run's ``rich`` progress bar (files, then articles) on stderr, log lines printed above it."""

    def __init__(self, enabled: bool | None) -> None:
        self.console = Console(stderr=True, soft_wrap=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress: Progress | None = None
        self._files: TaskID | None = None
        self._articles: TaskID | None = None

    def __enter__(self) -> RichRunDisplay:
        if self.enabled:
            self._progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(bar_width=None),
                                      MofNCompleteColumn(), TimeElapsedColumn(), console=self.console,
                                      refresh_per_second=4)
            self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            self._progress = None

    def log(self, line: str) -> None:
        """One line above the bar (or on stderr)."""
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def files(self, total: int) -> None:
        """Start the files bar."""
        if self._progress is not None:
            self._files = self._progress.add_task("files", total=total)

    def file_done(self) -> None:
        """Advance the files bar."""
        if self._progress is not None and self._files is not None:
            self._progress.advance(self._files)

    def articles(self, total: int) -> None:
        """Start the articles bar."""
        if self._progress is not None:
            self._articles = self._progress.add_task("articles", total=total)

    def articles_done(self, n: int) -> None:
        """Advance the articles bar."""
        if self._progress is not None and self._articles is not None:
            self._progress.advance(self._articles, n)


def _mib(n: int | None) -> str:
    return "size not listed" if n is None else f"{n / 2**20:,.1f} MiB"


@click.command("gdelt")
@click.argument("a")
@click.argument("b")
@click.option("--since", required=True, metavar="DATE", help="First day (YYYY-MM-DD, UTC).")
@click.option("--until", required=True, metavar="DATE", help="Last day, inclusive.")
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="DuckDB file of the store.")
@click.option("--dry-run", is_flag=True, help="Say how many files and articles a run would fetch; fetch only the "
                                              "file list, write nothing to the store.")
@click.option("--files", "files", type=click.Choice(["auto", "15min", "daily"]), default="auto", show_default=True,
              help="GDELT 2.0 15-minute exports, or the 1.0 daily files (auto: daily beyond 7 days).")
@click.option("--base-url", envvar="BILATERAL_GDELT_URL", default="http://data.gdeltproject.org/", show_default=True,
              help="Where GDELT's lists and files are (also $BILATERAL_GDELT_URL): a mirror, a test server.")
@click.option("--cache", "cache", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="Folder of downloaded files (default $BILATERAL_GDELT_CACHE, else ~/.cache/bilateral/gdelt).")
@click.option("--per-host", default=2, show_default=True, type=click.IntRange(min=1),
              help="Article requests in flight to one host.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds between two article requests to one host.")
@click.option("--fetchers", default=8, show_default=True, type=click.IntRange(min=1),
              help="Article requests in flight in all.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds before a request gives up.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0),
              help="Retries of a request that times out or gets a 429/5xx (exponential back-off).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def gdelt(a: str, b: str, since: str, until: str, db: str, dry_run: bool, files: str, base_url: str,
          cache: str | None, per_host: int, delay: float, fetchers: int, timeout: float, retries: int,
          progress: bool | None) -> None:
    """Import GDELT's events between A and B (either way) and fetch, code and store the articles they cite."""
    from bilateral.ingest.gdelt_run import GdeltRequest, default_cache, plan_gdelt, run_gdelt
    from bilateral.ingest.job import INGEST_THREADS

    code_a, code_b = resolve_actor_code(a), resolve_actor_code(b)
    if code_a == code_b:
        raise click.BadParameter("A and B must be two different actors")
    first, last = _day(since, "--since"), _day(until, "--until")
    if last < first:
        raise click.BadParameter("--until is before --since")
    req = GdeltRequest(code_a, code_b, first, last, base_url=base_url, cache=Path(cache) if cache else default_cache(),
                       files=files, per_host=per_host, delay=delay, workers=fetchers, timeout=timeout,
                       retries=retries)
    kind = "15-minute exports" if req.layout == "15min" else "daily files"
    if dry_run:
        store_cm: Any = (contextlib.closing(Store(db, read_only=True)) if Path(db).exists()
                         else contextlib.nullcontext(None))
        with store_cm as store:
            plan = plan_gdelt(store.connection if store is not None else None, req)
        click.echo(f"dry run: {plan.files} {kind} for {first}..{last}: {plan.files_downloaded} to download "
                   f"({_mib(plan.bytes_to_download)}), {plan.files_cached} cached; {plan.articles_todo} articles "
                   f"to fetch ({plan.rows} {code_a}-{code_b} rows in the cached files; the files not downloaded "
                   f"yet may name more); nothing written to {db}")
        return
    with contextlib.closing(Store(db, threads=INGEST_THREADS)) as store, RichRunDisplay(progress) as display:
        from bilateral.coding import Coder

        res = run_gdelt(store, Coder(), req, display)
    art = res.articles
    click.echo(f"{res.files} {kind} ({res.files_downloaded} downloaded, {res.files_cached} cached, "
               f"{res.files_failed} failed): {res.rows} {code_a}-{code_b} rows, {res.events_added} new GDELT events; "
               f"articles: {art.fetched} fetched, {art.stored} stored ({art.events} events), {art.already} already "
               f"stored, {art.failed} failed ({art.forbidden} forbidden by robots.txt), {art.errors} to retry → {db}")
    if res.files and res.files_failed == res.files:
        sys.exit(1)


@click.command("compare")
@click.argument("a")
@click.argument("b")
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="DuckDB file of the store.")
@click.option("--since", default=None, metavar="DATE", help="Earliest GDELT event date (YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Latest GDELT event date (YYYY-MM-DD).")
@click.option("--rows", "max_rows", default=50, show_default=True, type=click.IntRange(min=0),
              help="Rows of the side-by-side table (the JSON has them all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def compare(a: str, b: str, db: str, since: str | None, until: str | None, max_rows: int, fmt: str) -> None:
    """GDELT's events between A and B against ours, for the articles coded by both."""
    from bilateral.analysis.gdelt_compare import gdelt_compare
    from bilateral.report.gdelt import print_compare

    code_a, code_b = resolve_actor_code(a), resolve_actor_code(b)
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run `bilateral gdelt` first)")
    with contextlib.closing(Store(db, read_only=True)) as store:
        result = gdelt_compare(store.connection, code_a, code_b, since=since, until=until)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=max(160, console.width), color_system=None)
    print_compare(result, console, max_rows=max_rows)
