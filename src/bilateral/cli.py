"""The ``bilateral`` command: a thin click layer over the library.

Every command reports a problem as one line on stderr (``error: …`` or
``path[:line]: reason``); ``--debug`` (or ``BILATERAL_DEBUG=1``) adds the traceback of an
unexpected error.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

import click

from bilateral.model import EVENT_FIELDS, STATUSES, Event
from bilateral.store import DEFAULT_DB, Store

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


def _console() -> Console:
    """A console for stdout; wide when stdout is not a terminal (pipes, files, tests)."""
    from rich.console import Console  # imported when a command prints through it: start-up stays short

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=max(160, console.width))
    return console


def _err(line: str) -> None:
    click.echo(line, err=True)


@contextmanager
def _open_store(db: str, *, must_exist: bool, threads: int | None = None) -> Iterator[Store]:
    if must_exist and db != ":memory:" and not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run `bilateral ingest` first)")
    store = Store(db, threads=threads)
    try:
        yield store
    finally:
        store.close()


def _coder_config(explain: bool = False, learned_filter: bool = False, threshold: float | None = None,
                  syntax: bool = False) -> Any:
    from bilateral.coding import CoderConfig

    return CoderConfig(explain=explain, learned_filter=learned_filter, filter_threshold=threshold, syntax=syntax)


def _coder(explain: bool = False, learned_filter: bool = False, threshold: float | None = None,
           syntax: bool = False) -> Any:
    from bilateral.coding import Coder

    return Coder(_coder_config(explain, learned_filter, threshold, syntax))


def filter_options(f: Any) -> Any:
    """``--filter`` and ``--filter-threshold``: judge events between two states with the learned filter;
    ``--syntax``: read roles and scope from the dependency parse."""
    f = click.option("--syntax/--no-syntax", "syntax", default=False, show_default=True,
                     help="Read roles and scope from the dependency parse (slower; EVALUATION.md).")(f)
    f = click.option("--filter-threshold", "filter_threshold", type=click.FloatRange(0, 1), default=None,
                     metavar="P", help="Keep threshold of the learned filter (default: the model's own).")(f)
    return click.option("--filter/--no-filter", "learned_filter", default=False, show_default=True,
                        help="Judge events between two state actors with the learned filter (adds a confidence).")(f)


db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="DuckDB file of the store."
)
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=None, metavar="N",
    help="Coding processes, each with its own coder (default: all cores). Output is the same for any N.",
)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bilateral")
@click.option("--debug", is_flag=True, envvar="BILATERAL_DEBUG",
              help="Show the traceback of an unexpected error (also BILATERAL_DEBUG=1).")
def main(debug: bool) -> None:
    """Code news into political events; ask whether warm words between two countries become deeds.

    Actors (A, B, --source, --target, --peers) are codes (PAK), names or aliases (Pakistan, "the US").
    """


_STORED_ACTORS = (
    "SELECT source FROM events WHERE source IS NOT NULL UNION SELECT target FROM events WHERE target IS NOT NULL"
)


def _actor(store: Store, text: str) -> str:
    """The actor code meant by ``text`` (a code, a name or an alias); a clear error naming the nearest codes."""
    from bilateral.actor_names import UnknownActor, actor_code

    try:
        return actor_code(text)
    except UnknownActor:
        stored = [str(r[0]) for r in store.connection.execute(_STORED_ACTORS).fetchall()]
        try:
            return actor_code(text, stored)  # a code of an imported dataset the dictionary lacks
        except UnknownActor as exc:
            raise click.ClickException(str(exc)) from None


def _ingest(paths: list[str], db: str, fmt: str | None, console: Console, workers: int | None = 1, *,
            options: Any = None, dry_run: bool = False, progress: bool | None = None, config: Any = None) -> int:
    from bilateral.ingest import ingest_paths
    from bilateral.ingest.job import INGEST_THREADS
    from bilateral.ingest.progress import IngestProgress
    from bilateral.scale.parallel import document_coder

    if dry_run and (db == ":memory:" or not Path(db).exists()):
        # nothing stored yet: check against an empty in-memory store (read-only DuckDB needs a file)
        store_cm: Any = _open_store(":memory:", must_exist=False)
    elif dry_run:
        store_cm = contextlib.closing(Store(db, read_only=True))
    else:
        store_cm = _open_store(db, must_exist=False, threads=INGEST_THREADS)
    with store_cm as store, document_coder(workers, config) as coder, IngestProgress(enabled=progress) as bar:
        result = ingest_paths(paths, store, coder, format=fmt, options=options, dry_run=dry_run,
                              on_error=bar.error_printer(_err), on_progress=bar.update)
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
    sys.exit(_ingest(list(paths), db, fmt, _console(), workers, options=options, dry_run=dry_run,
                     progress=progress, config=_coder_config(False, learned_filter, filter_threshold, syntax)))


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

    with CodingPool(workers, config=_coder_config(False, learned_filter, filter_threshold, syntax)) as pool:
        read, bad = code_jsonl(file, out, pool, origin=getattr(file, "name", "-"), on_error=_err)
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
        res = run_batch(input_path, outdir, shard_size=shard_size, pool=pool, on_error=_err)
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


def _write_events(events: list[Event], fmt: str, console: Console) -> None:
    if fmt == "table":
        from bilateral.report import print_events

        print_events(events, console)
    elif fmt == "jsonl":
        for ev in events:
            click.echo(json.dumps(ev.to_record(), ensure_ascii=False))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(EVENT_FIELDS), lineterminator="\n")
        writer.writeheader()
        for ev in events:
            rec = ev.to_record()
            rec["span"] = f"{ev.span[0]}-{ev.span[1]}"
            writer.writerow(rec)


@main.command()
@db_option
@click.option("--source", default=None, help="Source actor: a code or a name (USA, \"the US\").")
@click.option("--target", default=None, help="Target actor: a code or a name (PAK, Pakistan).")
@click.option("--since", default=None, metavar="DATE", help="Earliest event date (YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Latest event date (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(STATUSES), default=None)
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(db: str, source: str | None, target: str | None, since: str | None, until: str | None,
           status: str | None, limit: int | None, fmt: str) -> None:
    """List stored events, filtered by actors, dates and status."""
    with _open_store(db, must_exist=True) as store:
        evs = store.events(
            source=_actor(store, source) if source else None, target=_actor(store, target) if target else None,
            since=since, until=until, status=status, limit=limit,
        )
    _write_events(evs, fmt, _console())


def _peers(store: Store, value: str | None) -> list[str] | None:
    """``--peers IND,Bangladesh`` → ``["IND", "BGD"]``; ``--peers ''`` → ``[]``; absent → ``None`` (automatic)."""
    if value is None:
        return None
    return [_actor(store, p) for p in value.split(",") if p.strip()]


_by_option = click.option("--by", type=click.Choice(["week", "month", "quarter", "year"]), default=None,
                          help="Also measure per period (a series).")
_peers_option = click.option("--peers", default=None, metavar="X,Y",
                             help="Receivers to compare with (default: the partner's most frequent targets).")
_horizon_option = click.option("--horizon", default=180, show_default=True, metavar="DAYS",
                               help="Days a promise has to be kept before it lapses.")
_background_option = click.option("--background", is_flag=True, default=False,
                                  help="Also count events recalled from well before their article (background).")


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--since", default=None, metavar="DATE")
@click.option("--until", default=None, metavar="DATE")
@click.option("--evidence", default=5, show_default=True, help="Evidence sentences per direction.")
@_by_option
@_peers_option
@_horizon_option
@_background_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def gap(a: str, b: str, db: str, since: str | None, until: str | None, evidence: int, by: str | None,
        peers: str | None, horizon: int, background: bool, fmt: str) -> None:
    """Words vs deeds between A and B, both ways: tallies, gap index, series, ledger, promises, peers, verdict."""
    from bilateral.analysis.cache import cached_profile_json, dyad_cached

    options: dict[str, Any] = {"by": by, "since": since, "until": until, "horizon_days": horizon,
                               "evidence": evidence, "background": background}
    # the printed text is kept with the profile: laying out a large profile takes longer than loading it.
    # It is looked up first in the store opened read-only (no migration, no key index); only a result
    # not kept yet opens it for writing, computes and keeps it.
    if fmt == "json":
        text = _gap_text(db, a, b, peers, cached_profile_json, {}, options)
        click.echo(text)
        return
    console = _console()
    table = dyad_cached("gap_table")(_gap_table)
    text = _gap_text(db, a, b, peers, table, {"width": console.width, "color_system": console.color_system},
                     options)
    console.file.write(text)
    console.file.flush()


def _gap_text(db: str, a: str, b: str, peers: str | None, fn: Any, layout: dict[str, Any],
              options: dict[str, Any]) -> str:
    """The kept text of ``fn(store, A, B, **layout, **options)``, computed (and kept) when not kept yet."""
    if db != ":memory:" and Path(db).exists():
        with contextlib.closing(Store(db, read_only=True)) as store:
            code_a, code_b = _actor(store, a), _actor(store, b)
            found, text = fn.kept(store, code_a, code_b, **layout, **options, peers=_peers(store, peers))
        if found:
            return str(text)
    with _open_store(db, must_exist=True) as store:
        code_a, code_b = _actor(store, a), _actor(store, b)
        return str(fn(store, code_a, code_b, **layout, **options, peers=_peers(store, peers)))


def _gap_table(store: Store, a: str, b: str, *, width: int, color_system: str | None, **options: Any) -> str:
    """``bilateral gap``'s tables as text for a console ``width`` wide with ``color_system`` (None: no colour)."""
    from rich.console import Console

    from bilateral.analysis.cache import cached_summary
    from bilateral.report import print_gap
    from bilateral.report.measures import print_profile

    result = cached_summary(store, a, b, **options)
    console = Console(soft_wrap=False, width=width, color_system=color_system,  # type: ignore[arg-type]
                      force_terminal=color_system is not None)
    with console.capture() as captured:
        print_gap(result.gap, console)
        print_profile(result, console)
    return captured.get()


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("-o", "--output", "out", default=None, type=click.Path(dir_okay=False),
              help="File to write (default report-A-B.html or .md).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default=None,
              help="html (one self-contained file) or md (Markdown with PNG charts beside it); "
                   "default from the output's suffix, else html.")
@click.option("--since", default=None, metavar="DATE")
@click.option("--until", default=None, metavar="DATE")
@click.option("--by", type=click.Choice(["week", "month", "quarter", "year"]), default="month", show_default=True,
              help="Period of the timeline.")
@_peers_option
@_horizon_option
@_background_option
def report(a: str, b: str, db: str, out: str | None, fmt: str | None, since: str | None, until: str | None,
           by: str, peers: str | None, horizon: int, background: bool) -> None:
    """Write the A–B report: verdict, timeline, ledger, promises, peers, every number linked to its evidence."""
    from bilateral.analysis.cache import cached_profile
    from bilateral.report.html import write_html, write_markdown

    if fmt is None:
        fmt = "md" if out and out.lower().endswith(".md") else "html"
    with _open_store(db, must_exist=True) as store:
        a, b = _actor(store, a), _actor(store, b)
        profile = cached_profile(store, a, b, by=by, peers=_peers(store, peers), since=since, until=until,
                                 horizon_days=horizon, background=background)
    path = out or f"report-{a}-{b}.{fmt}"
    write = write_markdown if fmt == "md" else write_html
    written = write(profile, path, db_name=db)
    _add_gdelt_section(written, db, a, b, fmt, since, until)
    if profile.empty:
        _err(f"note: no events between {a} and {b} are stored; the report says so")
    click.echo(f"wrote {written}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--predictions", type=click.Path(dir_okay=False), default=None,
              help="Also write the predicted events (JSONL) here.")
@filter_options
def evaluate(gold: str, as_json: bool, predictions: str | None, learned_filter: bool,
             filter_threshold: float | None, syntax: bool) -> None:
    """Score the coder on a labelled JSONL set (same metrics as the reference scorer)."""
    from bilateral.coding.evaluate import evaluate as run_evaluation

    metrics = run_evaluation(gold, _coder(False, learned_filter, filter_threshold, syntax),
                              predictions_out=predictions)
    if as_json:
        click.echo(json.dumps(metrics))
    else:
        for k, v in metrics.items():
            click.echo(f"{k:26} {v}")


@main.command()
@click.argument("sentence")
@click.option("--date", default=None, metavar="DATE")
@click.option("--why-not", "why_not", is_flag=True,
              help="Also list every candidate the rules proposed and dropped: the stage, the rule and the words.")
@filter_options
def explain(sentence: str, date: str | None, why_not: bool, learned_filter: bool,
            filter_threshold: float | None, syntax: bool) -> None:
    """Code one sentence and show each event with the dictionary entries and cues behind it."""
    from dataclasses import asdict

    coder = _coder(True, learned_filter, filter_threshold, syntax)
    if why_not:
        explanation = coder.explain_sentence(sentence, date=date)
        events_, rejections = explanation.events, explanation.rejections
    else:
        events_, rejections = coder.code_sentence(sentence, date=date), []
    console = _console()
    if not events_:
        console.print("no event coded")
    for i, ev in enumerate(events_, start=1):
        rec = ev.to_record()
        s, t = ev.span
        console.print(f"[bold]event {i}[/bold]: {rec['source']} → {rec['target']}  cameo {rec['cameo']} "
                      f"(quad {rec['quad_class']}, goldstein {rec['goldstein']})  {rec['status']} · "
                      f"{rec['channel']}  plover {rec['plover']}", highlight=False)
        console.print(f"  evidence: {ev.sentence[s:t]!r} [{s}:{t}]", highlight=False)
        if ev.trace is not None:
            for k, v in asdict(ev.trace).items():
                if v:
                    console.print(f"  {k}: {v}", highlight=False)
    if not why_not:
        return
    if not rejections:
        console.print("no candidate dropped")
        return
    console.print(f"[bold]dropped[/bold]: {len(rejections)} candidate(s)", highlight=False)
    for r in rejections:
        where = f" (tokens {r.tokens[0]}-{r.tokens[1]})" if r.tokens is not None else ""
        score = f" (score {r.score:.2f})" if r.score is not None else ""
        console.print(f"  {r.stage} · {r.reason}{score}: {r.words!r}{where} {r.detail}", highlight=False)
        if r.event is not None:
            rec = r.event.to_record()
            console.print(f"      would have been {rec['source']} → {rec['target']} cameo {rec['cameo']} "
                          f"{rec['status']} · {rec['channel']}", highlight=False)


@main.command()
@click.option("--keep", type=click.Path(dir_okay=False), default=None,
              help="Keep the demo database at this path instead of a temporary file.")
def demo(keep: str | None) -> None:
    """Ingest the bundled sample article into a temporary database and print the PAK–USA gap."""
    from bilateral.analysis import dyad_gap
    from bilateral.report import print_gap

    console = _console()
    sample = resources.files("bilateral") / "data" / "samples" / SAMPLE
    with tempfile.TemporaryDirectory(prefix="bilateral-demo-") as tmp:
        text_path = Path(tmp) / SAMPLE
        text_path.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
        db = keep or str(Path(tmp) / "demo.duckdb")
        console.print(f"[bold]bilateral demo[/bold]: ingesting the bundled sample {SAMPLE}", highlight=False)
        code = _ingest([str(text_path)], db, None, console)
        if code:
            sys.exit(code)
        with _open_store(db, must_exist=True) as store:
            print_gap(dyad_gap(store, *SAMPLE_DYAD), console)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; the default keeps the dashboard on this machine.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--write-token", envvar="BILATERAL_WRITE_TOKEN", default=None, metavar="TOKEN",
              help="Allow corrections from clients sending this token (also $BILATERAL_WRITE_TOKEN); "
                   "without it the server is read-only.")
def serve(db: str, host: str, port: int, write_token: str | None) -> None:
    """Serve the local dashboard and JSON API over the store."""
    from bilateral.web import serve as run_server

    if db != ":memory:" and not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run `bilateral ingest` first)")
    run_server(db, host=host, port=port, write_token=write_token or None, echo=click.echo)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt"]), default="jsonl",
              show_default=True, help="gdelt: GDELT 2.0 events rows (61 columns, tab-separated, lossy).")
@click.option("-o", "--output", "output", default="-", metavar="OUT",
              help="File to write (default stdout; parquet needs a file).")
@click.option("--what", type=click.Choice(["events", "documents"]), default="events", show_default=True)
def export(db: str, fmt: str, output: str, what: str) -> None:
    """Export the stored events (or documents) as CSV, JSON Lines, Parquet or GDELT rows."""
    from bilateral.store.export import export_documents, export_events

    run = export_events if what == "events" else export_documents
    with _open_store(db, must_exist=True) as store:
        if fmt == "parquet":
            if output == "-":
                raise click.ClickException("parquet needs an output file (-o FILE)")
            n = run(store, fmt, path=output)
        elif output == "-":
            n = run(store, fmt, out=sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = run(store, fmt, out=fh)
    _err(f"{n} {what} exported" + (f" → {output}" if output != "-" else ""))


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
    with _open_store(db, must_exist=False, threads=INGEST_THREADS) as store:
        coder = _coder()
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


def _add_gdelt_section(report: Path, db: str, a: str, b: str, fmt: str, since: str | None, until: str | None) -> None:
    from bilateral.analysis.gdelt_compare import gdelt_compare
    from bilateral.report.gdelt import add_compare_section

    with _open_store(db, must_exist=True) as store:
        comparison = gdelt_compare(store.connection, a, b, since=since, until=until)
    add_compare_section(report, comparison, fmt)


if __name__ == "__main__":  # pragma: no cover
    main()
