"""Candidate dyads of a sentence: what the learned filter keeps, drops or corrects.

The rules propose events; on top of them every ordered pair of distinct state or IGO actors
named in the sentence is a candidate, so that an event the rules missed (or coded in the
wrong direction) can still be found. A candidate is one ordered pair of actor codes in one
sentence, with the rule events that name that pair (either way) and the words around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.mentions import Mention
from bilateral.coding.syntax import Parse
from bilateral.coding.tokens import Token
from bilateral.model import Event

# sectors that make a mention something other than the state: business, media, rebels, parties ...
NON_STATE_SECTORS = frozenset({"BUS", "MNC", "MED", "NGO", "REB", "OPP", "PTY", "CVL", "EDU", "LAB", "CRM", "UAF"})


@dataclass(frozen=True, slots=True)
class ActorSlot:
    """Where an actor of a candidate stands: its first mention in the sentence, if any."""

    code: str
    sector: str | None
    kind: str  # the mention's kind (country, adjective, metonym, igo, person, coref ...) or "implicit"
    start: int  # token range of the mention; (-1, -1) when the actor is not named in the sentence
    end: int
    text: str


@dataclass(slots=True)
class Candidate:
    """One ordered pair of actors in one sentence, with the rule events about it."""

    source: ActorSlot
    target: ActorSlot
    rule_events: list[Event] = field(default_factory=list)  # rule events source -> target
    reverse_events: list[Event] = field(default_factory=list)  # rule events target -> source

    @property
    def pair(self) -> tuple[str, str]:
        return self.source.code, self.target.code


def is_state_like(code: str | None, actors: ActorDictionary) -> bool:
    """Whether ``code`` names a state or an international organisation (the actors of a dyad)."""
    return code is not None and (actors.is_country(code) or code in actors.igo_codes)


def actor_slots(mentions: list[Mention], actors: ActorDictionary) -> dict[str, ActorSlot]:
    """The first mention of each state or IGO code in a sentence, as slots keyed by code."""
    slots: dict[str, ActorSlot] = {}
    for m in mentions:
        for part in (m, *m.partners):
            code = part.code
            if not is_state_like(code, actors) or code is None or code in slots:
                continue
            slots[code] = ActorSlot(code, part.sector, part.kind, m.start, m.end, m.text)
    return slots


def _implicit(code: str, sector: str | None) -> ActorSlot:
    return ActorSlot(code, sector, "implicit", -1, -1, "")


def sentence_candidates(
    mentions: list[Mention], events: list[Event], actors: ActorDictionary
) -> list[Candidate]:
    """Every ordered pair of state/IGO actors named in the sentence, plus every pair a rule event names.

    ``events`` are the rule events of this sentence. A rule event whose actor is not named in the
    sentence (coreference, the document's main dyad) still gives a candidate, with that actor as an
    implicit slot, so the filter can judge it.
    """
    slots = actor_slots(mentions, actors)
    by_pair: dict[tuple[str, str], Candidate] = {}
    codes = list(slots)
    for a in codes:
        for b in codes:
            if a != b:
                by_pair[(a, b)] = Candidate(slots[a], slots[b])
    for ev in events:
        if not (is_state_like(ev.source, actors) and is_state_like(ev.target, actors)) or ev.source == ev.target:
            continue
        src, tgt = str(ev.source), str(ev.target)
        cand = by_pair.get((src, tgt))
        if cand is None:
            cand = Candidate(slots.get(src) or _implicit(src, ev.source_sector),
                             slots.get(tgt) or _implicit(tgt, ev.target_sector))
            by_pair[(src, tgt)] = cand
            if (tgt, src) not in by_pair:
                by_pair[(tgt, src)] = Candidate(cand.target, cand.source)
        cand.rule_events.append(ev)
    for (src, tgt), cand in by_pair.items():
        back = by_pair.get((tgt, src))
        if back is not None:
            cand.reverse_events = back.rule_events
    return list(by_pair.values())


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word the verb and noun lexicon knows: its synonym block and the CAMEO root of its default code."""

    index: int
    block: str
    root: str  # "" when the word has no default code (it codes only through a pattern)
    quad: int  # 0 when no root


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What the features read of a sentence: its tokens, every rule event in it, the lexicon's
    trigger words, the status cues and the channels its words name."""

    tokens: list[Token]
    events: list[Event]
    n_actors: int
    triggers: list[Trigger] = field(default_factory=list)
    cues: frozenset[str] = frozenset()  # status cue kinds present (negation, hypothetical, intended)
    channels: frozenset[str] = frozenset()  # channels named by the sentence's words
    parse: Parse | None = None  # the dependency parse, when the filter reads syntax
