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
from bilateral.coding.learned.candidates import Candidate, SentenceView, is_state_like
from bilateral.coding.learned.features import Features, candidate_features
from bilateral.coding.learned.filter import QUADS, with_class
from bilateral.coding.learned.model import FilterModel, LinearHead
from bilateral.coding.learned.reader import read_sentence
from bilateral.coding.mentions import find_mentions
from bilateral.coding.syntax import Parser
from bilateral.coding.tokens import tokenize
from bilateral.model import Document

REPO = Path(__file__).resolve().parents[4]
TRAIN_FILES = ("eval/realnews/train.jsonl",)
# labelled sets shared with the project (not in the repository): their state-to-state events teach
# the filter what an event-dense sentence looks like; conflibert_dev stays out, for scoring
SHARED_TRAIN_FILES = ("dev/conflibert_train_a.jsonl", "dev/petr2_validation.jsonl")
SHARED_DATA = REPO.parent / "shared" / "data"
CHECK_FILE = "eval/realnews/check.jsonl"
DEFAULT_OUT = "src/bilateral/data/filter/model.json.gz"
SEED = 20261203
C_QUAD = 0.5  # inverse regularisation of the class heads
C_ATTR = 1.0  # of the status, channel and root heads
MIN_WEIGHT = 1e-4  # smaller weights are dropped from the shipped model
QUAD_OF_ROOT = {r: 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}


@dataclass(slots=True)
class Example:
    """One candidate pair of one labelled sentence."""

    doc_id: str
    features: Features
    pair: tuple[str, str]
    gold_quads: set[int]
    sentence_id: str
    gold_counts: dict[int, int] = field(default_factory=dict)  # gold events of each class the pair carries
    rule_quads: set[int] = field(default_factory=set)  # the classes the rules coded for the pair


@dataclass(slots=True)
class ClassRow:
    """A sentence labelled with its primary event's class, and every event the filter could leave in it:
    its rule events (``judge`` None for one the filter passes unjudged) and the pair-classes the rules
    did not code, which the filter adds when their probability clears the keep threshold."""

    doc_id: str
    gold_class: int
    events: list[ClassEvent]


@dataclass(frozen=True, slots=True)
class ClassEvent:
    position: int  # where its evidence starts in the sentence (the primary event is the first of root >= 03)
    root: int  # CAMEO root
    judge: tuple[int, int] | None  # (example, class) whose probability decides it; None: never judged
    added: bool = False  # a pair-class the rules did not code (kept above the keep threshold, not the rule one)


@dataclass(slots=True)
class TrainingSet:
    examples: list[Example] = field(default_factory=list)
    class_rows: list[ClassRow] = field(default_factory=list)
    # (features, status, channel, root, document) of each gold event a candidate matches
    attributes: list[tuple[Features, str, str, str, str]] = field(default_factory=list)
    gold_events: int = 0


def training_paths() -> list[Path]:
    """The labelled files the filter learns from: the repository's, then the shared ones."""
    return [REPO / f for f in TRAIN_FILES] + [SHARED_DATA / f for f in SHARED_TRAIN_FILES]


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


def _first_code(span: str, coder: Coder) -> str | None:
    """The first state or IGO an actor span names ("the UAE Ambassador to Bahrain" -> ARE)."""
    tokens = tokenize(span)
    for m in find_mentions(tokens, span, coder.actors, coder.lexicon, None, None):
        if is_state_like(m.code, coder.actors):
            return m.code
    return None


def shared_rows(path: Path, coder: Coder) -> list[dict[str, Any]]:
    """A shared labelled set as gold rows with state-to-state events and their QuadClass.

    petr2 lists CAMEO events; conflibert gives the sentence's class and the spans of its source,
    target and joint actors, which the actor dictionary resolves (sentences without spans are left
    out: their actors are unknown)."""
    out: list[dict[str, Any]] = []
    for r in _load(path):
        if "events" in r:
            events = [
                {"source": e["source"], "target": e["target"], "quad": QUAD_OF_ROOT[int(str(e["cameo"])[:2])],
                 "status": "", "channel": "", "cameo": str(e["cameo"])}
                for e in r["events"] if e.get("cameo") and e.get("source") and e.get("target")
            ]
        elif r.get("source_spans") is not None and r.get("pentaclass") is not None:
            quad = max(1, int(r["pentaclass"]))  # CAMEO 01-02 (class 0) are verbal cooperation
            sources = {_first_code(x, coder) for x in r.get("source_spans") or []} - {None}
            targets = {_first_code(x, coder) for x in r.get("target_spans") or []} - {None}
            joint = {_first_code(x, coder) for x in r.get("joint_spans") or []} - {None}
            pairs = {(a, b) for a in sources for b in targets} | {(a, b) for a in joint for b in joint}
            events = [{"source": a, "target": b, "quad": quad, "status": "", "channel": "", "cameo": ""}
                      for a, b in sorted(pairs) if a != b]
        else:
            continue
        out.append({"id": r["id"], "text": r["text"], "date": r.get("date"), "doc_id": r["id"], "events": events,
                    "pentaclass": r.get("pentaclass")})
    return out


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


def build(rows: list[dict[str, Any]], coder: Coder, parser: Parser | None = None) -> TrainingSet:
    """Candidates, features and labels of the labelled rows (with parse features given a ``parser``)."""
    ts = TrainingSet()
    igo = coder.actors.igo_codes
    for row, events in zip(rows, rule_events_by_row(rows, coder), strict=True):
        view, cands = read_sentence(row["text"], row.get("date"), events, coder.actors, coder.lexicon, parser)
        gold = row.get("events") or []
        ts.gold_events += len(gold)
        doc = str(row.get("doc_id") or row["id"])
        judged: dict[int, tuple[int, int]] = {}
        additions: list[ClassEvent] = []
        for cand in cands:
            coded = {e.quad_class for e in cand.rule_events}
            for ev in cand.rule_events:
                judged[id(ev)] = (len(ts.examples), ev.quad_class)
            if row.get("pentaclass") is not None:
                for q in (1, 2, 3, 4):
                    if q not in coded:
                        additions.append(_addition(cand, q, view, len(ts.examples)))
            feats = candidate_features(cand, view)
            matched = [int(g["quad"]) for g in gold if _pair_matches(g, cand, igo)]
            counts = {q: matched.count(q) for q in set(matched)}
            ts.examples.append(Example(doc, feats, cand.pair, set(matched), row["id"], counts,
                                       {e.quad_class for e in cand.rule_events}))
            for g in gold:
                if _pair_matches(g, cand, igo) and g.get("status"):  # sets without status teach no attribute
                    root = str(g.get("cameo") or "")[:2]
                    ts.attributes.append((with_class(feats, int(g["quad"])), g["status"], g["channel"],
                                          root if root.isdigit() else "", doc))
        if row.get("pentaclass") is not None:
            rule = [ClassEvent(e.span[0], int(e.cameo[:2]), judged.get(id(e))) for e in events]
            ts.class_rows.append(ClassRow(doc, int(row["pentaclass"]), rule + additions))
    return ts


def _class_of_root(root: int) -> int:
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


# a root of each class for an added event that no rule event lends a code (the root head picks the
# real one at run time; only its PentaClass matters here, and for class 1 it may also be 01-02)
_ADDED_ROOT = {1: 1, 2: 6, 3: 11, 4: 17}


def _addition(cand: Candidate, quad: int, view: SentenceView, example: int) -> ClassEvent:
    """The event the filter would add for ``cand`` and ``quad``: where it stands and its root, as
    :meth:`EventFilter._event` makes it (a rule event of that class lends its code and span)."""
    template = next((e for e in cand.reverse_events if e.quad_class == quad), None) or next(
        (e for e in view.events if e.quad_class == quad), None)
    if template is not None:
        return ClassEvent(template.span[0], int(template.cameo[:2]), (example, quad), True)
    starts = [view.tokens[slot.start].start for slot in (cand.source, cand.target) if slot.start >= 0]
    return ClassEvent(min(starts) if len(starts) == 2 else 0, _ADDED_ROOT[quad], (example, quad), True)


def class_macro_f1(
    rows: list[ClassRow], oof: dict[tuple[int, int], float], bar: float | None, add_bar: float | None = None
) -> float:
    """Macro-F1 of the primary event's class over ``rows`` as ``bilateral evaluate`` scores it, when the
    filter keeps the dyadic rule events whose out-of-fold probability reaches ``bar`` and adds the
    pair-classes that reach ``add_bar`` (None: no filter, the rules' events alone)."""
    pairs: list[tuple[int, int | None]] = []
    for r in rows:
        kept = []
        for ev in r.events:
            if ev.added:
                p = oof.get(ev.judge, 0.0) if ev.judge is not None else 0.0
                if bar is not None and add_bar is not None and p >= add_bar:
                    kept.append(ev)
            elif bar is None or ev.judge is None or oof.get(ev.judge, 0.0) >= bar:
                kept.append(ev)
        kept.sort(key=lambda e: e.position)
        primary = next((e.root for e in kept if e.root >= 3), kept[0].root if kept else None)
        pairs.append((r.gold_class, None if primary is None else _class_of_root(primary)))
    f1s = []
    for c in range(5):
        tp = sum(t == c and p == c for t, p in pairs)
        fp = sum(t != c and p == c for t, p in pairs)
        fn = sum(t == c and p != c for t, p in pairs)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 5


def _fit(features: list[Features], labels: list[str], c: float) -> LinearHead:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    if len(set(labels)) < 2:
        raise ValueError(f"a head needs two classes to learn, the labels hold only {sorted(set(labels))}")
    # liblinear is the fast solver on sparse features; a head of more classes is one two-class
    # model per class (one-vs-rest), whose scores the LinearHead compares by softmax
    classes = sorted(set(labels))
    if len(classes) == 2:
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED)
        clf.fit(x, labels)
        coef, intercept, fitted = clf.coef_, clf.intercept_, list(clf.classes_)
    else:
        models = []
        for cls in classes:
            one = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED)
            one.fit(x, [lab == cls for lab in labels])
            models.append(one)
        coef = np.vstack([m.coef_[0] for m in models])
        intercept = np.array([m.intercept_[0] for m in models])
        fitted = classes
    names = vec.get_feature_names_out()
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        w = tuple(round(float(coef[k, j]), 5) for k in range(coef.shape[0]))
        if any(abs(v) >= MIN_WEIGHT for v in w):
            weights[str(name)] = w
    return LinearHead(tuple(str(c) for c in fitted), weights, tuple(round(float(b), 5) for b in intercept))


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
    oof: dict[tuple[int, int], float] = {}  # (example, class) -> out-of-fold probability
    scored: list[tuple[float, int, bool]] = []  # (probability, gold events it finds, rules coded it) per pair, class
    status_hits = channel_hits = attr_n = 0
    for k in range(folds):
        train = TrainingSet(examples=[e for e in ts.examples if fold_of[e.doc_id] != k],
                            attributes=[a for a in ts.attributes if fold_of[a[4]] != k])
        model = fit_heads(train, 0.5, {})
        for n, e in enumerate(ts.examples):
            if fold_of[e.doc_id] != k:
                continue
            for q in QUADS:
                p = model.quad[q].probabilities(e.features)["1"]
                oof[(n, int(q))] = p
                scored.append((p, e.gold_counts.get(int(q), 0), int(q) in e.rule_quads))
        for a in ts.attributes:
            if fold_of[a[4]] == k:
                attr_n += 1
                status_hits += model.status.best(a[0])[0] == a[1]
                channel_hits += model.channel.best(a[0])[0] == a[2]
    grid = [round(0.05 * i, 2) for i in range(1, 20)]

    def point(t: float, rt: float) -> dict[str, float]:
        kept = [found for p, found, rule in scored if p >= (min(rt, t) if rule else t)]
        prec = sum(1 for found in kept if found) / len(kept) if kept else 0.0
        rec = sum(kept) / ts.gold_events if ts.gold_events else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f05 = 1.25 * prec * rec / (0.25 * prec + rec) if prec + rec else 0.0
        return {"threshold": t, "rule_threshold": min(rt, t), "precision": round(prec, 4), "recall": round(rec, 4),
                "f1": round(f1, 4), "f0.5": round(f05, 4)}

    # the keep thresholds: the best F0.5 over both bars (a pair and class the rules coded may need less),
    # among those that keep the class of the sentences' primary events as good as the rules' own
    # (cross-validated on the sentences labelled with one, counting the events the filter adds as
    # well as those it drops)
    rules_f1 = class_macro_f1(ts.class_rows, oof, None)
    allowed = [(t, rt) for t in grid for rt in grid
               if rt <= t and class_macro_f1(ts.class_rows, oof, rt, t) >= rules_f1] or [(grid[-1], grid[0])]
    best = max((point(t, rt) for t, rt in allowed), key=lambda c: c["f0.5"])
    best["class_macro_f1"] = round(class_macro_f1(ts.class_rows, oof, best["rule_threshold"], best["threshold"]), 4)
    best["class_macro_f1_rules"] = round(rules_f1, 4)
    curve = [point(t, best["rule_threshold"]) for t in grid]
    return {
        "folds": folds, "best": best, "curve": curve,
        "status_accuracy": round(status_hits / attr_n, 4) if attr_n else None,
        "channel_accuracy": round(channel_hits / attr_n, 4) if attr_n else None,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train the learned event filter from the repository's labelled sets.")
    ap.add_argument("--out", default=str(REPO / DEFAULT_OUT))
    ap.add_argument("--threshold", type=float, default=None,
                    help="keep threshold (default: the best cross-validated F0.5, which weighs precision twice)")
    ap.add_argument("--syntax", action="store_true", help="read the dependency parse (features of the tree)")
    args = ap.parse_args(argv)
    coder = Coder(CoderConfig(explain=True, learned_filter=False))
    paths = training_paths()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"training needs these labelled sets; missing: {', '.join(missing)}")
    rows = [r for p in paths[: len(TRAIN_FILES)] for r in _load(p)]
    rows += [r for p in paths[len(TRAIN_FILES):] for r in shared_rows(p, coder)]
    ts = build(rows, coder, Parser() if args.syntax else None)
    cv = cross_validate(ts)
    best = cv["best"]
    threshold = args.threshold if args.threshold is not None else best["threshold"]
    meta = {
        "training_files": list(TRAIN_FILES), "training_sha256": data_hash(paths),
        "sentences": len(rows), "candidates": len(ts.examples), "gold_events": ts.gold_events,
        "settings": {"c_quad": C_QUAD, "c_attr": C_ATTR, "seed": SEED, "min_weight": MIN_WEIGHT},
        "syntax": args.syntax,
        "rule_threshold": best["rule_threshold"],
        "cross_validation": cv,
    }
    model = fit_heads(ts, threshold, meta)
    out = Path(args.out)
    model.save(out)
    print(f"{len(rows)} sentences, {len(ts.examples)} candidates, {ts.gold_events} gold events")
    print(f"cross-validated: best F0.5 {best}; status {cv['status_accuracy']}, channel {cv['channel_accuracy']}")
    print(f"threshold {threshold}; model written to {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
