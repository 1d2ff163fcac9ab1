"""Draw more of the real-news labelled set: sentences that name two or more states.

The first draw (``tools/sample_realnews.py``) took whole documents, so most of its sentences name
at most one state. Acts between states are reported in sentences that name two or more, and that is
also where a coder's false dyads are made, so these draws take only those: from documents of
``--corpus`` (AllSides articles or Reuters-21578 NORM stories) that no earlier draw used, every
sentence naming at least two different UN member states (by name, alias, adjective or capital from
``src/bilateral/data/actors/countries.tsv``; a plain word match, not the coder), at most
``--per-doc`` from a document. Selection reads only the corpus text.

Rows are appended to ``eval/realnews/sentences.jsonl`` with batches ``--first-batch`` onwards, the
same document-hash ``train``/``check`` split as the first draw, and ``double`` set on the sentences
of the first ``--double`` documents of each batch. Deterministic; refuses batches already drawn.

Run from the repository root: ``python tools/sample_realnews_multistate.py [--corpus reuters21578 ...]``
(the set in the repository: batches 4-7 and 8-12 from AllSides, seeds 20261204 and 20261205;
batches 13-17 from Reuters-21578, seed 20261206, --double 12).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_realnews import CORPUS, _reuters_date, _sentences, split_of

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ROOT / "src" / "bilateral" / "data" / "actors" / "countries.tsv"


def country_matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every UN member's name, aliases, adjectives and capital, and the code of each."""
    code_of: dict[str, str] = {}
    with COUNTRIES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["status"] != "un_member":
                continue
            names = [row["name"]] + [
                n for col in ("aliases", "adjectives", "metonyms") for n in (row[col] or "").split(";")
            ]
            for n in names:
                n = n.strip()
                if len(n) >= 4 and n[0].isupper():
                    code_of.setdefault(n, row["code"])
    for extra, code in (("U.S.", "USA"), ("US", "USA"), ("America", "USA"), ("Britain", "GBR"),
                        ("British", "GBR"), ("UK", "GBR"), ("Russia", "RUS"), ("Iran", "IRN")):
        code_of.setdefault(extra, code)
    names = sorted(code_of, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])"), code_of


def states_named(sentence: str, pattern: re.Pattern[str], code_of: dict[str, str]) -> set[str]:
    return {code_of[m.group(1)] for m in pattern.finditer(sentence)}


def documents(corpus: str) -> list[dict]:
    """The corpus's documents as ``{"id", "date", "text"}`` (Reuters: its NORM stories with text)."""
    if corpus == "allsides":
        path = CORPUS / "allsides-2012-2020" / "articles.jsonl"
        return [json.loads(line) for line in path.open(encoding="utf-8")]
    out = []
    for line in (CORPUS / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("text_type") == "NORM" and (r.get("text") or "").strip():
            date = r["date"].split()[0] if r.get("date") else None
            out.append({"id": r["id"], "date": _reuters_date(date), "text": r["text"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--sentences", type=int, default=880, help="sentences to draw in all")
    ap.add_argument("--per-doc", type=int, default=4)
    ap.add_argument("--first-batch", type=int, default=4)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--double", type=int, default=8, help="documents per batch labelled twice")
    ap.add_argument("--set", default="eval/realnews/sentences.jsonl")
    ap.add_argument("--corpus", choices=("allsides", "reuters21578"), default="allsides")
    args = ap.parse_args()

    set_path = ROOT / args.set
    existing = [json.loads(line) for line in set_path.open(encoding="utf-8")]
    if any(r["batch"] >= args.first_batch for r in existing):
        raise SystemExit(f"{set_path}: batches from {args.first_batch} are already drawn")
    used_docs = {r["doc_id"] for r in existing}
    pattern, code_of = country_matcher()
    rows = documents(args.corpus)
    rng = random.Random(args.seed)
    rng.shuffle(rows)
    docs: list[tuple[dict, list[tuple[int, str, str]]]] = []
    total = 0
    for r in rows:
        if r["id"] in used_docs or total >= args.sentences:
            continue
        sents = _sentences(r["text"], 10_000)
        picked = [
            (i, s, sents[i - 1] if i else "")
            for i, s in enumerate(sents)
            if len(states_named(s, pattern, code_of)) >= 2 and len(s) <= 600
        ]
        if not picked:
            continue
        picked = sorted(rng.sample(picked, min(args.per_doc, len(picked))))
        docs.append((r, picked))
        total += len(picked)
    new_rows: list[dict] = []
    for k, (r, picked) in enumerate(docs):
        batch = args.first_batch + k % args.batches
        double = k // args.batches < args.double
        for i, s, before in picked:
            new_rows.append({
                "id": f"{r['id']}#{i}", "doc_id": r["id"], "corpus": args.corpus, "date": r.get("date"),
                "split": split_of(r["id"]), "batch": batch, "context_before": before, "text": s,
                "double": double,
            })
    with set_path.open("a", encoding="utf-8") as fh:
        for row in new_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(new_rows)} sentences from {len(docs)} documents appended to {set_path}")
    for key in ("split", "batch", "double"):
        counts: dict[str, int] = {}
        for row in new_rows:
            counts[str(row[key])] = counts.get(str(row[key]), 0) + 1
        print(key, counts)


if __name__ == "__main__":
    main()
