"""What the coder's stages share about one sentence, and the record of what they rejected.

The stages (``candidates`` -> ``roles`` -> ``status`` -> ``channel`` -> ``events``) read and
write one :class:`SentenceState` per sentence instead of passing a dozen values to each other.
When an explanation is asked for (``Coder.explain_sentence``), ``SentenceState.rejections`` is a
list and every stage that drops a candidate trigger or event appends a :class:`Rejection`;
otherwise it is ``None`` and nothing is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bilateral.coding.mentions import Discourse, Mention
from bilateral.coding.syntax import Parse
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import TokenIndex
from bilateral.model import Event

#: (source, target, how the source was found, how the target was found): see ``EventTrace``
RolePair = tuple[Mention, Mention, str, str]

#: the stages, in the order they run; a rejection names one of them (a later filter adds its own)
STAGES: tuple[str, ...] = ("mentions", "candidates", "roles", "status", "channel", "events")


@dataclass(frozen=True, slots=True)
class Where:
    """Where an event was read: its document, sentence index, date and sentence text."""

    doc_id: str
    index: int
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Rejection:
    """A candidate trigger or event that a stage dropped, and why.

    ``stage`` is one of :data:`STAGES` or the name of a later filter (a learned one sets
    ``score``, the probability it gave the event); ``reason`` names the rule or check (a short
    kebab-case name, stable for tests and tallies); ``detail`` says it in words; ``words`` and
    ``tokens`` are the words of the candidate and their token span in the sentence; ``event`` is
    the event that was dropped, when the stage had built one."""

    stage: str
    reason: str
    detail: str = ""
    words: str = ""
    tokens: tuple[int, int] | None = None
    event: Event | None = None
    score: float | None = None


@dataclass(slots=True)
class SentenceExplanation:
    """What the coder made of one sentence: its tokens and actor mentions, the events it kept and
    every candidate it dropped, in the order the stages met them."""

    text: str
    date: str | None
    tokens: list[str]
    mentions: list[Mention]
    events: list[Event]
    rejections: list[Rejection]


@dataclass(slots=True)
class SentenceState:
    """One sentence as the stages see it, and what the stages have found so far."""

    where: Where
    tokens: list[Token]
    flags: list[int]  # the tokens' word-form flags (``coding/wordforms.py``)
    mentions: list[Mention]
    discourse: Discourse
    word_index: TokenIndex  # the sentence's words, with where actor mentions start
    plain: TokenIndex  # the same words without actor starts (a pattern may skip an actor)
    in_mention: set[int]  # token indices inside a resolved actor mention
    explain: bool = False  # build an EventTrace for each event
    rejections: list[Rejection] | None = None  # recorded only when an explanation is asked for
    stalled_span: tuple[int, int] = (0, 0)  # the tokens of a deed read with its stalled predicate
    parse: Parse | None = None  # the dependency parse, when the coder reads syntax (``coding/parsed.py``)
    # makes the parse on first use (``tree``); None when the coder reads no syntax or it is made
    parse_supply: Callable[[], Parse | None] | None = None
    mention_of: list[int] | None = None  # each token's mention index (-1: none), built from the parse's first use
    # the span of a complement or claim whose content is not asserted ("urged X to ...")
    suppress_from: int = 0
    suppress_until: int = 0
    claim_content: bool = False  # that content is what a speaker claims ("claimed that ...")
    sentence_subject: Mention | None = None  # the first verb's subject, for "to"-infinitives
    head_status: str | None = None  # the status of the latest event, for "to"-infinitives
    # (source and its sector, target and its sector, code, status, channel, position) of events so far
    seen: set[tuple[tuple[str | None, str | None], tuple[str | None, str | None], str, str, str, int]] = field(
        default_factory=set
    )
    events: list[Event] = field(default_factory=list)  # dyadic events, not mere statements
    statements: list[Event] = field(default_factory=list)  # 01x statements: kept when nothing else is
    partial: list[Event] = field(default_factory=list)  # one actor known: kept only when nothing dyadic is
    unasserted: list[Event] = field(default_factory=list)  # events inside a claim: not coded
    reports: list[tuple[int, Event]] = field(default_factory=list)  # reporting verbs and their statements

    def tree(self) -> Parse | None:
        """The sentence's dependency parse, made on first use. The parse revises roles the positional
        rules found, so only a sentence whose trigger found actors asks for it; the others never
        pay for the parser."""
        if self.parse is None and self.parse_supply is not None:
            supply, self.parse_supply = self.parse_supply, None
            self.parse = supply()
        return self.parse

    def reject(
        self, stage: str, reason: str, detail: str, start: int, end: int, event: Event | None = None
    ) -> None:
        """Record a dropped candidate (tokens ``[start, end)``) when rejections are being kept."""
        if self.rejections is not None:
            words = " ".join(t.text for t in self.tokens[start:end])
            self.rejections.append(Rejection(stage, reason, detail, words, (start, end), event))

    def reject_event(self, stage: str, reason: str, detail: str, event: Event, score: float | None = None) -> None:
        """Record a dropped event (its evidence span gives the words), with the score a learned
        filter gave it."""
        if self.rejections is not None:
            s, e = event.span
            self.rejections.append(Rejection(stage, reason, detail, event.sentence[s:e], None, event, score))


class EventFilter(Protocol):
    """A stage after ``events`` that judges a sentence's events (a learned filter): it returns the
    events it keeps (it may correct them) and records each one it drops with
    ``state.reject_event(its stage name, reason, detail, event, score)``. The state's trace fields
    (``EventTrace`` token spans and role rules, present when ``state.explain``) and mentions are
    what it can judge by. Filters run in the order given to ``Coder(filters=...)``."""

    def __call__(self, state: SentenceState, events: list[Event]) -> list[Event]: ...


def mention_tokens(m: Mention) -> tuple[int, int] | None:
    """The token span of a mention, or None for an actor not named in the sentence."""
    return (m.start, m.end) if m.start >= 0 else None


def role_rule(rule: str, m: Mention) -> str:
    """The name of the rule that filled a role with ``m`` (``EventTrace.source_rule``)."""
    if m.code is None and m.start < 0:
        return "none"
    return f"{rule}+coreference" if m.kind == "coref" else rule


def nobody() -> Mention:
    """An unknown actor: the other side of an event whose second actor was not found."""
    return Mention(-1, -1, None, None, "unknown", "", "")
