"""Trigger search shortcuts: a verb form's needed words only ever prove that nothing is there, and
the sentence's word index finds what a plain scan finds."""

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


def _scan(words: list[str], phrases: list[tuple[str, ...]], start: int, stop: int) -> int:
    """The plain reading of TokenIndex.find: the earliest start wins, then the first phrase listed."""
    for pos in range(start, stop):
        for ph in phrases:
            if tuple(words[pos:pos + len(ph)]) == ph:
                return pos + len(ph)
    return -1


SMALL = ["a", "b", "c", "d"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(SMALL), min_size=1, max_size=14),
    st.lists(st.lists(st.sampled_from(SMALL), min_size=1, max_size=3).map(tuple), max_size=4),
    st.integers(0, 15),
    st.integers(0, 15),
)
def test_word_index_finds_what_a_scan_finds(
    words: list[str], phrases: list[tuple[str, ...]], start: int, stop: int
) -> None:
    tokens = tokenize(" ".join(words))
    index = TokenIndex(tokens)
    stop = min(stop, len(tokens))
    assert index.find(phrases, start, stop) == _scan(words, phrases, start, stop)
    assert index.words == set(words)


def test_pattern_phrases_are_what_their_elements_name() -> None:
    # resolved at load: a synset element stands for its phrases, any other for its own words
    lex = lexicon()
    checked = 0
    for patterns in lex.patterns.values():
        for p in patterns:
            for elements, resolved in ((p.before, p.before_phrases), (p.after, p.after_phrases)):
                named = [el for el in elements if el not in {"(", ")"}]
                assert len(named) == len(resolved)
                for el, phrases in zip(named, resolved, strict=True):
                    expected = lex.synsets.get(el, []) if el.startswith("&") else [tuple(el.split("_"))]
                    assert list(phrases) == expected
                    checked += 1
    assert checked > 1000
