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
    return tokens_from_texts(text, token_texts(text))


def token_texts(text: str) -> list[str]:
    """The texts of :func:`tokenize`'s tokens, listed without building the tokens.

    The coder reads every sentence's words first and builds :class:`Token` objects (with
    lower-case forms and offsets) only for the sentences that name an actor."""
    words: list[str] = _TOKEN.findall(text)
    if "'" not in text and "’" not in text:
        return words  # no possessive to split: the regex alone tokenises
    out: list[str] = []
    for w in words:
        if len(w) > 2 and w[-1] in "sS" and w[-2] in "'’":
            out.append(w[:-2])
            out.append(w[-2:])
        else:
            out.append(w)
    return out


_POSSESSIVE_MARKS = frozenset({"'s", "'S", "’s", "’S"})
# Token(...) runs the named tuple's Python-level __new__; the tuple's own is the same object, faster
_new_tuple = tuple.__new__


def tokens_from_texts(text: str, words: list[str]) -> list[Token]:
    """:func:`tokenize`'s tokens for ``text``, given ``words = token_texts(text)``: the
    expression is not run twice. Tokens are separated by nothing but white space, so each word
    stands at its first occurrence after the previous one."""
    out: list[Token] = []
    append = out.append
    find = text.find
    pos = 0
    if "'" not in text and "’" not in text:
        for w in words:
            start = find(w, pos)
            pos = start + len(w)
            append(_new_tuple(Token, (w, w.lower(), start, pos)))
        return out
    last = len(words) - 1
    for k, w in enumerate(words):
        start = find(w, pos)
        pos = start + len(w)
        if w in _POSSESSIVE_MARKS:
            # only a possessive split makes such a token (a lone apostrophe is a token of its own)
            low = "'s"
        elif k < last and words[k + 1] in _POSSESSIVE_MARKS:
            # lower-cased with its "'s", as tokenize does (casing may depend on what follows)
            low = (w + words[k + 1]).lower()[:-2]
        else:
            low = w.lower()
        append(_new_tuple(Token, (w, low, start, pos)))
    return out
