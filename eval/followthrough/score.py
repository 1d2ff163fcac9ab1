"""Score promise follow-through against the pairs labelled by hand in ``pairs.jsonl``.

    bilateral ingest ../shared/data/corpus/reuters21578/reuters21578.jsonl --db /tmp/reuters.duckdb
    python eval/followthrough/score.py --db /tmp/reuters.duckdb [--pairs eval/followthrough/pairs.jsonl]

For every labelled pair the follow-through rules are run again on its dyad: the rules *keep* the
pair when the promise comes out kept by that very deed. Printed: how often the rules agree with
the label, the share of the rules' *kept* that people also call kept (precision), the share of the
people's *kept* the rules find (recall), and the same precision for the loose rule the pairs were
also drawn from (any later deed in the direction and channel keeps the promise).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bilateral.analysis import follow_through
from bilateral.store import Store

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--pairs", default=str(HERE / "pairs.jsonl"))
    args = ap.parse_args()
    pairs = [json.loads(line) for line in Path(args.pairs).read_text(encoding="utf-8").splitlines() if line.strip()]
    kept_by_rules: dict[tuple[str, str], str | None] = {}
    with Store(args.db) as store:
        for dyad in sorted({(p["source"], p["target"]) for p in pairs}):
            for item in follow_through(store, *dyad).items:
                deed = item.fulfilment.key if item.outcome == "kept" and item.fulfilment else None
                kept_by_rules[(dyad[0] + ">" + dyad[1], item.promise.key)] = deed
    agree = tp = fp = fn = 0
    for p in pairs:
        rules = kept_by_rules.get((p["source"] + ">" + p["target"], p["promise"]["key"])) == p["deed"]["key"]
        human = p["label"] == "kept"
        agree += rules == human
        tp += rules and human
        fp += rules and not human
        fn += human and not rules
    n, people = len(pairs), sum(p["label"] == "kept" for p in pairs)
    print(f"pairs labelled: {n} (kept by people: {people})")
    print(f"rules agree with people: {agree}/{n} = {agree / n:.0%}")
    print(f"kept by the rules: {tp + fp}; right: {tp}/{tp + fp} = {tp / max(tp + fp, 1):.0%} (precision)")
    print(f"people's kept found by the rules: {tp}/{tp + fn} = {tp / max(tp + fn, 1):.0%} (recall)")
    print(f"loose rule (every pair kept): right {people}/{n} = {people / n:.0%}")


if __name__ == "__main__":
    main()
