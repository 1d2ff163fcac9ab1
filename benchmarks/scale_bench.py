"""Time `bilateral gap`, the dyad page and the dyad API on a benchmark store (benchmarks/scale_corpus.py).

    .venv/bin/python benchmarks/scale_bench.py --db /tmp/scale-10m.duckdb --dyad IRL,USA --dyad EST,MNG

For each dyad:

* ``bilateral gap A B --by month --format json`` as a new process, wall time with start-up: the
  first run (nothing cached: it computes the profile and stores it in the file), then ``--repeat``
  runs that reuse it (median and best), and the same for ``--format table``;
* with ``bilateral serve`` on 127.0.0.1: the first ``/api/dyads/A/B`` (its options differ from
  gap's: computed in the server) and the first ``/dyad/A/B`` (gap's options: read from the file),
  then a bounded load: ``wrk -t2 -cN -dS --latency`` on each URL (when wrk is installed, else a
  Python client with N threads for S seconds), p50 / p99, requests/s, errors; ``--gzip``: the
  clients send ``Accept-Encoding: gzip`` as browsers do.

Prints one JSON object per dyad and the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

EXE = Path(sys.executable).parent / "bilateral"


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one command; on a busy machine CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=3600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def gap_times(db: Path, a: str, b: str, repeat: int, first: bool = True) -> dict[str, Any]:
    base = [str(EXE), "gap", a, b, "--db", str(db), "--by", "month"]
    out: dict[str, Any] = {}
    if first:
        wall, cpu = _run([*base, "--format", "json"])
        out.update(first_json_s=round(wall, 3), first_json_cpu_s=round(cpu, 3))
    for name, cmd in (("json", [*base, "--format", "json"]), ("table", base)):
        runs = [_run(cmd) for _ in range(repeat)]
        out.update({f"{name}_median_s": round(statistics.median(w for w, _ in runs), 3),
                    f"{name}_best_s": round(min(w for w, _ in runs), 3),
                    f"{name}_cpu_median_s": round(statistics.median(c for _, c in runs), 3)})
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wrk(url: str, connections: int, seconds: int, gzip: bool) -> dict[str, Any]:
    header = ["-H", "Accept-Encoding: gzip"] if gzip else []
    res = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
                          *header, url], capture_output=True, text=True, timeout=seconds + 60, check=True).stdout

    def ms(label: str) -> float | None:
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", res, re.M)
        if not m:
            return None
        return round(float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)], 2)

    done = re.search(r"(\d+) requests in", res)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", res)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", res)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", res)
    return {"tool": "wrk", "requests": int(done.group(1)) if done else 0,
            "rps": float(rps.group(1)) if rps else 0.0, "p50_ms": ms("50%"), "p99_ms": ms("99%"),
            "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def _python_load(url: str, connections: int, seconds: int, gzip: bool) -> dict[str, Any]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(timeout=10.0, headers={"Accept-Encoding": "gzip" if gzip else "identity"}) as c:
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                try:
                    ok = c.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"tool": "python", "requests": len(latencies), "rps": round(len(latencies) / seconds, 1),
            "p50_ms": round(q[49] * 1000, 2), "p99_ms": round(q[98] * 1000, 2), "errors": errors[0]}


def server_times(db: Path, dyads: list[tuple[str, str]], connections: int, seconds: int,
                 gzip: bool) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([str(EXE), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out: dict[str, Any] = {}
    try:
        t0 = time.perf_counter()
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
            if time.perf_counter() - t0 > 300:
                raise RuntimeError("server did not start")
        out["start_s"] = round(time.perf_counter() - t0, 2)
        load = _wrk if shutil.which("wrk") else _python_load
        with httpx.Client(base_url=base, timeout=3600) as c:
            for a, b in dyads:
                row: dict[str, Any] = {}
                for name, path in (("api", f"/api/dyads/{a}/{b}"), ("page", f"/dyad/{a}/{b}")):
                    t1 = time.perf_counter()
                    r = c.get(path)
                    row[f"{name}_first_s"] = round(time.perf_counter() - t1, 3)
                    row[f"{name}_bytes"] = len(r.content)
                    t1 = time.perf_counter()
                    r2 = c.get(path, headers={"If-None-Match": r.headers["etag"]})
                    row[f"{name}_304_ms"] = round((time.perf_counter() - t1) * 1000, 2)
                    assert r2.status_code == 304
                    if gzip:  # the kept answer's gzip form is made by the first client that takes it
                        t1 = time.perf_counter()
                        c.get(path, headers={"Accept-Encoding": "gzip"})
                        row[f"{name}_first_gzip_s"] = round(time.perf_counter() - t1, 3)
                for name, path in (("api", f"/api/dyads/{a}/{b}"), ("page", f"/dyad/{a}/{b}")):
                    row[f"{name}_load"] = load(base + path, connections, seconds, gzip)
                out[f"{a}-{b}"] = row
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--dyad", action="append", required=True, help="A,B (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--no-gap", action="store_true")
    parser.add_argument("--gzip", action="store_true", help="the load's clients accept gzip, as browsers do")
    parser.add_argument("--warm-only", action="store_true", help="skip gap's first run (the result is cached)")
    args = parser.parse_args()
    dyads = [(p.split(",")[0].upper(), p.split(",")[1].upper()) for p in args.dyad]
    result: dict[str, Any] = {"db": str(args.db), "load_before": os.getloadavg()[0]}
    for a, b in [] if args.no_gap else dyads:
        result[f"gap {a}-{b}"] = gap_times(args.db, a, b, args.repeat, first=not args.warm_only)
        print(json.dumps(result[f"gap {a}-{b}"]), flush=True)
    if not args.no_server:
        result["server"] = server_times(args.db, dyads, args.connections, args.seconds, args.gzip)
    result["load_after"] = os.getloadavg()[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
