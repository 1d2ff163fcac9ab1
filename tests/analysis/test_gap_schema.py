"""`bilateral gap --format json` and the API's dyad JSON follow the schema in docs/gap.schema.json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs

from bilateral.analysis import dyad_profile
from bilateral.store import Store

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "gap.schema.json"


def validator() -> jsonschema_rs.Draft202012Validator:
    """The schema, ready to validate."""
    return jsonschema_rs.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_profile_json_follows_the_schema(events_store: Callable[[str], Store]) -> None:
    check = validator()
    store = events_store("small_dyad")
    for by in ("month", None):
        data = json.loads(json.dumps(dyad_profile(store, "KEN", "CHN", by=by).to_dict()))
        errors = [e.message for e in check.iter_errors(data)]
        assert not errors, errors[:5]
    # an empty dyad too
    assert check.is_valid(json.loads(json.dumps(dyad_profile(store, "BRA", "ARG").to_dict())))


def test_the_schema_catches_a_missing_key(events_store: Callable[[str], Store]) -> None:
    data = json.loads(json.dumps(dyad_profile(events_store("small_dyad"), "KEN", "CHN").to_dict()))
    del data["measures"][0]["taken"]
    assert not validator().is_valid(data)


def test_a_bounded_profile_follows_the_schema(events_store: Callable[[str], Store]) -> None:
    profile = dyad_profile(events_store("reference_events"), "USA", "PAK")
    assert any(len(ft.items) > 1 for ft in profile.promises)
    data = json.loads(json.dumps(profile.to_dict(items=1)))
    assert validator().is_valid(data)
    assert any(ft.get("items_total", 0) > 1 for ft in data["promises"])
    assert all(len(ft["items"]) <= 1 for ft in data["promises"])
    assert profile.to_dict(items=None) == profile.to_dict()
