"""Benchmark: memory of `bilateral gdelt` over 1,000 and 10,000 rows of a dyad (RSS after each file and chunk).

    .venv/bin/python benchmarks/gdelt_memory.py                  # 1,000 and 10,000 rows
    .venv/bin/python benchmarks/gdelt_memory.py --rows 10000     # one size
    .venv/bin/python benchmarks/gdelt_memory.py --markdown       # also print the BENCHMARKS.md rows
    .venv/bin/python benchmarks/gdelt_memory.py --rows 1000 10000 20000 40000 --markdown  # BENCHMARKS.md, 11 min
    .venv/bin/python benchmarks/gdelt_memory.py --no-pages --rows 10000 40000   # the file stage alone

A GDELT look-alike is written to a temporary folder and served by ``python -m http.server`` on
127.0.0.1, in its own process (its memory is not counted): a master file list, export files of
1,000 rows each in GDELT's 61-column layout (a quarter of them between PAK and USA, the rest
between other pairs), one article page per three rows of the dyad (five of eight sentence templates
with numbers from a small pool, so the vocabulary stops growing as real news does, yet no two pages
are near-copies), and a robots.txt. Each size runs in its own process through
:func:`bilateral.ingest.gdelt_run.run_gdelt` into a fresh store and cache, as ``bilateral gdelt``
runs it (DuckDB on ``INGEST_THREADS`` threads, no per-host delay so the run is CPU-bound). The
resident set size is sampled after every file and after every chunk of articles; ``*_tenths`` are
the samples at 10%, 20%, ... of each stage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROWS_PER_FILE = 1000
DYAD_SHARE = 4  # one row in four is of the dyad
ROWS_PER_ARTICLE = 3
OTHERS = [("IND", "CHN"), ("FRA", "DEU"), ("BRA", "ARG"), ("KEN", "UGA"), ("JPN", "KOR")]
CODES = [("051", 1, 3.4), ("071", 2, 7.4), ("111", 3, -2.0), ("190", 4, -10.0), ("040", 1, 1.0), ("057", 1, 8.0)]
SENTENCES = [
    "The United States delivered {n} million dollars in flood aid to Pakistan on {day}.",
    "Washington praised Pakistan for its cooperation against militants in district {n}.",
    "The United States promised to provide {n} tonnes of wheat to Pakistan next year.",
    "Pakistani officials met American diplomats in Islamabad for the {n}th round of trade talks.",
    "Pakistan criticised the United States over drone strike number {n} near the border.",
    "The United States may impose sanctions on {n} Pakistani firms if the talks fail.",
    "Pakistan signed a trade agreement worth {n} million dollars with the United States.",
    "Relief workers said {n} schools and clinics would be rebuilt in Sindh before {day}.",
]


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _row(event_id: int, day: date, a: str, b: str, code: tuple[str, int, float], url: str, stamp: str) -> str:
    def actor(c: str) -> list[str]:
        return [c, c, c, "", "", "", "", "GOV", "", ""]

    geo = ["4", "Somewhere", "XX", "XX01", "", "1.0", "2.0", "123"]
    d = day.strftime("%Y%m%d")
    fields = [str(event_id), d, d[:6], d[:4], "2024.1667", *actor(a), *actor(b), "1", code[0], code[0][:3],
              code[0][:2], str(code[1]), f"{code[2]:g}", "4", "1", "4", "-1.5", *geo, *geo, *geo, stamp, url]
    return "\t".join(fields)


def write_site(folder: Path, rows: int, base: str, pages: bool = True) -> None:
    """The look-alike's files for ``rows`` rows of PAK-USA (without ``pages``, every article is a 404)."""
    rng = random.Random(20240304)
    start = datetime(2024, 3, 4)
    master = []
    files = -(-rows * DYAD_SHARE // ROWS_PER_FILE)
    dyad = 0
    (folder / "gdeltv2").mkdir(parents=True)
    (folder / "news").mkdir()
    (folder / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    for f in range(files):
        moment = start + timedelta(minutes=15 * f)
        stamp = moment.strftime("%Y%m%d%H%M%S")
        lines = []
        for r in range(ROWS_PER_FILE):
            event_id = 1_000_000_000 + f * ROWS_PER_FILE + r
            if r % DYAD_SHARE == 0 and dyad < rows:
                article = dyad // ROWS_PER_ARTICLE
                a, b = ("PAK", "USA") if dyad % 2 else ("USA", "PAK")
                lines.append(_row(event_id, moment.date(), a, b, rng.choice(CODES), f"{base}/news/{article}.html",
                                  stamp))
                dyad += 1
            else:
                a, b = rng.choice(OTHERS)
                lines.append(_row(event_id, moment.date(), a, b, rng.choice(CODES), f"{base}/other/{event_id}.html",
                                  stamp))
        path = folder / "gdeltv2" / f"{stamp}.export.CSV.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{stamp}.export.CSV", "\n".join(lines) + "\n")
        body = path.read_bytes()
        master.append(f"{len(body)} {hashlib.md5(body).hexdigest()} http://data.gdeltproject.org/gdeltv2/{path.name}")
    (folder / "gdeltv2" / "masterfilelist.txt").write_text("\n".join(master) + "\n")
    for article in range(-(-rows // ROWS_PER_ARTICLE) if pages else 0):
        days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        # numbers from a small pool: like real news, the vocabulary stops growing (a number a sentence unique to
        # its article would fill the coder's per-word caches, bounded at 400,000 forms, with one new form each)
        paras = "".join(f"<p>{s.format(n=rng.randint(2, 90), day=rng.choice(days))}</p>\n"
                        for s in rng.sample(SENTENCES, 5))
        (folder / "news" / f"{article}.html").write_text(
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report {article}</title></head><body>"
            f"<article><h1>Report number {article} on Pakistan and the United States</h1>\n{paras}</article>"
            f"</body></html>", encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_one(rows: int, base: str, tmp: Path) -> dict[str, object]:
    """One run in this process against the served look-alike; return the figures."""
    from bilateral.coding import Coder
    from bilateral.ingest.gdelt_run import GdeltRequest, LogDisplay, run_gdelt
    from bilateral.ingest.job import INGEST_THREADS
    from bilateral.store import Store

    samples: dict[str, list[float]] = {"files": [], "articles": []}

    class Sampling(LogDisplay):
        def file_done(self) -> None:
            samples["files"].append(_rss_mib())

        def articles_done(self, n: int) -> None:
            samples["articles"].append(_rss_mib())

    coder = Coder()
    rss_start = _rss_mib()
    req = GdeltRequest("PAK", "USA", date(2024, 3, 4), date(2024, 3, 5), base_url=base + "/", cache=tmp / "cache",
                       files="15min", per_host=2, delay=0.0, workers=4, retries=1)
    t0, c0 = time.perf_counter(), time.process_time()
    with Store(tmp / "bench.duckdb", threads=INGEST_THREADS) as store:
        res = run_gdelt(store, coder, req, Sampling(lambda line: None))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    f, a = samples["files"], samples["articles"]
    return {
        "rows": rows, "files": res.files, "dyad_rows": res.rows, "events": res.events_added,
        "articles_stored": res.articles.stored, "article_events": res.articles.events, "errors": res.errors,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "rss_start": round(rss_start),
        "files_rss_first": round(f[0]), "files_rss_max": round(max(f)), "files_rss_last": round(f[-1]),
        "articles_rss_first": round(a[0]) if a else None, "articles_rss_max": round(max(a)) if a else None,
        "articles_rss_last": round(a[-1]) if a else None,
        "peak_rss": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "files_rss_tenths": _tenths(f), "articles_rss_tenths": _tenths(a),
    }


def _tenths(samples: list[float]) -> list[int]:
    """The samples at 10%, 20%, ... 100% of the way."""
    if not samples:
        return []
    return [round(samples[max(0, round(len(samples) * k / 10) - 1)]) for k in range(1, 11)]


def measure(rows: int, pages: bool = True) -> dict[str, object]:
    """Write and serve the look-alike, run one size in a child process, stop the server."""
    with tempfile.TemporaryDirectory(prefix="gdelt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        write_site(tmp / "site", rows, base, pages)
        server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                   "--directory", str(tmp / "site")], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_PROXY": "127.0.0.1"}
            out = subprocess.run([sys.executable, __file__, "--child", str(rows), base, str(tmp)], env=env,
                                 capture_output=True, text=True, check=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--no-pages", action="store_true",
                        help="serve no article pages (each is a 404): the file stage's memory alone")
    parser.add_argument("--child", nargs=3, metavar=("ROWS", "BASE", "TMP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(int(args.child[0]), args.child[1], Path(args.child[2]))))
        return
    results = [measure(n, not args.no_pages) for n in args.rows]
    for r in results:
        print(json.dumps(r))
    if args.markdown:
        print("| dyad rows | files | articles stored | events (GDELT / ours) | wall s | CPU s | RSS after first / "
              "highest / last file (MiB) | RSS after first / highest / last article chunk (MiB) | peak RSS (MiB) |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            print(f"| {r['dyad_rows']:,} | {r['files']} | {r['articles_stored']:,} | {r['events']:,} / "
                  f"{r['article_events']:,} | {r['wall_s']} | {r['cpu_s']} | {r['files_rss_first']} / "
                  f"{r['files_rss_max']} / {r['files_rss_last']} | {r['articles_rss_first']} / "
                  f"{r['articles_rss_max']} / {r['articles_rss_last']} | {r['peak_rss']} |")


if __name__ == "__main__":
    main()
