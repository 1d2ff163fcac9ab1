"""The event coder: sentence -> events with actors, code, status, channel and evidence.

The coder is shallow and fast by design (no parser): it tokenises, finds actor mentions,
finds event triggers, then assigns roles (subject before the verb, object after it, with
passives, reported speech, "receive" verbs and compound actors handled), a status from cue
words in the clause, and a channel from the deed or channel words nearby.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import and_, itemgetter

from bilateral.coding.actors import ActorDictionary, ActorEntry
from bilateral.coding.lexicon import Lexicon, longest_phrase_at, phrase_at
from bilateral.coding.mentions import Discourse, Mention, actor_matches, dictionary_matches, find_mentions
from bilateral.coding.ontology import Codebook
from bilateral.coding.sentences import MAX_SENTENCE_CHARS, cap_spans, split_sentences
from bilateral.coding.tokens import Token, token_texts, tokenize, tokens_from_texts
from bilateral.coding.triggers import (
    OBJECT_WINDOW,
    TokenIndex,
    Trigger,
    clause_end,
    complement_end,
    deeds_in,
    list_end,
    verb_triggers,
)
from bilateral.coding.wordforms import CAPITALISED, CLAIM, STALLED, TRIGGER, WordForms
from bilateral.coding.wordforms import positions as positions_of
from bilateral.model import Document, Event, EventTrace, Sentence

#: (source, target, how the source was found, how the target was found): see ``EventTrace``
RolePair = tuple[Mention, Mention, str, str]


def mention_tokens(m: Mention) -> tuple[int, int] | None:
    """The token span of a mention, or None for an actor not named in the sentence."""
    return (m.start, m.end) if m.start >= 0 else None


def role_rule(rule: str, m: Mention) -> str:
    """The name of the rule that filled a role with ``m`` (``EventTrace.source_rule``)."""
    if m.code is None and m.start < 0:
        return "none"
    return f"{rule}+coreference" if m.kind == "coref" else rule


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Options of the coder."""

    explain: bool = False  # keep an EventTrace on each event
    statements: bool = True  # emit a 01x statement when a sentence reports nothing else


@dataclass(frozen=True, slots=True)
class _Where:
    """Where an event was read: its document, sentence index, date and sentence text."""

    doc_id: str
    index: int
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class _CodeDefaults:
    channel: dict[str, str]
    intent: dict[str, str]

    def lookup(self, table: dict[str, str], code: str) -> str | None:
        for n in range(len(code), 1, -1):
            v = table.get(code[:n])
            if v:
                return v
        return None


class Coder:
    """Turns documents into sentences and events. Build once, reuse for many documents."""

    def __init__(
        self,
        config: CoderConfig | None = None,
        *,
        actors: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        codebook: Codebook | None = None,
    ) -> None:
        self.config = config or CoderConfig()
        self.actors = actors or ActorDictionary.load()
        self.lexicon = lexicon or Lexicon.load()
        self.codebook = codebook or Codebook.load()
        self._forms = WordForms(self.actors, self.lexicon)
        self._channels_of_codes: dict[str, str] = {}

    @cached_property
    def _clause_or_speech(self) -> frozenset[str]:
        """Clause breaks and speech verbs: where a clause starts, looking back from a verb."""
        return self.lexicon.words["clause_breaks"] | self.lexicon.words["reporting_verbs"]

    @cached_property
    def _subject_breaks(self) -> frozenset[str]:
        """Words that close the phrase before a verb: clause breaks, speech verbs and commas."""
        return self._clause_or_speech | {","}

    @cached_property
    def _channel_words(self) -> frozenset[str]:
        """Words that can start a channel phrase."""
        return frozenset(self.lexicon.channels)

    @cached_property
    def _channel_stops(self) -> frozenset[str]:
        """Words where an object's channel words end: clause breaks and commas."""
        return self.lexicon.words["clause_breaks"] | {",", ";", ":"}

    @cached_property
    def _strong_channel_words(self) -> frozenset[str]:
        """Words that can start an institution's channel phrase ("IMF")."""
        return frozenset(self.lexicon.strong_channels)

    @cached_property
    def _defaults(self) -> _CodeDefaults:
        return _CodeDefaults(self.lexicon.code_channels, self.lexicon.code_intents)

    # ------------------------------------------------------------------ documents

    def sentences(self, doc: Document) -> list[Sentence]:
        return [Sentence(doc.id, i, doc.text[s:e], s, e) for i, (s, e) in enumerate(split_sentences(doc.text))]

    def code_document(self, doc: Document) -> tuple[list[Sentence], list[Event]]:
        """Split ``doc`` into sentences and code each; events come in order of appearance."""
        sents = self.sentences(doc)
        forms = self._forms
        texts = [token_texts(s.text) for s in sents]
        flagged = [forms.flags(words) for words in texts]
        matched = [
            dictionary_matches(words, self.actors, doc.date, flags)
            for words, flags in zip(texts, flagged, strict=True)
        ]
        discourse = Discourse()
        if len(sents) > 1:
            discourse.main_dyad = self._main_dyad(matched)
        events: list[Event] = []
        for s, words, flags, matches in zip(sents, texts, flagged, matched, strict=True):
            if words and not self._may_mention(matches, words, discourse):
                # no actor named and none referred to: no event; most news sentences are such, and
                # they are never tokenised into Token objects
                self._update_discourse(discourse, [], [])
                continue
            events.extend(self.code_sentence(
                s.text, doc_id=doc.id, index=s.index, date=doc.date, discourse=discourse,
                tokens=tokens_from_texts(s.text, words), matches=matches, flags=flags,
            ))
        return sents, events

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
        if discourse is None:
            discourse = Discourse()
        if tokens is None and len(text) > MAX_SENTENCE_CHARS:
            # a run-on "sentence" is coded in pieces, as code_document cuts it, so time stays linear
            out: list[Event] = []
            for start, end in cap_spans(text, [(0, len(text))]):
                out.extend(self.code_sentence(text[start:end], doc_id=doc_id, index=index, date=date,
                                              discourse=discourse))
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
        mentions = find_mentions(tokens, text, self.actors, self.lexicon, date, discourse, matches, flags)
        if not any(m.code for m in mentions):
            # every event needs at least one resolved actor (subject, object, agent or the pair of a
            # stalled deed), so a sentence naming none codes nothing; most news sentences are such
            self._update_discourse(discourse, mentions, [])
            return []
        word_index = TokenIndex(tokens, frozenset(m.start for m in mentions if m.code))
        plain = word_index.plain()
        in_mention = {k for m in mentions if m.code for k in range(m.start, m.end)}
        events: list[Event] = []
        statements: list[Event] = []
        partial: list[Event] = []  # one actor known: kept only when nothing dyadic is found
        suppress_from = suppress_until = 0  # an appeal's or a hope's complement: not an asserted event
        claim_content = False  # whether that complement is what a speaker claims ("claimed that …")
        unasserted: list[Event] = []  # events inside a claim: not coded, but the claim may accuse
        reports: list[tuple[int, Event]] = []  # reporting verbs and the statement each makes
        sentence_subject: Mention | None = None  # the first verb's subject, for "to"-infinitives
        head_status: str | None = None  # the status of the latest event, for "to"-infinitives
        # (source and its sector, target and its sector, code, status, channel, position)
        seen: set[tuple[tuple[str | None, str | None], tuple[str | None, str | None], str, str, str, int]] = set()
        where = _Where(doc_id, index, date, text)
        lex = self.lexicon
        stalled, stalled_span = (
            self._stalled_deeds(tokens, mentions, where, discourse, flags)
            if not lex.cue_index["stalled_predicates"].keys().isdisjoint(word_index.words) else ([], (0, 0))
        )
        noun_forms, noun_compounds = lex.noun_forms, lex.noun_compounds
        hypothetical, consideration = lex.cue_index["hypothetical"], lex.words["consideration"]
        passive_aux = lex.words["passive_aux"]
        # capitalised words inside a sentence are names ("Nobel Peace Prize"), not verbs
        # (claim nouns are visited too: "allegations that ..." hides what follows)
        # (the flag test runs at C speed over every token; the Python test only over the few it selects)
        candidates = [
            k for k in compress(range(len(flags)), map(and_, flags, repeat(CLAIM | TRIGGER)))
            if k == 0 or flags[k] & CLAIM or not flags[k] & CAPITALISED
        ]
        i = 0
        for k in candidates:
            if k < i:
                continue  # inside the evidence of an earlier event
            i = k
            f, low = flags[i], tokens[i].lower
            if f & CLAIM and i >= suppress_until and self._claim_clause(tokens, i):
                # "allegations by Rwanda that it had played a role": what is alleged is not asserted
                suppress_from, suppress_until = i + 1, self._claim_end(tokens, i + 1)
                claim_content = False
            if not f & TRIGGER or (i > 0 and f & CAPITALISED) or i in in_mention:
                continue
            hidden = suppress_from <= i < suppress_until  # inside a claim's content: read only to find an accusation
            if (hidden and not claim_content) or stalled_span[0] <= i < stalled_span[1]:
                continue
            if self._names_no_event(tokens, i, low):
                i += 1
                continue
            trig = verb_triggers(tokens, i, lex, word_index)
            if trig is None and i > 1 and (tokens[i - 1].lower in passive_aux or tokens[i - 1].lower.endswith("ly")):
                trig = self._passive_object_trigger(tokens, i, word_index, mentions)
            if trig is not None and (
                # a verb that opens a status cue ("exploring the possibility of") is the cue
                low in consideration
                or (low in hypothetical and longest_phrase_at(tokens, i, hypothetical) > 1)
                or self._transitive_misuse(tokens, i, plain)
                or self._control_verb(tokens, i + 1, plain)
                # our own verb + object rules ("appealed for aid to fight …") are events themselves
                or (trig.channel is None and trig.end != i + 1 and self._control_verb(tokens, trig.end, plain))
            ):
                trig = None
            if trig is None:
                i += 1
                continue
            trig.noun = low in noun_forms or self._is_noun(tokens, i, mentions, trig)
            if trig.noun and i and trig.end == i + 1:
                compound = noun_compounds.get((tokens[i - 1].lower, low))
                if compound:
                    trig.code, trig.pattern = compound, f"{tokens[i - 1].lower} {low} -> {compound}"
            if trig.noun and not self._eventive(low):
                i += 1
                continue
            if hidden:
                found, _consumed, _subject = self._events_for(
                    trig, tokens, mentions, where, discourse, None, None, word_index
                )
                unasserted.extend(found)
                i += 1
                continue
            reporting = trig.reporting
            if self._takes_complement(low, trig.code):
                # "urged X to …", "pressure from Congress to …": the content is not an asserted deed
                suppress_from, suppress_until = trig.end, complement_end(tokens, trig.end, self.lexicon)
                claim_content = reporting
            found, consumed, verb_subject = self._events_for(
                trig, tokens, mentions, where, discourse, sentence_subject, head_status, word_index
            )
            if found and trig.code[:2] in lex.words["offence_roots"] and i + 1 >= suppress_until:
                offence = self._offence(tokens, trig.end)
                if offence >= 0:
                    # "jailed a student for helping militants": the offence charged is not asserted
                    suppress_from, suppress_until = offence, self._claim_end(tokens, offence)
                    claim_content = False
            if reporting and found and found[0].source is not None:
                reports.append((i, found[0]))
            if found:
                head_status = found[0].status
            if sentence_subject is None and not trig.noun:
                sentence_subject = verb_subject
            for ev in found:
                src_key, tgt_key = (ev.source, ev.source_sector), (ev.target, ev.target_sector)
                key = (src_key, tgt_key, ev.cameo, ev.status, ev.channel, ev.span[1])
                # "met ... to discuss": an infinitive of the same kind adds no event
                same_kind = (src_key, tgt_key, ev.cameo[:2], ev.status, ev.channel, -1 - i)
                infinitive = i > 0 and tokens[i - 1].lower == "to"
                if key in seen or any(
                    s[:5] == same_kind[:5] and s[5] < 0 and s[5] != same_kind[5]
                    # an infinitive of the same kind, or the same kind one or two words on ("expel exiled")
                    and (infinitive or -1 - s[5] >= i - 2)
                    for s in seen
                ):
                    continue
                if infinitive and any(
                    s[0] == src_key and s[2] == same_kind[2] and s[5] < 0 and s[5] != same_kind[5] for s in seen
                ):
                    # "met Assad to discuss efforts to counter X": the purpose of a meeting, and what
                    # it names, is the meeting's topic
                    suppress_from = trig.end
                    suppress_until = max(suppress_until, clause_end(tokens, trig.end, self.lexicon))
                    claim_content = False
                    continue
                seen.add(key)
                seen.add(same_kind)
                if infinitive and ev.source is not None and ev.target is not None:
                    # "blocked roads to press their demands on the government": the act done for a
                    # purpose is aimed at the purpose's addressee
                    act = next((p for p in reversed(partial) if p.source == ev.source and p.target is None
                                and p.cameo[:2] not in {"01", "02", "03", "05"} and p.span[0] < ev.span[0]), None)
                    if act is not None:
                        partial.remove(act)
                        act.target, act.target_sector = ev.target, ev.target_sector
                        if act.trace is not None and ev.trace is not None:
                            act.trace.target_text = ev.trace.target_text
                            act.trace.target_entry = ev.trace.target_entry
                            act.trace.notes.append("target: the addressee of its purpose")
                            act.trace.target_tokens = ev.trace.target_tokens
                            act.trace.target_rule = "purpose-addressee"
                        events.append(act)
                if ev.source is None or ev.target is None:
                    partial.append(ev)
                else:
                    # a considered act (014) is news in itself, not a mere statement
                    mere = ev.cameo[:2] == "01" and ev.cameo != lex.consideration_code
                    (statements if mere else events).append(ev)
            # words that served as this event's object are not triggers of their own
            i = max(i + 1, consumed) if found else i + 1
        if reports:
            events = self._accusations(tokens, mentions, reports, events, partial + unasserted, where)
        known = {(x.source, x.target, x.cameo) for x in events}
        events.extend(e for e in stalled if (e.source, e.target, e.cameo) not in known)
        self._update_discourse(discourse, mentions, events)
        if events:
            return events
        if partial:
            substantive = [e for e in partial if e.cameo[:2] != "01"]
            return (substantive or partial)[:1]
        return statements[:1] if self.config.statements else []

    def _accusations(
        self, tokens: list[Token], mentions: list[Mention], reports: list[tuple[int, Event]],
        events: list[Event], other: list[Event], where: _Where,
    ) -> list[Event]:
        """What a speaker does by reporting: "Israel said a mortar bomb was fired at it from Gaza"
        is Israel accusing Gaza (besides the attack itself); "the rebels announced that the
        president must agree to changes" is their demand on him. The new event stands where the
        speaker's verb does, before the event it reports."""
        lex = self.lexicon
        roots = lex.words["reported_force_roots"]
        out = list(events)
        done: set[tuple[str | None, str | None, str | None]] = set()
        candidates = sorted([*events, *other], key=lambda x: x.span[0])
        for i, report in reports:
            if report.source is None:
                continue
            end = complement_end(tokens, i + 1, lex)
            limit = tokens[end].start if end < len(tokens) else len(where.text) + 1
            # the reported clause's first event, not one inside a noun phrase further on
            ev = next((x for x in candidates if tokens[i].end <= x.span[0] < limit), None)
            obliged = self._obliged(tokens, mentions, i + 1, end)
            if obliged is not None:
                target, code = obliged
                tgt, tgt_sector, tgt_text = target.code, target.sector, target.text
                note, entry = "the speaker says the target must act", target.entry
                target_tokens, target_rule = mention_tokens(target), "obliged-actor"
            elif ev is not None and ev.cameo[:2] in roots and ev.status == "realized" and ev.source is not None:
                if ev.source == report.source:
                    continue  # "Pakistan said it struck ...": no one accused
                code, tgt, tgt_sector = lex.accusation_code, ev.source, ev.source_sector
                tgt_text = ev.trace.source_text if ev.trace else ""
                entry = ev.trace.source_entry if ev.trace else ""
                note = "the speaker reports an attack by the target"
                target_tokens = ev.trace.source_tokens if ev.trace else None
                target_rule = "reported-attacker"
            else:
                continue
            if (report.source, report.source_sector) == (tgt, tgt_sector) or (report.source, tgt, tgt_sector) in done:
                continue
            done.add((report.source, tgt, tgt_sector))
            speaker = Mention(-1, -1, report.source, report.source_sector, "speaker", "", "")
            addressee = Mention(-1, -1, tgt, tgt_sector, "reported", tgt_text, entry)
            trace = None
            if self.config.explain:
                trace = EventTrace(
                    pattern=f"reported speech -> {code}",
                    source_text=report.trace.source_text if report.trace else "",
                    source_entry=report.trace.source_entry if report.trace else "",
                    target_text=tgt_text, target_entry=entry, notes=[note],
                    trigger_tokens=report.trace.trigger_tokens if report.trace else None,
                    source_tokens=report.trace.source_tokens if report.trace else None,
                    target_tokens=target_tokens, source_rule="speaker", target_rule=target_rule,
                )
            channel = self._default_channel(code)
            made = self._event(where, speaker, addressee, code, "realized", channel, report.span, trace)
            pos = next((k for k, x in enumerate(out) if x is ev), len(out))
            out.insert(pos, made)
        return out

    def _obliged(
        self, tokens: list[Token], mentions: list[Mention], start: int, end: int
    ) -> tuple[Mention, str] | None:
        """The actor a reported clause says must act ("said Iran must stop ..."), with the demand
        code of the modal, or None. The actor is the clause's first, followed by the modal."""
        k = next((k for k, m in enumerate(mentions) if start <= m.start < end), -1)
        if k < 0 or not mentions[k].code:
            return None
        m, last = mentions[k], mentions[k].end
        for n in mentions[k + 1:]:
            # "President Kagame and his party must ...": the modal follows the last conjunct
            if n.start >= end or not all(t.lower in self.lexicon.words["conjunct_gap"] for t in tokens[last:n.start]):
                break
            last = n.end
        for j in range(last, min(end, last + 3)):
            for phrase, code in self.lexicon.obligations.get(tokens[j].lower, ()):
                if phrase_at(tokens, j, phrase):
                    return m, code
        return None

    def _stalled_deeds(
        self, tokens: list[Token], mentions: list[Mention], where: _Where, discourse: Discourse, flags: list[int]
    ) -> tuple[list[Event], tuple[int, int]]:
        """A deed as the subject of a stalling predicate: "defense cooperation between the two
        countries has remained limited" is a denied deed, in both directions of the pair named.
        Returns the events and the token span they cover (no other trigger inside it)."""
        lex = self.lexicon
        stalled = lex.cue_index["stalled_predicates"]
        none: tuple[list[Event], tuple[int, int]] = ([], (0, 0))
        hit = next((j for j in positions_of(flags, STALLED) if longest_phrase_at(tokens, j, stalled)), -1)
        if hit < 0:
            return none
        lo = 0
        for j in range(hit - 1, -1, -1):
            # the stalled clause starts after ", and", ";" or "but" ("between A and B" stays inside)
            if tokens[j].lower in {",", ";", "but"}:
                lo = j + 1
                break
        found = deeds_in(tokens, lo, hit, lex, {k for m in mentions if m.code for k in range(m.start, m.end)})
        if not found:
            return none
        s, deed_end, deed = found[0]
        # the actors: "between A and B", "the two countries", else the sentence's country and its counterpart
        is_country = self.actors.is_country
        named = [m for m in mentions if m.code and is_country(m.code) and m.start < hit]
        pairs: list[RolePair] = []
        for m in named:
            for p in m.partners:
                pairs += [(m, p, "stalled-pair", "stalled-pair"), (p, m, "stalled-pair", "stalled-pair")]
        between = [m for m in named if self._after_word(tokens, m.start, {"between"})]
        if not pairs and between:
            nxt = [m for m in named if m.start > between[0].start and m.code != between[0].code]
            if nxt:
                pairs = [(between[0], nxt[0], "stalled-pair", "stalled-pair"),
                         (nxt[0], between[0], "stalled-pair", "stalled-pair")]
        if not pairs and named:
            # "Washington has played no role, and defense cooperation has remained formal":
            # the sentence's first country withholds it from its counterpart
            other, other_rule = self._implied(named[0].code, discourse), "main-dyad"
            if other is None:
                other, other_rule = next((m for m in named if m.code != named[0].code), None), "object"
            if other is not None:
                pairs = [(named[0], other, "subject", other_rule)]
        if not pairs:
            return none
        n = longest_phrase_at(tokens, hit, stalled)
        out = []
        for src, tgt, src_rule, tgt_rule in pairs:
            trace = None
            if self.config.explain:
                trace = EventTrace(
                    pattern=f"deed + stalled predicate: {' '.join(deed.phrase)}",
                    source_text=src.text, source_entry=src.entry, target_text=tgt.text, target_entry=tgt.entry,
                    status_cue=" ".join(t.text for t in tokens[hit:hit + n]), channel_cue=" ".join(deed.phrase),
                    trigger_tokens=(hit, hit + n), deed_tokens=(s, deed_end),
                    source_tokens=mention_tokens(src), target_tokens=mention_tokens(tgt),
                    source_rule=role_rule(src_rule, src), target_rule=role_rule(tgt_rule, tgt),
                )
            span = (tokens[s].start, tokens[hit + n - 1].end)
            out.append(self._event(where, src, tgt, deed.code, "negated", deed.channel, span, trace))
        return out, (s, hit + n)

    def _event(
        self,
        where: _Where,
        src: Mention,
        tgt: Mention,
        code: str,
        status: str,
        channel: str,
        span: tuple[int, int],
        trace: EventTrace | None,
    ) -> Event:
        """The event record, with PLOVER type, QuadClass and Goldstein weight from the codebook."""
        cc = self.codebook.get(code)
        return Event(
            id=where.doc_id, doc_sentence=where.index,
            source=src.code, source_sector=src.sector, target=tgt.code, target_sector=tgt.sector,
            cameo=code, plover=cc.plover, quad_class=cc.quad_class, goldstein=cc.goldstein,
            status=status, channel=channel, date=where.date, sentence=where.text, span=span, trace=trace,
        )

    def _list_stop(self, tokens: list[Token], start: int, mentions: list[Mention]) -> int:
        """End of a coordinated object list: the list's own end, or an actor that starts a new
        clause (", and the US Export-Import Bank has not approved ...")."""
        stop = list_end(tokens, start, self.lexicon)
        for m in mentions:
            if start < m.start < stop and m.code and any(
                t.lower in self.lexicon.words["clause_verbs"] for t in tokens[m.end:m.end + 3]
            ):
                return m.start
        return stop

    def _eventive(self, form: str) -> bool:
        """Whether a noun names an event by itself ("attacks", "talks"; not "trade", "partners")."""
        nouns = self.lexicon.words["event_nouns"]
        if form in self.lexicon.noun_forms:
            return True
        return form in nouns or form.rstrip("s") in nouns or self.lexicon.lemma(form) in nouns

    def _takes_complement(self, form: str, code: str) -> bool:
        lex = self.lexicon
        return lex.lemma(form) in lex.words["complement_verbs"] or code.startswith(lex.complement_codes)

    def _control_verb(self, tokens: list[Token], end: int, index: TokenIndex) -> bool:
        """"agreed to cooperate", "expressed willingness to cooperate": the second verb is the
        event; the first only sets its status (through the cue words)."""
        if end + 1 >= len(tokens) or tokens[end].lower != "to":
            return False
        nxt = tokens[end + 1].lower
        lex = self.lexicon
        # ``index`` has no actor starts: a pattern may skip an actor here
        head = verb_triggers(tokens, end - 1, lex, index) if end >= 1 else None
        if head is not None and (head.code.startswith("13") or (head.channel is not None and head.end == end + 2)):
            # "threatened to impose a curfew": the threat is the event; "declined to comment":
            # the head's own rule already took the second verb as its object
            return False
        if lex.lemma(nxt) != nxt or not (nxt in lex.verb_forms or nxt in lex.lemmas):
            return False
        # only when the second verb codes an event; "agreed to re-open" keeps the agreement
        return verb_triggers(tokens, end + 1, lex, index) is not None

    def _transitive_misuse(self, tokens: list[Token], i: int, index: TokenIndex) -> bool:
        """An intransitive-only verb with a direct object ("demonstrated restraint") reports nothing."""
        lex = self.lexicon
        lemma = lex.lemma(tokens[i].lower)
        if lemma not in lex.words["intransitive_only"]:
            return False
        if any(r.objects for r in lex.verb_objects.get(lemma, ())):
            trig = verb_triggers(tokens, i, lex, index)
            if trig is not None:
                # our own verb + object rule ("demonstrated restraint") is the transitive use
                return trig.channel is None
        j = i + 1
        while j < len(tokens) and tokens[j].lower.endswith("ly"):
            j += 1
        return j < len(tokens) and tokens[j].lower.isalpha() and tokens[j].lower not in lex.words["prepositions"]

    def _names_no_event(self, tokens: list[Token], i: int, low: str) -> bool:
        """A word its neighbours mark as a noun and that names no event ("the trade", "imports of"):
        whatever its trigger, the noun check drops it, so it is passed over before the (costlier)
        trigger search."""
        return self._marked_noun(tokens, i) and not self._eventive(low)

    def _marked_noun(self, tokens: list[Token], i: int) -> bool:
        """A word its neighbours mark as a noun whatever it would trigger: after a determiner or an
        adjective-like marker ("the trade"), before "of" ("imports of rice"), after a figure ("15 pct
        purchases")."""
        if i == 0:
            return False
        prev = tokens[i - 1].lower
        if prev in self.lexicon.words["noun_markers"] or prev[:1].isdigit() or prev in {"%", "$"}:
            return True
        return i + 1 < len(tokens) and tokens[i + 1].lower == "of"

    def _is_noun(self, tokens: list[Token], i: int, mentions: list[Mention], trig: Trigger | None = None) -> bool:
        """A base-form trigger after a determiner or adjective is a noun ("public praise")."""
        if i == 0:
            return False
        if self._marked_noun(tokens, i):
            return True
        prev = tokens[i - 1].lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        low = tokens[i].lower
        with_object = trig is not None and (trig.deed is not None or trig.end > i + 1)
        if not with_object and self.lexicon.lemma(low) == low and any(
            m.end == i and m.code and m.kind != "coref" for m in mentions
        ):
            return True  # "Japan trade", "U.S. aid": a singular name before a bare verb form makes a compound noun
        if prev in {",", "and", "or"} and i + 1 < len(tokens) and tokens[i + 1].lower == ",":
            return True  # an item of a list: "economic, trade, or security gains"
        if low.endswith("s") and nxt in {",", ".", ";", ":", "and", "or", ")"} and any(
            m.end == i and m.code for m in mentions
        ):
            return True  # "with its European Union partners,": a plural noun closing its phrase
        if prev in self.lexicon.words["prepositions"] and prev not in {"to"}:
            # "by showing alignment" is a gerund (a verb); "for attacks" is a noun
            return not low.endswith("ing")
        if any(m.end == i for m in mentions):
            return False
        if (
            low.endswith("ing") and prev.isalpha() and tokens[i - 1].text[:1].islower()
            and nxt.replace("-", "").isalpha() and nxt not in self.lexicon.words["prepositions"]
        ):
            return False  # "a declaration demanding changes": a participle with an object acts as a verb
        if low.endswith("ed") and i + 1 < len(tokens):
            # "and repeated assurances": a participle between a list word and a noun is an adjective
            following = tokens[i + 1]
            k = i - 1
            while k >= 0 and tokens[k].lower in {",", "and", "or"}:
                k -= 1
            after_actor = k >= 0 and any(m.end == k + 1 for m in mentions)
            return (
                (prev in self.lexicon.words["noun_markers"] or (prev in {",", "and", "or"} and not after_actor))
                and following.text[:1].islower() and following.lower.isalpha()
                and following.lower not in self.lexicon.words["prepositions"]
                and following.lower not in self.lexicon.words["noun_markers"]
            )
        words = self.lexicon.words
        if prev in words["verb_openers"] or prev.endswith("ly") or prev in words["passive_aux"]:
            return False
        if prev in {"has", "have", "had", "is", "are", "was", "were", "be", "been"}:
            return False
        # "public praise", "security guarantees", "political backing", "high-level contacts"
        return prev.replace("-", "").isalpha() and tokens[i - 1].text[:1].islower()

    # ------------------------------------------------------------------ roles

    def _events_for(
        self,
        trig: Trigger,
        tokens: list[Token],
        mentions: list[Mention],
        where: _Where,
        discourse: Discourse,
        sentence_subject: Mention | None,
        head_status: str | None,
        index: TokenIndex,
    ) -> tuple[list[Event], int, Mention | None]:
        """Events for one trigger, the token index up to which the trigger's evidence reaches, and
        the verb's own subject (None for a noun), which the caller need not look for again.
        ``index``: the sentence's words (channel searches skip what none of them can start)."""
        lex = self.lexicon
        stop = trig.clause if trig.clause >= 0 else clause_end(tokens, trig.index + 1, lex)
        locative = lex.words["locative"]
        reach = max(stop, trig.end)
        in_range = [
            m for m in mentions
            if trig.index < m.start < reach and m.code
            and not (tokens[m.start - 1].lower in {",", "the", "a", "an"} and self._trailing_speaker(tokens, m))
        ]
        after = [m for m in in_range if not (m.start > 0 and tokens[m.start - 1].lower in locative)]
        if not after and (trig.code[:2] >= "14" or trig.channel in {"investment", "finance"}):
            # force used "in Ukraine" is force against it; money put "in X" goes to X
            after = in_range
        own_subject = subject = None if trig.noun else self._subject(tokens, trig.index, mentions)
        subject_rule = "subject"
        if (
            not trig.noun and sentence_subject is not None and trig.index > 0
            and tokens[trig.index - 1].lower == "to"
            and not any(m.end == trig.index - 1 for m in mentions)
        ):
            subject = sentence_subject  # "met Assad to discuss": the one who met also discusses
            subject_rule = "purpose-subject"
            if trig.index > 1 and tokens[trig.index - 2].lower in lex.words["intention_nouns"]:
                # "criticised the U.S. decision to impose tariffs": the decision's owner acts
                k = trig.index - 2
                if k > 0 and tokens[k - 1].lower == "'s":
                    k -= 1
                # a named owner only; "its right to secede", "efforts to promote": the subject's own
                owner = next((m for m in mentions if m.end == k and m.code), None)
                if owner is not None:
                    subject, subject_rule = owner, "intention-owner"
        subjects: list[Mention] = []
        subject_rules: list[str] = []
        if subject is not None:
            subjects = [subject, *subject.partners, *self._conjoined(subject, mentions, tokens)]
            subject_rules = [subject_rule, *repeat("conjunct", len(subjects) - 1)]
        passive = not trig.noun and self._passive(tokens, trig.index, mentions)
        if trig.object_start >= 0:
            # the object named in the passive's subject: its actors are the targets ("against Russia")
            passive = True
            subjects = [m for m in mentions if trig.object_start < m.start and m.end <= trig.index and m.code
                        and tokens[m.start - 1].lower in lex.words["prepositions"]]
            subject_rules = ["passive-object"] * len(subjects)
            if not subjects:
                subjects = [m for m in after if not self._after_word(tokens, m.start, {"by"})][:1]
                subject_rules = ["object"] * len(subjects)
        trig.passive = passive
        if passive and not self._after_aux(tokens, trig.index):
            # "the initiatives proposed by the United States": what was proposed is the noun before;
            # "victims killed by ...": an actor named only by a sector word is unknown
            patient = next((m for m in mentions if m.end == trig.index), None)
            if patient is None or not patient.code:
                subjects, subject_rules = [], []
        agent = None
        agent_rule = ""
        if passive or trig.noun:
            # "the civilians imprisoned for X were released by Y": Y is the agent of the later verb
            clause_verbs = lex.words["clause_verbs"]
            limit = next((k for k in range(trig.index + 1, reach)
                          if tokens[k].lower in clause_verbs), len(tokens)) if passive else len(tokens)
            agent = next(
                (m for m in after if m.start < limit and self._after_word(tokens, m.start, {"by", "from"})), None
            )
            agent_rule = "passive-agent" if passive else "oblique"
        undergoer = self._undergoer(tokens, trig.index, mentions) if trig.noun else None
        if trig.noun and agent is None and undergoer is None:
            # "Sudan's government is responsible for mass killings", "Russia was behind the attacks"
            agent = self._responsible(tokens, trig.index, mentions)
            agent_rule = "responsible"
        if trig.noun and agent is None and undergoer is None:
            # "Israeli tank shelling", "U.S. air strikes": the actor named just before the noun
            agent = next(
                (m for m in mentions if m.code and m.kind != "coref" and trig.index - 2 <= m.end <= trig.index
                 and all(t.lower.isalpha() and t.lower not in lex.words["prepositions"]
                         and t.lower not in lex.words["noun_markers"] and t.lower not in {"as", "is", "was"}
                         for t in tokens[m.end:trig.index])),
                None,
            )
            agent_rule = "modifier"
        if trig.noun and agent is None and undergoer is None:
            # "The EU announced new sanctions against Russia": the subject of the verb that governs
            # the noun does it
            agent = self._governor_subject(tokens, trig.index, mentions)
            agent_rule = "governor-subject"
        # "support from Moscow and Beijing": actors coordinated with the agent are agents too
        co_agents: list[Mention] = []
        if agent is not None:
            last = agent
            for m in after:
                if m.start < last.end:
                    continue
                gap = [t.lower for t in tokens[last.end:m.start]]
                if not gap or not all(g in {"and", ",", "the"} for g in gap) or ("and" not in gap and gap != [","]):
                    break
                co_agents.append(m)
                last = m
            co_agents = [m for m in co_agents if m.code != agent.code]
        objects = [m for m in after if not any(m is c for c in co_agents)] if co_agents else after
        # the deeds named in the object: one event per deed ("not received A, B or C")
        deeds: list[tuple[int, int, str, str, str]] = []
        if trig.deed is not None:
            skip = {k for m in mentions for k in range(m.start, m.end)}
            stop_at = self._list_stop(tokens, trig.deed_start, mentions)
            for s, e, d in deeds_in(tokens, trig.deed_start, stop_at, lex, skip):
                deeds.append((s, e, d.code, d.channel, " ".join(d.phrase)))
        if not deeds:
            deeds = [(trig.index, trig.end, trig.code, trig.channel or "", "")]
        out: list[Event] = []
        inherited: tuple[str, str] | None = None
        for s, e, code, channel, deed_text in deeds:
            giver_in_object = next(
                (m for m in mentions if s - 3 <= m.start < s and m.end <= s and m.start > trig.index and m.code), None
            )
            pairs = self._pairs(
                trig, subjects, subject_rules, objects, agent, agent_rule, passive, giver_in_object, discourse
            )
            if undergoer is not None and (agent is None or undergoer.code != agent.code):
                # "Obama faces pressure from Congress": the one who faces it is its target
                pairs = [(agent or Mention(-1, -1, None, None, "unknown", "", ""), undergoer,
                          agent_rule if agent is not None else "none", "undergoer")]
            if co_agents:
                pairs += [(c, t, "co-agent", tr) for a, t, _ar, tr in pairs if a is agent
                          for c in co_agents if c.code != t.code]
            if code[:2] != "01" and any(t.code is None and a.code for a, t, _ar, _tr in pairs):
                # no target named: a country where the act takes place stands in ("attend a summit in
                # Switzerland", "inspect refineries in Iran")
                place = next((m for m in in_range if m not in after and self.actors.is_country(m.code)), None)
                if place is not None:
                    pairs = [
                        (a, place, ar, "place") if t.code is None and a.code not in {None, place.code}
                        else (a, t, ar, tr)
                        for a, t, ar, tr in pairs
                    ]
            status, cue = ("realized", "") if code[:2] == "01" else self._status(tokens, index.lows, trig, s)
            if (
                status == "realized" and head_status not in (None, "realized")
                and trig.index > 0 and tokens[trig.index - 1].lower == "to"
            ):
                # "will send a team to help": a purpose shares its head's status
                status, cue = head_status or status, "to (purpose of an unrealized act)"
            if deed_text and status == "realized" and inherited is not None:
                status, cue = inherited  # "with no A, B or C": the negation covers the list
            elif deed_text and status != "realized":
                inherited = (status, cue)
            final_code = code
            if status == "intended":
                final_code = self._defaults.lookup(self._defaults.intent, code) or code
            elif status == "hypothetical" and cue.lower() in lex.words["consideration"]:
                final_code = lex.consideration_code  # "Malaysia is considering giving money": 014
            elif status == "hypothetical" and code[:2] >= "14" and self._conditional(tokens, trig, cue):
                # "the EU may halt mediation if cooperation founders": a conditional threat
                final_code = self._defaults.lookup(self._defaults.intent, code) or code
            if final_code not in self.codebook:
                continue
            ch, ch_cue = self._channel(tokens, trig, s, e, code, channel, index)
            # the first deed's evidence runs from the verb; later ones in a list are their own words
            first = not out or not deed_text
            span_start = tokens[min(trig.index, s)].start if first else tokens[s].start
            span_end = tokens[max(trig.end, e) - 1].end if first else tokens[e - 1].end
            if trig.object_start >= 0:  # "Evidence against Russia was presented": object to verb
                span_start, span_end = tokens[min(trig.object_start, s)].start, tokens[trig.index].end
            for src, tgt, src_rule, tgt_rule in pairs:
                if src.code == tgt.code and src.sector == tgt.sector and src.code is not None:
                    continue  # the same actor on both sides; domestic events keep differing sectors
                trace = None
                if self.config.explain:
                    trace = EventTrace(
                        pattern=trig.pattern + (f" / deed: {deed_text}" if deed_text else ""),
                        source_text=src.text, source_entry=src.entry,
                        target_text=tgt.text, target_entry=tgt.entry,
                        status_cue=cue, channel_cue=ch_cue,
                        notes=[n for n in ("passive" if passive else "", "noun trigger" if trig.noun else "") if n],
                        trigger_tokens=(trig.index, trig.end), deed_tokens=(s, e) if deed_text else None,
                        source_tokens=mention_tokens(src), target_tokens=mention_tokens(tgt),
                        source_rule=role_rule(src_rule, src), target_rule=role_rule(tgt_rule, tgt),
                    )
                pair_code = final_code
                if status == "realized" and final_code.startswith(lex.riot_prefixes) and src.text and (
                    src.text.split()[-1].lower() in lex.words["rioters"]
                ):
                    pair_code = lex.riot_code  # "the building was demolished by protesters": a riot
                out.append(self._event(where, src, tgt, pair_code, status, ch, (span_start, span_end), trace))
        return out, max([trig.end] + [e for _s, e, *_ in deeds]), own_subject

    def _pairs(
        self,
        trig: Trigger,
        subjects: list[Mention],
        subject_rules: list[str],
        after: list[Mention],
        agent: Mention | None,
        agent_rule: str,
        passive: bool,
        giver_in_object: Mention | None,
        discourse: Discourse,
    ) -> list[RolePair]:
        """(source, target, source rule, target rule) for a trigger; the rules name how each role
        was found (see ``EventTrace``)."""
        # an object that is the subject again ("X claimed that they ...") is no target
        same = {(m.code, m.sector) for m in subjects}
        codes = {m.code for m in subjects}
        objects = [
            m for m in after
            if m is not agent and (m.code, m.sector) not in same
            and not (m.kind == "coref" and m.code in codes)  # "the country" is not the subject again
        ]
        nobody = Mention(-1, -1, None, None, "unknown", "", "")
        if trig.noun:
            if agent is None:
                return []
            if objects:
                return [(agent, objects[0], agent_rule, "object")]
            implied = self._implied(agent.code, discourse)
            return [(agent, implied, agent_rule, "main-dyad") if implied else (agent, nobody, agent_rule, "none")]
        if passive:
            # "X was praised" without "by Y": the doer is unknown
            if not subjects:
                return [(agent, nobody, agent_rule, "none")] if agent is not None else []
            return [
                (agent or nobody, s, agent_rule if agent is not None else "none",
                 "passive-subject" if r == "subject" else r)
                for s, r in zip(subjects, subject_rules, strict=True)
            ]
        if trig.direction == "receive":
            if not subjects:
                return []
            giver, giver_rule = giver_in_object, "giver-in-object"
            if giver is None and agent is not None:
                giver, giver_rule = agent, agent_rule
            if giver is None:
                giver, giver_rule = next((m for m in objects if m.start >= 1), None), "object"
            if giver is None:
                giver, giver_rule = self._implied(subjects[0].code, discourse), "main-dyad"
            if giver is None:
                giver, giver_rule = nobody, "none"
            return [(giver, s, giver_rule, r) for s, r in zip(subjects, subject_rules, strict=True)]
        if not subjects:
            return [(nobody, objects[0], "none", "object")] if objects else []
        if objects:
            tgt = objects[0]
            pairs = [(s, tgt, r, "object") for s, r in zip(subjects, subject_rules, strict=True)]
            pairs += [(s, p, r, "partner") for s, r in zip(subjects, subject_rules, strict=True) for p in tgt.partners]
            return pairs
        if len(subjects) > 3:
            return []  # "the seven nations repeated ...": a multilateral act, not a set of dyads
        if len(subjects) > 1:  # "India and the UAE signed an accord": both directions
            return [(a, b, ra, "co-subject") for a, ra in zip(subjects, subject_rules, strict=True)
                    for b in subjects if a is not b]
        # a bare statement ("he said") has no addressee to imply; a deed or praise does
        implied = None if trig.code.startswith("01") else self._implied(subjects[0].code, discourse)
        if implied is not None:
            return [(subjects[0], implied, subject_rules[0], "main-dyad")]
        return [(subjects[0], nobody, subject_rules[0], "none")]

    @staticmethod
    def _implied(code: str | None, discourse: Discourse) -> Mention | None:
        other = discourse.counterpart(code)
        if other is None:
            return None
        return Mention(-1, -1, other, None, "implied", "", "document counterpart")

    def _subject(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
        """The nearest actor before the trigger in its clause that is not inside a prepositional phrase."""
        lex = self.lexicon
        breaks = self._clause_or_speech
        preps = lex.words["prepositions"]
        openers = lex.words["verb_openers"]
        lo = 0
        for j in range(i - 1, -1, -1):
            if tokens[j].lower in breaks and tokens[j].lower not in {"as"} and not tokens[j].text[:1].isupper():
                lo = j + 1
                break
        best = None
        for m in mentions:
            if lo <= m.start and m.end <= i and m.code:
                if m.start > 0 and tokens[m.start - 1].lower in preps:
                    continue
                if m.end < len(tokens) and tokens[m.end].lower == "'s" and m.end + 1 < i:
                    continue  # possessive owner: "Pakistan's minister said" keeps the minister
                best = m
        if best is not None and lo < best.start:
            verb = self._object_of_coordinated_verb(tokens, best, i)
            if verb >= 0:
                # "ISIL attacked Iraq and took Mosul": Iraq is the first verb's object; both verbs
                # share the first verb's subject
                best = self._subject(tokens, verb, mentions) or best
        if best is None:
            # "Pakistan's key mineral venture has seen little investment": the owner stands in
            for m in mentions:
                if lo <= m.start and m.end < i and m.code and tokens[m.end].lower == "'s":
                    best = m
        if best is None:
            # "The government of Liberia denied", "Members of parliament from Kenya called",
            # "A court in Guyana issued":
            # the country of the subject's head noun, named right after "of" or "from"
            for m in mentions:
                if lo <= m.start and m.end <= i and m.code and m.start >= 2 and tokens[m.start - 1].lower in {
                    "of", "from", "in"
                } and m.start - 1 <= lo + 4:
                    best = m
                    break
        if best is None and lo > 0 and tokens[lo - 1].lower in {"that", "which", "who"}:
            # a relative clause's subject is its antecedent: "the militant group that has seized",
            # "Kenya, which has sent troops"; an antecedent that names no known actor leaves it unknown
            # ("that" after a comma is a complementizer: "said on Monday in Serbia, that ...")
            k = lo - 2
            if lo >= 2 and tokens[lo - 2].lower == ",":
                k = lo - 3 if tokens[lo - 1].lower != "that" else -9
            # the antecedent ends the noun phrase, or modifies its head ("the militant group that")
            antecedent = next((m for m in mentions if k - 1 <= m.end <= k + 1 and m.start <= k and all(
                t.lower.isalpha() and t.text[:1].islower() and t.lower not in preps and t.lower not in openers
                for t in tokens[m.end:k + 1])), None)
            if antecedent is not None:
                return antecedent if antecedent.code else None
            if tokens[lo - 1].lower != "that":
                return None
        if best is None and lo > 0 and tokens[lo - 1].lower not in lex.words["reporting_verbs"]:
            # coordinated verb phrases share the subject: "Pakistan avoided X and backed Y"
            for m in mentions:
                if m.end <= lo and m.code and not (m.start > 0 and tokens[m.start - 1].lower in preps):
                    best = m
        return best

    def _object_of_coordinated_verb(self, tokens: list[Token], m: Mention, i: int) -> int:
        """When ``m`` is the object of a verb coordinated with the verb at ``i`` ("attacked Iraq and
        took"), that verb's index; else -1."""
        gap = [t.lower for t in tokens[m.end:i]]
        between = self.lexicon.words["coordinated_verb_gap"]
        if "and" not in gap or not all(g in between or g.endswith("ly") for g in gap):
            return -1
        j = m.start - 1
        if j >= 0 and tokens[j].lower in {"the", "a", "an"}:
            j -= 1
        if j < 0 or not tokens[j].text[:1].islower():
            return -1
        low = tokens[j].lower
        lex = self.lexicon
        if low in lex.words["prepositions"] or low in lex.words["clause_breaks"] or low in lex.words["verb_openers"]:
            return -1
        return j if low in lex.trigger_forms or low.endswith("ed") else -1

    def _conjoined(self, subject: Mention, mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
        """Actors coordinated with the subject before it: "India and the UAE signed"."""
        out = []
        joined_by_and = False
        # identity, not dataclass equality: the subject is one of these very objects
        idx = next((k for k, m in enumerate(mentions) if m is subject), -1)
        while idx > 0:
            prev = mentions[idx - 1]
            gap = [t.lower for t in tokens[prev.end:mentions[idx].start]]
            in_pp = prev.start > 0 and tokens[prev.start - 1].lower in self.lexicon.words["phrase_prepositions"]
            if prev.code and gap and not in_pp and all(g in {"and", ",", "the"} for g in gap):
                out.append(prev)
                joined_by_and = joined_by_and or "and" in gap
                idx -= 1
            else:
                break
        # "A, B and C" is a list; "Speaking in Islamabad, the U.S. envoy" is not
        # "Colombia's government and FARC rebels signed": one country, two sectors, two actors
        return [m for m in out if (m.code, m.sector) != (subject.code, subject.sector)] if joined_by_and else []

    def _after_aux(self, tokens: list[Token], i: int) -> bool:
        """Whether an auxiliary ("was", "has been") stands right before ``i``, adverbs aside."""
        j = i - 1
        while j >= 0 and tokens[j].lower.endswith("ly"):
            j -= 1
        return j >= 0 and tokens[j].lower in self.lexicon.words["passive_aux"]

    @staticmethod
    def _after_word(tokens: list[Token], start: int, words: set[str]) -> bool:
        """True when one of ``words`` stands before ``start``, maybe with an article between ("by a")."""
        j = start - 1
        if j >= 0 and tokens[j].lower in {"a", "an", "the"}:
            j -= 1
        return j >= 0 and tokens[j].lower in words

    def _passive(self, tokens: list[Token], i: int, mentions: list[Mention] | None = None) -> bool:
        low = tokens[i].lower
        words = self.lexicon.words
        if not (low.endswith(("ed", "en")) or low in words["irregular_participles"]):
            return False
        if self._agent_by(tokens, i + 1):
            return True  # "a venture led by ...", "was praised by ..."; not "cut by 10 pct", "by one hour"
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        actor = next((m for m in mentions or [] if m.end == i and m.code), None)
        if nxt in words["prepositions"] or nxt in {"over", "last", "since"}:
            if actor is not None and (
                (actor.start > 0 and tokens[actor.start - 1].lower in words["prepositions"])
                or self._predicate_follows(tokens, i + 1)
                or any(tokens[k].lower == "there" for k in range(max(0, actor.start - 4), actor.start))
            ):
                # a reduced relative: "a member of Hamas jailed over a year ago"; but in "Iran met
                # with US officials" the actor is the subject and "met" its verb
                return True
            if i > 0 and self._noun_before(tokens[i - 1], i == 1) and (
                self._predicate_follows(tokens, i + 1) or self._agent_follows(tokens, i + 1)
            ):
                # "the civilians imprisoned for X were released": the clause's verb comes later;
                # "an agreement forced on Qatar by its neighbours": the agent follows
                return True
        j = i - 1
        while j >= 0 and tokens[j].lower.endswith("ly"):
            j -= 1
        return j >= 0 and tokens[j].lower in self.lexicon.words["passive_aux"] and not (
            j + 1 < len(tokens) and tokens[j].lower in {"has", "have", "had"}
        )

    def _claim_clause(self, tokens: list[Token], i: int) -> bool:
        """Whether the noun at ``i`` introduces the content of a claim: "allegations (by X) that …",
        "speculation they were captured"."""
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if nxt in {"they", "he", "she", "it", "we"}:
            return True
        for k in range(i + 1, min(len(tokens), i + 11)):
            low = tokens[k].lower
            if low == "that":
                return True
            if low in self.lexicon.words["clause_verbs"] or low in {"and", "or", "but"}:
                return False
            if not (low.isalpha() or low in {"'s", "-", "(", ")"}):
                return False
        return False

    def _trailing_speaker(self, tokens: list[Token], m: Mention) -> bool:
        """Whether ``m`` is the speaker of a trailing attribution (", Kenyan officials said"),
        which is never the object of the verb before it."""
        j = m.start - 1
        if j >= 0 and tokens[j].lower in {"the", "a", "an"}:
            j -= 1
        if j < 0 or tokens[j].lower != ",":
            return False
        reporting = self.lexicon.words["reporting_verbs"]
        for k in range(m.end, min(len(tokens), m.end + 6)):
            t = tokens[k]
            if t.lower in reporting:
                return True
            if not (t.text[:1].isupper() or t.lower in {"of", "here", "also", "has", "had", "have"}):
                return False
        return False

    @staticmethod
    def _offence(tokens: list[Token], start: int) -> int:
        """Where "for" + a gerund after a punishment or accusation names its reason ("jailed X for
        two years for helping Y"): the index of that "for", else -1."""
        for k in range(start, min(len(tokens) - 1, start + 12)):
            low = tokens[k].lower
            if low in {";", ":", "but", "while", "and"}:
                return -1
            if low == "for" and tokens[k + 1].lower.endswith("ing"):
                return k
        return -1

    def _claim_end(self, tokens: list[Token], start: int) -> int:
        """End of a claim's content: the complement's end, or a comma opening a new clause (", as")."""
        end = complement_end(tokens, start, self.lexicon)
        breaks = self.lexicon.words["clause_breaks"]
        for k in range(start, end - 1):
            if tokens[k].lower == "," and tokens[k + 1].lower in breaks:
                return k
        return end

    def _noun_before(self, tok: Token, first: bool) -> bool:
        """Whether a word before a participle can be the noun it modifies ("civilians imprisoned");
        ``first``: the word opens the sentence, where a capital says nothing."""
        low = tok.lower
        words = self.lexicon.words
        return (
            low.isalpha() and (first or tok.text[:1].islower()) and not low.endswith("ly")
            and low not in self.lexicon.words["verb_openers"] and low not in self.lexicon.words["clause_verbs"]
            and low not in words["passive_aux"] and low not in words["prepositions"]
            and low not in words["noun_markers"] and low not in words["clause_breaks"]
        )

    def _passive_object_trigger(
        self, tokens: list[Token], i: int, word_index: TokenIndex, mentions: list[Mention]
    ) -> Trigger | None:
        """A passive whose subject is what a verb pattern wants as object: "Evidence against Russia
        was presented by the US", "Sanctions on Iran were imposed by the EU". Only with an actor in
        a phrase of that subject or an agent after "by"."""
        words = self.lexicon.words
        aux = i - 1
        while aux >= 0 and tokens[aux].lower.endswith("ly"):
            aux -= 1
        if aux < 1 or tokens[aux].lower not in words["passive_aux"]:
            return None
        low = tokens[i].lower
        if not (low.endswith(("ed", "en")) or low in words["irregular_participles"]):
            return None
        if tokens[aux].lower in {"been", "being", "be"}:
            aux -= 1  # "has been", "is being"
        breaks = self._subject_breaks
        lo = aux - 1
        while lo > 0 and aux - lo < OBJECT_WINDOW and tokens[lo - 1].lower not in breaks:
            lo -= 1
        if lo >= aux:
            return None
        preps = words["prepositions"]
        if not any(
            m.code and ((lo < m.start < aux and tokens[m.start - 1].lower in preps)
                        or (i < m.start <= i + 6 and self._after_word(tokens, m.start, {"by"})))
            for m in mentions
        ):
            return None
        trig = verb_triggers(tokens, i, self.lexicon, word_index, object_span=(lo, aux))
        if trig is not None:
            trig.object_start = lo
        return trig

    def _governor_subject(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
        """The subject of a verb of performing whose object is the noun at ``i`` ("announced new
        sanctions", "launched an offensive"), or None."""
        lex = self.lexicon
        preps = lex.words["prepositions"]
        j = i - 1
        while j >= 0 and i - j <= 5:
            t = tokens[j]
            low = t.lower
            if low in lex.trigger_forms or low in lex.words["reporting_verbs"]:
                break
            if not (t.text[:1].islower() or low[:1].isdigit() or low in {",", "$"}) or low in preps:
                return None
            j -= 1
        else:
            return None
        if j < 0 or i - j > 5 or not tokens[j].text[:1].islower():
            return None
        low = tokens[j].lower
        if lex.lemma(low) not in lex.words["performing_verbs"] and low not in lex.words["performing_verbs"]:
            return None  # "prevented the demonstration", "rejected the accusation": not its doer
        if j > 0 and tokens[j - 1].lower in lex.words["noun_markers"]:
            return None  # "the continuing pressure": a modifier, not a verb
        return self._subject(tokens, j, mentions)

    def _responsible(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
        """The subject held responsible for the event noun at ``i`` ("X is responsible for the
        killings", "X was behind the attacks"), or None."""
        j = i - 1
        preps = self.lexicon.words["prepositions"]
        while j >= 0 and i - j <= 4 and tokens[j].lower.isalpha() and tokens[j].text[:1].islower() and (
            tokens[j].lower not in preps and tokens[j].lower != "behind"
        ):
            j -= 1  # "the", "mass", "deadly", "chemical"
        if j < 0 or i - j > 4:
            return None
        for phrase in self.lexicon.cues["responsibility"]:
            start = j - len(phrase) + 1
            if start >= 0 and phrase_at(tokens, start, phrase):
                return self._subject(tokens, start, mentions)
        return None

    def _undergoer(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
        """The subject of a verb of undergoing before the noun at ``i`` ("faces pressure",
        "came under attack", "suffered a blow"), or None."""
        words = self.lexicon.words
        j = i - 1
        while j >= 0 and i - j <= 3 and tokens[j].text[:1].islower() and tokens[j].lower not in words["undergo_verbs"] \
                and tokens[j].lower != "under" and tokens[j].lower.replace("-", "").isalpha():
            j -= 1  # determiners and adjectives: "faces mounting pressure"
        if j < 0 or i - j > 3:
            return None
        low = tokens[j].lower
        if low == "under" and j > 0 and self.lexicon.lemma(tokens[j - 1].lower) == "come":
            j -= 1
        elif low not in words["undergo_verbs"]:
            return None
        return self._subject(tokens, j, mentions)

    def _conditional(self, tokens: list[Token], trig: Trigger, cue: str) -> bool:
        """Whether a hypothetical act is made conditional ("may halt X if Y", "unless Y")."""
        conditionals = self.lexicon.words["conditionals"]
        if cue.lower() in conditionals:
            return True
        end = complement_end(tokens, trig.end, self.lexicon)
        return any(tokens[k].lower in conditionals for k in range(trig.end, min(end, trig.end + 15)))

    def _agent_by(self, tokens: list[Token], k: int) -> bool:
        """Whether token ``k`` is a "by" that names an agent, not a measure ("by 10 pct", "by one hour")."""
        if k >= len(tokens) or tokens[k].lower != "by":
            return False
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        return not (nxt[:1].isdigit() or nxt in self.lexicon.words["measure_words"])

    def _agent_follows(self, tokens: list[Token], j: int) -> bool:
        """Whether a "by" phrase follows within the participle's phrase ("forced on X by Y")."""
        for k in range(j, min(len(tokens), j + 8)):
            low = tokens[k].lower
            if low == "by":
                return self._agent_by(tokens, k)
            if low in self.lexicon.words["clause_verbs"] or low in {",", ";", ":", "and", "or", "that", "which", "who"}:
                return False
        return False

    def _predicate_follows(self, tokens: list[Token], j: int) -> bool:
        """Whether a finite auxiliary follows in the same clause within a few words, so that a
        participle before it modifies the subject ("men sought in the killing were arrested")."""
        breaks = self.lexicon.words["clause_breaks"]
        for k in range(j, min(len(tokens), j + 12)):
            low = tokens[k].lower
            if low in self.lexicon.words["clause_verbs"] or low in {"was", "were"}:
                return True
            if low in {",", ";", "and", "or", ":"} or low in breaks:
                return False
        return False

    # ------------------------------------------------------------------ status and channel

    def _status(self, tokens: list[Token], lows: list[str], trig: Trigger, deed_start: int) -> tuple[str, str]:
        """The event's status and the cue words that set it. ``lows``: the tokens' lower-case forms;
        most events have no cue word near them, and set lookups on the windows find that at C speed."""
        lex = self.lexicon
        breaks = self._clause_or_speech
        lo = max(0, trig.index - 8)
        brk = -1
        for j in range(trig.index - 1, lo - 1, -1):
            low = tokens[j].lower
            if low in breaks and low not in {"as", "despite"} and not tokens[j].text[:1].isupper():
                lo = j + 1
                brk = j
                break
        window = range(lo, trig.index)
        before = lows[lo:trig.index]
        # "no X" on the deed itself ("no new investment") or inside the object ("played no role")
        if deed_start > trig.index:
            deed_window = range(max(trig.index + 1, deed_start - 3), deed_start)
        else:
            # "conducts no trade with", "played no effective role"
            deed_window = range(trig.index + 1, max(trig.end, min(len(tokens), trig.index + 3)))
        negation = lex.cue_index["negation"]
        around = lows[deed_window.start:deed_window.stop]
        if not (negation.keys().isdisjoint(before) and negation.keys().isdisjoint(around)):
            for j in [*window, *deed_window]:
                if lows[j] not in negation or longest_phrase_at(tokens, j, lex.cue_index["negation_exceptions"]):
                    continue
                n = longest_phrase_at(tokens, j, negation)
                if n:
                    return "negated", " ".join(t.text for t in tokens[j:j + n])
        if not lex.words["negative_control"].isdisjoint(before):
            for j in window:
                # "failed on Wednesday to renew sanctions": a negative control verb further back
                if tokens[j].lower in lex.words["negative_control"] and any(
                    tokens[k].lower == "to" for k in range(j + 1, trig.index)
                ):
                    return "negated", f"{tokens[j].text} … to"
        if trig.noun:
            # a noun trigger's own determiner: "no praise", "little engagement"
            pass
        reported = brk >= 0 and (
            tokens[brk].lower in lex.words["reporting_verbs"]
            or (tokens[brk].lower == "that" and brk > 0 and tokens[brk - 1].lower in lex.words["reporting_verbs"])
        )
        backshifted = ""
        for name in ("hypothetical", "intended"):
            for j in window if not lex.cue_index[name].keys().isdisjoint(before) else ():
                n = longest_phrase_at(tokens, j, lex.cue_index[name])
                if n and reported and n == 1 and tokens[j].lower in lex.words["backshifted_modals"]:
                    # "Israel announced it would free ...": the reported "will" of an announcement
                    backshifted = f"{tokens[brk].text} … {tokens[j].text}"
                    continue
                if n:
                    return name, " ".join(t.text for t in tokens[j:j + n])
            if backshifted and not longest_phrase_at(tokens, trig.index, lex.cue_index["hypothetical"]):
                return "intended", backshifted
            if backshifted:
                return "hypothetical", tokens[trig.index].text  # "said it would consider sending"
        if trig.index > 0 and tokens[trig.index - 1].lower == "to":
            # "agreed in principle on Saturday to provide": a control verb further back
            for j in range(trig.index - 2, lo - 1, -1):
                if lex.lemma(tokens[j].lower) in lex.words["intent_control"]:
                    return "intended", f"{tokens[j].text} … to"
        lemma = lex.lemma(tokens[trig.index].lower)
        if lemma in lex.words["pending_verbs"]:
            return "negated", tokens[trig.index].text
        if lemma in lex.intent_verbs and trig.deed is not None:
            return "intended", tokens[trig.index].text
        return "realized", ""

    def _channel(
        self, tokens: list[Token], trig: Trigger, s: int, e: int, code: str, rule_channel: str, index: TokenIndex,
    ) -> tuple[str, str]:
        """The channel of an event and the words that set it. ``index``: the sentence's words, so
        that the search is skipped when none of them can name a channel."""
        if rule_channel and rule_channel not in {"other", "diplomatic"}:
            return rule_channel, ""
        if rule_channel and trig.deed is not None:
            return rule_channel, ""
        lex = self.lexicon
        lows, words = index.lows, index.words
        verbal = code[:2] in {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
        if verbal and not self._strong_channel_words.isdisjoint(words):
            # an institution named in the clause ("talks with the IMF") places even words in its channel
            end = trig.clause if trig.clause >= 0 else clause_end(tokens, trig.index + 1, lex)
            for j in range(max(0, trig.index - 8), min(len(tokens), end + OBJECT_WINDOW)):
                for ph, ch in lex.strong_channels.get(lows[j], ()):
                    if phrase_at(tokens, j, ph):
                        return ch, " ".join(ph)
        if not self._channel_words.isdisjoint(words):
            # words reported as said or praised only set a channel when they are the object itself
            reach = 4 if verbal else OBJECT_WINDOW
            stop = min(len(tokens), max(e, trig.end) + reach)
            stops = self._channel_stops
            for j in range(max(e, trig.end), stop):
                if lows[j] in stops:
                    stop = j
                    break
            lo = trig.index if verbal else max(0, trig.index - 8)
            channels = lex.channels
            for j in [*range(trig.index + 1, stop), *range(trig.index - 1, lo - 1, -1)]:
                for ph, ch in channels.get(lows[j], ()):
                    if phrase_at(tokens, j, ph):
                        if ch == "diplomatic" and rule_channel:
                            continue
                        return ch, " ".join(ph)
        if rule_channel:
            return rule_channel, ""
        return self._default_channel(code), ""

    def _default_channel(self, code: str) -> str:
        """The channel a code has when nothing in the sentence names one (cached: codes are few)."""
        got = self._channels_of_codes.get(code)
        if got is None:
            got = self._channels_of_codes[code] = self._defaults.lookup(self._defaults.channel, code) or "other"
        return got

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
