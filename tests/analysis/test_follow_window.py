"""Follow-through finds each promise's deeds by bisecting the date-ordered events: the same outcomes as a
pass over every event, on the fixtures and on shuffled dates."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from bilateral.analysis import promises
from bilateral.analysis.promises import _Window, follow_through
from bilateral.store import Store


class _EveryEvent(_Window):
    """The reference: every event looked at, for every promise."""

    def between(self, when: date, due: date) -> Iterator[Any]:
        return (ev for d, ev in zip(self.days, self.events, strict=True) if when < d <= due)


def _outcomes(store: Store, a: str, b: str) -> list[list[tuple[Any, ...]]]:
    out = []
    for s, t in ((a, b), (b, a)):
        ft = follow_through(store, s, t, horizon_days=180)
        out.append([(i.promise.key, i.outcome, i.due, i.fulfilment.key if i.fulfilment else None, i.object)
                    for i in ft.items])
    return out


@pytest.mark.parametrize(("name", "a", "b"), [("small_dyad", "KEN", "CHN"), ("reference_events", "USA", "PAK")])
def test_bisected_windows_match_every_event(events_store: Callable[[str], Store], monkeypatch: pytest.MonkeyPatch,
                                            name: str, a: str, b: str) -> None:
    store = events_store(name)
    fast = _outcomes(store, a, b)
    monkeypatch.setattr(promises, "_Window", _EveryEvent)
    assert fast == _outcomes(store, a, b)


def test_window_between_is_the_filtered_list_in_order() -> None:
    rng = random.Random(7)
    start = date(2020, 1, 1)
    days = sorted(start + timedelta(days=rng.randrange(400)) for _ in range(300))
    for shuffled in (False, True):
        order = rng.sample(days, len(days)) if shuffled else days
        window = _Window([(d, i) for i, d in enumerate(order)])  # type: ignore[misc]
        assert window.ordered is not shuffled
        for _ in range(200):
            when = start + timedelta(days=rng.randrange(-10, 410))
            due = when + timedelta(days=rng.randrange(0, 200))
            expected = [i for i, d in enumerate(order) if when < d <= due]
            assert list(window.between(when, due)) == expected


@pytest.mark.slow
def test_bisected_windows_match_every_event_on_reuters(reuters_db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(reuters_db) as store:
        fast = _outcomes(store, "USA", "JPN")
        assert sum(len(d) for d in fast) > 50
        monkeypatch.setattr(promises, "_Window", _EveryEvent)
        assert fast == _outcomes(store, "USA", "JPN")


@pytest.mark.parametrize(("name", "a", "b"), [("small_dyad", "KEN", "CHN"), ("reference_events", "USA", "PAK")])
def test_the_profile_reuses_its_events_for_the_same_promises(events_store: Callable[[str], Store], name: str,
                                                             a: str, b: str) -> None:
    from bilateral.analysis import dyad_profile

    store = events_store(name)
    profile = dyad_profile(store, a, b)
    alone = [follow_through(store, s, t, as_of=profile.as_of).to_dict() for s, t in ((a, b), (b, a))]
    assert [f.to_dict() for f in profile.promises] == alone
