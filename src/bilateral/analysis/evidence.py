"""The sentences and articles behind every number: events with their document, and which measures they feed.

:func:`evidence` answers a drill-down ("the sentences behind USA→PAK denials in trade in
2024-05"); :func:`dyad_events` fetches every event of some directions once, with a flag per
measure computed by the same SQL predicates as the tallies, so a report can group them into
cells without a second definition of any measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bilateral.analysis.gap import HasConnection
from bilateral.analysis.measures import COOPERATION, MEASURES, _date_filter, scoped_events, scoped_pairs
from bilateral.analysis.periods import _check_period, _period_sql, period_label


@dataclass(slots=True)
class EventRef:
    """One event as evidence: the sentence, the highlighted span and the source article."""

    key: str
    doc_id: str
    doc_sentence: int
    source: str | None
    target: str | None
    cameo: str
    quad_class: int
    goldstein: float
    status: str
    channel: str
    date: str | None
    sentence: str
    span: tuple[int, int]
    title: str | None = None
    url: str | None = None
    measures: frozenset[str] = field(default_factory=frozenset)  # the measures it counts in (see EVIDENCE_FLAGS)
    background: bool = False  # recalled from well before its article: shown, not counted by default
    published: str | None = None  # the article's publication date

    @property
    def quote(self) -> str:
        """The evidence span of the sentence (the whole sentence when the span is off)."""
        s, t = self.span
        return self.sentence[s:t] if 0 <= s < t <= len(self.sentence) else self.sentence

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "key": self.key, "doc_id": self.doc_id, "doc_sentence": self.doc_sentence,
            "source": self.source, "target": self.target, "cameo": self.cameo,
            "quad_class": self.quad_class, "goldstein": self.goldstein, "status": self.status,
            "channel": self.channel, "date": self.date, "sentence": self.sentence,
            "span": [self.span[0], self.span[1]], "title": self.title, "url": self.url,
            "measures": sorted(self.measures), "background": self.background, "published": self.published,
        }


#: The measures an event can be evidence of (the flags of :attr:`EventRef.measures`), and ``background``.
EVIDENCE_FLAGS: tuple[str, ...] = (
    "warmth", "delivery", "promises", "denials", "cooperation", "friction", "taken", "threats", "background",
)
_FLAGS = EVIDENCE_FLAGS[:-1]
#: A background event is evidence of nothing but ``background`` unless background events are counted.
_COUNTED = {False: "NOT background", True: "true"}


def _select(con: Any, by: str | None, background: bool, scoped: str | None = None) -> str:
    """The events' columns, flags and period; ``scoped`` replaces :func:`scoped_events` (background kept)."""
    counted = _COUNTED[background]
    flags = ", ".join(f"({MEASURES.get(m, COOPERATION)} AND {counted}) AS is_{m}" for m in _FLAGS)
    pcol = f"CASE WHEN {counted} THEN {_period_sql(by)} END AS period_start" if by else "NULL AS period_start"
    scoped = scoped or scoped_events(con, True)
    return (
        "SELECT e.event_key, e.id, e.doc_sentence, e.source, e.target, e.cameo, e.quad_class, e.goldstein, "
        "e.status, e.channel, e.date, e.sentence, e.span_start, e.span_end, d.title, d.url, "
        f"{', '.join(f'e.is_{m}' for m in _FLAGS)}, e.background, e.published, e.period_start "
        f"FROM (SELECT *, {flags}, {pcol} FROM {scoped}) e LEFT JOIN documents d ON d.id = e.id"
    )


def _ref(row: Sequence[Any]) -> tuple[EventRef, date | None]:
    n = len(_FLAGS)
    flags = row[16:16 + n]
    background = bool(row[16 + n])
    ref = EventRef(
        key=str(row[0]), doc_id=str(row[1]), doc_sentence=int(row[2]), source=row[3], target=row[4],
        cameo=str(row[5]), quad_class=int(row[6]), goldstein=float(row[7]), status=str(row[8]),
        channel=str(row[9]), date=row[10], sentence=str(row[11]), span=(int(row[12]), int(row[13])),
        title=row[14], url=row[15],
        measures=frozenset([*(m for m, f in zip(_FLAGS, flags, strict=True) if f),
                            *(["background"] if background else [])]),
        background=background, published=row[17 + n],
    )
    return ref, row[18 + n]


_ORDER = " ORDER BY e.date NULLS LAST, e.id, e.doc_sentence, e.span_start, e.event_key"


def dyad_events(
    store: HasConnection,
    pairs: Sequence[tuple[str, str]],
    *,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    background: bool = False,
) -> list[tuple[EventRef, str | None]]:
    """Every event of the directed ``pairs``, with its period label (when ``by`` is given).

    Background events are included, flagged ``background``; unless ``background`` is true they
    count in no measure and no period. Ordered by date, document, sentence and span.
    """
    if not pairs:
        return []
    if by is not None:
        _check_period(by)
    con = store.connection
    where, params = _date_filter(since, until)
    where = where.replace("date", "e.date")
    scoped, flat = scoped_pairs(con, pairs, True)
    rows = con.execute(f"{_select(con, by, background, scoped)} WHERE TRUE{where}{_ORDER}", [*flat, *params]).fetchall()
    out: list[tuple[EventRef, str | None]] = []
    for row in rows:
        ref, start = _ref(row)
        out.append((ref, period_label(start, by) if by and start is not None else None))
    return out


def evidence(
    store: HasConnection,
    source: str,
    target: str,
    measure: str | None = None,
    *,
    channel: str | None = None,
    period: str | None = None,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    background: bool = False,
) -> list[EventRef]:
    """The events behind one number: ``source`` → ``target``, optionally one measure, channel, period.

    ``measure`` is one of :data:`EVIDENCE_FLAGS` (``warmth``, ``delivery``, ``taken``, ``background`` …);
    ``period`` is a label as in the series (``2024-05`` for ``by="month"``).
    """
    if measure is not None and measure not in EVIDENCE_FLAGS:
        raise ValueError(f"measure must be one of {', '.join(EVIDENCE_FLAGS)}, not {measure!r}")
    refs = [
        ref for ref, label in dyad_events(store, [(source, target)], by=by, since=since, until=until,
                                          background=background)
        if (measure is None or measure in ref.measures)
        and (channel is None or ref.channel == channel)
        and (period is None or label == period)
    ]
    return refs[:limit] if limit is not None else refs
