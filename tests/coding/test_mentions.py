"""Actor mentions: the shortcuts word-form flags give find_mentions must not change what it finds."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.mentions import Discourse, Mention, actor_matches, find_mentions
from bilateral.coding.tokens import tokenize
from bilateral.coding.wordforms import COREF, COREF_SECOND, COREF_WORD, HYPHENATED, mention_starts, positions


@lru_cache(maxsize=1)
def coder() -> Coder:
    return Coder()


def discourse() -> Discourse:
    d = Discourse(last_subject="PAK", main_dyad=("PAK", "USA"))
    d.note_country("USA")
    d.note_country("PAK")
    return d


def mentions(sentence: str, with_flags: bool, with_discourse: bool) -> list[Mention]:
    c = coder()
    tokens = tokenize(sentence)
    texts = [t.text for t in tokens]
    flags = c._forms.flags(texts) if with_flags else None
    matches = actor_matches(tokens, c.actors, "2025-06-01", flags, texts)
    return find_mentions(tokens, sentence, c.actors, c.lexicon, "2025-06-01",
                         discourse() if with_discourse else None, matches, flags)


# coreference phrases and the words around them, hyphenated pairs, names and sector words
WORDS = [
    "the", "The", "country", "government", "two", "sides", "both", "Both", "it", "It", "its", "their", "they",
    "he", "she", "administration", "kingdom", "state", "State", "India-Pakistan", "US-led", "long-term",
    "Pakistan", "Washington", "Pakistan's", "'s", "army", "officials", "said", "will", "talks", "with", ",", ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=20), st.booleans())
def test_mentions_alike_with_or_without_flags(words: list[str], with_discourse: bool) -> None:
    sentence = " ".join(words)
    assert mentions(sentence, True, with_discourse) == mentions(sentence, False, with_discourse)


def test_mention_starts_skip_what_no_coreference_phrase_starts() -> None:
    texts = ["The", "country", "said", "the", "talks", "with", "it", "and", "India-Pakistan", "the"]
    flags = coder()._forms.flags(texts)
    assert flags[1] & COREF_SECOND and flags[6] & COREF_WORD and flags[3] & COREF and not flags[3] & COREF_WORD
    assert mention_starts(flags, True) == [0, 6, 8]  # "the talks" is no phrase; the last "the" ends the sentence
    assert mention_starts(flags, False) == [8] == positions(flags, HYPHENATED)
    assert set(mention_starts(flags, True)) <= set(positions(flags, COREF | HYPHENATED))
