"""Load test of the dashboard: N requests at C concurrent connections against a real `bilateral serve` on loopback.

    python benchmarks/load_test.py                     # 10,000 requests, 50 connections, 2,000 Reuters stories
    python benchmarks/load_test.py --requests 1000 --db my.duckdb --tool wrk

The server is the real command (``bilateral serve --db FILE --port P``, default bind 127.0.0.1) over a
corpus database (built from the first ``--docs`` Reuters-21578 stories unless ``--db`` is given). The
requests cycle over the dashboard's pages and JSON API (:data:`PATHS`). The loader is ``httpx.AsyncClient``
(one connection pool of ``--connections``), or ``wrk`` when ``--tool wrk`` and it is installed. Prints one
JSON object: requests, errors (non-2xx or transport failures), requests/s, p50/p90/p99/max latency in ms.
``tests/reliability/test_server.py`` runs the short form (1,000 requests) in CI; figures are in RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

# the shared data beside the repository, as the tests find it
REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578" / "reuters21578.jsonl"

#: What a dashboard user fetches: pages and API calls, cheap and expensive.
PATHS: tuple[str, ...] = (
    "/api/health",
    "/api/events?page=1&page_size=50",
    "/api/events?source=USA&page_size=20",
    "/api/dyads?limit=20",
    "/api/documents?page=2&page_size=20",
    "/api/corpus",
    "/",
    "/events?page=3",
    "/corpus",
    "/api/dyads/USA/JPN",
    "/dyad/USA/JPN",
    "/api/events?q=trade&page_size=20",
)
#: The CI mix: every request but the dyad analyses (about 300 ms of CPU each, the full form has them).
PATHS_CI: tuple[str, ...] = tuple(p for p in PATHS if "/dyad" not in p or "/dyads?" in p)


@dataclass(slots=True)
class LoadResult:
    """What one load run measured (latencies in milliseconds)."""

    tool: str
    requests: int
    connections: int
    errors: int
    seconds: float
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _quantile(sorted_ms: Sequence[float], q: float) -> float:
    if not sorted_ms:
        return 0.0
    return sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))]


async def _load(base: str, total: int, connections: int, paths: Sequence[str]) -> tuple[list[float], int, float]:
    """``connections`` workers, each with its own persistent connection (as ``wrk`` does), share ``total`` GETs."""
    latencies: list[float] = []
    errors = 0
    kinds: Counter[str] = Counter()
    counter = iter(range(total))

    async def worker() -> None:
        nonlocal errors
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120.0) as client:
            for i in counter:
                path = paths[i % len(paths)]
                t0 = time.perf_counter()
                try:
                    resp = await client.get(path)
                    await resp.aread()
                    if not 200 <= resp.status_code < 300:
                        errors += 1
                        kinds[f"{resp.status_code} {path} {resp.text[:200]}"] += 1
                except httpx.HTTPError as exc:
                    errors += 1
                    kinds[f"{exc.__class__.__name__} {path}"] += 1
                latencies.append((time.perf_counter() - t0) * 1000)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    for kind, n in kinds.most_common(10):
        print(f"error ×{n}: {kind}", file=sys.stderr)
    return latencies, errors, elapsed


def warm_up(base: str, paths: Sequence[str] = PATHS) -> None:
    """Fetch each path once, one at a time: the first request of each kind loads code and caches.

    Without it, 50 simultaneous first requests to a fresh server wait 10-20 s on this 2-core machine
    (measured; no error), which would be reported as the p99 of the run.
    """
    with httpx.Client(base_url=base, timeout=120.0) as client:
        for path in dict.fromkeys(paths):
            client.get(path)


def run_load(base: str, total: int = 1000, connections: int = 50, paths: Sequence[str] = PATHS,
             warm: bool = True) -> LoadResult:
    """Send ``total`` GETs cycling over ``paths`` with ``connections`` concurrent connections (httpx)."""
    if warm:
        warm_up(base, paths)
    latencies, errors, elapsed = asyncio.run(_load(base, total, connections, paths))
    lat = sorted(latencies)
    return LoadResult("httpx", len(lat), connections, errors, round(elapsed, 2), round(len(lat) / elapsed, 1),
                      round(statistics.median(lat), 1), round(_quantile(lat, 0.90), 1),
                      round(_quantile(lat, 0.99), 1), round(lat[-1], 1))


def run_wrk(base: str, total: int, connections: int, paths: Sequence[str] = PATHS) -> LoadResult:
    """The same with ``wrk`` (by duration: about ``total`` requests, estimated from a short warm-up)."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115 - wrk reads it later
    lua_paths = ", ".join(json.dumps(p) for p in paths)
    script.write(
        f"local paths = {{{lua_paths}}}\nlocal i = 0\n"
        "request = function() i = i + 1; return wrk.format('GET', paths[(i % #paths) + 1]) end\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('JSON {\"requests\": %d, \"errors\": %d, \"p50\": %f, \"p90\": %f, \"p99\": %f, "
        "\"max\": %f, \"seconds\": %f}\\n', summary.requests, summary.errors.status + summary.errors.connect + "
        "summary.errors.read + summary.errors.write + summary.errors.timeout, latency:percentile(50) / 1000, "
        "latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6))\n"
        "end\n"
    )
    script.close()
    warm = run_load(base, min(200, total), connections, paths)
    seconds = max(2, round(total / max(warm.requests_per_s, 1)))
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name, base],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    data = json.loads(next(ln for ln in out.splitlines() if ln.startswith("JSON "))[5:])
    return LoadResult("wrk", data["requests"], connections, data["errors"], round(data["seconds"], 2),
                      round(data["requests"] / data["seconds"], 1), round(data["p50"], 1), round(data["p90"], 1),
                      round(data["p99"], 1), round(data["max"], 1))


def build_corpus_db(folder: Path, docs: int) -> Path:
    """Ingest the first ``docs`` Reuters-21578 stories with the real CLI; return the database path."""
    if not REUTERS.exists():
        raise SystemExit(f"{REUTERS} is not present (the shared data is looked for beside the repository, in ../shared)")
    src = folder / "corpus.jsonl"
    with REUTERS.open("rb") as fh, src.open("wb") as out:
        for i, line in enumerate(fh):
            if i >= docs:
                break
            out.write(line)
    db = folder / "corpus.duckdb"
    subprocess.run([sys.executable, "-m", "bilateral.cli", "ingest", str(src), "--db", str(db), "--workers", "1",
                    "--no-progress"], check=True, capture_output=True)
    return db


@contextmanager
def running_server(db: Path, port: int, token: str | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``bilateral serve --db DB --port PORT`` (default host); yield its base URL and process."""
    argv = [sys.executable, "-m", "bilateral.cli", "serve", "--db", str(db), "--port", str(port)]
    if token:
        argv += ["--write-token", token]
    env = {k: v for k, v in os.environ.items() if k != "BILATERAL_WRITE_TOKEN"}
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.2)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build or take a corpus database, serve it, load it, print the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--docs", type=int, default=2000, help="Reuters stories in the corpus database")
    ap.add_argument("--db", type=Path, default=None, help="use this database instead of building one")
    ap.add_argument("--tool", choices=("httpx", "wrk", "auto"), default="httpx")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_corpus_db(Path(tmp), args.docs)
        with running_server(db, free_port()) as (base, _):
            use_wrk = args.tool == "wrk" or (args.tool == "auto" and shutil.which("wrk"))
            result = (run_wrk if use_wrk else run_load)(base, args.requests, args.connections)
    print(json.dumps(asdict(result)))
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
