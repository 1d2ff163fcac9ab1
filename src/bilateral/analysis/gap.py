"""The words-vs-deeds gap of a dyad: is diplomatic warmth turning into tangible gains?

For each direction (A→B and B→A) :func:`dyad_gap` tallies, with DuckDB SQL
over the ``effective_events`` view (the stored events with user corrections applied; both
directions' counts in one query, :func:`bilateral.analysis.tallies.dyad_tallies`):

* realized events per QuadClass (1 verbal cooperation … 4 material conflict):
  only realized events count as deeds;
* events per status (realized, intended, hypothetical, negated);
* per channel (trade, finance, …) the count of each status;
* the top evidence sentences, one per sentence: the most likely right first (the learned filter's
  ``confidence``, when it ran), then realized before negated, intended and hypothetical, each group
  by strength (|goldstein|).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from bilateral.analysis.measures import HasConnection, scoped_events
from bilateral.analysis.tallies import TallyCube, dyad_tallies
from bilateral.model import CHANNELS, QUAD_CLASSES, STATUSES


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence behind the tallies."""

    doc_id: str
    doc_sentence: int
    cameo: str
    quad_class: int
    status: str
    channel: str
    date: str | None
    sentence: str
    span: tuple[int, int]


@dataclass(slots=True)
class DirectionGap:
    """The tallies of events from ``source`` to ``target``."""

    source: str
    target: str
    realized_by_quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    by_channel: dict[str, dict[str, int]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All events in this direction, whatever their status."""
        return sum(self.by_status.values())

    @property
    def words(self) -> int:
        """Realized verbal cooperation (QuadClass 1)."""
        return self.realized_by_quad.get(1, 0)

    @property
    def deeds(self) -> int:
        """Realized material cooperation (QuadClass 2)."""
        return self.realized_by_quad.get(2, 0)

    @property
    def withheld(self) -> int:
        """Negated events: gains that were reported as not given."""
        return self.by_status.get("negated", 0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (QuadClass keys as strings)."""
        return {
            "source": self.source,
            "target": self.target,
            "total": self.total,
            "words": self.words,
            "deeds": self.deeds,
            "withheld": self.withheld,
            "realized_by_quad": {str(k): v for k, v in self.realized_by_quad.items()},
            "by_status": dict(self.by_status),
            "by_channel": {c: dict(v) for c, v in self.by_channel.items()},
            "evidence": [{**asdict(e), "span": list(e.span)} for e in self.evidence],
        }


@dataclass(slots=True)
class DyadGap:
    """Both directions of a dyad: ``forward`` is A→B, ``backward`` is B→A."""

    a: str
    b: str
    forward: DirectionGap
    backward: DirectionGap
    since: str | None = None
    until: str | None = None

    @property
    def directions(self) -> tuple[DirectionGap, DirectionGap]:
        """``(A→B, B→A)``."""
        return (self.forward, self.backward)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "a": self.a,
            "b": self.b,
            "since": self.since,
            "until": self.until,
            "directions": [d.to_dict() for d in self.directions],
        }


_STATUS_ORDER = "CASE status WHEN 'realized' THEN 0 WHEN 'negated' THEN 1 WHEN 'intended' THEN 2 ELSE 3 END"


def _direction(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    since: str | None,
    until: str | None,
    evidence: int,
    background: bool,
    cube: TallyCube,
) -> DirectionGap:
    view = scoped_events(con, background)
    where = "source = ? AND target = ?"
    params: list[Any] = [source, target]
    if since is not None:
        where += " AND date >= ?"
        params.append(since)
    if until is not None:
        where += " AND date <= ?"
        params.append(until)
    gap = DirectionGap(source, target)
    for (quad,), n in cube.by("quad_class", source=source, target=target, status="realized").items():
        gap.realized_by_quad[quad] = n
    for (status,), n in cube.by("status", source=source, target=target).items():
        gap.by_status[status] = n
    per_channel = cube.by("channel", "status", source=source, target=target)
    order = {c: i for i, c in enumerate(CHANNELS)}
    for channel in sorted({c for c, _ in per_channel}, key=lambda c: (order.get(c, len(order)), c)):
        gap.by_channel[channel] = dict.fromkeys(STATUSES, 0)
    for (channel, status), n in per_channel.items():
        gap.by_channel[channel][status] = n
    if evidence > 0:
        ev_rows = con.execute(
            f"""
            SELECT id, doc_sentence, cameo, quad_class, status, channel, date, sentence, span_start, span_end
            FROM (
                SELECT *, row_number() OVER (
                    PARTITION BY id, doc_sentence
                    ORDER BY confidence DESC NULLS LAST, {_STATUS_ORDER}, abs(goldstein) DESC, span_start
                ) AS rn
                FROM {view} WHERE {where}
            )
            WHERE rn = 1
            ORDER BY confidence DESC NULLS LAST, {_STATUS_ORDER}, abs(goldstein) DESC, date NULLS LAST, id,
                doc_sentence
            LIMIT ?
            """,
            [*params, evidence],
        ).fetchall()
        gap.evidence = [
            Evidence(str(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]), r[6], str(r[7]),
                     (int(r[8]), int(r[9])))
            for r in ev_rows
        ]
    return gap


def dyad_gap(
    store: HasConnection,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    evidence: int = 5,
    background: bool = False,
) -> DyadGap:
    """Tally the events between actors ``a`` and ``b`` (codes such as ``PAK``, ``USA``) both ways.

    ``since``/``until`` bound the event dates (inclusive ISO dates); ``evidence``
    is the number of evidence sentences kept per direction; background events (recalled from
    well before their article) count only when ``background`` is true.
    """

    a, b = a.strip().upper(), b.strip().upper()
    con = store.connection
    # both directions in one scan
    cube = dyad_tallies(store, [(a, b), (b, a)], since=since, until=until, background=background)
    return DyadGap(
        a=a,
        b=b,
        forward=_direction(con, a, b, since, until, evidence, background, cube),
        backward=_direction(con, b, a, since, until, evidence, background, cube),
        since=since,
        until=until,
    )
