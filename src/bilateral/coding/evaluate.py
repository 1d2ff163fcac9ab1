"""Score the coder on a labelled set (the shape of ``shared/data/dev/``).

The metrics and their definitions are those of the project's reference scorer
(``shared/tools/score_events.py``), reimplemented here:

* the *primary* event of a sentence is its first event whose CAMEO root is 03
  or higher, else its first event (a statement "X said" yields to what it reports);
* ``pentaclass_accuracy`` / ``pentaclass_macro_f1``: the primary event's CAMEO root
  mapped to 0 neutral (01-02), 1 verbal coop. (03-05), 2 material coop. (06-08),
  3 verbal conflict (09-13), 4 material conflict (14-20); no event counts as wrong;
* ``cameo_root_accuracy``: the primary event's CAMEO root equals a gold event's root;
* ``plover_accuracy``: the primary event's PLOVER type equals a gold type;
* ``triple_precision`` / ``triple_recall`` / ``triple_f1``: predicted (type, source
  country, target country) against gold events; type is the CAMEO root where gold has
  CAMEO, else the PLOVER type; a null gold actor matches anything; gold IGO/NGO
  (non-state) matches any non-country code;
* ``events_per_gold_event``: predicted events per gold event;
* ``coverage``: share of sentences with at least one predicted event.

Each metric is reported only where the gold set carries its label.

Gold sets whose events carry a ``quad`` (the real-news set in ``eval/realnews/``, labelled by
``docs/coding-guide.md``) list every event between two state actors (or IGOs) and nothing else, so
they are also scored on dyads (:func:`score_dyads`):

* ``dyad_precision`` / ``dyad_recall`` / ``dyad_f1``: predicted events whose source and target are
  both states or IGOs, matched on (QuadClass, source, target) against the gold events;
* ``no_event_specificity``: of the sentences with no gold event, the share given no such event;
* ``status_accuracy`` / ``channel_accuracy``: on the gold events that a prediction matches, the
  share whose (first) matching prediction has the gold status / channel.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bilateral.coding.coder import Coder
from bilateral.model import Document

CAMEO_TO_ISO: dict[str, str] = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VAT", "ROM": "ROU", "GMY": "DEU", "UK": "GBR",
}
NON_STATE: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "REB", "---"})


def _iso3_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes when pycountry is installed (as the reference scorer does), else empty."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(c.alpha_3 for c in pycountry.countries)


def norm_actor(code: Any) -> str | None:
    """Upper-case, first three letters, CAMEO country codes mapped to ISO."""
    if not code:
        return None
    s = str(code).upper()
    return CAMEO_TO_ISO.get(s[:3], s[:3])


def _root(cameo: Any) -> int | None:
    head = str(cameo)[:2] if cameo else ""
    return int(head) if head.isdigit() else None


def pentaclass(cameo: Any) -> int | None:
    """The 0-4 class of a CAMEO code (``None`` when there is no code)."""
    root = _root(cameo)
    if root is None:
        return None
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def primary_event(events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The first event with CAMEO root ≥ 03, else the first event, else ``{}``."""
    for e in events:
        root = _root(e.get("cameo"))
        if root is not None and root >= 3:
            return e
    return events[0] if events else {}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(gold_rows: Sequence[dict[str, Any]], pred_rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The metrics of predicted event records against gold rows (see the module docstring)."""
    iso3 = _iso3_codes()

    def actor_match(gold: str | None, pred: str | None) -> bool:
        if gold is None:
            return True
        if gold in NON_STATE:
            return pred is not None and (pred in NON_STATE or len(pred) != 3 or pred not in iso3)
        return gold == pred

    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in pred_rows:
        preds[str(rec.get("id"))].append(rec)
    out: dict[str, Any] = {"sentences": len(gold_rows), "coverage": 0}
    covered = 0
    penta_true: list[int] = []
    penta_pred: list[int | None] = []
    root_hits = root_n = plover_hits = plover_n = 0
    tp_gold = n_gold = tp_pred = n_pred = 0
    for g in gold_rows:
        ps = preds.get(str(g["id"]), [])
        covered += bool(ps)
        first = primary_event(ps)
        if g.get("pentaclass") is not None:
            penta_true.append(int(g["pentaclass"]))
            penta_pred.append(pentaclass(first.get("cameo")))
        gevents = g.get("events")
        if gevents is None:
            continue
        if not gevents:  # gold says no event here: every prediction is a false positive
            n_pred += len(ps)
            continue
        uses_cameo = any(e.get("cameo") for e in gevents)
        if uses_cameo:
            root_n += 1
            root_hits += any(
                first.get("cameo") and str(first["cameo"])[:2] == str(e["cameo"])[:2] for e in gevents
            )
        else:
            plover_n += 1
            plover_hits += any(
                first.get("plover") and str(first["plover"]).upper() == e.get("plover") for e in gevents
            )

        def etype(e: dict[str, Any], uses_cameo: bool = uses_cameo) -> str | None:
            if uses_cameo:
                return str(e.get("cameo") or "")[:2] or None
            return str(e.get("plover") or "").upper() or None

        def same(ge: dict[str, Any], pe: dict[str, Any], etype: Any = etype) -> bool:
            return bool(
                etype(ge) == etype(pe)
                and actor_match(norm_actor(ge.get("source")), norm_actor(pe.get("source")))
                and actor_match(norm_actor(ge.get("target")), norm_actor(pe.get("target")))
            )

        n_gold += len(gevents)
        tp_gold += sum(any(same(ge, pe) for pe in ps) for ge in gevents)
        n_pred += len(ps)
        tp_pred += sum(any(same(ge, pe) for ge in gevents) for pe in ps)
    out["coverage"] = round(covered / max(1, len(gold_rows)), 4)
    if penta_true:
        f1s = []
        pairs = list(zip(penta_true, penta_pred, strict=True))
        for c in range(5):
            tp = sum(t == c and p == c for t, p in pairs)
            fp = sum(t != c and p == c for t, p in pairs)
            fn = sum(t == c and p != c for t, p in pairs)
            f1s.append(_f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0))
        out["pentaclass_accuracy"] = round(sum(t == p for t, p in pairs) / len(pairs), 4)
        out["pentaclass_macro_f1"] = round(sum(f1s) / 5, 4)
    if root_n:
        out["cameo_root_accuracy"] = round(root_hits / root_n, 4)
    if plover_n:
        out["plover_accuracy"] = round(plover_hits / plover_n, 4)
    if n_gold:
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold
        out.update(
            triple_precision=round(p, 4), triple_recall=round(r, 4), triple_f1=round(_f1(p, r), 4),
            events_per_gold_event=round(n_pred / n_gold, 3),
        )
    return out


def score_dyads(
    gold_rows: Sequence[dict[str, Any]], pred_rows: Iterable[dict[str, Any]], is_actor: Callable[[str], bool]
) -> dict[str, Any]:
    """Dyad metrics (see the module docstring); ``is_actor`` says whether a code is a state or an IGO."""
    iso3 = _iso3_codes()
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in pred_rows:
        src, tgt = norm_actor(rec.get("source")), norm_actor(rec.get("target"))
        if src and tgt and src != tgt and is_actor(str(rec.get("source"))) and is_actor(str(rec.get("target"))):
            preds[str(rec.get("id"))].append(rec)

    def actor_ok(gold: str, pred: str) -> bool:
        if gold in NON_STATE:  # "IGO", "UNO": any organisation
            return pred not in iso3 if iso3 else len(pred) == 3
        return gold == pred

    def same(ge: dict[str, Any], pe: dict[str, Any]) -> bool:
        return bool(
            int(ge["quad"]) == int(pe.get("quad_class") or 0)
            and actor_ok(str(norm_actor(ge["source"])), str(norm_actor(pe.get("source"))))
            and actor_ok(str(norm_actor(ge["target"])), str(norm_actor(pe.get("target"))))
        )

    tp_pred = n_pred = tp_gold = n_gold = quiet = n_quiet = 0
    status_hits = channel_hits = 0
    for g in gold_rows:
        ps = preds.get(str(g["id"]), [])
        gevents = g.get("events") or []
        n_pred += len(ps)
        n_gold += len(gevents)
        if not gevents:
            n_quiet += 1
            quiet += not ps
        tp_pred += sum(any(same(ge, pe) for ge in gevents) for pe in ps)
        for ge in gevents:
            hit = next((pe for pe in ps if same(ge, pe)), None)
            if hit is not None:
                tp_gold += 1
                status_hits += hit.get("status") == ge.get("status")
                channel_hits += hit.get("channel") == ge.get("channel")
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "dyad_events_predicted": n_pred, "dyad_events_gold": n_gold,
        "dyad_precision": round(p, 4), "dyad_recall": round(r, 4), "dyad_f1": round(_f1(p, r), 4),
        "no_event_specificity": round(quiet / n_quiet, 4) if n_quiet else None,
        "status_accuracy": round(status_hits / tp_gold, 4) if tp_gold else None,
        "channel_accuracy": round(channel_hits / tp_gold, 4) if tp_gold else None,
    }


def predict(gold_rows: Iterable[dict[str, Any]], coder: Coder) -> list[dict[str, Any]]:
    """Code each gold row's text as one document; return the event records in order."""
    records: list[dict[str, Any]] = []
    for g in gold_rows:
        date = g.get("date")
        doc = Document(id=str(g["id"]), text=str(g.get("text") or ""), date=str(date) if date else None)
        _, events = coder.code_document(doc)
        records.extend(e.to_record() for e in events)
    return records


def evaluate(
    gold_path: str | Path, coder: Coder, *, predictions_out: str | Path | None = None
) -> dict[str, Any]:
    """Code the sentences of ``gold_path`` with ``coder`` and score them against the gold labels.

    ``predictions_out``, if given, receives the predicted records as JSONL (the
    input of the reference scorer).
    """
    gold = load_jsonl(gold_path)
    preds = predict(gold, coder)
    if predictions_out is not None:
        with open(predictions_out, "w", encoding="utf-8") as fh:
            for rec in preds:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out = score(gold, preds)
    if any("quad" in e for g in gold for e in g.get("events") or ()):
        actors = coder.actors
        out.update(score_dyads(gold, preds, lambda c: actors.is_country(c) or c in actors.igo_codes))
    return out
