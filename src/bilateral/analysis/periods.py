"""Periods and series: the measures of a direction per week, month, quarter or year, on a shared axis.

A series runs over the dyad's *publication window* (the first to the last publication date of the
articles behind its events, or ``--since``/``--until``), one point per period, empty periods as zeros.
Events are placed in the period of their own date; background events (recalled from well before
their article, see :data:`~bilateral.analysis.measures.BACKGROUND_DAYS`) are left out by default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pandas is imported where a frame is built: loading it costs most of a command's start-up
    import pandas as pd

from bilateral.analysis.measures import (
    _TALLY_COLS,
    _TALLY_SQL,
    MEASURES,
    GapIndex,
    HasConnection,
    Tally,
    _channel_order,
    _date_filter,
    _tally,
    norm_code,
    scoped_events,
    scoped_pairs,
)

Period = Literal["week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("week", "month", "quarter", "year")


def period_label(start: date, by: str) -> str:
    """A period's label: ``2024-04-29`` (week, its Monday), ``2024-05``, ``2024-Q2``, ``2024``."""
    if by == "week":
        return start.isoformat()
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if by == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if by == "year":
        return f"{start.year:04d}"
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def period_start(day: date, by: str) -> date:
    """The first day of the period holding ``day``."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if by == "year":
        return date(day.year, 1, 1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def next_period(start: date, by: str) -> date:
    """The first day of the period after the one starting on ``start``."""
    if by == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}.get(by)
    if months is None:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)


def period_range(first: date, last: date, by: str) -> list[date]:
    """Every period start from the period of ``first`` to that of ``last``, empty periods included."""
    out: list[date] = []
    cur, end = period_start(first, by), period_start(last, by)
    while cur <= end:
        out.append(cur)
        cur = next_period(cur, by)
    return out


def _check_period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def _period_sql(by: str) -> str:
    return f"CAST(date_trunc('{_check_period(by)}', TRY_CAST(date AS DATE)) AS DATE)"


@dataclass(slots=True)
class PeriodMeasures:
    """The measures of one direction in one period."""

    period: str
    start: date
    tally: Tally
    delivery_by_channel: dict[str, int] = field(default_factory=dict)

    @property
    def index(self) -> GapIndex:
        """The gap index of this period."""
        return self.tally.index

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "period": self.period, "start": self.start.isoformat(), **self.tally.to_dict(),
            "index": self.index.to_dict(), "delivery_by_channel": dict(self.delivery_by_channel),
        }


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


#: The day an event's article was published (the event's own date when the article has none).
_PUBLISHED_SQL = "coalesce(TRY_CAST(left(published, 10) AS DATE), TRY_CAST(date AS DATE))"


def dyad_period_span(
    store: HasConnection, pairs: Sequence[tuple[str, str]], *, since: str | None = None, until: str | None = None,
    background: bool = False,
) -> tuple[date, date] | None:
    """The publication window of the directed ``pairs``: ``since``/``until`` where given, else the first and
    last publication date of the articles behind their dated events (``None`` if no event is dated)."""
    if not pairs:
        return None
    con = store.connection
    where, params = _date_filter(since, until)
    scoped, flat = scoped_pairs(con, pairs, background)
    rows = con.execute(
        f"SELECT min({_PUBLISHED_SQL}), max({_PUBLISHED_SQL}) FROM {scoped} "
        f"WHERE TRY_CAST(date AS DATE) IS NOT NULL{where}",
        [*flat, *params],
    ).fetchall()
    if not rows or rows[0][0] is None:
        return None
    first, last = _iso_day(since) or rows[0][0], _iso_day(until) or rows[0][1]
    return (first, last) if first <= last else (last, first)


def measure_series(
    store: HasConnection,
    source: str,
    target: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    span: tuple[date, date] | None = None,
    background: bool = False,
) -> list[PeriodMeasures]:
    """The measures of ``source`` → ``target`` per period, one point per period, empty periods as zeros.

    The periods run from ``span`` (first, last date) when given, else over the direction's
    publication window (:func:`dyad_period_span`). Events without a (parsable) date, or dated
    outside the span, are left out of the series (they still count in ``direction_measures``).
    """
    source, target = norm_code(source), norm_code(target)
    _check_period(by)
    con = store.connection
    view = scoped_events(con, background)
    where, params = _date_filter(since, until)
    pexpr = _period_sql(by)
    base = f"FROM {view} WHERE source = ? AND target = ? AND TRY_CAST(date AS DATE) IS NOT NULL{where}"
    args = [source, target, *params]
    rows = con.execute(f"SELECT {pexpr} AS p, {_TALLY_SQL} {base} GROUP BY p", args).fetchall()
    tallies = {r[0]: _tally(r[1:]) for r in rows}
    ch_rows = con.execute(
        f"SELECT {pexpr} AS p, channel, count(*) {base} AND {MEASURES['delivery']} GROUP BY p, channel", args
    ).fetchall()
    channels: dict[date, dict[str, int]] = {}
    for p, ch, n in ch_rows:
        channels.setdefault(p, {})[str(ch)] = int(n)
    if span is None:
        span = dyad_period_span(store, [(source, target)], since=since, until=until, background=background)
        if span is None:
            return []
    return [
        PeriodMeasures(
            period_label(start, by), start, tallies.get(start, Tally()),
            {c: channels[start][c] for c in _channel_order(channels.get(start, {}))} if start in channels else {},
        )
        for start in period_range(span[0], span[1], by)
    ]


def series_frame(
    store: HasConnection,
    pairs: Sequence[tuple[str, str]],
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    background: bool = False,
) -> pd.DataFrame:
    """The series of several directions as one long frame, one row per direction and period.

    Columns: ``source, target, period, start, warmth, warmth_goldstein, delivery,
    delivery_goldstein, promises, denials, cooperation_score, giving, articles, events, friction, taken,
    taken_goldstein, threats, ledger_articles, gap, gap_low, gap_high, balance, balance_low, balance_high``.
    All directions share the same periods (the publication window of all of them).
    """
    span = dyad_period_span(store, pairs, since=since, until=until, background=background)
    rows: list[dict[str, Any]] = []
    for s, t in pairs:
        series = measure_series(store, s, t, by=by, since=since, until=until, span=span, background=background)
        for pm in series if span else []:
            ix, bal = pm.index, pm.tally.balance
            rows.append({
                "source": norm_code(s), "target": norm_code(t), "period": pm.period, "start": pm.start,
                **{c: getattr(pm.tally, c) for c in _TALLY_COLS},
                "gap": ix.value, "gap_low": ix.low, "gap_high": ix.high,
                "balance": bal.value, "balance_low": bal.low, "balance_high": bal.high,
            })
    cols = ["source", "target", "period", "start", *_TALLY_COLS, "gap", "gap_low", "gap_high",
            "balance", "balance_low", "balance_high"]
    import pandas as pd

    return pd.DataFrame(rows, columns=cols)
