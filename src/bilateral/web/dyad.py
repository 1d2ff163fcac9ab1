"""What the dyad picker and the dyad view show, drawn from the analysis stage.

The numbers come from :mod:`bilateral.analysis` over the corrected events, so
the dashboard, the API and ``bilateral gap`` always agree.
"""

from __future__ import annotations

from typing import Any

from bilateral.analysis import dyad_gap
from bilateral.web import queries
from bilateral.web.db import Cursor
from bilateral.web.names import actor_name


def search_dyads(cur: Cursor, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Dyads with events, most first; ``q`` matches either actor's code or name (case-insensitive)."""
    out: list[dict[str, Any]] = []
    needle = (q or "").strip().lower()
    for row in queries.dyads(cur.connection):
        a, b = str(row["a"]), str(row["b"])
        item = {**row, "a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b)}
        if needle and not any(needle in str(v).lower() for v in (a, b, item["a_name"], item["b_name"])):
            continue
        out.append({k: (int(v) if k in ("events", "realized", "negated", "documents") else v)
                    for k, v in item.items()})
        if len(out) >= limit:
            break
    return out


def gap_json(cur: Cursor, a: str, b: str, *, since: str | None = None, until: str | None = None,
             evidence: int = 5) -> dict[str, Any]:
    """The dyad's tallies both ways, as ``bilateral gap --format json`` prints them."""
    out = dyad_gap(cur, a, b, since=since, until=until, evidence=evidence).to_dict()
    out["a_name"], out["b_name"] = actor_name(a), actor_name(b)
    return out


_PERIOD_SQL = {
    "week": "strftime(date_trunc('week', d), '%Y-%m-%d')",
    "month": "strftime(d, '%Y-%m')",
    "quarter": "strftime(d, '%Y') || '-Q' || CAST(quarter(d) AS VARCHAR)",
    "year": "strftime(d, '%Y')",
}


def series_json(cur: Cursor, a: str, b: str, by: str) -> dict[str, Any]:
    """Per period and direction: warmth, delivery, promises and denials (counts)."""
    period = _PERIOD_SQL[by]
    rows = cur.connection.execute(
        f"""
        SELECT source, target, {period} AS period,
               count(*) FILTER (WHERE status = 'realized' AND quad_class = 1) AS warmth,
               coalesce(sum(goldstein) FILTER (WHERE status = 'realized' AND quad_class = 1), 0) AS warmth_weight,
               count(*) FILTER (WHERE status = 'realized' AND quad_class = 2) AS delivery,
               count(*) FILTER (WHERE status = 'intended') AS promises,
               count(*) FILTER (WHERE status = 'negated') AS denials
        FROM (SELECT *, TRY_CAST(date AS DATE) AS d FROM {queries.VIEW}) e
        WHERE d IS NOT NULL AND ((source = ? AND target = ?) OR (source = ? AND target = ?))
        GROUP BY 1, 2, 3 ORDER BY 3, 1
        """,
        [a, b, b, a],
    ).fetchall()
    directions: dict[str, list[dict[str, Any]]] = {f"{a}->{b}": [], f"{b}->{a}": []}
    for src, tgt, per, warmth, weight, delivery, promises, denials in rows:
        directions[f"{src}->{tgt}"].append({
            "period": per, "warmth": int(warmth), "warmth_weight": round(float(weight), 2),
            "delivery": int(delivery), "promises": int(promises), "denials": int(denials),
        })
    return {"a": a, "b": b, "by": by, "directions": directions}


def _peers(cur: Cursor, giver: str, exclude: str, limit: int = 6) -> list[dict[str, Any]]:
    """Other receivers of ``giver``: realized words and deeds and negated items, most events first."""
    rows = cur.connection.execute(
        f"""
        SELECT target,
               count(*) FILTER (WHERE status = 'realized' AND quad_class = 1) AS words,
               count(*) FILTER (WHERE status = 'realized' AND quad_class = 2) AS deeds,
               count(*) FILTER (WHERE status = 'negated') AS denied,
               count(*) AS events
        FROM {queries.VIEW}
        WHERE source = ? AND target IS NOT NULL AND target <> ? AND target <> ?
        GROUP BY 1 ORDER BY events DESC, target LIMIT ?
        """,
        [giver, exclude, giver, limit],
    ).fetchall()
    return [{"giver": giver, "receiver": r[0], "receiver_name": actor_name(r[0]), "words": int(r[1]),
             "deeds": int(r[2]), "denied": int(r[3]), "events": int(r[4])} for r in rows]


def _verdict(gap: dict[str, Any]) -> list[str]:
    """One plain sentence per direction: warmth, delivery, promises and denials."""
    lines: list[str] = []
    for d in gap["directions"]:
        src, tgt = actor_name(d["source"]), actor_name(d["target"])
        if not d["total"]:
            lines.append(f"No events from {src} to {tgt} in this corpus.")
            continue
        st = d["by_status"]
        lines.append(
            f"{src} → {tgt}: {d['words']} realized warm words against {d['deeds']} realized deeds; "
            f"{st.get('intended', 0)} promised, {st.get('negated', 0)} reported as not given."
        )
    return lines


def dyad_context(cur: Cursor, a: str, b: str, by: str) -> dict[str, Any]:
    """Everything the dyad view shows: verdict, series, ledger, promises and peers."""
    gap = gap_json(cur, a, b, evidence=5)
    series = series_json(cur, a, b, by)
    promises = queries.events_page(cur.connection, queries.EventFilter(dyad=(a, b), status="intended"), 1, 50)
    ledger_channels = sorted(
        {c for d in gap["directions"] for c in d["by_channel"]},
        key=lambda c: (queries.CHANNEL_ORDER.get(c, 99), c),
    )
    return {
        "a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b), "by": by,
        "gap": gap, "verdict": _verdict(gap), "series": series, "ledger_channels": ledger_channels,
        "promises": promises, "peers": {a: _peers(cur, a, b), b: _peers(cur, b, a)},
    }
