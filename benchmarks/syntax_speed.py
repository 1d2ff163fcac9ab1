#!/usr/bin/env python3
"""The coder's speed with and without the dependency parse (``CoderConfig(syntax=True)``).

    .venv/bin/python benchmarks/syntax_speed.py               # or: make bench-syntax
    .venv/bin/python benchmarks/syntax_speed.py --docs 300 --no-write

On the first ``--docs`` NORM documents of Reuters-21578 (``benchmarks/run.py``'s corpus), one
process, one thread, the coder already built (and the parser model loaded and warmed up), it codes
every document with ``Coder.code_document`` without and with the parse, alternating, twice each,
and keeps each mode's faster run by CPU time. It reports sentences per CPU-second and per second
of wall time, the events coded and how many sentences the coder parsed (those where the
word-order rules found a trigger's actors). Results replace the ``## Coding with the parse`` section of
``BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS, REPO, commit, machine, norm_documents, replace_sections

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.syntax import Parser
from bilateral.model import Document


class CountingParser(Parser):
    """The packaged parser, counting the sentences it parses."""

    parsed = 0

    def parse_many(self, sentences: Any, batch_size: int = 64) -> Any:
        out = super().parse_many(sentences, batch_size)
        self.parsed += len(out)
        return out


def run(coder: Coder, docs: list[Document]) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = events = 0
    for d in docs:
        sents, evs = coder.code_document(d)
        sentences += len(sents)
        events += len(evs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"sentences": sentences, "events": events, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "per_cpu_s": round(sentences / cpu, 1), "per_s": round(sentences / wall, 1)}


def section(res: dict[str, Any], command: str) -> str:
    rows = "\n".join(
        f"| {label} | {r['sentences']:,} | {r['parsed']:,} | {r['events']:,} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | "
        f"{r['per_s']:,.0f} | {r['per_cpu_s']:,.0f} |"
        for label, r in res["runs"].items()
    )
    off, on = res["runs"]["without the parse"], res["runs"]["with the parse (--syntax)"]
    return f"""## Coding with the parse

Measured {res['stamp']} on {res['machine']} by `{command}` (`benchmarks/syntax_speed.py`, commit
{res['commit']}), on the first {res['docs']:,} NORM documents of Reuters-21578: `Coder.code_document`
on each, one process, one thread, the coder built and the parser model loaded beforehand; each mode
runs twice, alternating, and its faster run (CPU time) is shown.

| coder | sentences | sentences parsed | events | seconds (wall) | seconds (CPU) | sentences/s | \
sentences per CPU-second |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{rows}

With the parse the coder parses only the sentences where the word-order rules found a trigger's
actors ({on['parsed'] / (on['sentences'] or 1):.0%} of them here) and runs at
{on['per_cpu_s'] / (off['per_cpu_s'] or 1):.0%} of its speed without it; the parser is the cost.
Load average (1 min) at start / end: {res['load_avg'][0]:.2f} / {res['load_avg'][1]:.2f} (the machine
is shared; CPU seconds are the steadier figure).
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=1500, help="NORM documents to read (default 1,500)")
    ap.add_argument("--no-write", action="store_true", help="print the results only")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    load_start = os.getloadavg()[0]
    docs = [Document(id=d["id"], text=d["text"], date=d["date"])
            for d in islice(norm_documents(args.corpus), args.docs)]
    plain = Coder(CoderConfig())
    parsing = Coder(CoderConfig(syntax=True))
    counter = CountingParser()
    parsing.parser = counter
    _ = counter.nlp
    for d in docs[:20]:  # warm up both
        plain.code_document(d)
        parsing.code_document(d)
    best: dict[str, dict[str, Any]] = {}
    for _round in range(2):
        for label, coder in (("without the parse", plain), ("with the parse (--syntax)", parsing)):
            counter.parsed = 0
            r = run(coder, docs)
            r["parsed"] = counter.parsed if coder is parsing else 0
            if label not in best or r["cpu_s"] < best[label]["cpu_s"]:
                best[label] = r
    res = {
        "stamp": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(), "commit": commit(),
        "docs": len(docs), "runs": best, "load_avg": (load_start, os.getloadavg()[0]),
    }
    text = section(res, "make bench-syntax")
    print(text)
    if not args.no_write:
        replace_sections(REPO / "BENCHMARKS.md", {"## Coding with the parse": text})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
