#!/usr/bin/env python3
"""The coder's speed at two commits, side by side in one run, one core.

    python benchmarks/compare_coders.py BASE_REV [NEW_REV] [--docs N] [--rounds 5]

Each revision's ``src/`` is exported (``git archive``) to a temporary folder; then, round after
round, alternating between the two, a fresh process imports that revision's coder, codes the
first ``--docs`` NORM documents of Reuters-21578 once to warm its caches, and reports the CPU
seconds of a second pass of ``Coder.code_document`` over them. Alternating rounds share whatever
else the machine is doing. NEW_REV defaults to the working tree. The best round of each is
printed with the ratio new / base.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from run import CORPUS, norm_documents
from bilateral.coding import Coder
from bilateral.model import Document
from itertools import islice
limit = int(sys.argv[3]) or None
docs = [Document(id=str(d["id"]), text=d["text"], date=d["date"]) for d in islice(norm_documents(CORPUS), limit)]
coder = Coder()
for d in docs:
    coder.code_document(d)
t0 = time.process_time()
n = 0
for d in docs:
    n += len(coder.code_document(d)[1])
print(json.dumps({"cpu": time.process_time() - t0, "events": n, "docs": len(docs)}))
"""


def export(rev: str, into: Path) -> Path:
    """``rev``'s ``src/`` under ``into``; the working tree's own ``src/`` for ``rev == ""``."""
    if not rev:
        return REPO / "src"
    data = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def one_round(src: Path, docs: int) -> dict[str, float]:
    import json

    out = subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-c", CHILD, str(REPO / "benchmarks"), str(src), str(docs)],
        check=True, capture_output=True, text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base")
    ap.add_argument("new", nargs="?", default="", help="a revision; default: the working tree")
    ap.add_argument("--docs", type=int, default=0, help="the first N documents (default: all)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base_src = export(args.base, Path(tmp) / "base")
        new_src = export(args.new, Path(tmp) / "new")
        best: dict[str, float] = {}
        events: dict[str, float] = {}
        for r in range(args.rounds):
            for label, src in (("base", base_src), ("new", new_src)):
                got = one_round(src, args.docs)
                best[label] = min(best.get(label, float("inf")), got["cpu"])
                events[label] = got["events"]
                print(f"round {r + 1} {label}: {got['cpu']:.2f} s CPU, {got['events']:.0f} events", flush=True)
    print(f"best: base {args.base} {best['base']:.2f} s, new {args.new or 'working tree'} {best['new']:.2f} s, "
          f"new / base = {best['new'] / best['base']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
