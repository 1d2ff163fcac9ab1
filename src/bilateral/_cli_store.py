"""The commands that read a stored database: ``events``, ``gap``, ``report``, ``serve`` and ``export``
(registered on the main group by ``cli.py``)."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bilateral._cli_support import db_option, echo_err, open_store, resolve_actor, resolve_peers, stdout_console
from bilateral.model import EVENT_FIELDS, STATUSES, Event
from bilateral.store import Store

if TYPE_CHECKING:
    from rich.console import Console


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


@click.command()
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
    with open_store(db, must_exist=True) as store:
        evs = store.events(
            source=resolve_actor(store, source) if source else None,
            target=resolve_actor(store, target) if target else None,
            since=since, until=until, status=status, limit=limit,
        )
    _write_events(evs, fmt, stdout_console())


_by_option = click.option("--by", type=click.Choice(["week", "month", "quarter", "year"]), default=None,
                          help="Also measure per period (a series).")
_peers_option = click.option("--peers", default=None, metavar="X,Y",
                             help="Receivers to compare with (default: the partner's most frequent targets).")
_horizon_option = click.option("--horizon", default=180, show_default=True, metavar="DAYS",
                               help="Days a promise has to be kept before it lapses.")
_background_option = click.option("--background", is_flag=True, default=False,
                                  help="Also count events recalled from well before their article (background).")


@click.command()
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
    console = stdout_console()
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
            code_a, code_b = resolve_actor(store, a), resolve_actor(store, b)
            found, text = fn.kept(store, code_a, code_b, **layout, **options, peers=resolve_peers(store, peers))
        if found:
            return str(text)
    with open_store(db, must_exist=True) as store:
        code_a, code_b = resolve_actor(store, a), resolve_actor(store, b)
        return str(fn(store, code_a, code_b, **layout, **options, peers=resolve_peers(store, peers)))


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


@click.command()
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
    with open_store(db, must_exist=True) as store:
        a, b = resolve_actor(store, a), resolve_actor(store, b)
        profile = cached_profile(store, a, b, by=by, peers=resolve_peers(store, peers), since=since, until=until,
                                 horizon_days=horizon, background=background)
    path = out or f"report-{a}-{b}.{fmt}"
    write = write_markdown if fmt == "md" else write_html
    written = write(profile, path, db_name=db)
    _add_gdelt_section(written, db, a, b, fmt, since, until)
    if profile.empty:
        echo_err(f"note: no events between {a} and {b} are stored; the report says so")
    click.echo(f"wrote {written}")


def _add_gdelt_section(report: Path, db: str, a: str, b: str, fmt: str, since: str | None, until: str | None) -> None:
    from bilateral.analysis.gdelt_compare import gdelt_compare
    from bilateral.report.gdelt import add_compare_section

    with open_store(db, must_exist=True) as store:
        comparison = gdelt_compare(store.connection, a, b, since=since, until=until)
    add_compare_section(report, comparison, fmt)


@click.command()
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


@click.command()
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
    with open_store(db, must_exist=True) as store:
        if fmt == "parquet":
            if output == "-":
                raise click.ClickException("parquet needs an output file (-o FILE)")
            n = run(store, fmt, path=output)
        elif output == "-":
            n = run(store, fmt, out=sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = run(store, fmt, out=fh)
    echo_err(f"{n} {what} exported" + (f" → {output}" if output != "-" else ""))
