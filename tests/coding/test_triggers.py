"""Trigger search shortcuts: a verb form's needed words only ever prove that nothing is there."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.lexicon import Lexicon
from bilateral.coding.tokens import tokenize
from bilateral.coding.triggers import TokenIndex, verb_triggers


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Coder().lexicon


WORDS = [
    "is", "was", "be", "trade", "shares", "exports", "cut", "tariffs", "on", "received", "no", "loans",
    "signed", "an", "agreement", "with", "deal", "talks", "held", "military", "support", "aid", "offered",
    "attack", "attacked", "troops", "sent", "to", "the", "Pakistan", "India", "said", "will", "help",
    "imposed", "sanctions", "against", "meet", "deadline", "peace", "expected", "plans", "buy", "oil",
]


def test_a_form_needing_absent_words_reports_nothing() -> None:
    lex = lexicon()
    form = lex.verb_form("is")
    assert form is not None and form.needs is not None  # "is" reports only with its rules' objects
    tokens = tokenize("The price is high")
    assert form.needs.isdisjoint(t.lower for t in tokens)
    assert verb_triggers(tokens, 2, lex, TokenIndex(tokens)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18))
def test_needed_words_change_no_trigger(words: list[str]) -> None:
    # the same search with every form's needs unknown must find the same trigger
    lex = lexicon()
    tokens = tokenize(" ".join(words))
    for i, tok in enumerate(tokens):
        form = lex.verb_form(tok.lower)
        if form is None or form.needs is None:
            continue
        found = verb_triggers(tokens, i, lex, TokenIndex(tokens))
        lex._verb_form_cache[tok.lower] = dataclasses.replace(form, needs=None)
        try:
            full = verb_triggers(tokens, i, lex, TokenIndex(tokens))
        finally:
            lex._verb_form_cache[tok.lower] = form
        assert found == full
