"""Event coding: sentences, actors, event type, status and channel."""

from bilateral.coding.coder import Coder, CoderConfig
from bilateral.coding.sentences import split_sentences

__all__ = ["Coder", "CoderConfig", "split_sentences"]
