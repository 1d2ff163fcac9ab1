"""Event coding: sentences, actors, event type, status and channel, in stages (see ``coder.py``).

The names below are imported on first use, so a module that needs one stage's data (the actor
dictionary, the codebook) does not load the whole coder.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilateral.coding.coder import Coder, CoderConfig
    from bilateral.coding.sentences import split_sentences
    from bilateral.coding.state import EventFilter, Rejection, SentenceExplanation, SentenceState

_WHERE = {
    "Coder": "coder", "CoderConfig": "coder", "split_sentences": "sentences", "EventFilter": "state",
    "Rejection": "state", "SentenceExplanation": "state", "SentenceState": "state",
}

__all__ = [
    "Coder", "CoderConfig", "EventFilter", "Rejection", "SentenceExplanation", "SentenceState", "split_sentences",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f"bilateral.coding.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'bilateral.coding' has no attribute {name!r}")
