"""Promise follow-through: was an intended item (A promises B a loan) later delivered, or taken away?

A *promise* is an event of the ``promises`` measure (intended cooperation, or a realized
expression of intent, CAMEO 03x) from A to B in channel *c*, dated *t*. Only later events of A to
B in *c*, dated within ``(t, t + horizon]`` and reported by another article (an article that states
a promise does not also prove it kept; a deed reported the same day is most often the promise
itself, retold), can settle it:

* a **deed that fulfils it** keeps it: realized material cooperation (in the diplomatic and
  security channels also a realized meeting or agreement, CAMEO 04x, 057) of the *code the
  promise announced at three digits* (``071`` promised → a ``071`` deed; an expression of intent
  maps to the deed it announces, ``0331`` intent to give economic aid → ``071``, see
  :data:`INTENT_DEEDS`; an intent coded only at three digits, such as ``031``, is kept by any deed
  of its root), about *the same object* (see :mod:`bilateral.analysis.objects`: the deed's own
  object words share one with the promise's), in a sentence that does not hedge (see
  ``bilateral/data/analysis/deed_hedges.txt``: "hopes", "would", "if", "plans", "will", "not" …)
  and does not date the deed to a year before the promise;
* the **opposite deed** breaks it: something *taken* (the ``taken`` measure: tariffs imposed, aid
  or a loan suspended …) in the same channel and direction, about the same object.

Whichever comes first decides. Then the promise is

* **kept** when a fulfilling deed comes first;
* **broken** when an opposite deed comes first;
* **pending** when neither came and ``as_of < t + horizon`` (there is still time);
* **lapsed** when neither came and the horizon has passed;
* **unverifiable** when the promise lies outside the tangible channels, names no object,
  announces no kind of deed (a bare intent to cooperate, CAMEO 030), or is conditional,
  speculative or denied ("if", "whether", "speculate", "not": ``promise_hedges.txt``): nothing
  says which deed would keep it, so it is not followed;
* **undated** when the promise itself has no date (it cannot be followed).

``as_of`` defaults to the latest publication date in the store, so an old corpus is judged by its
own calendar, not by today's. One realized event may settle several promises (the same
promise is often reported by several articles). Background events (recalled from well before
their article) settle nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from bilateral.analysis.evidence import EventRef, dyad_events
from bilateral.analysis.gap import HasConnection
from bilateral.analysis.measures import TANGIBLE_CHANNELS, norm_code, scoped_events
from bilateral.analysis.objects import object_terms, same_object
from bilateral.store import versions

OUTCOMES: tuple[str, ...] = ("kept", "broken", "pending", "lapsed", "unverifiable", "undated")
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
    """One promise, its outcome, its due date, the object it names and the event that settled it (if any).

    ``fulfilment`` is the deed that kept it, or the opposite deed that broke it (see ``outcome``).
    """

    promise: EventRef
    outcome: str
    due: date | None
    fulfilment: EventRef | None = None
    object: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "outcome": self.outcome, "due": self.due.isoformat() if self.due else None,
            "object": list(self.object), "promise": self.promise.to_dict(),
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
        """Kept / (kept + broken + lapsed): the share of decided promises that were kept (``None`` if none)."""
        decided = self.count("kept") + self.count("broken") + self.count("lapsed")
        return self.count("kept") / decided if decided else None

    def to_dict(self, items: int | None = None) -> dict[str, Any]:
        """JSON-ready form; ``items`` lists only the first that many promises (all when ``None``), and then,
        when some are left out, ``items_total`` says how many there are (the counts always cover all)."""
        rate = self.kept_rate
        out = {
            "source": self.source, "target": self.target, "horizon_days": self.horizon_days,
            "as_of": self.as_of.isoformat() if self.as_of else None, "counts": self.counts,
            "kept_rate": round(rate, 4) if rate is not None else None,
            "by_channel": self.by_channel(), "items": [i.to_dict() for i in self.items[:items]],
        }
        if items is not None and len(self.items) > items:
            out["items_total"] = len(self.items)
        return out


def store_as_of(store: HasConnection) -> date | None:
    """The latest publication date in the store (an event's own date where its article has none): the default
    'now' of follow-through. Publication dates, so a bond "due 2007" in a 1987 story does not move it.

    An aggregate over every event joined to its document (:func:`compute_store_as_of`), kept per store
    version (:func:`bilateral.store.versions.kept_as_of`): computed once per version, then one lookup."""
    con = store.connection
    version, found, value = versions.kept_as_of(con)
    if found:
        return value
    value = compute_store_as_of(store)
    if version is not None:
        versions.keep_as_of(con, version, value)
    return value


def compute_store_as_of(store: HasConnection) -> date | None:
    """The latest publication date, computed from the events and documents (:func:`store_as_of` keeps it)."""
    con = store.connection
    rows = con.execute(
        "SELECT max(coalesce(TRY_CAST(left(published, 10) AS DATE), TRY_CAST(date AS DATE))) "
        f"FROM {scoped_events(con)}"
    ).fetchall()
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


#: The deed an expression of intent announces, at three digits (CAMEO 03xx intent → the 0xx deed).
INTENT_DEEDS: dict[str, str] = {
    "0311": "061", "0312": "062", "0313": "063", "0314": "064",
    "0331": "071", "0332": "072", "0333": "073", "0334": "074",
    "0341": "083", "0342": "083", "0343": "083", "0344": "083",
    "0351": "081", "0352": "082", "0353": "084", "0354": "085", "0355": "086", "0356": "087",
}
#: The deed roots of an intent coded only at three digits; () is any kind.
INTENT_KINDS: dict[str, tuple[str, ...]] = {
    "030": (), "031": ("06",), "032": ("05", "04"), "033": ("07",), "034": ("08",), "035": ("08",),
    "036": ("04",), "037": ("04", "057", "08"), "038": ("04",), "039": ("04",),
}


def promised_kinds(promise: EventRef) -> tuple[str, ...]:
    """The CAMEO prefixes a deed must have to keep ``promise`` (empty: any kind).

    The promised code at three digits; for an expression of intent the deed it announces
    (:data:`INTENT_DEEDS`), or its roots when the intent is coded at three digits only.
    """
    code = promise.cameo
    if code.startswith("03"):
        if code[:4] in INTENT_DEEDS:
            return (INTENT_DEEDS[code[:4]],)
        return INTENT_KINDS.get(code[:3], ())
    return (code[:3],)


def is_followable(promise: EventRef, terms: frozenset[str]) -> bool:
    """Whether ``promise`` says what would keep it: a tangible channel, a kind of deed (not a bare 030),
    an object (``terms``), and no condition, speculation or denial (``promise_hedges.txt``)."""
    return (promise.channel in TANGIBLE_CHANNELS and bool(terms) and bool(promised_kinds(promise))
            and not is_hedged(promise, "promise"))


@lru_cache(maxsize=2)
def hedges(kind: str = "deed") -> frozenset[str]:
    """The words that hedge a ``deed`` (a hope, plan, condition, dispute) or a ``promise`` (a condition,
    speculation, denial): ``bilateral/data/analysis/{kind}_hedges.txt``."""
    text = (resources.files("bilateral") / "data" / "analysis" / f"{kind}_hedges.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


def is_hedged(ev: EventRef, kind: str = "deed") -> bool:
    """Whether ``ev``'s sentence hedges as a ``kind`` (``deed`` or ``promise``) by the word lists above."""
    return not hedges(kind).isdisjoint(w.lower() for w in re.findall(r"[A-Za-z]+", ev.sentence))


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def is_recalled(ev: EventRef, since: date) -> bool:
    """Whether ``ev``'s sentence dates it to years before ``since`` ("in 1984/85, the U.S. supplied …")."""
    years = [int(y) for y in _YEAR.findall(ev.sentence)]
    return bool(years) and max(years) < since.year


def settles(ev: EventRef, promise: EventRef, terms: frozenset[str]) -> str | None:
    """``kept`` or ``broken`` when ``ev`` fulfils or reverses ``promise`` (whose object is ``terms``), else ``None``.

    Only a promise that names an object can be settled, by an event whose own object is the same.
    """
    if ev.channel != promise.channel or ev.doc_id == promise.doc_id or not same_object(terms, ev):
        return None
    kinds, when = promised_kinds(promise), _day(promise.date)
    if "taken" in ev.measures:
        return "broken"
    if (is_deed(ev) and (not kinds or ev.cameo.startswith(kinds)) and not is_hedged(ev)
            and not (when is not None and is_recalled(ev, when))):
        return "kept"
    return None


class _Window:
    """The realized events of a direction by day, for the deeds ``when < day <= due`` of each promise.

    The events come in the store's date order, so those of a window are one run of the list, found by
    bisection: a direction with thousands of promises and deeds costs promises × log(deeds) plus the
    deeds of each window, not promises × deeds. The order of the list is kept, so the first deed that
    settles a promise is the one a pass over every event would find; should the days not be in order
    (a date the store sorts apart from its day), every event is looked at, as such a pass does."""

    def __init__(self, candidates: list[tuple[date, EventRef]]) -> None:
        self.days = [d for d, _ in candidates]
        self.events = [ev for _, ev in candidates]
        self.ordered = all(x <= y for x, y in zip(self.days, self.days[1:], strict=False))

    def between(self, when: date, due: date) -> Iterator[EventRef]:
        """The events dated after ``when`` and up to ``due``, in the list's order."""
        if not self.ordered:
            yield from (ev for d, ev in zip(self.days, self.events, strict=True) if when < d <= due)
            return
        for i in range(bisect_right(self.days, when), bisect_right(self.days, due)):
            yield self.events[i]


def follow_through(
    store: HasConnection,
    source: str,
    target: str,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    as_of: date | None = None,
    since: str | None = None,
    until: str | None = None,
    events: Sequence[EventRef] | None = None,
) -> FollowThrough:
    """Match every promise of ``source`` to ``target`` with the deed that kept or broke it; see the module doc.

    ``since``/``until`` bound the promises; fulfilments are looked for in every later event.
    ``events``: the direction's events as :func:`dyad_events` reads them (every date, background
    flagged, in its order), when the caller has them already; else they are read.
    """
    source, target = norm_code(source), norm_code(target)
    if as_of is None:
        as_of = store_as_of(store)
    if events is None:
        events = [ref for ref, _ in dyad_events(store, [(source, target)])]
    candidates = [(d, ev) for ev in events if (d := _day(ev.date)) is not None and ev.status == "realized"
                  and not ev.background]
    window = _Window(candidates)
    result = FollowThrough(source, target, horizon_days, as_of)
    for ev in events:
        if "promises" not in ev.measures:
            continue
        terms = object_terms(ev.sentence, ev.span)
        obj = tuple(sorted(terms))
        if (since is not None and (ev.date is None or ev.date < since)) or (
            until is not None and (ev.date is None or ev.date > until)
        ):
            continue
        when = _day(ev.date)
        if when is None:
            result.items.append(PromiseOutcome(ev, "undated", None, object=obj))
            continue
        if not is_followable(ev, terms):
            result.items.append(PromiseOutcome(ev, "unverifiable", None, object=obj))
            continue
        due = when + timedelta(days=horizon_days)
        settled = next(((c, how) for c in window.between(when, due)
                        if (how := settles(c, ev, terms)) is not None), None)
        if settled is not None:
            result.items.append(PromiseOutcome(ev, settled[1], due, settled[0], obj))
        elif as_of is not None and as_of < due:
            result.items.append(PromiseOutcome(ev, "pending", due, object=obj))
        else:
            result.items.append(PromiseOutcome(ev, "lapsed", due, object=obj))
    return result
