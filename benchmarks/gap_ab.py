"""Time ``bilateral gap A B --by month`` from two source trees side by side, alternating, in one run.

    .venv/bin/python benchmarks/gap_ab.py --before /tmp/before/src --after src --db /tmp/b10m.duckdb \
        --before-db /tmp/b10m-copy.duckdb --dyad IRL,USA

Each run is a new process (start-up included) that reads the result the store keeps. A store keeps
one result per dyad and options, for one version of the analysis code: two trees whose analysis
code differs need a copy of the store each (``--before-db``), or each would replace the other's
result and compute it again. Each tree runs once first (untimed), so both find their result kept.
Runs alternate (before, after, before, ...), so a change in the machine's load touches both alike.
Prints, per tree and format, the median and best wall seconds and the median CPU seconds (user +
system), and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _run(src: Path, db: Path, a: str, b: str, fmt: str) -> tuple[float, float]:
    code = "import sys; sys.argv[0] = 'bilateral'; from bilateral.cli import main; main()"
    cmd = [sys.executable, "-c", code, "gap", a, b, "--db", str(db), "--by", "month", "--format", fmt]
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, timeout=600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the src folder of the older tree")
    parser.add_argument("--after", type=Path, required=True, help="the src folder of the newer tree")
    parser.add_argument("--db", type=Path, required=True, help="the store (the newer tree's, with --before-db)")
    parser.add_argument("--before-db", type=Path, default=None, help="a copy of the store for the older tree")
    parser.add_argument("--dyad", default="IRL,USA")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--format", dest="formats", action="append", choices=["json", "table"])
    args = parser.parse_args()
    a, b = args.dyad.split(",")
    formats = args.formats or ["json", "table"]
    runs: dict[str, list[tuple[float, float]]] = {}
    dbs = {"before": args.before_db or args.db, "after": args.db}
    load_start = os.getloadavg()[0]
    for fmt in formats:
        for tree in ("before", "after"):  # one run each first: both find their result kept
            _run(getattr(args, tree), dbs[tree], a, b, fmt)
        for _ in range(args.repeat):
            for tree in ("before", "after"):
                runs.setdefault(f"{tree} {fmt}", []).append(_run(getattr(args, tree), dbs[tree], a, b, fmt))
    out = {name: {"wall_median_s": round(statistics.median(w for w, _ in r), 3),
                  "wall_best_s": round(min(w for w, _ in r), 3),
                  "cpu_median_s": round(statistics.median(c for _, c in r), 3)} for name, r in runs.items()}
    out["load_average"] = [round(load_start, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
