"""Sentence splitting with character offsets.

A full stop ends a sentence unless it closes a known abbreviation ("Gen.", "Feb.") or a
dotted one ("U.S.") followed by a word that does not look like a sentence start; blank
lines always end one. The abbreviation list is data (``data/lexicon/abbreviations.txt``).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

# a candidate boundary: sentence punctuation, closing quotes/brackets, then space
_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]{2,}\S)")
_ANY_NEWLINE = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# words that usually start a sentence even after "U.S."
_STARTERS = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "in", "on", "this", "that"})


@functools.lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("bilateral.data.lexicon").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each sentence in ``text``."""
    abbrev = abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    # Text whose lines are whole paragraphs (no hard wrapping) ends a sentence at every line
    # break: headlines and bylines have no full stop.
    pattern = _ANY_NEWLINE if _unwrapped(text) else None
    candidates = sorted(
        list(_CANDIDATE.finditer(text)) + (list(pattern.finditer(text)) if pattern else []),
        key=lambda m: m.start(),
    )
    for m in candidates:
        if m.end() <= start:
            continue
        end = m.end()
        punct = m.group()
        if punct.startswith(".") and not punct.startswith("..."):
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1)
            if w is not None:
                word = w.group(1).lower()
                nxt = _next_word(text, end, n)
                if word in abbrev or (len(word) == 1 and word.isalpha()):
                    if "." in word or len(word) == 1:
                        # dotted abbreviation: ends the sentence only before a clear starter
                        if nxt.lower() not in _STARTERS:
                            continue
                    else:
                        continue
        if punct and punct[0] in ".!?":
            nxt = _next_word(text, end, n)
            if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“‘("):
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, n, spans)
    return cap_spans(text, spans)


#: Longest sentence handed to the coder, in characters. Real sentences are far shorter; a run-on
#: "sentence" (a table, a scraped page without punctuation) is cut into pieces at spaces, so
#: coding time stays linear in the text whatever comes in (see RELIABILITY.md).
MAX_SENTENCE_CHARS = 2000


def cap_spans(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``spans`` with every span longer than ``limit`` cut at the last space or line break before it."""
    if all(e - s <= limit for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            cut = max(text.rfind(" ", start + limit // 2, start + limit),
                      text.rfind("\n", start + limit // 2, start + limit))
            if cut <= start:
                cut = start + limit
            _add(text, start, cut, out)
            start = cut
        _add(text, start, end, out)
    return out


def _unwrapped(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return len(lines) > 1 and max(len(ln) for ln in lines) > 100


def _next_word(text: str, pos: int, n: int) -> str:
    while pos < n and text[pos].isspace():
        pos += 1
    end = pos
    while end < n and not text[end].isspace():
        end += 1
    return text[pos:end]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
