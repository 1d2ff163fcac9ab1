"""What the dyad picker and the dyad view show, drawn from the analysis stage.

The numbers come from :func:`bilateral.analysis.dyad_profile` (the same object
``bilateral gap`` and ``bilateral report`` print) over the corrected events, so
the dashboard, the API and the command line always agree. Every number links
to its evidence through the analysis stage's cell ids.
"""

from __future__ import annotations

import json
from typing import Any

from bilateral.actor_names import actor_name
from bilateral.analysis import PERIODS, DyadProfile, cell_id, direction_key
from bilateral.analysis import evidence as analysis_evidence
from bilateral.analysis.cache import cached_summary, dyad_cached
from bilateral.analysis.evidence import EVIDENCE_FLAGS
from bilateral.web import queries
from bilateral.web.db import Cursor

#: The measures a drill-down may ask for (the analysis stage's evidence flags).
EVIDENCE_MEASURES: tuple[str, ...] = EVIDENCE_FLAGS
#: The columns of the dyad view's ledger, per direction.
LEDGER_MEASURES: tuple[str, ...] = ("warmth", "delivery", "taken", "threats", "promises", "denials")
#: Promises (per direction) and background events the API lists unless asked for more (``?items=``):
#: the counts always cover every one, and a dyad of tens of thousands of events answers in kilobytes.
DEFAULT_ITEMS = 50


def name(code: str | None) -> str:
    """A readable name for an actor code (the code itself when unknown)."""
    return actor_name(code) if code else "unknown"


def search_dyads(cur: Cursor, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Dyads with events, most first; ``q`` matches either actor's code or name (case-insensitive)."""
    out: list[dict[str, Any]] = []
    needle = " ".join((q or "").split()).lower()
    for row in queries.dyads(cur.connection):
        a, b = str(row["a"]), str(row["b"])
        item = {"a": a, "b": b, "a_name": name(a), "b_name": name(b),
                **{k: int(row[k]) for k in ("events", "realized", "negated", "documents")}}
        if needle and not any(needle in str(item[k]).lower() for k in ("a", "b", "a_name", "b_name")):
            continue
        out.append(item)
        if len(out) >= limit:
            break
    return out


def profile(cur: Cursor, a: str, b: str, *, by: str | None = "month", since: str | None = None,
            until: str | None = None, evidence: int = 5, peers: list[str] | None = None,
            horizon_days: int | None = None, background: bool = False) -> DyadProfile:
    """The analysis stage's profile of the dyad (corrections applied); options as ``bilateral gap``'s."""
    if horizon_days is None:
        return cached_summary(cur, a, b, by=by, since=since, until=until, evidence=evidence, peers=peers,
                              background=background)
    return cached_summary(cur, a, b, by=by, since=since, until=until, evidence=evidence, peers=peers,
                          horizon_days=horizon_days, background=background)


def parse_peers(value: str | None) -> list[str] | None:
    """``IND,BGD`` → ``["IND", "BGD"]``; ``""`` → ``[]`` (no peers); ``None`` → ``None`` (automatic)."""
    if value is None:
        return None
    return [p.strip().upper() for p in value.split(",") if p.strip()]


def profile_json(cur: Cursor, a: str, b: str, *, by: str | None = "month", since: str | None = None,
                 until: str | None = None, evidence: int = 5, peers: list[str] | None = None,
                 horizon_days: int | None = None, background: bool = False,
                 items: int | None = DEFAULT_ITEMS) -> dict[str, Any]:
    """The dyad's profile as JSON: the same keys as ``bilateral gap --format json``, plus readable names;
    ``items`` bounds each direction's promises and the background events (``None``: all of them)."""
    out = profile(cur, a, b, by=by, since=since, until=until, evidence=evidence, peers=peers,
                  horizon_days=horizon_days, background=background).to_dict(items)
    out["a_name"], out["b_name"] = name(a), name(b)
    return out


def _profile_text(cur: Cursor, a: str, b: str, *, by: str | None = "month", since: str | None = None,
                  until: str | None = None, evidence: int = 5, peers: list[str] | None = None,
                  horizon_days: int | None = None, background: bool = False,
                  items: int | None = DEFAULT_ITEMS) -> str:
    """:func:`profile_json` encoded as the API sends it (compact UTF-8 JSON, as FastAPI's ``JSONResponse``)."""
    out = profile_json(cur, a, b, by=by, since=since, until=until, evidence=evidence, peers=peers,
                       horizon_days=horizon_days, background=background, items=items)
    return json.dumps(out, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


#: The API's answer as text, kept per dyad, options and version beside the profile: a request after a
#: restart reads these bytes back instead of loading the whole profile and encoding it again.
profile_text = dyad_cached("dyad_api_json")(_profile_text)


def series_json(cur: Cursor, a: str, b: str, by: str, since: str | None = None,
                until: str | None = None) -> dict[str, Any]:
    """Warmth, delivery, taken, promises and denials per period, both ways (one point per period)."""
    p = cached_summary(cur, a, b, by=by, since=since, until=until, evidence=0)
    return {"a": p.a, "b": p.b, "by": by,
            "series": {k: [pm.to_dict() for pm in v] for k, v in p.series.items()}}


def evidence_json(cur: Cursor, source: str, target: str, measure: str | None, channel: str | None,
                  period: str | None, by: str, limit: int) -> list[dict[str, Any]]:
    """The events behind one number (see :func:`bilateral.analysis.evidence`), as JSON."""
    refs = analysis_evidence(cur, source, target, measure, channel=channel, period=period, by=by, limit=limit)
    return [r.to_dict() for r in refs]


def chart_data(p: DyadProfile) -> dict[str, Any]:
    """The timeline's data: per direction, periods with warmth, delivery, taken and denials, and the cell to open."""
    directions = []
    for s, t in ((p.a, p.b), (p.b, p.a)):
        points = p.series.get(direction_key(s, t), [])
        directions.append({
            "source": s, "target": t, "label": f"{s} → {t}",
            "periods": [pm.period for pm in points],
            "warmth": [pm.tally.warmth for pm in points],
            "delivery": [pm.tally.delivery for pm in points],
            "denials": [pm.tally.denials for pm in points],
            "taken": [pm.tally.taken for pm in points],
            "gap": [round(pm.index.value, 4) for pm in points],
        })
    return {"by": p.by, "directions": directions}


def dyad_context(cur: Cursor, a: str, b: str, by: str) -> dict[str, Any]:
    """Everything the dyad view shows: verdict, series, ledger, promises and peers."""
    p = profile(cur, a, b, by=by if by in PERIODS else "month")
    return {
        "a": p.a, "b": p.b, "a_name": name(p.a), "b_name": name(p.b), "by": p.by, "p": p,
        "chart": chart_data(p), "directions": [p.ledger.forward, p.ledger.backward],
        "measures": LEDGER_MEASURES,
    }




def parse_cell(cid: str) -> dict[str, str | None] | None:
    """Read a cell id (``ev-USA-PAK-denials-trade[-2024-05]``) back into its parts; ``None`` if malformed."""
    parts = cid.split("-", 5)
    if len(parts) < 5 or parts[0] != "ev" or parts[3] not in EVIDENCE_MEASURES:
        return None
    source, target, measure, channel = parts[1], parts[2], parts[3], parts[4]
    if not source or not target or not channel:
        return None
    return {"source": source, "target": target, "measure": measure,
            "channel": None if channel == "all" else channel, "period": parts[5] if len(parts) == 6 else None}


def period_kind(period: str | None) -> str:
    """Which kind of period a label is (``2024`` year, ``2024-Q2`` quarter, ``2024-05`` month, else week)."""
    if period is None or (len(period) == 7 and period[4] == "-" and period[5:].isdigit()):
        return "month"
    if len(period) == 4:
        return "year"
    if "-Q" in period:
        return "quarter"
    return "week"


__all__ = [
    "DEFAULT_ITEMS", "EVIDENCE_MEASURES", "LEDGER_MEASURES",
    "cell_id", "chart_data", "dyad_context", "evidence_json", "name", "parse_cell", "parse_peers",
    "period_kind", "profile", "profile_json", "profile_text", "search_dyads", "series_json",
]
