"""Summary tallies of many directions at once, in one set-based query: the store's events counted per cell.

A *cell* is one direction (source → target), one period (``None`` for an undated event, or when
no period is asked for), one QuadClass, one status and one channel. :func:`dyad_tallies` counts
the events of every cell (and sums their Goldstein scores) with a single ``GROUP BY`` over the
``effective_events`` view, so DuckDB scans the store once for any number of directions, however
many events they have; nothing is counted event by event in Python. :class:`TallyCube` then reads
any coarser tally off the cells: per direction, per status, per QuadClass of realized events, per
channel and status, per period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bilateral.analysis.measures import HasConnection, _date_filter, scoped_events, scoped_pairs
from bilateral.analysis.periods import _check_period, _period_sql


@dataclass(frozen=True, slots=True)
class TallyCell:
    """The events of one direction, period, QuadClass, status and channel."""

    source: str
    target: str
    period: date | None
    quad_class: int
    status: str
    channel: str
    events: int
    goldstein: float


class TallyCube:
    """Tally cells, and the sums any coarser tally needs."""

    def __init__(self, cells: Iterable[TallyCell]) -> None:
        self.cells = list(cells)

    def total(self, **where: Any) -> int:
        """Events of the cells whose fields equal ``where`` (``source="USA", status="realized"``, ...)."""
        return sum(c.events for c in self.cells if all(getattr(c, k) == v for k, v in where.items()))

    def by(self, *fields: str, **where: Any) -> dict[tuple[Any, ...], int]:
        """Events per value of ``fields`` among the cells matching ``where`` (cells with no event are absent)."""
        out: dict[tuple[Any, ...], int] = defaultdict(int)
        for c in self.cells:
            if all(getattr(c, k) == v for k, v in where.items()):
                out[tuple(getattr(c, f) for f in fields)] += c.events
        return dict(out)

    def directions(self) -> list[tuple[str, str]]:
        """Every direction with an event, in order."""
        return sorted({(c.source, c.target) for c in self.cells})


def dyad_tallies(
    store: HasConnection,
    pairs: Sequence[tuple[str, str]] | None = None,
    *,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    background: bool = False,
) -> TallyCube:
    """Count the events of the directed ``pairs`` (every direction between two known actors when ``None``)
    per direction, period (``by``: week, month, quarter, year), QuadClass, status and channel, in one query.

    ``since``/``until`` bound the event dates (inclusive ISO dates), as everywhere in the analysis;
    background events (recalled from well before their article) count only with ``background``.
    """
    con = store.connection
    where, params = _date_filter(since, until)
    flat: list[str] = []
    if pairs is None:
        scoped = scoped_events(con, background)
        cond = "source IS NOT NULL AND target IS NOT NULL"
    elif not pairs:
        return TallyCube([])
    else:
        scoped, flat = scoped_pairs(con, pairs, background)
        cond = "TRUE"
    period = _period_sql(_check_period(by)) if by is not None else "CAST(NULL AS DATE)"
    rows = con.execute(
        f"SELECT source, target, {period} AS p, quad_class, status, channel, count(*), "
        f"coalesce(sum(goldstein), 0) FROM {scoped} WHERE {cond}{where} GROUP BY ALL",
        [*flat, *params],
    ).fetchall()
    return TallyCube(
        TallyCell(str(s), str(t), p, int(q), str(st), str(ch), int(n), float(g)) for s, t, p, q, st, ch, n, g in rows
    )
