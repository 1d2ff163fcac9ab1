"""What the command modules share: the console, a store opened for one command, the coder, actors read
from arguments, and the options several commands take."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bilateral.store import DEFAULT_DB, Store

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    """A console for stdout; wide when stdout is not a terminal (pipes, files, tests)."""
    from rich.console import Console  # imported when a command prints through it: start-up stays short

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=max(160, console.width))
    return console


def echo_err(line: str) -> None:
    """Print one line on stderr (a problem, a note, a count that must not mix with the output)."""
    click.echo(line, err=True)


@contextmanager
def open_store(db: str, *, must_exist: bool, threads: int | None = None) -> Iterator[Store]:
    """The store ``db`` opened for writing, closed at the end of the block; ``must_exist``: a missing
    file is a one-line error rather than a new, empty store."""
    if must_exist and db != ":memory:" and not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run `bilateral ingest` first)")
    store = Store(db, threads=threads)
    try:
        yield store
    finally:
        store.close()


def coder_config(explain: bool = False, learned_filter: bool = False, threshold: float | None = None,
                 syntax: bool = False) -> Any:
    """The ``CoderConfig`` of the coder options (imported here: the coder is not loaded at start-up)."""
    from bilateral.coding import CoderConfig

    return CoderConfig(explain=explain, learned_filter=learned_filter, filter_threshold=threshold, syntax=syntax)


def new_coder(explain: bool = False, learned_filter: bool = False, threshold: float | None = None,
              syntax: bool = False) -> Any:
    """A ``Coder`` in this process with :func:`coder_config`'s settings."""
    from bilateral.coding import Coder

    return Coder(coder_config(explain, learned_filter, threshold, syntax))


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


_STORED_ACTORS = (
    "SELECT source FROM events WHERE source IS NOT NULL UNION SELECT target FROM events WHERE target IS NOT NULL"
)


def resolve_actor(store: Store, text: str) -> str:
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


def resolve_peers(store: Store, value: str | None) -> list[str] | None:
    """``--peers IND,Bangladesh`` → ``["IND", "BGD"]``; ``--peers ''`` → ``[]``; absent → ``None`` (automatic)."""
    if value is None:
        return None
    return [resolve_actor(store, p) for p in value.split(",") if p.strip()]

