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

#: Some actor phrase starts with this form.
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

_MAX_FORMS = 400_000  # a bound on the table; a corpus with more distinct forms starts it again


class WordForms:
    """Flags of word forms (token texts as the tokeniser writes them), learned on first sight."""

    __slots__ = ("_actors", "_claims", "_coref", "_stalled", "_table", "_triggers")

    def __init__(self, actors: ActorDictionary, lexicon: Lexicon) -> None:
        self._actors = actors
        self._coref = lexicon.coref_starts
        self._triggers = lexicon.trigger_forms
        self._stalled = frozenset(lexicon.cue_index.get("stalled_predicates", {}))
        self._claims = lexicon.words.get("claim_nouns", frozenset())
        self._table: dict[str, int] = {}

    def flags(self, texts: list[str]) -> list[int]:
        """The flags of each token text, in order."""
        out = list(map(self._table.get, texts))
        if None in out:
            for k, f in enumerate(out):
                if f is None:
                    out[k] = self._learn(texts[k])
        return out  # type: ignore[return-value]  # every None was replaced

    def _learn(self, text: str) -> int:
        # the tokeniser's lower-case form: a curly possessive marker is written "'s"
        low = "'s" if text in {"’s", "’S"} else text.lower()
        f = 0
        if self._actors.starts_phrase(text):
            f |= ACTOR
        if low in self._coref:
            f |= COREF
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
        self._table[text] = f
        return f


def positions(flags: list[int], mask: int) -> list[int]:
    """Indices of the tokens having any of the ``mask`` flags."""
    return [k for k, f in enumerate(flags) if f & mask]
