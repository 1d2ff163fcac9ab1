"""Terminal tables render the gap and events (to a recording console)."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console

from bilateral.analysis import dyad_gap
from bilateral.model import Event
from bilateral.report import print_events, print_gap
from bilateral.store import Store


def _console() -> Console:
    return Console(record=True, width=140, file=io.StringIO())


def test_print_gap(store: Store, make_event: Callable[..., Event]) -> None:
    store.add_events([
        make_event(),
        make_event(doc_sentence=2, cameo="061", quad_class=2, status="negated", channel="trade",
                   sentence="Pakistan has not received trade concessions."),
    ])
    console = _console()
    print_gap(dyad_gap(store, "PAK", "USA"), console)
    text = console.export_text()
    assert "PAK → USA" in text and "USA → PAK" in text
    assert "verbal cooperation" in text and "material cooperation" in text
    assert "trade" in text and "negated" in text
    assert "Pakistan has not received trade concessions." in text


def test_print_events(make_event: Callable[..., Event]) -> None:
    console = _console()
    print_events([make_event()], console)
    text = console.export_text()
    assert "USA/GOV" in text and "051" in text and "praised" in text
    console = _console()
    print_events([], console)
    assert "no events" in console.export_text()
