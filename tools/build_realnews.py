"""Assemble the labelled real-news set and measure the annotators' agreement.

Reads ``eval/realnews/sentences.jsonl`` and the labels in ``eval/realnews/labels/`` (``batch-N.jsonl``:
the first labelling of every sentence; ``double.jsonl`` and ``double-N.jsonl``: an independent second
labelling of the agreement sample of batches 0-3 and of batch N) and writes:

- ``eval/realnews/train.jsonl`` and ``eval/realnews/check.jsonl``: one gold row per sentence, in the
  shape ``bilateral evaluate`` reads (``id``, ``text``, ``date``, ``events``), each event with its
  ``quad``, ``cameo``, actors, ``status``, ``channel``, ``trigger`` and ``trigger_span``;
- ``eval/realnews/agreement.json``: Cohen's kappa for event / no event (per sentence), for the
  QuadClass of the dyads both annotators labelled, and for the dyad's class including "none", with
  the (QuadClass, source, target) F1 of the second labelling against the first: over all doubly
  labelled sentences (``all``) and for each kind of draw (``whole_documents``: batches 0-3, the
  first sentences of whole documents; ``multi_state``: batches 4 onwards, sentences naming two or
  more states).

Codes are normalised to the coder's conventions: the Soviet Union is ``RUS`` (the actor dictionary
codes it so). Run from the repository root: ``python tools/build_realnews.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "eval" / "realnews"
CODE_ALIASES = {"SUN": "RUS"}
QUAD_OF_ROOT = {r: 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _norm_event(ev: dict, text: str) -> dict:
    out = dict(ev)
    out["source"] = CODE_ALIASES.get(ev["source"], ev["source"])
    out["target"] = CODE_ALIASES.get(ev["target"], ev["target"])
    out["quad"] = int(ev["quad"])
    trig = ev.get("trigger") or ""
    k = text.find(trig) if trig else -1
    out["trigger_span"] = [k, k + len(trig)] if k >= 0 else None
    return out


def cohen_kappa(a: list[object], b: list[object]) -> float:
    """Cohen's kappa of two annotators' categories over the same units."""
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(first: dict[str, list[dict]], second: dict[str, list[dict]]) -> dict[str, object]:
    """Agreement of two labellings over the sentences of ``second``."""
    ids = list(second)
    has_a = [bool(first[i]) for i in ids]
    has_b = [bool(second[i]) for i in ids]
    pair_a: list[int] = []
    pair_b: list[int] = []
    both_a: list[int] = []
    both_b: list[int] = []
    tp = n_a = n_b = 0
    for i in ids:
        qa: dict[tuple[str, str], int] = {}
        qb: dict[tuple[str, str], int] = {}
        for e in first[i]:
            qa.setdefault((e["source"], e["target"]), e["quad"])
        for e in second[i]:
            qb.setdefault((e["source"], e["target"]), e["quad"])
        for pair in sorted(set(qa) | set(qb)):
            pair_a.append(qa.get(pair, 0))
            pair_b.append(qb.get(pair, 0))
            if pair in qa and pair in qb:
                both_a.append(qa[pair])
                both_b.append(qb[pair])
        ta = {(e["quad"], e["source"], e["target"]) for e in first[i]}
        tb = {(e["quad"], e["source"], e["target"]) for e in second[i]}
        tp += len(ta & tb)
        n_a += len(ta)
        n_b += len(tb)
    p = tp / n_b if n_b else 0.0
    r = tp / n_a if n_a else 0.0
    return {
        "sentences": len(ids),
        "sentences_with_event": [sum(has_a), sum(has_b)],
        "kappa_event_vs_none": round(cohen_kappa(has_a, has_b), 3),
        "dyads_labelled_by_both": len(both_a),
        "kappa_quadclass_on_shared_dyads": round(cohen_kappa(both_a, both_b), 3),
        "dyads_labelled_by_either": len(pair_a),
        "kappa_dyad_class_with_none": round(cohen_kappa(pair_a, pair_b), 3),
        "triple_f1_second_vs_first": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def main() -> None:
    sentences = _load(ROOT / "sentences.jsonl")
    text_of = {s["id"]: s["text"] for s in sentences}
    first: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "labels").glob("batch-*.jsonl")):
        for row in _load(path):
            first[row["id"]] = [_norm_event(e, text_of[row["id"]]) for e in row["events"]]
    missing = [s["id"] for s in sentences if s["id"] not in first]
    if missing:
        raise SystemExit(f"{len(missing)} sentences have no label, e.g. {missing[:3]}")
    for split in ("train", "check"):
        with (ROOT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for s in sentences:
                if s["split"] != split:
                    continue
                row = {
                    "id": s["id"], "text": s["text"], "date": s["date"], "corpus": s["corpus"],
                    "doc_id": s["doc_id"], "context_before": s["context_before"], "events": first[s["id"]],
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    second: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "labels").glob("double*.jsonl")):
        for r in _load(path):
            second[r["id"]] = [_norm_event(e, text_of[r["id"]]) for e in r["events"]]
    if second:
        batch_of = {s["id"]: s["batch"] for s in sentences}
        rounds = {"all": second,
                  "whole_documents": {i: ev for i, ev in second.items() if batch_of[i] < 4},
                  "multi_state": {i: ev for i, ev in second.items() if batch_of[i] >= 4}}
        stats = {name: agreement(first, part) for name, part in rounds.items() if part}
        (ROOT / "agreement.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
        print("agreement:", json.dumps(stats))
    for split in ("train", "check"):
        rows = [s for s in sentences if s["split"] == split]
        n_ev = sum(bool(first[s["id"]]) for s in rows)
        print(f"{split}: {len(rows)} sentences, {n_ev} with an event ({len(rows) - n_ev} without), "
              f"{sum(len(first[s['id']]) for s in rows)} events")


if __name__ == "__main__":
    main()
