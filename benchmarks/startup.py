"""Start-up of ``bilateral code-text`` on one sentence, two source trees side by side.

    python benchmarks/startup.py --before /tmp/parent/src --after src [--runs 7]

Each run is a new process (``python -c "from bilateral.cli import main; main()" code-text ONE.jsonl``)
with ``PYTHONPATH`` set to the tree, the two trees alternating so that load on the shared machine
falls on both alike; wall and CPU seconds (user + system of the child) are reported as medians.
The prebuilt cache (``coding/prebuilt.py``) is given a fresh folder per tree: the first run of each
builds it (reported apart as the cold start), the others read it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = {"id": "one", "text": "Japan agreed to lift tariffs on US beef."}


def run_once(src: Path, line_file: Path, cache: Path) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(src.resolve()), BILATERAL_CACHE_DIR=str(cache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from bilateral.cli import main; main()", "code-text", str(line_file),
                    "--workers", "1"], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="the src folder of the older tree")
    ap.add_argument("--after", type=Path, required=True, help="the src folder of the newer tree")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        line_file = Path(tmp) / "one.jsonl"
        line_file.write_text(json.dumps(SENTENCE) + "\n", encoding="utf-8")
        trees = {"before": args.before, "after": args.after}
        caches = {name: Path(tmp) / f"cache-{name}" for name in trees}
        cold = {name: run_once(src, line_file, caches[name]) for name, src in trees.items()}
        warm: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, src in trees.items():
                warm[name].append(run_once(src, line_file, caches[name]))
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    print("| tree | cold start wall / CPU s | warm wall s (median) | warm CPU s (median) |")
    print("| --- | ---: | ---: | ---: |")
    for name in trees:
        walls = [w for w, _ in warm[name]]
        cpus = [c for _, c in warm[name]]
        print(f"| {name} | {cold[name][0]:.2f} / {cold[name][1]:.2f} | {statistics.median(walls):.2f} | "
              f"{statistics.median(cpus):.2f} |")


if __name__ == "__main__":
    main()
