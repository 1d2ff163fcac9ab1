"""The object an event names: "a loan", "soybeans", "F-16s", "tariffs on chips".

A promise is kept only by a deed about the same thing. The object is read from the words of the
event's span after its trigger (its first word that is not an auxiliary, ``auxiliaries.txt``) and
the words right after the span, up to the end of the clause: lower-case words (and codes such as
``F-16``) that are not in the stop list (``bilateral/data/analysis/object_stopwords.txt``:
function words, generic verbs of giving and promising, amounts, currencies, dates, generic heads
and modifiers). Capitalised words are left out, so the actors (Japan, Japanese, the U.S.) never
count as an object, and so are adverbs and participles (``-ly``, ``-ed``, ``-ing``:
"adequately", "accelerated", "limiting"). Words are folded to a crude singular (``tariffs`` →
``tariff``, ``subsidies`` → ``subsidy``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Protocol

#: How many words after the span still belong to the event's object phrase.
OBJECT_WINDOW = 8
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*|[0-9][A-Za-z0-9-]*|[,;:.!?()\"]")
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "said", "says", "that", "which", "if",
                         "because", "after", "before", "while", "but", "when", "unless", "until"})


def _word_list(name: str) -> frozenset[str]:
    text = (resources.files("bilateral") / "data" / "analysis" / name).read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The words that never name an object (``object_stopwords.txt``)."""
    return _word_list("object_stopwords.txt")


@lru_cache(maxsize=1)
def auxiliaries() -> frozenset[str]:
    """The auxiliaries that may stand before a trigger in a span (``auxiliaries.txt``)."""
    return _word_list("auxiliaries.txt")


def fold(word: str) -> str:
    """A crude singular of a lower-case word: ``subsidies`` → ``subsidy``, ``tariffs`` → ``tariff``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: Endings of adverbs and participles ("adequately", "accelerated", "limiting"): manner, not a thing.
_NOT_A_THING = ("ly", "ed", "ing")


def _is_object_word(token: str) -> bool:
    if token[0].isupper() and not any(ch.isdigit() for ch in token):
        return False  # a name (an actor, a place) or the first word of a sentence
    if token.isdigit() or len(token) < 3:
        return False
    low = token.lower()
    if low.endswith(_NOT_A_THING) and not any(ch.isdigit() for ch in low):
        return False
    return low not in stopwords()


def object_terms(sentence: str, span: tuple[int, int]) -> frozenset[str]:
    """The folded object words of the event whose trigger span is ``span`` in ``sentence`` (may be empty)."""
    start, end = span
    if not 0 <= start < end <= len(sentence):
        return frozenset()
    inside = _WORD.findall(sentence[start:end])
    lead = 0
    while lead < len(inside) and inside[lead].lower() in auxiliaries():
        lead += 1  # auxiliaries before the trigger ("will buy", "has agreed to lend")
    inside = inside[lead + 1:]  # the trigger itself is not the object
    after: list[str] = []
    for token in _WORD.findall(sentence[end:]):
        if token.lower() in _CLAUSE_END or len(after) >= OBJECT_WINDOW:
            break
        after.append(token)
    words = [t for t in (*inside, *after) if t not in _CLAUSE_END and _is_object_word(t)]
    return frozenset(fold(t.lower()) for t in words)


class HasSpan(Protocol):
    """An event with its sentence and trigger span (an EventRef)."""

    sentence: str
    span: tuple[int, int]


def same_object(promised: frozenset[str], deed: HasSpan) -> bool:
    """Whether ``deed`` is about the ``promised`` object: its own object words share one with it.

    A promise that names no object cannot be matched: nothing says which deed would fulfil it.
    """
    return bool(promised & object_terms(deed.sentence, deed.span))
