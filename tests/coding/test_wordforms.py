"""Word-form flags: a shortcut the coder takes must never change what it finds."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.actors import ActorDictionary, ActorEntry
from bilateral.coding.mentions import Discourse, actor_matches
from bilateral.coding.tokens import tokenize
from bilateral.coding.wordforms import (
    ACTOR,
    ACTOR_WORD,
    CAPITALISED,
    COREF,
    HYPHENATED,
    PHRASE_SECOND,
    STALLED,
    TRIGGER,
    WordForms,
    actor_starts,
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


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Pakistan", "said", "it", "the", "country", "India-Pakistan", "US", "us",
                                          "remained", "IMF", "loans", ".", "Zxq", "zxq"]), max_size=8), max_size=6))
def test_flags_alike_whether_forms_are_known_or_new(sentences: list[list[str]]) -> None:
    # a sentence of known forms takes a shortcut; one with a new form learns it
    forms = WordForms(coder().actors, coder().lexicon)
    for texts in sentences:
        assert forms.flags(texts) == [WordForms(coder().actors, coder().lexicon).flags([t])[0] for t in texts]


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
    # forms whose phrases are capitals only ("IS", "IT") or that start only longer names
    "IS", "is", "IT", "In", "IN", "for", "Hague", "Said", "Musa", "Islamic", "State", "Fed",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from([None, "1987-03-01", "2025-06-01"]))
def test_candidate_positions_change_no_match(words: list[str], date: str | None) -> None:
    actors = coder().actors
    flags = coder()._forms.flags(words)
    assert actors.matches(words, date, positions(flags, ACTOR)) == greedy_every_token(actors, words, date)
    assert actors.matches(words, date, actor_starts(flags)) == greedy_every_token(actors, words, date)
    assert actors.matches(words, date) == greedy_every_token(actors, words, date)


def test_actor_starts_need_a_whole_phrase_or_a_second_word() -> None:
    f = flags_of("the Hague said the IMF and New Delhi met in the Fed")
    assert f["IMF"] & ACTOR_WORD and f["Delhi"] & PHRASE_SECOND
    assert f["New"] & ACTOR and not f["New"] & ACTOR_WORD
    starts = actor_starts(coder()._forms.flags(["the", "IMF", "said", "in", "talks"]))
    assert 1 in starts and 0 not in starts and 4 not in starts  # "the IMF" is no phrase; "talks" no name
    starts = actor_starts(coder()._forms.flags(["IS", "is"]))
    assert starts == [0]  # "IS" (Islamic State) is written in capitals only


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


def code_each_sentence(doc: Document) -> list[tuple[object, ...]]:
    """code_document without its shortcuts: every sentence tokenised and coded in turn."""
    c = coder()
    sents = c.sentences(doc)
    discourse = Discourse()
    if len(sents) > 1:
        discourse.main_dyad = c._main_dyad(
            [actor_matches(tokenize(s.text), c.actors, doc.date) for s in sents]
        )
    out = []
    for s in sents:
        for e in c.code_sentence(s.text, doc_id=doc.id, index=s.index, date=doc.date, discourse=discourse):
            out.append((e.doc_sentence, e.source, e.source_sector, e.target, e.cameo, e.status, e.span))
    return out


SENTENCES = [
    "Pakistan offered mineral cooperation to the United States.",
    "It has not received GSP benefits.",
    "The company said profits rose.",
    "He praised the country.",
    "Its army chief met officials in Washington.",
    "Both sides agreed to talks.",
    "India-Pakistan trade remained limited.",
    "Shares fell in New York.",
    "They said the government would cut tariffs.",
    "Analysts expect a loan from the IMF.",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8))
def test_sentences_skipped_for_naming_no_actor_lose_no_event(sentences: list[str]) -> None:
    # code_document never tokenises a sentence that names no actor and has no referent for a
    # pronoun; coding every sentence in full must find the same events
    doc = Document(id="d", text=" ".join(sentences), date="2025-06-01")
    _, events = coder().code_document(doc)
    found = [(e.doc_sentence, e.source, e.source_sector, e.target, e.cameo, e.status, e.span) for e in events]
    assert found == code_each_sentence(doc)
