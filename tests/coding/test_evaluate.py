"""Our evaluation against the reference scorer (shared/tools/score_events.py), number for number."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.evaluate import evaluate, load_jsonl, pentaclass, primary_event, score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "tools" / "score_events.py"
DEV = SHARED / "data" / "dev"

needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score_events.py not present")

CODES = ["010", "020", "036", "042", "051", "057", "061", "071", "073", "111", "122", "138", "173", "190"]
ACTORS = [None, "USA", "PAK", "IND", "CHN", "IGO", "UNO", "IMF", "GMY", "JAP", "RUS", "ISR", "GOV", "EU"]
PLOVERS = [None, "ASSAULT", "consult", "AID", "COOPERATE", "DEMAND", "SANCTION"]


def _reference_cli(gold: Path, preds: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(preds), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score_events", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _synthetic(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions with every kind of hit and miss: copies, wrong types, wrong/null/IGO actors, extras."""
    rng = random.Random(seed)
    preds: list[dict[str, Any]] = []
    for g in gold:
        roll = rng.random()
        if roll < 0.15:
            continue  # no event for this sentence
        rows: list[dict[str, Any]] = []
        if rng.random() < 0.3:
            rows.append({"cameo": rng.choice(["010", "020", "012"]), "source": rng.choice(ACTORS)})
        for ge in g.get("events") or []:
            if rng.random() < 0.6:
                rows.append({k: ge.get(k) for k in ("source", "target", "cameo", "plover")})
        for _ in range(rng.randrange(0, 3)):
            rows.append({
                "source": rng.choice(ACTORS), "target": rng.choice(ACTORS),
                "cameo": rng.choice([*CODES, None]), "plover": rng.choice(PLOVERS),
            })
        for r in rows:
            r["id"] = g["id"]
            if r.get("source") and rng.random() < 0.2:
                r["source"] = str(r["source"]).lower() + "GOV"
        preds.extend(rows)
    return preds


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@needs_shared
@pytest.mark.parametrize("name", ["petr2_validation.jsonl", "conflibert_dev.jsonl", "fixture"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_score_matches_reference(name: str, seed: int, tmp_path: Path) -> None:
    gold_path = FIXTURES / "gold_small.jsonl" if name == "fixture" else DEV / name
    gold = load_jsonl(gold_path)
    preds = _synthetic(gold, seed)
    ours = score(gold, preds)
    assert ours == _reference_cli(gold_path, _write(tmp_path / "pred.jsonl", preds))
    assert set(ours) >= {"sentences", "coverage"}


@needs_shared
def test_evaluate_matches_reference_on_coder_output(tmp_path: Path) -> None:
    gold_path = DEV / "petr2_validation.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    ours = evaluate(gold_path, Coder(), predictions_out=pred_path)
    assert ours == _reference_cli(gold_path, pred_path)
    for key in ("cameo_root_accuracy", "triple_precision", "triple_recall", "triple_f1",
                "events_per_gold_event", "coverage"):
        assert key in ours


def test_evaluate_fixture_reports_every_metric() -> None:
    metrics = evaluate(FIXTURES / "gold_small.jsonl", Coder())
    assert metrics["sentences"] == 6
    for key in ("pentaclass_accuracy", "pentaclass_macro_f1", "cameo_root_accuracy", "plover_accuracy",
                "triple_f1", "events_per_gold_event", "coverage"):
        assert key in metrics


def test_definitions() -> None:
    assert [pentaclass(c) for c in ("010", "020", "036", "057", "061", "081", "090", "138", "145", "204")] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert pentaclass(None) is None
    said, acted = {"cameo": "010"}, {"cameo": "051"}
    assert primary_event([said, acted]) is acted
    assert primary_event([said]) is said
    assert primary_event([]) == {}


_pred = st.fixed_dictionaries({
    "id": st.sampled_from(["g-1", "g-2", "g-3", "g-4", "g-5", "g-6", "nope"]),
    "source": st.sampled_from(ACTORS), "target": st.sampled_from(ACTORS),
    "cameo": st.sampled_from([*CODES, None]), "plover": st.sampled_from(PLOVERS),
})


@needs_shared
@settings(max_examples=80, deadline=None)
@given(st.lists(_pred, max_size=15))
def test_score_matches_reference_property(preds: list[dict[str, Any]]) -> None:
    gold = load_jsonl(FIXTURES / "gold_small.jsonl")
    assert score(gold, preds) == _reference_module().score(gold, preds)
