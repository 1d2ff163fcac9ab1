"""The event coder: sentence -> events with actors, code, status, channel and evidence.

The coder is shallow and fast by design: its rules read word order, not a parse. With
``CoderConfig(syntax=True)`` it also parses each sentence where the word-order rules found the
actors of a trigger, and reads roles and scope from the dependency tree where the tree and those
rules disagree (``parsed.py``; slower, off by default). It runs in stages, each a module of its
own with typed input and output, over one :class:`~bilateral.coding.state.SentenceState` per
sentence:

1. **mentions** (``mentions.py``): tokens, word-form flags, actor dictionary matches, sector
   words and coreference -> ``Mention``s;
2. **candidates** (``candidates.py``): the words that trigger an event -> ``Trigger``s;
3. **roles** (``roles.py``): subject, object, agent, passive, conjuncts -> (source, target) pairs,
   revised from the parse when there is one (``parsed.py``);
4. **status** (``status.py``): realized / intended / hypothetical / negated, and the code it gives;
5. **channel** (``channel.py``): trade, aid, defense, ...;
6. **events** (``events.py``): the events, with what reported speech and stalled deeds add, and
   the choice among them.

Every stage that drops a candidate says so on the state when asked
(:meth:`Coder.explain_sentence`), with the rule that dropped it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import and_, itemgetter

from bilateral.coding.actors import ActorDictionary, ActorEntry
from bilateral.coding.candidates import CandidateFinder
from bilateral.coding.channel import ChannelReader
from bilateral.coding.events import EventBuilder
from bilateral.coding.grammar import Grammar
from bilateral.coding.learned.filter import EventFilter, filter_document
from bilateral.coding.learned.model import FilterModel
from bilateral.coding.lexicon import Lexicon
from bilateral.coding.mentions import Discourse, Mention, actor_matches, dictionary_matches, find_mentions
from bilateral.coding.ontology import Codebook
from bilateral.coding.roles import RoleFinder
from bilateral.coding.sentences import MAX_SENTENCE_CHARS, cap_spans, split_sentences
from bilateral.coding.state import EventFilter as StageFilter
from bilateral.coding.state import Rejection, SentenceExplanation, SentenceState, Where
from bilateral.coding.status import StatusReader
from bilateral.coding.syntax import Parse, Parser
from bilateral.coding.tokens import Token, token_texts, tokenize, tokens_from_texts
from bilateral.coding.triggers import TokenIndex
from bilateral.coding.wordforms import CAPITALISED, CLAIM, TRIGGER, WordForms
from bilateral.model import Document, Event, Sentence

# what gives a document's sentence ``k`` (its words) the maker of its parse, called when a trigger asks
ParseSupply = Callable[[int, list[str]], Callable[[], Parse | None]]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A document split into sentences, with each sentence's words, word-form flags and actor matches."""

    doc: Document
    sentences: list[Sentence]
    texts: list[list[str]]
    flagged: list[list[int]]
    matched: list[dict[int, tuple[int, ActorEntry]]]


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Options of the coder."""

    explain: bool = False  # keep an EventTrace on each event
    statements: bool = True  # emit a 01x statement when a sentence reports nothing else
    # judge events between two state actors with the packaged model; off by default while it costs the
    # dev sets (EVALUATION.md)
    learned_filter: bool = False
    filter_threshold: float | None = None  # keep threshold of the filter (None: the model's own)
    # read roles and scope from the dependency parse of each sentence where the rules found a
    # trigger's actors (``coding/parsed.py``); off by default (EVALUATION.md has the ablation)
    syntax: bool = False


class Coder:
    """Turns documents into sentences and events. Build once, reuse for many documents."""

    def __init__(
        self,
        config: CoderConfig | None = None,
        *,
        actors: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        codebook: Codebook | None = None,
        filters: Sequence[StageFilter] = (),
    ) -> None:
        self.config = config or CoderConfig()
        self.filters = tuple(filters)  # stages after ``events``, such as a learned filter
        self.actors = actors or ActorDictionary.load()
        self.lexicon = lexicon or Lexicon.load()
        self.codebook = codebook or Codebook.load()
        self._forms = WordForms(self.actors, self.lexicon)
        grammar = Grammar(self.lexicon)
        self.candidates = CandidateFinder(self.lexicon, grammar)
        self.roles = RoleFinder(self.lexicon, self.actors, grammar)
        self.status = StatusReader(self.lexicon, grammar)
        self.channels = ChannelReader(self.lexicon)
        self.events = EventBuilder(
            self.lexicon, self.actors, self.codebook, grammar, self.roles, self.status, self.channels,
            self.config.statements,
        )
        self._stalled_words = self.lexicon.cue_index["stalled_predicates"].keys()
        self.parser = Parser() if self.config.syntax else None

    @cached_property
    def event_filter(self) -> EventFilter | None:
        """The learned filter, when the config asks for it (loaded once, on first use)."""
        if not self.config.learned_filter:
            return None
        return EventFilter(FilterModel.load(), self.actors, self.lexicon, self.codebook, self.config.filter_threshold)

    # ------------------------------------------------------------------ documents

    def sentences(self, doc: Document) -> list[Sentence]:
        return [Sentence(doc.id, i, doc.text[s:e], s, e) for i, (s, e) in enumerate(split_sentences(doc.text))]

    def code_document(self, doc: Document) -> tuple[list[Sentence], list[Event]]:
        """Split ``doc`` into sentences and code each; events come in order of appearance."""
        return self._code_together([doc])[0]

    def code_many(self, docs: Sequence[Document]) -> list[tuple[list[Sentence], list[Event]] | Exception]:
        """``code_document`` of each document, in order; a document the coder fails on gives its
        exception, and the others are coded all the same. With the parse, the sentences of all of
        them that ask for it are parsed in one batch (the parser is faster on large batches)."""
        try:
            return list(self._code_together(docs))
        except Exception as exc:
            if len(docs) == 1:
                return [exc]
        out: list[tuple[list[Sentence], list[Event]] | Exception] = []
        for doc in docs:  # one of them fails: code each alone, so only that one gives its exception
            try:
                out.append(self._code_together([doc])[0])
            except Exception as exc:
                out.append(exc)
        return out

    def _code_together(self, docs: Sequence[Document]) -> list[tuple[list[Sentence], list[Event]]]:
        prepared = [self._prepare(doc) for doc in docs]
        parser = self.parser
        if parser is None:
            coded = [self._code_sentences(p, None) for p in prepared]
        else:
            coded = self._code_parsed(prepared, parser)
        return [(p.sentences, self._filtered(p, events)) for p, events in zip(prepared, coded, strict=True)]

    def _prepare(self, doc: Document) -> _Prepared:
        sents = self.sentences(doc)
        forms = self._forms
        texts = [token_texts(s.text) for s in sents]
        flagged = [forms.flags(words) for words in texts]
        matched = [
            dictionary_matches(words, self.actors, doc.date, flags)
            for words, flags in zip(texts, flagged, strict=True)
        ]
        return _Prepared(doc, sents, texts, flagged, matched)

    def _filtered(self, p: _Prepared, events: list[Event]) -> list[Event]:
        """The document's events after the learned filter, when the config asks for it."""
        event_filter = self.event_filter
        if event_filter is None:
            return events
        is_actor = self.actors.is_country
        igos = self.actors.igo_codes
        forms = self._forms
        may_pair = [
            len({e.code for _end, e in m.values() if e.code and (is_actor(e.code) or e.code in igos)}) >= 2
            or forms.hyphenated(words)
            for m, words in zip(p.matched, p.texts, strict=True)
        ]
        return filter_document(event_filter, p.sentences, events, p.doc.date, p.doc.id, may_pair)

    def _code_sentences(self, p: _Prepared, supply: ParseSupply | None) -> list[Event]:
        """The events of a document's sentences, coded in order with one discourse; ``supply(k,
        words)`` gives what makes sentence ``k``'s parse when a trigger asks for it."""
        doc = p.doc
        discourse = Discourse()
        if len(p.sentences) > 1:
            discourse.main_dyad = self._main_dyad(p.matched)
        events: list[Event] = []
        for s, words, flags, matches in zip(p.sentences, p.texts, p.flagged, p.matched, strict=True):
            if words and not self._may_mention(matches, words, discourse):
                # no actor named and none referred to: no event; most news sentences are such, and
                # they are never tokenised into Token objects
                self._update_discourse(discourse, [], [])
                continue
            events.extend(self._code(
                s.text, doc.id, s.index, doc.date, discourse, tokens_from_texts(s.text, words), matches, flags,
                None, supply(s.index, words) if supply is not None else None,
            ))
        return events

    def _code_parsed(self, prepared: list[_Prepared], parser: Parser) -> list[list[Event]]:
        """The documents' events with the parse, parsing only the sentences that ask for it.

        The parse only revises the roles and status of a trigger whose actors the positional rules
        found, so a first pass without it notes which sentences get that far; those are parsed in
        one batch and their documents coded again with the parses. A document where no sentence
        asks is done after the first pass (most are)."""
        wanted: list[list[int]] = [[] for _ in prepared]

        def note(asked: list[int]) -> ParseSupply:
            def supply(k: int, _words: list[str]) -> Callable[[], Parse | None]:
                def ask() -> Parse | None:
                    asked.append(k)
                    return None
                return ask
            return supply

        coded = [self._code_sentences(p, note(asked)) for p, asked in zip(prepared, wanted, strict=True)]
        keys = [(d, k) for d, asked in enumerate(wanted) for k in sorted(set(asked))]
        if not keys:
            return coded
        parsed = parser.parse_many([prepared[d].texts[k] for d, k in keys])
        parses: dict[tuple[int, int], Parse] = dict(zip(keys, parsed, strict=True))

        def given(d: int) -> ParseSupply:
            def supply(k: int, words: list[str]) -> Callable[[], Parse | None]:
                # a sentence that asks only on the second pass (its discourse changed) is parsed alone
                return lambda: parses.get((d, k)) or parser.parse(words)
            return supply

        for d, asked in enumerate(wanted):
            if asked:
                coded[d] = self._code_sentences(prepared[d], given(d))
        return coded

    def _may_mention(
        self, matches: dict[int, tuple[int, ActorEntry]], words: list[str], discourse: Discourse
    ) -> bool:
        """Whether a sentence can have a mention that names an actor (a country, an organisation,
        a person): a dictionary match other than a bare sector word, a hyphenated pair, or a
        coreference phrase with a referent (an actor named earlier in the document)."""
        if matches and any(entry.kind != "sector" and entry.code for _end, entry in matches.values()):
            return True
        forms = self._forms
        if forms.hyphenated(words):
            return True
        if not forms.may_refer(words):
            return False
        last_person = discourse.last_person
        return bool(discourse.last_subject or discourse.last_country or (last_person and last_person.code))

    def _main_dyad(self, matched: list[dict[int, tuple[int, ActorEntry]]]) -> tuple[str, ...]:
        """The document's two most-mentioned countries (each mentioned at least twice)."""
        counts: dict[str, int] = {}
        is_country = self.actors.is_country
        for matches in matched:
            if matches:
                for _end, entry in matches.values():
                    if entry.code and is_country(entry.code):
                        counts[entry.code] = counts.get(entry.code, 0) + 1
        # the two largest counts, ties to the country named first (as Counter.most_common has it)
        top = [c for c, n in sorted(counts.items(), key=_second_item, reverse=True)[:2] if n >= 2]
        return tuple(top) if len(top) == 2 else ()

    # ------------------------------------------------------------------ sentences

    def code_sentence(
        self,
        text: str,
        *,
        doc_id: str = "",
        index: int = 0,
        date: str | None = None,
        discourse: Discourse | None = None,
        tokens: list[Token] | None = None,
        matches: dict[int, tuple[int, ActorEntry]] | None = None,
        flags: list[int] | None = None,
    ) -> list[Event]:
        """Code one sentence. ``discourse`` carries coreference state across a document;
        ``tokens`` (with their ``matches`` and word-form ``flags``) may be passed when the
        caller has already tokenised ``text``."""
        return self._code(text, doc_id, index, date, discourse, tokens, matches, flags, None, None)

    def explain_sentence(self, text: str, date: str | None = None) -> SentenceExplanation:
        """Code one sentence and say what became of every candidate: the events kept (with their
        traces) and each candidate trigger or event a stage dropped, with the stage and the rule."""
        rejections: list[Rejection] = []
        discourse = Discourse()
        events = self._code(text, "", 0, date, discourse, None, None, None, rejections, None)
        event_filter = self.event_filter
        if event_filter is not None:
            rejections.extend(event_filter.rejections(text, date, events))
            events = event_filter.filter_sentence(text, date, events)
        tokens = tokenize(text)
        mentions = find_mentions(tokens, text, self.actors, self.lexicon, date, Discourse())
        return SentenceExplanation(text, date, [t.text for t in tokens], mentions, events, rejections)

    def _code(
        self,
        text: str,
        doc_id: str,
        index: int,
        date: str | None,
        discourse: Discourse | None,
        tokens: list[Token] | None,
        matches: dict[int, tuple[int, ActorEntry]] | None,
        flags: list[int] | None,
        rejections: list[Rejection] | None,
        parse_supply: Callable[[], Parse | None] | None,
    ) -> list[Event]:
        """``code_sentence``, keeping the rejections in ``rejections`` when it is a list;
        ``parse_supply`` makes the sentence's parse when a trigger asks for it (by default the
        coder's parser parses the sentence alone)."""
        if discourse is None:
            discourse = Discourse()
        if tokens is None and len(text) > MAX_SENTENCE_CHARS:
            # a run-on "sentence" is coded in pieces, as code_document cuts it, so time stays linear
            out: list[Event] = []
            for start, end in cap_spans(text, [(0, len(text))]):
                out.extend(self._code(text[start:end], doc_id, index, date, discourse, None, None, None, rejections,
                                      None))
            return out
        if tokens is None:
            tokens = tokenize(text)
        if not tokens:
            return []
        if flags is None or matches is None:
            texts = [t.text for t in tokens]
            if flags is None:
                flags = self._forms.flags(texts)
            if matches is None:
                matches = actor_matches(tokens, self.actors, date, flags, texts)
        # stage 1: mentions
        mentions = find_mentions(tokens, text, self.actors, self.lexicon, date, discourse, matches, flags)
        if not any(m.code for m in mentions):
            # every event needs at least one resolved actor (subject, object, agent or the pair of a
            # stalled deed), so a sentence naming none codes nothing; most news sentences are such
            if rejections is not None:
                rejections.append(Rejection("mentions", "no-actor", "the sentence names no known actor"))
            self._update_discourse(discourse, mentions, [])
            return []
        state = self._state(Where(doc_id, index, date, text), tokens, flags, mentions, discourse, rejections)
        word_index = state.word_index
        stalled: list[Event] = []
        if not self._stalled_words.isdisjoint(word_index.words):
            stalled, state.stalled_span = self.events.stalled_deeds(state)
        # stage 2: candidates. Capitalised words inside a sentence are names ("Nobel Peace Prize"),
        # not verbs (claim nouns are visited too: "allegations that ..." hides what follows); the
        # flag test runs at C speed over every token, the Python test only over the few it selects
        candidates = [
            k for k in compress(range(len(flags)), map(and_, flags, repeat(CLAIM | TRIGGER)))
            if k == 0 or flags[k] & CLAIM or not flags[k] & CAPITALISED
        ]
        if rejections is not None:
            self.candidates.capitalised(state)
        parser = self.parser
        if parser is not None and any(flags[k] & TRIGGER for k in candidates):
            # the parse, made only when a trigger's actors are found (``SentenceState.tree``)
            words = [t.text for t in tokens]
            given = parse_supply

            def supply() -> Parse | None:
                if given is None:
                    return parser.parse(words)
                parse = given()  # None: a first pass that only notes which sentences ask
                return parse if parse is None or len(parse) == len(tokens) else parser.parse(words)

            state.parse_supply = supply
        propose, take = self.candidates.propose, self.events.take
        i = 0
        for k in candidates:
            if k < i:
                if flags[k] & TRIGGER and state.rejections is not None:
                    state.reject("candidates", "inside-evidence", "part of an earlier event's evidence", k, k + 1)
                continue
            trig = propose(state, k)
            # stages 3-6: roles, status, channel, events
            i = take(state, trig) if trig is not None else k + 1
        events = self.events.finish(state, stalled)
        for event_filter in self.filters:
            events = event_filter(state, events)
        self._update_discourse(discourse, mentions, state.events)
        return events

    def _state(
        self, where: Where, tokens: list[Token], flags: list[int], mentions: list[Mention], discourse: Discourse,
        rejections: list[Rejection] | None,
    ) -> SentenceState:
        word_index = TokenIndex(tokens, frozenset(m.start for m in mentions if m.code))
        return SentenceState(
            where, tokens, flags, mentions, discourse, word_index, word_index.plain(),
            {k for m in mentions if m.code for k in range(m.start, m.end)},
            explain=self.config.explain or rejections is not None, rejections=rejections,
        )

    def sentence_state(self, text: str, date: str | None = None, *, keep_rejections: bool = False) -> SentenceState:
        """The state the stages start from for one sentence (tokens, flags, mentions), as a
        document's first sentence; for running or testing a stage on its own."""
        tokens = tokenize(text)
        texts = [t.text for t in tokens]
        flags = self._forms.flags(texts)
        matches = actor_matches(tokens, self.actors, date, flags, texts)
        discourse = Discourse()
        mentions = find_mentions(tokens, text, self.actors, self.lexicon, date, discourse, matches, flags)
        return self._state(Where("", 0, date, text), tokens, flags, mentions, discourse,
                           [] if keep_rejections else None)

    # ------------------------------------------------------------------ discourse

    def _update_discourse(self, discourse: Discourse, mentions: list[Mention], events: list[Event]) -> None:
        is_country = self.actors.is_country
        for m in mentions:
            if m.code and is_country(m.code) and m.kind != "implied":
                discourse.note_country(m.code)
            if m.kind == "person" and m.code:
                discourse.last_person = m
        for ev in events:
            if ev.source and is_country(ev.source):
                discourse.last_subject = ev.source
                break
        else:
            first = next((m for m in mentions if m.code and is_country(m.code)), None)
            if first is not None:
                discourse.last_subject = first.code
        discourse.sentences_seen += 1



_second_item = itemgetter(1)
