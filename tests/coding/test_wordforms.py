"""Word-form flags: a shortcut the coder takes must never change what it finds."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.actors import ActorDictionary, ActorEntry
from bilateral.coding.tokens import tokenize
from bilateral.coding.wordforms import (
    ACTOR,
    CAPITALISED,
    COREF,
    HYPHENATED,
    STALLED,
    TRIGGER,
    WordForms,
    positions,
)
from bilateral.model import Document


@lru_cache(maxsize=1)
def coder() -> Coder:
    return Coder()


def flags_of(sentence: str) -> dict[str, int]:
    texts = [t.text for t in tokenize(sentence)]
    return dict(zip(texts, coder()._forms.flags(texts), strict=True))


def test_flags_of_common_forms() -> None:
    f = flags_of("The country said India-Pakistan talks have remained stalled while Washington praised it .")
    assert f["Washington"] & ACTOR and f["Washington"] & CAPITALISED
    assert f["praised"] & TRIGGER and not f["praised"] & ACTOR
    assert f["it"] & COREF
    assert f["India-Pakistan"] & HYPHENATED
    assert f["remained"] & STALLED
    assert f["."] == 0


def test_flags_are_learned_once_and_kept() -> None:
    forms = WordForms(coder().actors, coder().lexicon)
    first = forms.flags(["Pakistan", "received", "no", "loans"])
    assert forms.flags(["loans", "Pakistan"]) == [first[3], first[0]]


def test_positions() -> None:
    assert positions([0, ACTOR, TRIGGER, ACTOR | TRIGGER], ACTOR) == [1, 3]
    assert positions([0, ACTOR, TRIGGER], COREF | TRIGGER) == [2]


def greedy_every_token(
    actors: ActorDictionary, texts: list[str], date: str | None
) -> list[tuple[int, int, ActorEntry]]:
    """The dictionary's greedy matching tried at every token, with no shortcut."""
    out, i = [], 0
    while i < len(texts):
        m = actors.match(texts, i, date)
        if m is None:
            i += 1
        else:
            out.append((i, m[0], m[1]))
            i = m[0]
    return out


WORDS = [
    "the", "The", "a", "new", "New", "Zealand", "Delhi", "U.S.", "US", "us", "Pakistan's", "Islamabad",
    "World", "Bank", "of", "in", "said", "army", "chief", "government", "Prime", "Minister",
    "praised", "it", "country", "India-Pakistan", "International", "Monetary", "Fund", "IMF",
    "European", "Union", "officials", "and", ",", ".", "Saudi", "Arabia", "Abu", "Dhabi",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from([None, "1987-03-01", "2025-06-01"]))
def test_candidate_positions_change_no_match(words: list[str], date: str | None) -> None:
    actors = coder().actors
    flags = coder()._forms.flags(words)
    assert actors.matches(words, date, positions(flags, ACTOR)) == greedy_every_token(actors, words, date)
    assert actors.matches(words, date) == greedy_every_token(actors, words, date)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "cut", "tariffs", "on", "not", "received", "loans", "to", "will", "aid"]),
                min_size=1, max_size=25))
def test_sentence_coded_alone_or_in_a_document_alike(words: list[str]) -> None:
    # code_document passes tokens, matches and flags it computed; code_sentence computes its own
    sentence = " ".join(words)
    alone = coder().code_sentence(sentence, doc_id="d", date="2025-06-01")
    _, in_doc = coder().code_document(Document(id="d", text=sentence, date="2025-06-01"))
    if len(coder().sentences(Document(id="d", text=sentence, date=None))) == 1:
        assert [(e.source, e.target, e.cameo, e.status, e.span) for e in alone] == [
            (e.source, e.target, e.cameo, e.status, e.span) for e in in_doc
        ]
