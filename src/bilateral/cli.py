"""The ``bilateral`` command: a thin click layer over the library.

Every command reports a problem as one line on stderr (``error: …`` or
``path[:line]: reason``); ``--debug`` (or ``BILATERAL_DEBUG=1``) adds the traceback of an
unexpected error.

The group and the commands that code text (``ingest``, ``code-text``, ``batch``, ``spark-code``,
``demo``, ``watch``) are here; the commands that read a stored database are in ``_cli_store.py``,
those that run the coder alone in ``_cli_coder.py``, what they share in ``_cli_support.py``, and the
GDELT bridge in ``cli_gdelt.py`` (loaded only when named).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import traceback
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

import click

from bilateral._cli_coder import evaluate, explain
from bilateral._cli_store import events, export, gap, report, serve
from bilateral._cli_support import (
    coder_config,
    db_option,
    echo_err,
    filter_options,
    new_coder,
    open_store,
    stdout_console,
    workers_option,
)
from bilateral.store import Store

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["main"]

SAMPLE = "pakistan_us_sample.txt"
SAMPLE_DYAD = ("PAK", "USA")


class _OneLineErrors(click.Group):
    """A click group that turns any unexpected exception into one ``error:`` line and exit code 1.

    With ``--debug`` the traceback is printed first.
    """

    #: Commands defined in other modules, imported only when named (or listed by ``--help``).
    LAZY: ClassVar[dict[str, tuple[str, str]]] = {
        "gdelt": ("bilateral.cli_gdelt", "gdelt"), "compare": ("bilateral.cli_gdelt", "compare"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY and cmd_name not in self.commands:
            import importlib

            module, attr = self.LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the promise: one line, and the traceback only when asked for
            if ctx.params.get("debug"):
                traceback.print_exc()
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            click.echo(f"error: {msg}", err=True)
            sys.exit(1)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bilateral")
@click.option("--debug", is_flag=True, envvar="BILATERAL_DEBUG",
              help="Show the traceback of an unexpected error (also BILATERAL_DEBUG=1).")
def main(debug: bool) -> None:
    """Code news into political events; ask whether warm words between two countries become deeds.

    Actors (A, B, --source, --target, --peers) are codes (PAK), names or aliases (Pakistan, "the US").
    """


main.add_command(events)
main.add_command(gap)
main.add_command(report)
main.add_command(serve)
main.add_command(export)
main.add_command(evaluate)
main.add_command(explain)

def _ingest(paths: list[str], db: str, fmt: str | None, console: Console, workers: int | None = 1, *,
            options: Any = None, dry_run: bool = False, progress: bool | None = None, config: Any = None) -> int:
    from bilateral.ingest import ingest_paths
    from bilateral.ingest.job import INGEST_THREADS
    from bilateral.ingest.progress import IngestProgress
    from bilateral.scale.parallel import document_coder

    if dry_run and (db == ":memory:" or not Path(db).exists()):
        # nothing stored yet: check against an empty in-memory store (read-only DuckDB needs a file)
        store_cm: Any = open_store(":memory:", must_exist=False)
    elif dry_run:
        store_cm = contextlib.closing(Store(db, read_only=True))
    else:
        store_cm = open_store(db, must_exist=False, threads=INGEST_THREADS)
    with store_cm as store, document_coder(workers, config) as coder, IngestProgress(enabled=progress) as bar:
        result = ingest_paths(paths, store, coder, format=fmt, options=options, dry_run=dry_run,
                              on_error=bar.error_printer(echo_err), on_progress=bar.update)
    if dry_run:
        console.print(
            f"dry run: {result.documents_added} documents would be added ({result.documents_skipped} already "
            f"stored), {result.sentences} sentences, {result.events} events, {len(result.errors)} errors; "
            f"nothing written to {db}", soft_wrap=True,
        )
    else:
        console.print(
            f"{result.documents_added} documents added, {result.documents_skipped} already stored, "
            f"{result.sentences} sentences, {result.events} events, {len(result.errors)} errors → {db}",
            soft_wrap=True,
        )
    return 1 if result.nothing_ingested else 0


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", default=None,
              help="Reader to use for every file (txt, jsonl, csv, html, rss, urls, gdelt, icews, polecat, events).")
@workers_option
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("--date", "default_date", default=None, metavar="DATE",
              help="Date for documents whose metadata and dateline give none (YYYY-MM-DD).")
@click.option("--text-field", default=None, metavar="NAME", help="JSONL key / CSV column holding the text.")
@click.option("--date-field", default=None, metavar="NAME", help="… holding the date.")
@click.option("--id-field", default=None, metavar="NAME", help="… holding the id.")
@click.option("--url-field", default=None, metavar="NAME", help="… holding the URL.")
@click.option("--title-field", default=None, metavar="NAME", help="… holding the title.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds before a URL fetch gives up.")
@click.option("--retries", default=2, show_default=True, help="Retries of a URL that times out or fails.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@filter_options
def ingest(paths: tuple[str, ...], db: str, fmt: str | None, workers: int | None, dry_run: bool,
           default_date: str | None, text_field: str | None, date_field: str | None, id_field: str | None,
           url_field: str | None, title_field: str | None, timeout: float, retries: int,
           progress: bool | None, learned_filter: bool, filter_threshold: float | None, syntax: bool) -> None:
    """Read files, folders, globs or URLs, code them, and store documents, sentences and events."""
    from bilateral.dates import normalize_date
    from bilateral.ingest import FieldMap, ReadOptions

    day = normalize_date(default_date) if default_date else None
    if default_date and day is None:
        raise click.BadParameter(f"{default_date!r} is not a date (use YYYY-MM-DD)", param_hint="--date")
    options = ReadOptions(
        fields=FieldMap(text=text_field, date=date_field, id=id_field, url=url_field, title=title_field),
        default_date=day, timeout=timeout, retries=retries,
    )
    sys.exit(_ingest(list(paths), db, fmt, stdout_console(), workers, options=options, dry_run=dry_run,
                     progress=progress, config=coder_config(False, learned_filter, filter_threshold, syntax)))


@main.command("code-text")
@click.argument("file", default="-", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", "out", default="-", type=click.File("w", encoding="utf-8"),
              help="Where to write the JSONL events (default stdout).")
@workers_option
@filter_options
def code_text(file: TextIO, out: TextIO, workers: int | None, learned_filter: bool,
              filter_threshold: float | None, syntax: bool) -> None:
    """Code JSONL lines {"id", "text", "date"?} into one JSON event record per line, in order."""
    from bilateral.scale.parallel import CodingPool, code_jsonl

    with CodingPool(workers, config=coder_config(False, learned_filter, filter_threshold, syntax)) as pool:
        read, bad = code_jsonl(file, out, pool, origin=getattr(file, "name", "-"), on_error=echo_err)
    if read == 0 and bad > 0:
        sys.exit(1)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.argument("outdir", metavar="OUTDIR", type=click.Path(file_okay=False))
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Input lines per shard.")
@workers_option
def batch(input_path: str, outdir: str, shard_size: int, workers: int | None) -> None:
    """Code a JSONL file shard by shard into OUTDIR/shard-NNNNNN.jsonl; a rerun skips finished shards."""
    from bilateral.scale.batch import run_batch
    from bilateral.scale.parallel import CodingPool

    with CodingPool(workers) as pool:
        res = run_batch(input_path, outdir, shard_size=shard_size, pool=pool, on_error=echo_err)
    click.echo(f"{res.shards} shards: {res.shards_done} coded now, {res.shards_skipped} already done; "
               f"{res.documents} documents, {res.events} events, {res.bad_lines} bad lines → {outdir}")


@main.command("spark-code")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "text"]), default="jsonl",
              show_default=True, help="What INPUT holds.")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Partitions to code in.")
@click.option("--master", default=None, help="Spark master (default: local[*], or spark-submit's).")
def spark_code(input_path: str, output: str, fmt: str, partitions: int | None, master: str | None) -> None:
    """Code INPUT with Apache Spark (mapPartitions) into events Parquet at OUTPUT, partitioned by date."""
    from bilateral.scale.spark import SparkMissing, code_to_parquet, spark_session

    try:
        spark = spark_session(master)
    except SparkMissing as exc:
        raise click.ClickException(str(exc)) from None
    try:
        res = code_to_parquet(spark, input_path, output, format=fmt, partitions=partitions)
    finally:
        spark.stop()
    click.echo(f"{res.events} events → {res.output}")


@main.command()
@click.option("--keep", type=click.Path(dir_okay=False), default=None,
              help="Keep the demo database at this path instead of a temporary file.")
def demo(keep: str | None) -> None:
    """Ingest the bundled sample article into a temporary database and print the PAK–USA gap."""
    from bilateral.analysis import dyad_gap
    from bilateral.report import print_gap

    console = stdout_console()
    sample = resources.files("bilateral") / "data" / "samples" / SAMPLE
    with tempfile.TemporaryDirectory(prefix="bilateral-demo-") as tmp:
        text_path = Path(tmp) / SAMPLE
        text_path.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
        db = keep or str(Path(tmp) / "demo.duckdb")
        console.print(f"[bold]bilateral demo[/bold]: ingesting the bundled sample {SAMPLE}", highlight=False)
        code = _ingest([str(text_path)], db, None, console)
        if code:
            sys.exit(code)
        with open_store(db, must_exist=True) as store:
            print_gap(dyad_gap(store, *SAMPLE_DYAD), console)


@main.command()
@click.argument("sources", type=click.Path(dir_okay=False))
@click.option("--every", default="15m", show_default=True, metavar="INTERVAL",
              help="Time between rounds: 30s, 15m, 1h …")
@db_option
@click.option("--once", is_flag=True, help="Poll every source once and stop.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds before a fetch gives up.")
@click.option("--retries", default=2, show_default=True, help="Retries of a fetch that times out or fails.")
def watch(sources: str, every: str, db: str, once: bool, timeout: float, retries: int) -> None:
    """Poll the feeds and pages listed in SOURCES (one URL a line) and ingest what is new.

    Each poll logs one line; a source that is down is retried next round; Ctrl-C stops cleanly.
    """
    import signal
    import threading

    from bilateral.ingest import ReadOptions
    from bilateral.ingest.job import INGEST_THREADS
    from bilateral.ingest.watch import parse_interval, read_sources
    from bilateral.ingest.watch import watch as run_watch

    try:
        interval = parse_interval(every)
        urls = read_sources(sources)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    stop = threading.Event()

    def on_ctrl_c(signum: int, frame: object) -> None:
        if stop.is_set():  # a second Ctrl-C does not wait for the poll in progress
            raise KeyboardInterrupt
        stop.set()  # the first one lets the poll in progress finish and store what it got

    rounds = 0
    with open_store(db, must_exist=False, threads=INGEST_THREADS) as store:
        coder = new_coder()
        click.echo(f"watching {len(urls)} sources every {every} → {db} (Ctrl-C stops)", err=True)
        previous = signal.signal(signal.SIGINT, on_ctrl_c)
        try:
            rounds = run_watch(urls, store, coder, every=interval, once=once, stop=stop,
                               log=lambda line: click.echo(line), options=ReadOptions(timeout=timeout, retries=retries))
        except KeyboardInterrupt:
            click.echo("watch stopped", err=True)
            return
        finally:
            signal.signal(signal.SIGINT, previous)
    if not once or stop.is_set():
        click.echo(f"watch stopped after {rounds} rounds", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
