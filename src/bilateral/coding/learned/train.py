"""Train the learned filter from the labelled sets in the repository (``make train``).

    python -m bilateral.coding.learned.train [--out src/bilateral/data/filter/model.json.gz]

Training data: the ``train`` split of the real-news set (``eval/realnews/train.jsonl``). Its
documents are coded by the rules (sentences in document order, so coreference and the document's
main dyad act as in production), every candidate pair is read, and each head is fitted with
scikit-learn's logistic regression. Five-fold cross-validation grouped by document chooses the
keep threshold (the best F1 of the out-of-fold dyad precision and recall) and reports the curve;
the ``check`` split is then only scored, never read. The model records the SHA-256 of its training
files, the settings, the cross-validated curve and the check figures.

scikit-learn is needed here only (``pip install 'bilateral[train]'``); coding reads the JSON weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral.coding.coder import Coder, CoderConfig
from bilateral.coding.learned.candidates import Candidate
from bilateral.coding.learned.features import Features, candidate_features
from bilateral.coding.learned.filter import QUADS, with_class
from bilateral.coding.learned.model import FilterModel, LinearHead
from bilateral.coding.learned.reader import read_sentence
from bilateral.model import Document

REPO = Path(__file__).resolve().parents[4]
TRAIN_FILES = ("eval/realnews/train.jsonl",)
CHECK_FILE = "eval/realnews/check.jsonl"
DEFAULT_OUT = "src/bilateral/data/filter/model.json.gz"
SEED = 20261203
C_QUAD = 0.5  # inverse regularisation of the class heads
C_ATTR = 1.0  # of the status, channel and root heads
MIN_WEIGHT = 1e-4  # smaller weights are dropped from the shipped model


@dataclass(slots=True)
class Example:
    """One candidate pair of one labelled sentence."""

    doc_id: str
    features: Features
    pair: tuple[str, str]
    gold_quads: set[int]
    sentence_id: str


@dataclass(slots=True)
class TrainingSet:
    examples: list[Example] = field(default_factory=list)
    attributes: list[tuple[Features, str, str, str, str]] = field(default_factory=list)  # feats, status, chan, root, doc
    gold_events: int = 0


def data_hash(paths: list[Path]) -> str:
    """SHA-256 over the training files' bytes, in order."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode("utf-8"))
        h.update(p.read_bytes())
    return h.hexdigest()


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _pair_matches(gold: dict[str, Any], cand: Candidate, igo_codes: frozenset[str]) -> bool:
    def ok(g: str, c: str) -> bool:
        return g == c or (g in {"IGO", "UNO"} and c in igo_codes and (g != "UNO" or c not in {"EUR", "EEC"}))

    return ok(gold["source"], cand.source.code) and ok(gold["target"], cand.target.code)


def rule_events_by_row(rows: list[dict[str, Any]], coder: Coder) -> list[list[Any]]:
    """The rule events of each row, coding each document's rows in order as one document."""
    out: list[list[Any]] = [[] for _ in rows]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_doc[str(r.get("doc_id") or r["id"])].append(k)
    for doc_id, ks in by_doc.items():
        # a blank line always ends a sentence, so the document splits back into the labelled sentences
        text = "\n\n".join(rows[k]["text"] for k in ks)
        doc = Document(id=doc_id, text=text, date=rows[ks[0]].get("date"))
        sents, events = coder.code_document(doc)
        if len(sents) != len(ks):
            for k in ks:  # the splitter disagreed: code the sentences one by one
                out[k] = coder.code_document(Document(id=rows[k]["id"], text=rows[k]["text"],
                                                      date=rows[k].get("date")))[1]
            continue
        for ev in events:
            out[ks[ev.doc_sentence]].append(ev)
    return out


def build(rows: list[dict[str, Any]], coder: Coder) -> TrainingSet:
    """Candidates, features and labels of the labelled rows."""
    ts = TrainingSet()
    igo = coder.actors.igo_codes
    for row, events in zip(rows, rule_events_by_row(rows, coder), strict=True):
        view, cands = read_sentence(row["text"], row.get("date"), events, coder.actors, coder.lexicon)
        gold = row.get("events") or []
        ts.gold_events += len(gold)
        doc = str(row.get("doc_id") or row["id"])
        for cand in cands:
            feats = candidate_features(cand, view)
            quads = {int(g["quad"]) for g in gold if _pair_matches(g, cand, igo)}
            ts.examples.append(Example(doc, feats, cand.pair, quads, row["id"]))
            for g in gold:
                if _pair_matches(g, cand, igo):
                    root = str(g.get("cameo") or "")[:2]
                    ts.attributes.append((with_class(feats, int(g["quad"])), g["status"], g["channel"],
                                          root if root.isdigit() else "", doc))
    return ts


def _fit(features: list[Features], labels: list[str], c: float) -> LinearHead:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    if len(set(labels)) < 2:
        raise ValueError(f"a head needs two classes to learn, the labels hold only {sorted(set(labels))}")
    # liblinear is the fast solver for a two-class head; it cannot fit more classes
    solver = "liblinear" if len(set(labels)) == 2 else "lbfgs"
    clf = LogisticRegression(C=c, solver=solver, max_iter=2000, random_state=SEED)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    coef = clf.coef_
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        w = tuple(round(float(coef[k, j]), 5) for k in range(coef.shape[0]))
        if any(abs(v) >= MIN_WEIGHT for v in w):
            weights[str(name)] = w
    return LinearHead(tuple(str(c) for c in clf.classes_), weights,
                      tuple(round(float(b), 5) for b in clf.intercept_))


def fit_heads(ts: TrainingSet, threshold: float, meta: dict[str, Any]) -> FilterModel:
    feats = [e.features for e in ts.examples]
    quad = {q: _fit(feats, ["1" if int(q) in e.gold_quads else "0" for e in ts.examples], C_QUAD) for q in QUADS}
    attr_feats = [a[0] for a in ts.attributes]
    status = _fit(attr_feats, [a[1] for a in ts.attributes], C_ATTR)
    channel = _fit(attr_feats, [a[2] for a in ts.attributes], C_ATTR)
    rooted = [a for a in ts.attributes if a[3]]
    root = _fit([a[0] for a in rooted], [a[3] for a in rooted], C_ATTR)
    return FilterModel(quad, status, channel, root, threshold, meta)


def cross_validate(ts: TrainingSet, folds: int = 5) -> dict[str, Any]:
    """Out-of-fold quad probabilities (folds grouped by document) and the precision/recall curve."""
    docs = sorted({e.doc_id for e in ts.examples})
    random.Random(SEED).shuffle(docs)
    fold_of = {d: k % folds for k, d in enumerate(docs)}
    scored: list[tuple[float, bool]] = []  # (probability, right) per predicted (pair, class)
    status_hits = channel_hits = attr_n = 0
    for k in range(folds):
        train = TrainingSet([e for e in ts.examples if fold_of[e.doc_id] != k],
                            [a for a in ts.attributes if fold_of[a[4]] != k])
        test = [e for e in ts.examples if fold_of[e.doc_id] == k]
        model = fit_heads(train, 0.5, {})
        for e in test:
            for q in QUADS:
                p = model.quad[q].probabilities(e.features)["1"]
                scored.append((p, int(q) in e.gold_quads))
        for a in ts.attributes:
            if fold_of[a[4]] == k:
                attr_n += 1
                status_hits += model.status.best(a[0])[0] == a[1]
                channel_hits += model.channel.best(a[0])[0] == a[2]
    curve = []
    for t in [round(0.05 * i, 2) for i in range(1, 20)]:
        kept = [right for p, right in scored if p >= t]
        tp = sum(kept)
        prec = tp / len(kept) if kept else 0.0
        rec = tp / ts.gold_events if ts.gold_events else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        curve.append({"threshold": t, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)})
    return {
        "folds": folds, "curve": curve,
        "status_accuracy": round(status_hits / attr_n, 4) if attr_n else None,
        "channel_accuracy": round(channel_hits / attr_n, 4) if attr_n else None,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train the learned event filter from the repository's labelled sets.")
    ap.add_argument("--out", default=str(REPO / DEFAULT_OUT))
    ap.add_argument("--threshold", type=float, default=None, help="keep threshold (default: best CV F1)")
    args = ap.parse_args(argv)
    paths = [REPO / f for f in TRAIN_FILES]
    rows = [r for p in paths for r in _load(p)]
    coder = Coder(CoderConfig(explain=True, learned_filter=False))
    ts = build(rows, coder)
    cv = cross_validate(ts)
    best = max(cv["curve"], key=lambda c: c["f1"])
    threshold = args.threshold if args.threshold is not None else best["threshold"]
    meta = {
        "training_files": list(TRAIN_FILES), "training_sha256": data_hash(paths),
        "sentences": len(rows), "candidates": len(ts.examples), "gold_events": ts.gold_events,
        "settings": {"c_quad": C_QUAD, "c_attr": C_ATTR, "seed": SEED, "min_weight": MIN_WEIGHT},
        "cross_validation": cv,
    }
    model = fit_heads(ts, threshold, meta)
    out = Path(args.out)
    model.save(out)
    print(f"{len(rows)} sentences, {len(ts.examples)} candidates, {ts.gold_events} gold events")
    print(f"cross-validated: best F1 {best}; status {cv['status_accuracy']}, channel {cv['channel_accuracy']}")
    print(f"threshold {threshold}; model written to {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
