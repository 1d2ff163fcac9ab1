"""Tokenisation with character offsets: the one tokenizer every coding stage shares."""

from __future__ import annotations

import re
from typing import NamedTuple

# Words keep inner dots, apostrophes and hyphens ("U.S.", "Pakistan's", "Export-Import");
# a trailing dot stays only on dotted abbreviations, so "U.S." is one token but "Pakistan." is two.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # dotted abbreviations: U.S., U.N.
    r"|[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*"  # words
    r"|\d+(?:[.,]\d+)*"  # numbers
    r"|n't"
    r"|\S"  # anything else, one character at a time
)


class Token(NamedTuple):
    """A token: its text, lower-case form and offsets in the sentence."""

    text: str
    lower: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        low = t.lower()
        if low.endswith("'s") or low.endswith("’s"):
            # possessive: keep the owner as its own token, "'s" as a marker
            out.append(Token(t[:-2], low[:-2], m.start(), m.end() - 2))
            out.append(Token(t[-2:], "'s", m.end() - 2, m.end()))
            continue
        out.append(Token(t, low, m.start(), m.end()))
    return out
