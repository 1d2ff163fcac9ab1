"""Event coding: sentences, actors, event type, status and channel, in stages (see ``coder.py``)."""

from bilateral.coding.coder import Coder, CoderConfig
from bilateral.coding.sentences import split_sentences
from bilateral.coding.state import EventFilter, Rejection, SentenceExplanation, SentenceState

__all__ = [
    "Coder", "CoderConfig", "EventFilter", "Rejection", "SentenceExplanation", "SentenceState", "split_sentences",
]
