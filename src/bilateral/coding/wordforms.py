"""What the coder needs to know about a word form before looking closer, as bit flags.

Most tokens of a news sentence name no actor, start no coreference phrase and can trigger no
event. Asking the actor dictionary and the lexicon about every token of every sentence was the
largest cost of coding after tokenising itself; :class:`WordForms` asks once per distinct word
form and keeps the answer, so each sentence costs one dictionary lookup per token and the later
stages visit only the positions whose flags say they may matter.
"""

from __future__ import annotations

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.lexicon import Lexicon

#: Some actor phrase may start with this form (its casing fits).
ACTOR = 1
#: A coreference phrase ("it", "the country", "both sides") starts with it.
COREF = 2
#: A capitalised hyphenated word: it may hold two actors ("India-Pakistan", "US-led").
HYPHENATED = 4
#: A verb or noun form that can report an event.
TRIGGER = 8
#: Written with a capital: inside a sentence, a name rather than a verb.
CAPITALISED = 16
#: A stalling predicate ("remained limited") starts with it.
STALLED = 32
#: A noun whose "that"-clause is a claim ("allegations that ..."), not an asserted event.
CLAIM = 64
#: A whole one-word actor phrase ("Pakistan", "IMF"); an ACTOR form without it only starts longer ones.
ACTOR_WORD = 128
#: The second word of some longer actor phrase ("Delhi" of "New Delhi").
PHRASE_SECOND = 256
#: A whole one-word coreference phrase ("it", "their"); a COREF form without it only starts longer ones.
COREF_WORD = 512
#: The second word of some longer coreference phrase ("country" of "the country", "sides" of "both sides").
COREF_SECOND = 1024

_MAX_FORMS = 400_000  # a bound on the table; a corpus with more distinct forms starts it again


class WordForms:
    """Flags of word forms (token texts as the tokeniser writes them), learned on first sight."""

    __slots__ = (
        "_actors", "_claims", "_coref", "_coref_seconds", "_coref_words", "_hyphenated", "_refer_words", "_referring",
        "_stalled", "_table", "_triggers",
    )

    def __init__(self, actors: ActorDictionary, lexicon: Lexicon) -> None:
        self._actors = actors
        self._coref = lexicon.coref_starts
        self._coref_words = lexicon.coref_first
        self._coref_seconds = frozenset(pair[1] for pair in lexicon.coref_pairs)
        self._triggers = lexicon.trigger_forms
        self._stalled = frozenset(lexicon.cue_index.get("stalled_predicates", {}))
        self._claims = lexicon.words.get("claim_nouns", frozenset())
        self._table: dict[str, int] = {}
        # the forms that may make a mention without a dictionary match: a hyphenated pair, a
        # one-word coreference phrase, or a word ending a longer one ("the country", "both sides")
        self._refer_words = self._coref_words | self._coref_seconds
        self._referring: set[str] = set()
        self._hyphenated: set[str] = set()

    def flags(self, texts: list[str]) -> list[int]:
        """The flags of each token text, in order."""
        try:
            # once the corpus's common forms are learned nearly every sentence is known throughout;
            # a KeyError then costs less than looking for None among the flags of every sentence
            return list(map(self._table.__getitem__, texts))
        except KeyError:
            pass
        out = list(map(self._table.get, texts))
        if None in out:
            for k, f in enumerate(out):
                if f is None:
                    out[k] = self._learn(texts[k])
        return out  # type: ignore[return-value]  # every None was replaced

    def may_refer(self, texts: list[str]) -> bool:
        """Whether ``texts`` (all already passed through :meth:`flags`) may hold a coreference
        phrase: a one-word one ("it") or the last word of a longer one ("the country")."""
        return not self._referring.isdisjoint(texts)

    def hyphenated(self, texts: list[str]) -> bool:
        """Whether ``texts`` (all already passed through :meth:`flags`) hold a capitalised
        hyphenated word, which may name two actors."""
        return not self._hyphenated.isdisjoint(texts)

    def _learn(self, text: str) -> int:
        # the tokeniser's lower-case form: a curly possessive marker is written "'s"
        low = "'s" if text in {"’s", "’S"} else text.lower()
        f = 0
        whole, head, second = self._actors.phrase_role(text)
        if whole or head:
            f |= ACTOR
        if whole:
            f |= ACTOR_WORD
        if second:
            f |= PHRASE_SECOND
        if low in self._coref:
            f |= COREF
        if low in self._coref_words:
            f |= COREF_WORD
        if low in self._coref_seconds:
            f |= COREF_SECOND
        if "-" in text and text[:1].isupper():
            f |= HYPHENATED
        if low in self._triggers:
            f |= TRIGGER
        if text[:1].isupper():
            f |= CAPITALISED
        if low in self._stalled:
            f |= STALLED
        if low in self._claims:
            f |= CLAIM
        if len(self._table) >= _MAX_FORMS:
            self._table.clear()
            self._referring.clear()
            self._hyphenated.clear()
        self._table[text] = f
        if low in self._refer_words:
            self._referring.add(text)
        if f & HYPHENATED:
            self._hyphenated.add(text)
        return f


def positions(flags: list[int], mask: int) -> list[int]:
    """Indices of the tokens having any of the ``mask`` flags."""
    return [k for k, f in enumerate(flags) if f & mask]


def actor_starts(flags: list[int]) -> list[int]:
    """Indices where an actor phrase may start: a one-word phrase, or the first word of a longer
    one followed by a word that stands second in some phrase ("the" only before "Hague", …)."""
    last = len(flags) - 1
    return [
        k for k, f in enumerate(flags)
        if f & ACTOR and (f & ACTOR_WORD or (k < last and flags[k + 1] & PHRASE_SECOND))
    ]


def mention_starts(flags: list[int], coreference: bool) -> list[int]:
    """Indices where a mention other than a dictionary match may start: a capitalised hyphenated
    word and, with ``coreference``, a one-word coreference phrase ("it") or the first word of a
    longer one followed by a word that stands second in one ("the" only before "country", …)."""
    if not coreference:
        return positions(flags, HYPHENATED)
    last = len(flags) - 1
    start, whole = COREF | HYPHENATED, COREF_WORD | HYPHENATED  # combined once, not per token
    return [k for k, f in enumerate(flags) if f & start and (f & whole or (k < last and flags[k + 1] & COREF_SECOND))]
