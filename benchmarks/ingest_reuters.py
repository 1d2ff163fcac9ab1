"""Benchmark: ingest the Reuters-21578 corpus (JSONL) into a fresh store; docs/s, sentences/s, peak RSS.

    .venv/bin/python benchmarks/ingest_reuters.py                 # 1,000, 10,000 and all docs
    .venv/bin/python benchmarks/ingest_reuters.py --sizes 1000    # one size
    .venv/bin/python benchmarks/ingest_reuters.py --markdown      # also print the BENCHMARKS.md rows
    .venv/bin/python benchmarks/ingest_reuters.py --recycle-every 0   # never reopen the store's connection
    .venv/bin/python benchmarks/ingest_reuters.py --warm-coder    # the coder's word caches full before measuring

Each size runs in its own process (so peak RSS is that run's), streaming the first N lines of
``../shared/data/corpus/reuters21578/reuters21578.jsonl`` through the real ingest job (reader →
dates → exact and near-duplicate checks → coder → DuckDB store, batches of 100) into a temporary
database. The resident set size is sampled after every batch: ``rss_first``/``rss_last`` are the
values after the first and the last batch, ``rss_max_batch`` the highest after any batch (the last
batch may fall just after the store reopened its connection, when memory is lowest), so growth with
corpus size shows up directly. The job
reopens the store's DuckDB connection every ``--recycle-every`` batches (default: the job's
``RECYCLE_EVERY``; 0 never), and the store runs DuckDB with ``INGEST_THREADS`` threads, as
``bilateral ingest`` does.

The coder keeps per-word caches (token normalisation, word-form flags; bounded at 400,000 forms
each, in :mod:`bilateral.coding`) that fill with the corpus vocabulary, so part of what grows with
the number of documents is the coder's. ``--warm-coder`` codes every document of the corpus once
before the measured ingest, so the caches are equally full at every size and what still grows is
the job's and the store's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578" / "reuters21578.jsonl"


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_one(limit: int | None, corpus: Path, recycle_every: int | None = None,
            warm_coder: bool = False) -> dict[str, object]:
    """Ingest the first ``limit`` documents (all if ``None``) in this process; return the figures."""
    from bilateral.coding import Coder
    from bilateral.ingest import ingest_items, read_path
    from bilateral.ingest.job import INGEST_THREADS, RECYCLE_EVERY
    from bilateral.store import Store

    every = RECYCLE_EVERY if recycle_every is None else recycle_every

    coder = Coder()
    coder.code_document  # noqa: B018  (the coder's tables load lazily on first use)
    if warm_coder:
        from bilateral.model import Document

        for item in read_path(corpus):
            if isinstance(item, Document):
                coder.code_document(item)
    rss_start = _rss_mib()
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bilateral-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        with Store(db, threads=INGEST_THREADS) as store:  # as `bilateral ingest` opens it
            items = read_path(corpus)
            if limit is not None:
                items = islice(items, limit)
            t0, c0 = time.perf_counter(), time.process_time()
            result = ingest_items(items, store, coder, recycle_every=every,
                                  on_progress=lambda r: samples.append(_rss_mib()))
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            counts = store.counts()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "docs": result.documents_read, "added": result.documents_added, "skipped": result.documents_skipped,
        "near_duplicates": result.near_duplicates, "sentences": result.sentences, "events": result.events,
        "errors": len(result.errors), "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
        "docs_per_cpu_s": round(result.documents_read / cpu, 1), "load_average": os.getloadavg()[0],
        "docs_per_s": round(result.documents_read / elapsed, 1),
        "sentences_per_s": round(result.sentences / elapsed, 1),
        "peak_rss_mib": round(peak_kib / 1024, 1), "rss_start_mib": round(rss_start, 1),
        "rss_first_batch_mib": round(samples[0], 1) if samples else None,
        "rss_last_batch_mib": round(samples[-1], 1) if samples else None,
        "rss_max_batch_mib": round(max(samples), 1) if samples else None,
        "stored_documents": counts["documents"], "recycle_every": every, "warm_coder": warm_coder,
    }


def main() -> None:
    """Run every size in a child process and print one JSON line each (and Markdown rows with --markdown)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,all", help="comma-separated document counts, or 'all'")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # child mode
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--recycle-every", type=int, default=None, metavar="N",
                    help="batches between reopenings of the store's connection (default: the job's; 0: never)")
    ap.add_argument("--warm-coder", action="store_true",
                    help="code the whole corpus once before measuring (the coder's word caches full at every size)")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: no such file (the corpus lives in ../shared/data/corpus/)")
    if args.one is not None:
        print(json.dumps(run_one(None if args.one == "all" else int(args.one), args.corpus, args.recycle_every,
                                 args.warm_coder)))
        return
    rows = []
    for size in args.sizes.split(","):
        extra = [] if args.recycle_every is None else ["--recycle-every", str(args.recycle_every)]
        extra += ["--warm-coder"] if args.warm_coder else []
        out = subprocess.run([sys.executable, __file__, "--one", size.strip(), "--corpus", str(args.corpus), *extra],
                             capture_output=True, text=True, check=True)
        rec = json.loads(out.stdout.strip().splitlines()[-1])
        rec["size"] = size.strip()
        print(json.dumps(rec), flush=True)
        rows.append(rec)
    if args.markdown:
        print("| documents | wall s | CPU s | docs/s | docs/CPU-s | sentences/s | sentences | events "
              "| peak RSS (MiB) | RSS after first / last batch (MiB) | highest RSS after a batch (MiB) |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in rows:
            print(f"| {r['docs']:,} | {r['seconds']} | {r['cpu_seconds']} | {r['docs_per_s']} | "
                  f"{r['docs_per_cpu_s']} | {r['sentences_per_s']} | "
                  f"{r['sentences']:,} | {r['events']:,} | {r['peak_rss_mib']} | "
                  f"{r['rss_first_batch_mib']} / {r['rss_last_batch_mib']} | {r['rss_max_batch_mib']} |")


if __name__ == "__main__":
    main()
