"""Promise follow-through: was an intended item (A promises B a loan) later delivered?

A *promise* is an event of the ``promises`` measure (intended cooperation, or a realized
expression of intent, CAMEO 03x) from A to B in channel *c*, dated *t*. Its *fulfilment* is the
earliest *deed* from A to B in the same channel, dated within ``[t, t + horizon]``, reported by
another article (an article that states a promise does not also prove it kept), that is not
itself a promise. A deed is a realized event of material cooperation
(QuadClass 2); in the diplomatic and security channels a realized meeting or agreement
(CAMEO 04x consult, 057 sign a formal agreement) counts as well. Words (statements,
appeals, praise) never keep a promise. The deed must also be of the promised *kind*: the
CAMEO root of the promise (``071`` promised → a ``07`` deed), or for an expression of intent
the root it announces (031 → 06 economic cooperation, 032 → 05/04, 033 → 07 aid,
034/035 → 08 yield, 036/038/039 → 04 meetings, 037 → 04/057/08; 030 → any kind), so a
promise about aid is not kept by a tariff cut in the same channel. Then the promise is

* **kept** when a fulfilment exists;
* **pending** when none exists and ``as_of < t + horizon`` (there is still time);
* **lapsed** when none exists and the horizon has passed;
* **undated** when the promise itself has no date (it cannot be followed).

``as_of`` defaults to the latest event date in the store, so an old corpus is judged by its
own calendar, not by today's. One realized event may keep several promises (the same
promise is often reported by several articles).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bilateral.analysis.evidence import EventRef, dyad_events
from bilateral.analysis.gap import HasConnection
from bilateral.analysis.measures import events_view, norm_code

OUTCOMES: tuple[str, ...] = ("kept", "pending", "lapsed", "undated")
DEFAULT_HORIZON_DAYS = 180


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class PromiseOutcome:
    """One promise, its outcome, its due date and the event that kept it (if any)."""

    promise: EventRef
    outcome: str
    due: date | None
    fulfilment: EventRef | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "outcome": self.outcome, "due": self.due.isoformat() if self.due else None,
            "promise": self.promise.to_dict(),
            "fulfilment": self.fulfilment.to_dict() if self.fulfilment else None,
        }


@dataclass(slots=True)
class FollowThrough:
    """The promises of ``source`` to ``target`` and what became of them."""

    source: str
    target: str
    horizon_days: int
    as_of: date | None
    items: list[PromiseOutcome] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """How many promises had ``outcome``."""
        return sum(1 for i in self.items if i.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        """Promises per outcome."""
        return {o: self.count(o) for o in OUTCOMES}

    def by_channel(self) -> dict[str, dict[str, int]]:
        """Promises per channel and outcome."""
        out: dict[str, dict[str, int]] = {}
        for i in self.items:
            out.setdefault(i.promise.channel, dict.fromkeys(OUTCOMES, 0))[i.outcome] += 1
        return out

    @property
    def kept_rate(self) -> float | None:
        """Kept / (kept + lapsed): the share of decided promises that were kept (``None`` if none decided)."""
        decided = self.count("kept") + self.count("lapsed")
        return self.count("kept") / decided if decided else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        rate = self.kept_rate
        return {
            "source": self.source, "target": self.target, "horizon_days": self.horizon_days,
            "as_of": self.as_of.isoformat() if self.as_of else None, "counts": self.counts,
            "kept_rate": round(rate, 4) if rate is not None else None,
            "by_channel": self.by_channel(), "items": [i.to_dict() for i in self.items],
        }


def store_as_of(store: HasConnection) -> date | None:
    """The latest (parsable) event date in the store: the default 'now' of follow-through."""
    con = store.connection
    rows = con.execute(f"SELECT max(TRY_CAST(date AS DATE)) FROM {events_view(con)}").fetchall()
    return rows[0][0] if rows and rows[0][0] is not None else None


#: Channels where a realized meeting or agreement keeps a promise (elsewhere only material cooperation does).
VERBAL_DEED_CHANNELS: tuple[str, ...] = ("diplomatic", "security")
#: CAMEO prefixes of the verbal events that count as deeds in those channels.
VERBAL_DEED_CODES: tuple[str, ...] = ("04", "057")


def is_deed(ev: EventRef) -> bool:
    """Whether ``ev`` can keep a promise in its channel (see the module doc)."""
    if ev.status != "realized" or "promises" in ev.measures:
        return False
    if ev.quad_class == 2:
        return True
    return ev.channel in VERBAL_DEED_CHANNELS and ev.quad_class == 1 and ev.cameo.startswith(VERBAL_DEED_CODES)


#: The CAMEO prefixes of the deeds an expression of intent (03x) announces; () is any kind.
INTENT_KINDS: dict[str, tuple[str, ...]] = {
    "030": (), "031": ("06",), "032": ("05", "04"), "033": ("07",), "034": ("08",), "035": ("08",),
    "036": ("04",), "037": ("04", "057", "08"), "038": ("04",), "039": ("04",),
}


def promised_kinds(promise: EventRef) -> tuple[str, ...]:
    """The CAMEO prefixes a deed must have to keep ``promise`` (empty: any kind)."""
    code = promise.cameo
    if code.startswith("03"):
        return INTENT_KINDS.get(code[:3], ())
    return (code[:2],)


def _fulfils(ev: EventRef, promise: EventRef) -> bool:
    if ev.channel != promise.channel or ev.doc_id == promise.doc_id or not is_deed(ev):
        return False
    kinds = promised_kinds(promise)
    return not kinds or ev.cameo.startswith(kinds)


def follow_through(
    store: HasConnection,
    source: str,
    target: str,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    as_of: date | None = None,
    since: str | None = None,
    until: str | None = None,
) -> FollowThrough:
    """Match every promise of ``source`` to ``target`` with its fulfilment; see the module doc for the rules.

    ``since``/``until`` bound the promises; fulfilments are looked for in every later event.
    """
    source, target = norm_code(source), norm_code(target)
    if as_of is None:
        as_of = store_as_of(store)
    events = [ref for ref, _ in dyad_events(store, [(source, target)])]
    candidates = [(d, ev) for ev in events if (d := _day(ev.date)) is not None and ev.status == "realized"]
    result = FollowThrough(source, target, horizon_days, as_of)
    for ev in events:
        if "promises" not in ev.measures:
            continue
        if (since is not None and (ev.date is None or ev.date < since)) or (
            until is not None and (ev.date is None or ev.date > until)
        ):
            continue
        when = _day(ev.date)
        if when is None:
            result.items.append(PromiseOutcome(ev, "undated", None))
            continue
        due = when + timedelta(days=horizon_days)
        match = next((c for d, c in candidates if when <= d <= due and _fulfils(c, ev)), None)
        if match is not None:
            result.items.append(PromiseOutcome(ev, "kept", due, match))
        elif as_of is not None and as_of < due:
            result.items.append(PromiseOutcome(ev, "pending", due))
        else:
            result.items.append(PromiseOutcome(ev, "lapsed", due))
    return result
