"""The coder's dev-set figures must not fall below the recorded floor (as trafilatura guards its accuracy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.evaluate import evaluate

FLOOR = json.loads((Path(__file__).parent / "evaluation_floor.json").read_text(encoding="utf-8"))
TOLERANCE = 0.02
RATIO_TOLERANCE = 0.05


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def coders() -> dict[str, Coder]:
    """The configurations the floor names: the rules, "filter " (with the learned filter) and
    "syntax " (with the dependency parse)."""
    return {"": Coder(), "filter ": Coder(CoderConfig(learned_filter=True)), "syntax ": Coder(CoderConfig(syntax=True))}


@pytest.mark.parametrize("name", [k for k in FLOOR if not k.startswith("_")])
def test_labelled_set_metrics_hold_the_floor(name: str, shared: Path, coders: dict[str, Coder]) -> None:
    config = next((prefix for prefix in ("filter ", "syntax ") if name.startswith(prefix)), "")
    path = name.removeprefix(config)
    gold = REPO / path if "/" in path else shared / "data" / "dev" / path
    got = evaluate(gold, coders[config])
    for metric, recorded in FLOOR[name].items():
        if metric == "events_per_gold_event":
            assert got[metric] <= recorded + RATIO_TOLERANCE, (metric, got[metric], recorded)
        else:
            assert got[metric] >= recorded - TOLERANCE, (metric, got[metric], recorded)
