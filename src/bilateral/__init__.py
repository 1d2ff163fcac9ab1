"""bilateral: is diplomatic warmth turning into tangible gains?"""

from bilateral.model import Document, Event, EventTrace, Sentence

__version__ = "0.1.0"

__all__ = ["Document", "Event", "EventTrace", "Sentence", "__version__"]
