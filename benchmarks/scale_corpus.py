"""Build a benchmark store of N events from the coded Reuters-21578 events, in bulk, straight into DuckDB.

    .venv/bin/python benchmarks/scale_corpus.py --reuters REUTERS.duckdb --events 10000000 --db /tmp/scale-10m.duckdb

REUTERS.duckdb is the corpus ingested whole (``bilateral ingest
../shared/data/corpus/reuters21578/reuters21578.jsonl --db REUTERS.duckdb``). Its events between two
different known actors, in the 150 dyads with most events, are the *base* (7,638 events). The base is
replicated until N events are written:

* replica k shifts every date by ``k * 3650 / replicas`` days, so the corpus spans ten years more
  than Reuters does, and every period holds events of every kind in the proportions of real news;
* replica k moves the events of the base's dyad of rank d to the dyad of rank ``(d + 37k) mod 150``
  (the codes of that dyad, the direction kept), so the 150 dyads end with similar counts: the
  statuses, channels, codes, dates and sentences of each dyad are those of real news, but no dyad
  is a fifth of the store as USA–JPN is in Reuters (its profile would not be computed in minutes);
* a *probe* dyad (two codes absent from the base, ``--probe``) gets the base's dyad of rank
  ``--probe-rank`` from the first ``--probe-replicas`` replicas only: the same events at every N,
  for the cost curve of a dyad of fixed size.

Each replica's documents are stored too (id, title, date; no text): the evidence joins them. Keys,
ids and dates are new per replica (``r<k>-`` prefixes), so re-running adds nothing twice. Rows go
in by ``INSERT ... SELECT`` over the attached Reuters file, one statement per batch of replicas: no
event goes through Python. The store is then opened once as ``bilateral`` would, which builds its
key index (``FILE.keys``); the build time includes it. Prints one JSON line of what it measured.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

import duckdb

from bilateral.store import Store

DYADS = 150
STEP = 37  # coprime with 150: consecutive replicas send a dyad's events to distant dyads
SPAN_DAYS = 3650
PROBE = ("EST", "MNG")  # codes no Reuters event has


def build(reuters: Path, db: Path, events: int, probe: tuple[str, str], probe_rank: int, probe_replicas: int,
          replicas_per_insert: int) -> dict[str, object]:
    """Write the corpus into ``db`` (which must not exist); return what was built and how long it took."""
    if db.exists():
        raise SystemExit(f"{db} exists: remove it first")
    t0 = time.perf_counter()
    Store(db).close()  # the schema, as bilateral makes it
    con = duckdb.connect(str(db))
    con.execute(f"ATTACH '{reuters}' AS reuters (READ_ONLY)")
    con.execute(f"""
        CREATE TEMP TABLE dyad_rank AS
        SELECT least(source, target) AS x, greatest(source, target) AS y, count(*) AS n,
               row_number() OVER (ORDER BY count(*) DESC, least(source, target), greatest(source, target)) - 1 AS d
        FROM reuters.events WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        GROUP BY 1, 2 ORDER BY n DESC LIMIT {DYADS}
    """)
    codes = {c for (c,) in con.execute("SELECT x FROM dyad_rank UNION SELECT y FROM dyad_rank").fetchall()}
    if set(probe) & codes:
        raise SystemExit(f"probe codes {probe} occur in the base dyads")
    con.execute("""
        CREATE TEMP TABLE base AS
        SELECT e.*, r.d, e.source = r.x AS forward FROM reuters.events e
        JOIN dyad_rank r ON least(e.source, e.target) = r.x AND greatest(e.source, e.target) = r.y
        WHERE e.source <> e.target
    """)
    per_replica = int(con.execute("SELECT count(*) FROM base").fetchall()[0][0])
    probe_n = int(con.execute("SELECT count(*) FROM base WHERE d = ?", [probe_rank]).fetchall()[0][0])
    replicas = max(1, math.ceil((events - probe_n * probe_replicas) / per_replica))
    total = 0
    for first in range(0, replicas, replicas_per_insert):
        last = min(replicas, first + replicas_per_insert)
        con.execute(_events_sql(first, last, replicas))
        con.execute(_documents_sql(first, last, replicas))
        total = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
        print(json.dumps({"replicas": last, "of": replicas, "events": total,
                          "seconds": round(time.perf_counter() - t0, 1)}), flush=True)
    # the probe: rank probe_rank of the first probe_replicas replicas, under codes of its own
    con.execute(f"""
        INSERT INTO events
        SELECT 'p' || k || '-' || b.event_key, 'p' || k || '-' || b.id, b.doc_sentence,
               CASE WHEN b.forward THEN '{probe[0]}' ELSE '{probe[1]}' END, b.source_sector,
               CASE WHEN b.forward THEN '{probe[1]}' ELSE '{probe[0]}' END, b.target_sector,
               b.cameo, b.plover, b.quad_class, b.goldstein, b.status, b.channel,
               {_shifted('b.date', 'k', probe_replicas)}, b.sentence, b.span_start, b.span_end, NULL, NULL
        FROM base b, range({probe_replicas}) t(k) WHERE b.d = {probe_rank}
    """)
    con.execute(f"""
        INSERT INTO documents
        SELECT DISTINCT 'p' || k || '-' || d.id, d.title, NULL, {_shifted('d.date', 'k', probe_replicas)}, '',
               'p' || k || '-' || d.id, 'benchmark', now()::TIMESTAMP
        FROM reuters.documents d, range({probe_replicas}) t(k)
        WHERE d.id IN (SELECT id FROM base WHERE d = {probe_rank})
    """)
    # one write, one version: it touches every dyad
    con.execute("""
        INSERT INTO store_changes
        SELECT (SELECT max(version) FROM store_changes) + 1, 'benchmark', NULL, TRUE,
               (SELECT max(TRY_CAST(date AS DATE)) FROM events), now()::TIMESTAMP
    """)
    con.execute("CHECKPOINT")
    con.close()
    loaded = time.perf_counter() - t0
    Store(db).close()  # builds the key index, as the first `bilateral` command on the file would
    built = time.perf_counter() - t0
    with Store(db, read_only=True) as store:
        counts = store.counts()
        largest = store.connection.execute(
            "SELECT least(source, target), greatest(source, target), count(*) FROM events "
            "GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1").fetchall()[0]
        probe_events = store.connection.execute(
            "SELECT count(*) FROM events WHERE source IN (?, ?) AND target IN (?, ?)", [*probe, *probe]
        ).fetchall()[0][0]
    return {
        "events": counts["events"], "documents": counts["documents"], "replicas": replicas,
        "base_events": per_replica, "largest_dyad": [largest[0], largest[1], int(largest[2])],
        "probe_dyad": [probe[0], probe[1], int(probe_events)],
        "load_seconds": round(loaded, 1), "build_seconds": round(built, 1),
        "db_bytes": db.stat().st_size, "keys_bytes": Path(f"{db}.keys").stat().st_size,
    }


def _shifted(column: str, k: str, replicas: int) -> str:
    """The date of ``column`` moved by replica ``k``'s offset (unparsable dates unchanged, NULL stays NULL)."""
    days = f"CAST(({k}) * {SPAN_DAYS} // {replicas} AS INTEGER)"
    return (f"coalesce(strftime(TRY_CAST({column} AS DATE) + {days}, '%Y-%m-%d'), {column})")


def _events_sql(first: int, last: int, replicas: int) -> str:
    return f"""
        INSERT INTO events
        SELECT 'r' || k || '-' || b.event_key, 'r' || k || '-' || b.id, b.doc_sentence,
               CASE WHEN b.forward THEN s.x ELSE s.y END, b.source_sector,
               CASE WHEN b.forward THEN s.y ELSE s.x END, b.target_sector,
               b.cameo, b.plover, b.quad_class, b.goldstein, b.status, b.channel,
               {_shifted('b.date', 'k', replicas)}, b.sentence, b.span_start, b.span_end, NULL, NULL
        FROM base b, range({first}, {last}) t(k), dyad_rank s
        WHERE s.d = (b.d + {STEP} * k) % {DYADS}
    """


def _documents_sql(first: int, last: int, replicas: int) -> str:
    return f"""
        INSERT INTO documents
        SELECT 'r' || k || '-' || d.id, d.title, NULL, {_shifted('d.date', 'k', replicas)}, '',
               'r' || k || '-' || d.id, 'benchmark', now()::TIMESTAMP
        FROM reuters.documents d, range({first}, {last}) t(k)
        WHERE d.id IN (SELECT id FROM base)
    """


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuters", type=Path, required=True, help="Reuters-21578 ingested whole")
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--probe", default=",".join(PROBE), help="the fixed-size dyad's two codes")
    parser.add_argument("--probe-rank", type=int, default=10, help="rank of the base dyad the probe copies")
    parser.add_argument("--probe-replicas", type=int, default=20)
    parser.add_argument("--replicas-per-insert", type=int, default=100)
    args = parser.parse_args()
    probe = tuple(c.strip().upper() for c in args.probe.split(","))
    out = build(args.reuters, args.db, args.events, (probe[0], probe[1]), args.probe_rank, args.probe_replicas,
                args.replicas_per_insert)
    out["load_average"] = os.getloadavg()[0]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
