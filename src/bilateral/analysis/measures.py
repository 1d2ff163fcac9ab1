"""Words against deeds, per direction and period: warmth, delivery, promises, denials and the gap index.

Every measure is a SQL predicate over the events a store holds *after the
user's corrections* (the ``effective_events`` view, see :func:`events_view`),
so the analysis, the report, the dashboard and ``bilateral gap`` all count the
same rows. The formulas are written out in ``docs/method.md``.

* **warmth**: realized verbal cooperation (QuadClass 1), counted and summed by Goldstein score;
* **delivery**: realized material cooperation (QuadClass 2), counted, summed, and split by channel;
* **promises**: intended cooperation (QuadClass 1 or 2), or a realized expression of intent to
  cooperate (CAMEO 03x);
* **denials**: negated cooperation (QuadClass 1 or 2): gains reported as not given;
* **gap index** ``G = (W − D) / (W + D + k)`` in (−1, 1), with a band from the Wilson interval of
  ``W / (W + D)`` computed on the number of supporting *articles*, so it widens when few articles
  carry the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

import duckdb

from bilateral.analysis.gap import HasConnection
from bilateral.model import CHANNELS

if TYPE_CHECKING:  # pandas is imported where a frame is built: loading it costs most of a command's start-up
    import pandas as pd

Period = Literal["week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("week", "month", "quarter", "year")

#: Channels where a deed is a tangible gain (the rest are diplomatic, security, other).
TANGIBLE_CHANNELS: tuple[str, ...] = ("trade", "investment", "finance", "aid", "defense", "resources")

#: The SQL predicate of each measure, over the columns of ``effective_events``. The single source of truth.
MEASURES: dict[str, str] = {
    "warmth": "(status = 'realized' AND quad_class = 1)",
    "delivery": "(status = 'realized' AND quad_class = 2)",
    "promises": "((status = 'intended' AND quad_class IN (1, 2)) OR (status = 'realized' AND cameo LIKE '03%'))",
    "denials": "(status = 'negated' AND quad_class IN (1, 2))",
}
#: Realized cooperation of either kind (what a side *gives*): warmth or delivery.
COOPERATION = "(status = 'realized' AND quad_class IN (1, 2))"

#: Smoothing constant of the bounded indices (pseudo-count in the denominator).
K_SMOOTH: float = 1.0
#: Normal quantile of the 95% band.
Z_95: float = 1.959963984540054


def events_view(con: duckdb.DuckDBPyConnection) -> str:
    """The relation every measure reads: ``effective_events`` (corrections applied) when it exists."""
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'effective_events'"
    ).fetchall()
    return "effective_events" if rows and rows[0][0] else "events"


def norm_code(code: str) -> str:
    """An actor code as stored (upper case, trimmed)."""
    return code.strip().upper()


# -- the gap index ----------------------------------------------------------------------------------
def wilson_interval(successes: float, trials: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``successes / trials``; ``(0, 1)`` when ``trials`` is 0."""
    if trials <= 0:
        return (0.0, 1.0)
    p = min(max(successes / trials, 0.0), 1.0)
    z2 = z * z
    denom = 1.0 + z2 / trials
    centre = (p + z2 / (2 * trials)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True, slots=True)
class GapIndex:
    """The words-to-deeds gap of one direction (and period).

    ``value = (warmth − delivery) / (warmth + delivery + k)``: +1 is all words and no deeds,
    −1 all deeds and no words, 0 balanced (or no evidence). ``low``/``high`` is the 95% band:
    the Wilson interval of the warmth share ``warmth / (warmth + delivery)`` with the number of
    supporting articles as the sample size, mapped to ``2p − 1`` and widened to contain ``value``.
    """

    warmth: int
    delivery: int
    articles: int
    value: float
    low: float
    high: float

    @property
    def width(self) -> float:
        """Width of the band (2 when there is no evidence)."""
        return self.high - self.low

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (rounded to 4 decimals)."""
        return {
            "warmth": self.warmth, "delivery": self.delivery, "articles": self.articles,
            "value": round(self.value, 4), "low": round(self.low, 4), "high": round(self.high, 4),
        }


def gap_index(warmth: int, delivery: int, articles: int, *, k: float = K_SMOOTH, z: float = Z_95) -> GapIndex:
    """The bounded gap index of ``warmth`` against ``delivery`` supported by ``articles`` articles."""
    n = warmth + delivery
    if n <= 0:
        return GapIndex(0, 0, max(articles, 0), 0.0, -1.0, 1.0)
    value = (warmth - delivery) / (n + k)
    trials = min(max(articles, 1), n)
    lo, hi = wilson_interval(warmth * trials / n, trials, z)
    return GapIndex(warmth, delivery, articles, value, min(2 * lo - 1, value), max(2 * hi - 1, value))


def balance_index(x: float, y: float, *, k: float = K_SMOOTH) -> float:
    """``(x − y) / (x + y + k)`` for non-negative ``x``, ``y``: the bounded balance used by reciprocity."""
    x, y = max(x, 0.0), max(y, 0.0)
    return (x - y) / (x + y + k)


# -- tallies ----------------------------------------------------------------------------------------
@dataclass(slots=True)
class Tally:
    """The measures of one set of events (a direction, a period, a channel)."""

    warmth: int = 0
    warmth_goldstein: float = 0.0
    delivery: int = 0
    delivery_goldstein: float = 0.0
    promises: int = 0
    denials: int = 0
    cooperation_score: float = 0.0  # sum of positive Goldstein scores of realized cooperation
    giving: int = 0  # acts given: realized cooperation or promises (each event once)
    articles: int = 0  # distinct articles with realized cooperation (the support of the gap index)
    events: int = 0  # all events, whatever their class and status

    @property
    def index(self) -> GapIndex:
        """The gap index of this tally."""
        return gap_index(self.warmth, self.delivery, self.articles)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out = asdict(self)
        out["warmth_goldstein"] = round(self.warmth_goldstein, 4)
        out["delivery_goldstein"] = round(self.delivery_goldstein, 4)
        out["cooperation_score"] = round(self.cooperation_score, 4)
        return out


_TALLY_SQL = f"""
    count(*) FILTER (WHERE {MEASURES['warmth']}) AS warmth,
    coalesce(sum(goldstein) FILTER (WHERE {MEASURES['warmth']}), 0) AS warmth_goldstein,
    count(*) FILTER (WHERE {MEASURES['delivery']}) AS delivery,
    coalesce(sum(goldstein) FILTER (WHERE {MEASURES['delivery']}), 0) AS delivery_goldstein,
    count(*) FILTER (WHERE {MEASURES['promises']}) AS promises,
    count(*) FILTER (WHERE {MEASURES['denials']}) AS denials,
    coalesce(sum(greatest(goldstein, 0)) FILTER (WHERE {COOPERATION}), 0) AS cooperation_score,
    count(*) FILTER (WHERE {COOPERATION} OR {MEASURES['promises']}) AS giving,
    count(DISTINCT id) FILTER (WHERE {COOPERATION}) AS articles,
    count(*) AS events
"""
_TALLY_COLS: tuple[str, ...] = (
    "warmth", "warmth_goldstein", "delivery", "delivery_goldstein", "promises", "denials",
    "cooperation_score", "giving", "articles", "events",
)


def _tally(row: Sequence[Any]) -> Tally:
    vals = dict(zip(_TALLY_COLS, row, strict=True))
    return Tally(
        warmth=int(vals["warmth"]), warmth_goldstein=float(vals["warmth_goldstein"]),
        delivery=int(vals["delivery"]), delivery_goldstein=float(vals["delivery_goldstein"]),
        promises=int(vals["promises"]), denials=int(vals["denials"]),
        cooperation_score=float(vals["cooperation_score"]), giving=int(vals["giving"]),
        articles=int(vals["articles"]),
        events=int(vals["events"]),
    )


def _date_filter(since: str | None, until: str | None) -> tuple[str, list[Any]]:
    where, params = "", []
    if since is not None:
        where += " AND date >= ?"
        params.append(since)
    if until is not None:
        where += " AND date <= ?"
        params.append(until)
    return where, params


def _channel_order(channels: Iterable[str]) -> list[str]:
    order = {c: i for i, c in enumerate(CHANNELS)}
    return sorted(set(channels), key=lambda c: (order.get(c, len(order)), c))


@dataclass(slots=True)
class DirectionMeasures:
    """All measures of events from ``source`` to ``target``: the totals and the split by channel."""

    source: str
    target: str
    total: Tally = field(default_factory=Tally)
    by_channel: dict[str, Tally] = field(default_factory=dict)

    @property
    def index(self) -> GapIndex:
        """The gap index of the direction."""
        return self.total.index

    def channel(self, name: str) -> Tally:
        """The tally of one channel (zeros when the channel has no events)."""
        return self.by_channel.get(name, Tally())

    @property
    def delivery_by_channel(self) -> dict[str, int]:
        """Realized material cooperation per channel (channels with any event)."""
        return {c: t.delivery for c, t in self.by_channel.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source, "target": self.target, **self.total.to_dict(),
            "index": self.index.to_dict(),
            "by_channel": {c: t.to_dict() for c, t in self.by_channel.items()},
        }


def direction_measures(
    store: HasConnection, source: str, target: str, *, since: str | None = None, until: str | None = None
) -> DirectionMeasures:
    """Warmth, delivery, promises and denials of ``source`` → ``target``, in total and per channel."""
    source, target = norm_code(source), norm_code(target)
    con = store.connection
    view = events_view(con)
    where, params = _date_filter(since, until)
    base = f"FROM {view} WHERE source = ? AND target = ?{where}"
    args = [source, target, *params]
    total_rows = con.execute(f"SELECT {_TALLY_SQL} {base}", args).fetchall()
    out = DirectionMeasures(source, target, total=_tally(total_rows[0]))
    rows = con.execute(f"SELECT channel, {_TALLY_SQL} {base} GROUP BY channel", args).fetchall()
    by = {str(r[0]): _tally(r[1:]) for r in rows}
    out.by_channel = {c: by[c] for c in _channel_order(by)}
    return out


# -- periods ----------------------------------------------------------------------------------------
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


def dyad_period_span(
    store: HasConnection, pairs: Sequence[tuple[str, str]], *, since: str | None = None, until: str | None = None
) -> tuple[date, date] | None:
    """The first and last dated event among the directed ``pairs`` (``None`` if none is dated)."""
    if not pairs:
        return None
    con = store.connection
    where, params = _date_filter(since, until)
    cond = " OR ".join("(source = ? AND target = ?)" for _ in pairs)
    flat = [norm_code(x) for p in pairs for x in p]
    rows = con.execute(
        f"SELECT min(TRY_CAST(date AS DATE)), max(TRY_CAST(date AS DATE)) FROM {events_view(con)} "
        f"WHERE ({cond}){where}",
        [*flat, *params],
    ).fetchall()
    if not rows or rows[0][0] is None:
        return None
    return (rows[0][0], rows[0][1])


def measure_series(
    store: HasConnection,
    source: str,
    target: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    span: tuple[date, date] | None = None,
) -> list[PeriodMeasures]:
    """The measures of ``source`` → ``target`` per period, one point per period, empty periods as zeros.

    The periods run from ``span`` (first, last date) when given, else from the direction's
    own first to last dated event. Events without a (parsable) date are left out of the series
    (they still count in :func:`direction_measures`).
    """
    source, target = norm_code(source), norm_code(target)
    _check_period(by)
    con = store.connection
    view = events_view(con)
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
        if not tallies:
            return []
        span = (min(tallies), max(tallies))
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
) -> pd.DataFrame:
    """The series of several directions as one long frame, one row per direction and period.

    Columns: ``source, target, period, start, warmth, warmth_goldstein, delivery,
    delivery_goldstein, promises, denials, cooperation_score, articles, events, gap, gap_low, gap_high``.
    All directions share the same periods (from the first to the last dated event of any of them).
    """
    span = dyad_period_span(store, pairs, since=since, until=until)
    rows: list[dict[str, Any]] = []
    for s, t in pairs:
        for pm in measure_series(store, s, t, by=by, since=since, until=until, span=span) if span else []:
            ix = pm.index
            rows.append({
                "source": norm_code(s), "target": norm_code(t), "period": pm.period, "start": pm.start,
                **{c: getattr(pm.tally, c) for c in _TALLY_COLS},
                "gap": ix.value, "gap_low": ix.low, "gap_high": ix.high,
            })
    cols = ["source", "target", "period", "start", *_TALLY_COLS, "gap", "gap_low", "gap_high"]
    import pandas as pd

    return pd.DataFrame(rows, columns=cols)
