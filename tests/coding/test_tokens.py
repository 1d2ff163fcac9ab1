"""The tokenizer: one expression read once, tokens built from the words it found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding.tokens import Token, token_texts, tokenize, tokens_from_texts

# the tokenizer as first written: one pass of the expression, a possessive split as it goes
_REFERENCE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*"
    r"|\d+(?:[.,]\d+)*"
    r"|n't"
    r"|\S"
)


def reference_tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _REFERENCE.finditer(text):
        t = m.group()
        low = t.lower()
        if low.endswith("'s") or low.endswith("’s"):
            out.append(Token(t[:-2], low[:-2], m.start(), m.end() - 2))
            out.append(Token(t[-2:], "'s", m.end() - 2, m.end()))
            continue
        out.append(Token(t, low, m.start(), m.end()))
    return out


def test_possessives_abbreviations_and_offsets() -> None:
    text = "Pakistan's army and IRAN’S envoy didn't meet U.S.'s IMF staff in 1987's talks."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:4] == ["Pakistan", "'s", "army", "and"]
    assert ("U.S.", "u.s.") in [(t.text, t.lower) for t in tokens]
    # a possessive splits off a word only: after "U.S." or "1987" the apostrophe is a token
    assert [(t.text, t.lower) for t in tokens if t.lower == "'s"] == [("'s", "'s"), ("’S", "'s")]
    assert [t.text for t in tokens if t.text in {"'", "s"}] == ["'", "s", "'", "s"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens == reference_tokenize(text)


# letters the expression treats specially: apostrophes (straight and curly), s/S, hyphens, dots,
# digits, commas, letters whose lower case is longer (İ) or depends on what follows (Σ)
_ALPHABET = st.sampled_from(list("aAsSzZ'’-.,0 9\nİΣσéÉ\u00e0()\"n't")) | st.characters(codec="utf-8")


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_tokenize_equals_the_one_pass_reference(text: str) -> None:
    words = token_texts(text)
    assert words == [t.text for t in reference_tokenize(text)]
    assert tokens_from_texts(text, words) == reference_tokenize(text)
    assert tokenize(text) == reference_tokenize(text)
