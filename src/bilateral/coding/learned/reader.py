"""Read a coded sentence the way the learned filter sees it: its tokens, actors and candidates."""

from __future__ import annotations

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.learned.candidates import (
    Candidate,
    SentenceView,
    Trigger,
    actor_slots,
    sentence_candidates,
)
from bilateral.coding.lexicon import Lexicon
from bilateral.coding.mentions import find_mentions
from bilateral.coding.syntax import Parser
from bilateral.coding.tokens import Token, tokenize
from bilateral.model import Event


def read_sentence(
    text: str, date: str | None, events: list[Event], actors: ActorDictionary, lexicon: Lexicon,
    parser: Parser | None = None,
) -> tuple[SentenceView, list[Candidate]]:
    """The sentence's view and its candidate dyads, given the rule events coded from it.

    Mentions are found without the document's discourse: a pair of actors is proposed only when both
    are named in the sentence; an actor the rules resolved through coreference comes with its event.
    With a ``parser``, a sentence that has a candidate is parsed (the others never are).
    """
    tokens = tokenize(text)
    mentions = find_mentions(tokens, text, actors, lexicon, date, None) if tokens else []
    candidates = sentence_candidates(mentions, events, actors)
    lows = {t.lower for t in tokens}
    cues = frozenset(name for name, index in lexicon.cue_index.items() if not index.keys().isdisjoint(lows))
    channels = frozenset(ch for w in lows & lexicon.channels.keys() for _phrase, ch in lexicon.channels[w])
    parse = parser.parse([t.text for t in tokens]) if parser is not None and candidates else None
    view = SentenceView(tokens, events, len(actor_slots(mentions, actors)), lexicon_triggers(tokens, lexicon),
                        cues, channels, parse)
    return view, candidates


def _quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def lexicon_triggers(tokens: list[Token], lexicon: Lexicon) -> list[Trigger]:
    """The words of the sentence that the verb or noun lexicon lists, with their default code's root."""
    out: list[Trigger] = []
    forms = lexicon.verb_forms
    for k, tok in enumerate(tokens):
        entries = forms.get(tok.lower)
        if not entries:
            continue
        block, _lemma, code = entries[0]
        root = code[:2] if code[:2].isdigit() else ""
        out.append(Trigger(k, block, root, _quad(root) if root else 0))
    return out
