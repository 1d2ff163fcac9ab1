"""Code a fixed body of text with the current coder and compare two such snapshots.

The body is every NORM document of Reuters-21578 (``Coder.code_document``, as ``ingest`` codes
them) and every sentence of the dev sets in ``../shared/data/dev/*.jsonl``
(``Coder.code_sentence``, as ``evaluate`` codes them). Each event is one JSON line: its fixed
record (``Event.to_record()``), and with ``--traces`` also its ``EventTrace``. A change to the
coder that must leave the events as they are is checked by a snapshot before and after it:

    PYTHONPATH=src python tools/coder_snapshot.py write before.jsonl
    ... change the coder ...
    PYTHONPATH=src python tools/coder_snapshot.py write after.jsonl
    python tools/coder_snapshot.py compare before.jsonl after.jsonl   # exit 1 when they differ

``compare`` counts the events only in one snapshot, per input (document or dev sentence), and
prints the first differences. ``--explain`` codes with ``CoderConfig(explain=True)``, which must
give the same records.

Run from the repository root.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "reuters21578" / "reuters21578.jsonl"
DEV = SHARED / "dev"
MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], start=1)}


def reuters_date(raw: str | None) -> str | None:
    """``26-FEB-1987 15:01:01.79`` -> ``1987-02-26`` (as ``benchmarks/run.py`` reads it)."""
    if not raw:
        return None
    try:
        day, mon, year = raw.strip().split()[0].split("-")
        return f"{int(year):04d}-{MONTHS[mon.upper()]:02d}-{int(day):02d}"
    except (ValueError, KeyError):
        return None


def snapshot(explain: bool, traces: bool, limit: int | None) -> Iterator[dict[str, Any]]:
    """Every event of the body, as a JSON-ready dict with the input it came from (``input``)."""
    from bilateral.coding import Coder, CoderConfig
    from bilateral.model import Document

    coder = Coder(CoderConfig(explain=explain or traces))
    n = 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("text_type") != "NORM" or not (obj.get("text") or "").strip():
                continue
            n += 1
            if limit is not None and n > limit:
                break
            doc = Document(id=str(obj["id"]), text=obj["text"], date=reuters_date(obj.get("date")))
            _sentences, events = coder.code_document(doc)
            for ev in events:
                yield _line(f"reuters:{doc.id}", ev, traces)
    for path in sorted(DEV.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                key = f"{path.stem}:{obj['id']}"
                for ev in coder.code_sentence(obj["text"], doc_id=str(obj["id"]), date=obj.get("date")):
                    yield _line(key, ev, traces)


def _line(key: str, ev: Any, traces: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"input": key, **ev.to_record()}
    if traces:
        out["trace"] = dataclasses.asdict(ev.trace) if ev.trace is not None else None
    return out


def write(path: Path, explain: bool, traces: bool, limit: int | None) -> None:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in snapshot(explain, traces, limit):
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} events -> {path}")


def compare(a: Path, b: Path, show: int) -> int:
    """Print the differences of two snapshots; 0 when identical, else 1."""
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    if left == right:
        print(f"identical: {len(left)} events")
        return 0
    only_left = Counter(left) - Counter(right)
    only_right = Counter(right) - Counter(left)
    inputs = {json.loads(x)["input"] for x in [*only_left, *only_right]}
    print(f"{a}: {len(left)} events, {b}: {len(right)} events")
    print(f"only in {a}: {sum(only_left.values())}; only in {b}: {sum(only_right.values())}; "
          f"inputs affected: {len(inputs)}")
    if not only_left and not only_right:
        print("same events in another order")
    for label, diff in ((f"- {a}", only_left), (f"+ {b}", only_right)):
        for line in list(diff)[:show]:
            rec = json.loads(line)
            print(label, rec["input"], rec["source"], rec["target"], rec["cameo"], rec["status"], rec["channel"],
                  repr(rec["sentence"][rec["span"][0]:rec["span"][1]]))
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="code the body and write its events")
    w.add_argument("out", type=Path)
    w.add_argument("--explain", action="store_true", help="code with CoderConfig(explain=True)")
    w.add_argument("--traces", action="store_true", help="also write each event's trace (implies --explain)")
    w.add_argument("--limit", type=int, default=None, help="only the first N Reuters documents")
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--show", type=int, default=10, help="differences printed per side")
    args = ap.parse_args(argv)
    if args.command == "write":
        write(args.out, args.explain, args.traces, args.limit)
        return 0
    return compare(args.a, args.b, args.show)


if __name__ == "__main__":
    sys.exit(main())
