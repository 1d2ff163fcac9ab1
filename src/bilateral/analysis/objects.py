"""The object an event names: "a loan", "soybeans", "F-16s", "tariffs on chips".

A promise is kept only by a deed about the same thing. The object is read from the words of the
event's span after its first word (the trigger) and the words right after the span, up to the end
of the clause: lower-case words (and codes such as ``F-16``) that are not in the stop list
(``bilateral/data/analysis/object_stopwords.txt``: function words, generic verbs of giving and
promising, amounts, currencies, dates). Capitalised words are left out, so the actors (Japan,
Japanese, the U.S.) never count as an object. Words are folded to a crude singular
(``tariffs`` → ``tariff``, ``subsidies`` → ``subsidy``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

#: How many words after the span still belong to the event's object phrase.
OBJECT_WINDOW = 8
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*|[0-9][A-Za-z0-9-]*|[,;:.!?()\"]")
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "said", "says", "that", "which", "if",
                         "because", "after", "before", "while", "but", "when", "unless", "until"})


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The words that never name an object (the data file, comments and blank lines dropped)."""
    text = (resources.files("bilateral") / "data" / "analysis" / "object_stopwords.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


def fold(word: str) -> str:
    """A crude singular of a lower-case word: ``subsidies`` → ``subsidy``, ``tariffs`` → ``tariff``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_object_word(token: str) -> bool:
    if token[0].isupper() and not any(ch.isdigit() for ch in token):
        return False  # a name (an actor, a place) or the first word of a sentence
    if token.isdigit() or len(token) < 3:
        return False
    return token.lower() not in stopwords()


def object_terms(sentence: str, span: tuple[int, int]) -> frozenset[str]:
    """The folded object words of the event whose trigger span is ``span`` in ``sentence`` (may be empty)."""
    start, end = span
    if not 0 <= start < end <= len(sentence):
        return frozenset()
    inside = _WORD.findall(sentence[start:end])[1:]  # the trigger itself is not the object
    after: list[str] = []
    for token in _WORD.findall(sentence[end:]):
        if token.lower() in _CLAUSE_END or len(after) >= OBJECT_WINDOW:
            break
        after.append(token)
    words = [t for t in (*inside, *after) if t not in _CLAUSE_END and _is_object_word(t)]
    return frozenset(fold(t.lower()) for t in words)


def sentence_terms(sentence: str) -> frozenset[str]:
    """The folded words of a whole sentence (where a deed may name the promised object)."""
    return frozenset(fold(t.lower()) for t in _WORD.findall(sentence) if t[0].isalnum())


def same_object(promised: frozenset[str], deed_sentence: str) -> bool:
    """Whether a deed reported in ``deed_sentence`` is about the ``promised`` object (always, if none is named)."""
    return not promised or bool(promised & sentence_terms(deed_sentence))
