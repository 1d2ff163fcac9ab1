"""Words against deeds, per direction: warmth, delivery, promises, denials, what was taken, the indices.

Every measure is a SQL predicate over the events a store holds *after the
user's corrections* (the ``effective_events`` view, see :func:`events_view`),
so the analysis, the report, the dashboard and ``bilateral gap`` all count the
same rows. The formulas are written out in ``docs/method.md``.

* **warmth**: realized verbal cooperation (QuadClass 1), counted and summed by Goldstein score;
* **delivery**: realized material cooperation (QuadClass 2), counted, summed, and split by channel;
* **promises**: intended cooperation (QuadClass 1 or 2), or a realized expression of intent to
  cooperate (CAMEO 03x);
* **denials**: negated cooperation (QuadClass 1 or 2): gains reported as not given;
* **friction**: realized verbal conflict (criticism, accusations, demands, rejections), threats aside;
* **taken**: realized material conflict that takes a tangible gain away (CAMEO 16x/17x in a tangible
  channel: tariffs, sanctions, embargoes, aid or loans suspended; expulsions in any channel);
* **threats**: a threatened *taken* (CAMEO 13x realized, or 16x/17x intended or hypothetical) in a
  tangible channel;
* **balance** ``B = (D − T) / (D + T + k)``: delivery against what was taken, banded like the gap;
* **gap index** ``G = (W − D) / (W + D + k)`` in (−1, 1), with a band from the Wilson interval of
  ``W / (W + D)`` computed on the number of supporting *articles*, so it widens when few articles
  carry the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import duckdb

from bilateral.model import CHANNELS

#: Channels where a deed is a tangible gain (the rest are diplomatic, security, other).
TANGIBLE_CHANNELS: tuple[str, ...] = ("trade", "investment", "finance", "aid", "defense", "resources")

#: SQL of "the event is in a tangible channel".
TANGIBLE_SQL = "channel IN ('trade', 'investment', 'finance', 'aid', 'defense', 'resources')"
#: CAMEO roots of material conflict that takes something away: 16 reduce relations (break ties, cut aid,
#: embargo, sanctions, tariffs, halt talks, expel), 17 coerce (seize, administrative sanctions, expel people).
TAKING_SQL = "(cameo LIKE '16%' OR cameo LIKE '17%')"
#: Expulsions (of aid agencies, diplomats, people: 166, 174) are taken whatever their channel.
EXPULSION_SQL = "(cameo LIKE '166%' OR cameo LIKE '174%')"
#: A threat to take: CAMEO 13x said, or a 16x/17x announced or conditional, in a tangible channel.
THREAT_SQL = (f"(((status = 'realized' AND cameo LIKE '13%') OR (status IN ('intended', 'hypothetical') "
              f"AND quad_class = 4 AND {TAKING_SQL})) AND {TANGIBLE_SQL})")

#: The SQL predicate of each measure, over the columns of ``effective_events``. The single source of truth.
MEASURES: dict[str, str] = {
    "warmth": "(status = 'realized' AND quad_class = 1)",
    "delivery": "(status = 'realized' AND quad_class = 2)",
    "promises": "((status = 'intended' AND quad_class IN (1, 2)) OR (status = 'realized' AND cameo LIKE '03%'))",
    "denials": "(status = 'negated' AND quad_class IN (1, 2))",
    "friction": f"(status = 'realized' AND quad_class = 3 AND NOT {THREAT_SQL})",
    "taken": f"(status = 'realized' AND quad_class = 4 AND {TAKING_SQL} AND ({TANGIBLE_SQL} OR {EXPULSION_SQL}))",
    "threats": THREAT_SQL,
}
#: Realized cooperation of either kind (what a side *gives*): warmth or delivery.
COOPERATION = "(status = 'realized' AND quad_class IN (1, 2))"

#: Smoothing constant of the bounded indices (pseudo-count in the denominator).
K_SMOOTH: float = 1.0
#: Normal quantile of the 95% band.
Z_95: float = 1.959963984540054


#: An event dated this many days or more before its article's publication date is *background*.
class HasConnection(Protocol):
    """Anything that exposes a DuckDB connection with an ``effective_events`` view (a Store)."""

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection."""
        ...


BACKGROUND_DAYS = 180
#: SQL of "the event is background", over ``effective_events v`` joined to ``documents d``.
BACKGROUND_SQL = (
    "coalesce(TRY_CAST(v.date AS DATE) <= TRY_CAST(left(d.date, 10) AS DATE) - "
    f"INTERVAL {BACKGROUND_DAYS} DAY, false)"
)


def events_view(con: duckdb.DuckDBPyConnection) -> str:
    """The stored events with corrections applied: ``effective_events`` when it exists (else ``events``)."""
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'effective_events'"
    ).fetchall()
    return "effective_events" if rows and rows[0][0] else "events"


def scoped_events(con: duckdb.DuckDBPyConnection, background: bool = False) -> str:
    """The relation every measure reads: the corrected events with ``published`` and ``background`` columns.

    ``published`` is the article's date; ``background`` is true for an event dated
    :data:`BACKGROUND_DAYS` or more before it (a recalled event). Background events are left out
    unless ``background`` is true.
    """
    view = events_view(con)
    keep = "" if background else f" WHERE NOT {BACKGROUND_SQL}"
    return (f"(SELECT v.*, d.date AS published, {BACKGROUND_SQL} AS background FROM {view} v "
            f"LEFT JOIN documents d ON d.id = v.id{keep})")


def scoped_pairs(
    con: duckdb.DuckDBPyConnection, pairs: Sequence[tuple[str, str]], background: bool = False,
) -> tuple[str, list[str]]:
    """:func:`scoped_events` of the directed ``pairs`` only, and the parameters of its placeholders.

    Each direction is its own ``source = ? AND target = ?`` scan, the scans joined by ``UNION ALL``
    before the documents are: DuckDB pushes an equality into the scan of the events (and the dyad's
    document ids into the scan of the documents), where an ``OR`` of directions is evaluated only
    after every event has been joined to its document, so the cost follows the dyad's events rather
    than the store's. A direction given twice is read once, as the ``OR`` would.
    """
    keys = list(dict.fromkeys((norm_code(s), norm_code(t)) for s, t in pairs))
    view = events_view(con)
    scans = " UNION ALL ".join(f"SELECT * FROM {view} WHERE source = ? AND target = ?" for _ in keys)
    keep = "" if background else f" WHERE NOT {BACKGROUND_SQL}"
    sql = (f"(SELECT v.*, d.date AS published, {BACKGROUND_SQL} AS background FROM ({scans}) v "
           f"LEFT JOIN documents d ON d.id = v.id{keep})")
    return sql, [x for k in keys for x in k]


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


def banded_index(x: int, y: int, articles: int, *, k: float = K_SMOOTH, z: float = Z_95) -> tuple[float, float, float]:
    """``(value, low, high)`` of ``(x − y) / (x + y + k)`` with the Wilson band of ``x / (x + y)`` on articles."""
    n = x + y
    if n <= 0:
        return (0.0, -1.0, 1.0)
    value = (x - y) / (n + k)
    trials = min(max(articles, 1), n)
    lo, hi = wilson_interval(x * trials / n, trials, z)
    return (value, min(2 * lo - 1, value), max(2 * hi - 1, value))


def gap_index(warmth: int, delivery: int, articles: int, *, k: float = K_SMOOTH, z: float = Z_95) -> GapIndex:
    """The bounded gap index of ``warmth`` against ``delivery`` supported by ``articles`` articles."""
    if warmth + delivery <= 0:
        return GapIndex(0, 0, max(articles, 0), 0.0, -1.0, 1.0)
    value, low, high = banded_index(warmth, delivery, articles, k=k, z=z)
    return GapIndex(warmth, delivery, articles, value, low, high)


@dataclass(frozen=True, slots=True)
class BalanceIndex:
    """Delivery against what was taken: ``(given − taken) / (given + taken + k)`` with its 95% band.

    +1 all given and nothing taken, −1 all taken, 0 even (or no evidence). The band is the Wilson
    interval of ``given / (given + taken)`` on the articles reporting either, as for the gap index.
    """

    given: int
    taken: int
    articles: int
    value: float
    low: float
    high: float

    @property
    def net(self) -> int:
        """Deeds given minus deeds taken."""
        return self.given - self.taken

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (rounded to 4 decimals)."""
        return {
            "given": self.given, "taken": self.taken, "net": self.net, "articles": self.articles,
            "value": round(self.value, 4), "low": round(self.low, 4), "high": round(self.high, 4),
        }


def balance_figure(given: int, taken: int, articles: int) -> BalanceIndex:
    """The balance of ``given`` deeds against ``taken`` ones, reported by ``articles`` articles."""
    value, low, high = banded_index(given, taken, articles)
    return BalanceIndex(given, taken, max(articles, 0), value, low, high)


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
    friction: int = 0  # realized verbal conflict, threats aside
    taken: int = 0  # realized material conflict that takes a tangible gain away
    taken_goldstein: float = 0.0
    threats: int = 0  # threatened taking
    ledger_articles: int = 0  # distinct articles with a deed given or taken (the support of the balance)

    @property
    def index(self) -> GapIndex:
        """The gap index of this tally."""
        return gap_index(self.warmth, self.delivery, self.articles)

    @property
    def net(self) -> int:
        """The net ledger: deeds given (delivery) minus deeds taken."""
        return self.delivery - self.taken

    @property
    def balance(self) -> BalanceIndex:
        """Delivery against what was taken, with its band."""
        return balance_figure(self.delivery, self.taken, self.ledger_articles)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out = asdict(self)
        for key in ("warmth_goldstein", "delivery_goldstein", "cooperation_score", "taken_goldstein"):
            out[key] = round(out[key], 4)
        out["net"] = self.net
        out["balance"] = self.balance.to_dict()
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
    count(*) AS events,
    count(*) FILTER (WHERE {MEASURES['friction']}) AS friction,
    count(*) FILTER (WHERE {MEASURES['taken']}) AS taken,
    coalesce(sum(goldstein) FILTER (WHERE {MEASURES['taken']}), 0) AS taken_goldstein,
    count(*) FILTER (WHERE {MEASURES['threats']}) AS threats,
    count(DISTINCT id) FILTER (WHERE {MEASURES['delivery']} OR {MEASURES['taken']}) AS ledger_articles
"""
_TALLY_COLS: tuple[str, ...] = (
    "warmth", "warmth_goldstein", "delivery", "delivery_goldstein", "promises", "denials",
    "cooperation_score", "giving", "articles", "events", "friction", "taken", "taken_goldstein", "threats",
    "ledger_articles",
)
_FLOAT_COLS = frozenset({"warmth_goldstein", "delivery_goldstein", "cooperation_score", "taken_goldstein"})


def _tally(row: Sequence[Any]) -> Tally:
    vals: dict[str, Any] = {c: float(v) if c in _FLOAT_COLS else int(v) for c, v in zip(_TALLY_COLS, row, strict=True)}
    return Tally(**vals)


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
    order: dict[str, int] = {c: i for i, c in enumerate(CHANNELS)}
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

    @property
    def balance(self) -> BalanceIndex:
        """Delivery against what was taken, over every channel."""
        return self.total.balance

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source, "target": self.target, **self.total.to_dict(),
            "index": self.index.to_dict(),
            "by_channel": {c: t.to_dict() for c, t in self.by_channel.items()},
        }


def direction_measures(
    store: HasConnection, source: str, target: str, *, since: str | None = None, until: str | None = None,
    background: bool = False,
) -> DirectionMeasures:
    """Every measure of ``source`` → ``target``, in total and per channel (``background``: count recalled events)."""
    source, target = norm_code(source), norm_code(target)
    con = store.connection
    view = scoped_events(con, background)
    where, params = _date_filter(since, until)
    base = f"FROM {view} WHERE source = ? AND target = ?{where}"
    args = [source, target, *params]
    total_rows = con.execute(f"SELECT {_TALLY_SQL} {base}", args).fetchall()
    out = DirectionMeasures(source, target, total=_tally(total_rows[0]))
    rows = con.execute(f"SELECT channel, {_TALLY_SQL} {base} GROUP BY channel", args).fetchall()
    by = {str(r[0]): _tally(r[1:]) for r in rows}
    out.by_channel = {c: by[c] for c in _channel_order(by)}
    return out


def directions_measures(
    store: HasConnection, pairs: Sequence[tuple[str, str]], *, since: str | None = None,
    until: str | None = None, background: bool = False,
) -> dict[tuple[str, str], DirectionMeasures]:
    """:func:`direction_measures` of every direction of ``pairs`` at once: one scan of the events, grouped
    by direction and by direction and channel, where each direction alone scans them twice."""
    keys = list(dict.fromkeys((norm_code(s), norm_code(t)) for s, t in pairs))
    if not keys:
        return {}
    con = store.connection
    where, params = _date_filter(since, until)
    scoped, flat = scoped_pairs(con, keys, background)
    rows = con.execute(
        f"SELECT source, target, channel, GROUPING(channel), {_TALLY_SQL} FROM {scoped} "
        f"WHERE TRUE{where} GROUP BY GROUPING SETS ((source, target), (source, target, channel))",
        [*flat, *params],
    ).fetchall()
    totals: dict[tuple[str, str], Tally] = {}
    channels: dict[tuple[str, str], dict[str, Tally]] = {}
    for source, target, channel, whole, *values in rows:
        if whole:
            totals[(source, target)] = _tally(values)
        else:
            channels.setdefault((source, target), {})[str(channel)] = _tally(values)
    out: dict[tuple[str, str], DirectionMeasures] = {}
    for key in keys:
        # a direction without events: the zeros the ungrouped query gives
        found = DirectionMeasures(*key, total=totals.get(key) or _tally([0] * len(_TALLY_COLS)))
        by = channels.get(key, {})
        found.by_channel = {c: by[c] for c in _channel_order(by)}
        out[key] = found
    return out
