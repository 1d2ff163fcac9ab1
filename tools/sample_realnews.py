"""Draw the sentences of the real-news labelled set (``eval/realnews/sentences.jsonl``).

Documents, not sentences, are drawn, so that the ``train``/``check`` split can be made by document:
half of the sentences come from Reuters-21578 (1987 wire copy), half from the AllSides collection
of 2012-2020 political news, both in ``../shared/data/corpus/``. Selection reads only the corpora's
own metadata and text (never the coder's output):

- Reuters: NORM stories; three in four are drawn from those tagged ``trade`` or with two or more
  ``PLACES`` (where acts between states are reported), one in four from all the others, so that
  corporate and market copy (no event at all) is represented as in the wire;
- AllSides: any article.

Each document gives its first ``--per-doc`` sentences (the project's own sentence splitter, with
whitespace collapsed). A document's split is fixed by a hash of its id: about 30% ``check``. The
labelling batches keep documents whole; ``--double`` documents drawn from every batch form the
sample labelled a second time, independently, for agreement.

Run from the repository root: ``python tools/sample_realnews.py`` (deterministic: same seed, same set).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bilateral.coding.sentences import split_sentences  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus"
_SPACE = re.compile(r"\s+")


def split_of(doc_id: str) -> str:
    """``check`` for about 30% of documents, by a stable hash of the id; ``train`` for the rest."""
    h = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16)
    return "check" if h % 10 < 3 else "train"


def _sentences(text: str, limit: int) -> list[str]:
    out = []
    for start, end in split_sentences(text):
        s = _SPACE.sub(" ", text[start:end]).strip()
        if len(s) >= 3:
            out.append(s)
        if len(out) == limit:
            break
    return out


def _reuters(rng: random.Random, n_docs: int) -> list[dict]:
    rows = [json.loads(line) for line in (CORPUS / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8")]
    norm = [r for r in rows if r.get("text_type") == "NORM" and (r.get("text") or "").strip()]
    political = [r for r in norm if "trade" in r["topics"] or len(r["places"]) >= 2]
    other = [r for r in norm if not ("trade" in r["topics"] or len(r["places"]) >= 2)]
    n_pol = round(n_docs * 0.75)
    picked = rng.sample(political, n_pol) + rng.sample(other, n_docs - n_pol)
    docs = []
    for r in picked:
        date = r["date"].split()[0] if r.get("date") else None
        docs.append({"doc_id": r["id"], "corpus": "reuters21578", "date": _reuters_date(date), "text": r["text"]})
    return docs


_MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def _reuters_date(d: str | None) -> str | None:
    if not d:
        return None
    day, mon, year = d.split("-")
    return f"{int(year):04d}-{_MONTHS[mon.upper()]:02d}-{int(day):02d}"


def _allsides(rng: random.Random, n_docs: int) -> list[dict]:
    path = CORPUS / "allsides-2012-2020" / "articles.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    picked = rng.sample(rows, n_docs)
    return [{"doc_id": r["id"], "corpus": "allsides", "date": r.get("date"), "text": r["text"]} for r in picked]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--reuters-docs", type=int, default=150)
    ap.add_argument("--allsides-docs", type=int, default=100)
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--double", type=int, default=6, help="documents per batch labelled twice")
    ap.add_argument("-o", "--out", default="eval/realnews/sentences.jsonl")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    docs = _reuters(rng, args.reuters_docs) + _allsides(rng, args.allsides_docs)
    rng.shuffle(docs)
    sentence_rows: list[dict] = []
    for k, doc in enumerate(docs):
        batch = k % args.batches
        sents = _sentences(doc["text"], args.per_doc)
        for i, s in enumerate(sents):
            sentence_rows.append(
                {
                    "id": f"{doc['doc_id']}#{i}",
                    "doc_id": doc["doc_id"],
                    "corpus": doc["corpus"],
                    "date": doc["date"],
                    "split": split_of(doc["doc_id"]),
                    "batch": batch,
                    "context_before": sents[i - 1] if i else "",
                    "text": s,
                }
            )
    # the double-labelled sample: the first --double documents of each batch, half of each corpus
    double: set[str] = set()
    for b in range(args.batches):
        for corpus in ("reuters21578", "allsides"):
            ids = [d["doc_id"] for k, d in enumerate(docs) if k % args.batches == b and d["corpus"] == corpus]
            double.update(ids[: args.double // 2])
    for row in sentence_rows:
        row["double"] = row["doc_id"] in double
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in sentence_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = len(sentence_rows)
    print(f"{n} sentences from {len(docs)} documents -> {out}")
    for key in ("corpus", "split", "batch"):
        counts: dict[str, int] = {}
        for row in sentence_rows:
            counts[str(row[key])] = counts.get(str(row[key]), 0) + 1
        print(key, counts)
    print("double-labelled sentences:", sum(r["double"] for r in sentence_rows))


if __name__ == "__main__":
    main()
