"""Draw promise → deed pairs from a store, for labelling by hand (kept or not kept).

    python eval/followthrough/sample_pairs.py --db REUTERS.duckdb --n 70 > pairs_to_label.jsonl

For every promise of one country to another in a tangible channel, two deeds are candidates:
the deed the follow-through rules match (``bilateral.analysis.follow_through``, outcome *kept*),
and the first deed any looser rule would take (the next realized material cooperation in the same
direction and channel, from another article, within the horizon). Every pair the rules call kept
is drawn, then loose pairs with a fixed seed up to ``--n``. Each line holds both events and an
empty ``label`` for a person to fill in (``kept`` or ``not kept``), reading the sentences.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from typing import Any

from bilateral.analysis import follow_through
from bilateral.analysis.evidence import EventRef, dyad_events
from bilateral.analysis.measures import TANGIBLE_CHANNELS
from bilateral.analysis.promises import is_deed
from bilateral.analysis.wording import is_country
from bilateral.store import Store


def _day(ev: EventRef) -> date | None:
    try:
        return date.fromisoformat((ev.date or "")[:10])
    except ValueError:
        return None


def loose_match(promise: EventRef, events: list[EventRef], horizon: int = 180) -> EventRef | None:
    """The first later deed in the promise's direction and channel, from another article."""
    when = _day(promise)
    if when is None:
        return None
    for ev in events:
        d = _day(ev)
        if (d is not None and when < d <= when + timedelta(days=horizon) and ev.channel == promise.channel
                and ev.doc_id != promise.doc_id and is_deed(ev)):
            return ev
    return None


def record(promise: EventRef, deed: EventRef, how: str) -> dict[str, Any]:
    """One line of the file to label."""
    def event(e: EventRef) -> dict[str, Any]:
        return {"key": e.key, "cameo": e.cameo, "status": e.status, "date": e.date, "doc_id": e.doc_id,
                "sentence": " ".join(e.sentence.split())}
    return {"source": promise.source, "target": promise.target, "channel": promise.channel, "drawn_as": how,
            "promise": event(promise), "deed": event(deed), "label": None, "note": ""}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=70)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    matched: list[dict[str, Any]] = []
    loose: list[dict[str, Any]] = []
    with Store(args.db) as store:
        dyads = store.connection.execute(
            "SELECT source, target FROM effective_events WHERE source IS NOT NULL AND target IS NOT NULL "
            "AND source <> target GROUP BY 1, 2 HAVING count(*) >= 5 ORDER BY 1, 2").fetchall()
        for source, target in dyads:
            if not (is_country(source) and is_country(target)):
                continue
            events = [ref for ref, _ in dyad_events(store, [(source, target)])]
            seen = set()
            for item in follow_through(store, source, target).items:
                if item.promise.channel not in TANGIBLE_CHANNELS:
                    continue
                if item.outcome == "kept" and item.fulfilment is not None:
                    matched.append(record(item.promise, item.fulfilment, "rules"))
                    seen.add((item.promise.key, item.fulfilment.key))
                deed = loose_match(item.promise, events)
                if deed is not None and (item.promise.key, deed.key) not in seen:
                    loose.append(record(item.promise, deed, "loose"))
    random.Random(args.seed).shuffle(loose)
    for rec in [*matched, *loose][: max(args.n, len(matched))]:
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
