"""Stage 6, events: the events of each trigger, and the sentence's events in the end.

Input: the :class:`~bilateral.coding.state.SentenceState` and each trigger the candidates stage
proposes. For a trigger, :meth:`EventBuilder.take` runs the later stages (roles, status,
channel), builds the events, drops those that repeat one already found, and marks the spans
whose content is not asserted (a complement, an offence charged). :meth:`EventBuilder.finish`
adds what reported speech implies (accusations, demands) and the stalled deeds, and keeps the
dyadic events, else one event with one actor, else one statement. Every drop is recorded as a
rejection when the state keeps them.
"""

from __future__ import annotations

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.channel import ChannelReader
from bilateral.coding.grammar import Grammar
from bilateral.coding.lexicon import Lexicon, longest_phrase_at, phrase_at
from bilateral.coding.mentions import Mention
from bilateral.coding.ontology import Codebook
from bilateral.coding.parsed import TreeReader
from bilateral.coding.roles import RoleFinder
from bilateral.coding.state import RolePair, SentenceState, Where, mention_tokens, role_rule
from bilateral.coding.status import StatusReader
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import Trigger, clause_end, complement_end, deeds_in
from bilateral.coding.wordforms import STALLED
from bilateral.coding.wordforms import positions as positions_of
from bilateral.model import Event, EventTrace

STAGE = "events"


class EventBuilder:
    """Builds and selects a sentence's events, built once per coder."""

    def __init__(
        self, lexicon: Lexicon, actors: ActorDictionary, codebook: Codebook, grammar: Grammar, roles: RoleFinder,
        status: StatusReader, channels: ChannelReader, statements: bool,
    ) -> None:
        self.lexicon = lexicon
        self.actors = actors
        self.codebook = codebook
        self.grammar = grammar
        self.roles = roles
        self.status = status
        self.channels = channels
        self.statements = statements  # emit a 01x statement when a sentence reports nothing else
        self.offence_roots = lexicon.words["offence_roots"]
        self.tree = TreeReader()  # roles and scope from the parse, for sentences that have one

    def take(self, state: SentenceState, trig: Trigger) -> int:
        """Code one trigger into ``state``; the token index where the next trigger may start."""
        tokens, i = state.tokens, trig.index
        if state.suppress_from <= i < state.suppress_until:
            # inside a claim's content: read only to find an accusation
            found, _consumed, _subject = self.events_for(trig, state, None, None)
            state.unasserted.extend(found)
            for ev in found:
                if state.rejections is not None:
                    state.reject_event(STAGE, "inside-claim", "what a speaker claims is not asserted", ev)
            return i + 1
        reporting = trig.reporting
        if self.grammar.takes_complement(tokens[i].lower, trig.code):
            # "urged X to …", "pressure from Congress to …": the content is not an asserted deed
            state.suppress_from, state.suppress_until = trig.end, complement_end(tokens, trig.end, self.lexicon)
            state.claim_content = reporting
        found, consumed, verb_subject = self.events_for(trig, state, state.sentence_subject, state.head_status)
        if found and trig.code[:2] in self.offence_roots and i + 1 >= state.suppress_until:
            offence = self.grammar.offence(tokens, trig.end)
            if offence >= 0:
                # "jailed a student for helping militants": the offence charged is not asserted
                state.suppress_from, state.suppress_until = offence, self.grammar.claim_end(tokens, offence)
                state.claim_content = False
        if reporting and found and found[0].source is not None:
            state.reports.append((i, found[0]))
        if found:
            state.head_status = found[0].status
        if state.sentence_subject is None and not trig.noun:
            state.sentence_subject = verb_subject
        if found:
            self.keep(state, trig, found)
        # words that served as this event's object are not triggers of their own
        return max(i + 1, consumed) if found else i + 1

    def keep(self, state: SentenceState, trig: Trigger, found: list[Event]) -> None:
        """Keep the new events of a trigger that no earlier event of the sentence makes redundant."""
        tokens, i, seen = state.tokens, trig.index, state.seen
        for ev in found:
            src_key, tgt_key = (ev.source, ev.source_sector), (ev.target, ev.target_sector)
            key = (src_key, tgt_key, ev.cameo, ev.status, ev.channel, ev.span[1])
            # "met ... to discuss": an infinitive of the same kind adds no event
            same_kind = (src_key, tgt_key, ev.cameo[:2], ev.status, ev.channel, -1 - i)
            infinitive = i > 0 and tokens[i - 1].lower == "to"
            if key in seen:
                if state.rejections is not None:
                    state.reject_event(STAGE, "duplicate", "the same event ends at the same word", ev)
                continue
            if any(
                s[:5] == same_kind[:5] and s[5] < 0 and s[5] != same_kind[5]
                # an infinitive of the same kind, or the same kind one or two words on ("expel exiled")
                and (infinitive or -1 - s[5] >= i - 2)
                for s in seen
            ):
                if state.rejections is not None:
                    state.reject_event(STAGE, "same-kind-nearby", "an event of the same kind, actors and status "
                                       "just before (or this is its infinitive)", ev)
                continue
            # a meeting is both parties' act: its reverse ("SOM -> KEN" of "to discuss") has the same purpose
            doers = (src_key, tgt_key) if ev.cameo in self.lexicon.words["mutual_codes"] else (src_key,)
            if infinitive and any(
                s[0] in doers and s[2] == same_kind[2] and s[5] < 0 and s[5] != same_kind[5] for s in seen
            ):
                # "met Assad to discuss efforts to counter X": the purpose of a meeting, and what
                # it names, is the meeting's topic
                state.suppress_from = trig.end
                state.suppress_until = max(state.suppress_until, clause_end(tokens, trig.end, self.lexicon))
                state.claim_content = False
                if state.rejections is not None:
                    state.reject_event(STAGE, "purpose-of-meeting", "the purpose of an act of the same kind by the "
                                       "same source: its topic", ev)
                continue
            seen.add(key)
            seen.add(same_kind)
            partial = state.partial
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
                    state.events.append(act)
            if ev.source is None or ev.target is None:
                partial.append(ev)
            else:
                # a considered act (014) is news in itself, not a mere statement
                mere = ev.cameo[:2] == "01" and ev.cameo != self.lexicon.consideration_code
                (state.statements if mere else state.events).append(ev)

    def finish(self, state: SentenceState, stalled: list[Event]) -> list[Event]:
        """The sentence's events: the dyadic ones (with what reported speech implies and the
        stalled deeds), else one with a single actor, else one statement. ``state.events`` is left
        holding the dyadic ones, which the document's discourse reads."""
        events = state.events
        if state.reports:
            events = self.accusations(state, events, state.partial + state.unasserted)
        known = {(x.source, x.target, x.cameo) for x in events}
        for ev in stalled:
            if (ev.source, ev.target, ev.cameo) in known:
                if state.rejections is not None:
                    state.reject_event(STAGE, "duplicate", "a stalled deed already coded", ev)
            else:
                events.append(ev)
        state.events = events
        if events:
            kept = events
        elif state.partial:
            substantive = [e for e in state.partial if e.cameo[:2] != "01"]
            kept = (substantive or state.partial)[:1]
        else:
            kept = state.statements[:1] if self.statements else []
        if state.rejections is not None:
            self.record_dropped(state, kept)
        return kept

    def record_dropped(self, state: SentenceState, kept: list[Event]) -> None:
        """Record the events with one actor and the statements that ``finish`` did not keep."""
        for ev in state.partial:
            if not any(ev is k for k in kept):
                state.reject_event(STAGE, "one-actor", "one actor only; an event between two, or the sentence's "
                                   "first act, is kept", ev)
        for ev in state.statements:
            if not any(ev is k for k in kept):
                state.reject_event(STAGE, "mere-statement", "a statement, and the sentence reports more or an "
                                   "earlier one" if self.statements
                                   else "statements are not coded (CoderConfig.statements)", ev)

    def events_for(
        self, trig: Trigger, state: SentenceState, sentence_subject: Mention | None, head_status: str | None,
    ) -> tuple[list[Event], int, Mention | None]:
        """Events for one trigger, the token index up to which the trigger's evidence reaches, and
        the verb's own subject (None for a noun), which the caller need not look for again.
        ``sentence_subject`` and ``head_status``: the sentence's first subject and the latest
        event's status, for "to"-infinitives (None inside a claim)."""
        lex = self.lexicon
        tokens, mentions, index = state.tokens, state.mentions, state.word_index
        roles = self.roles.find(trig, state, sentence_subject)
        # the deeds named in the object: one event per deed ("not received A, B or C")
        deeds: list[tuple[int, int, str, str, str]] = []
        if trig.deed is not None:
            skip = {k for m in mentions for k in range(m.start, m.end)}
            stop_at = self.grammar.list_stop(tokens, trig.deed_start, mentions)
            for s, e, d in deeds_in(tokens, trig.deed_start, stop_at, lex, skip):
                deeds.append((s, e, d.code, d.channel, " ".join(d.phrase)))
        if not deeds:
            deeds = [(trig.index, trig.end, trig.code, trig.channel or "", "")]
        out: list[Event] = []
        inherited: tuple[str, str] | None = None
        for s, e, code, channel, deed_text in deeds:
            pairs = self.roles.pairs_for(trig, roles, s, code, state.discourse, mentions)
            status, cue = ("realized", "") if code[:2] == "01" else self.status.read(tokens, index.lows, trig, s)
            if pairs and state.tree() is not None:
                pairs = self.tree.revise(state, trig, pairs)
                if code[:2] != "01":
                    status, cue = self.tree.status(state, trig, status, cue)
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
            if not pairs:
                if state.rejections is not None:
                    reason, detail = self.roles.no_pair_reason(trig, roles)
                    if state.rejections is not None:
                        state.reject("roles", reason, detail, trig.index, max(trig.end, e))
                continue
            final_code = self.status.final_code(tokens, trig, code, status, cue)
            if final_code not in self.codebook:
                if state.rejections is not None:
                    state.reject("status", "code-not-in-codebook", f"{final_code} ({status}) is not in the codebook",
                                 trig.index, max(trig.end, e))
                continue
            ch, ch_cue = self.channels.read(tokens, trig, s, e, code, channel, index)
            # the first deed's evidence runs from the verb; later ones in a list are their own words
            first = not out or not deed_text
            span_start = tokens[min(trig.index, s)].start if first else tokens[s].start
            span_end = tokens[max(trig.end, e) - 1].end if first else tokens[e - 1].end
            if trig.object_start >= 0:  # "Evidence against Russia was presented": object to verb
                span_start, span_end = tokens[min(trig.object_start, s)].start, tokens[trig.index].end
            for src, tgt, src_rule, tgt_rule in pairs:
                if src.code == tgt.code and src.sector == tgt.sector and src.code is not None:
                    # the same actor on both sides; domestic events keep differing sectors
                    if state.rejections is not None:
                        state.reject("roles", "same-actor", f"{src.code} on both sides", trig.index, max(trig.end, e))
                    continue
                trace = None
                if state.explain:
                    trace = EventTrace(
                        pattern=trig.pattern + (f" / deed: {deed_text}" if deed_text else ""),
                        source_text=src.text, source_entry=src.entry,
                        target_text=tgt.text, target_entry=tgt.entry,
                        status_cue=cue, channel_cue=ch_cue,
                        notes=[n for n in ("passive" if roles.passive else "", "noun trigger" if trig.noun else "")
                               if n],
                        trigger_tokens=(trig.index, trig.end), deed_tokens=(s, e) if deed_text else None,
                        source_tokens=mention_tokens(src), target_tokens=mention_tokens(tgt),
                        source_rule=role_rule(src_rule, src), target_rule=role_rule(tgt_rule, tgt),
                    )
                pair_code = final_code
                if status == "realized" and final_code.startswith(lex.riot_prefixes) and src.text and (
                    src.text.split()[-1].lower() in lex.words["rioters"]
                ):
                    pair_code = lex.riot_code  # "the building was demolished by protesters": a riot
                out.append(self.event(state.where, src, tgt, pair_code, status, ch, (span_start, span_end), trace))
        return out, max([trig.end] + [e for _s, e, *_ in deeds]), roles.own_subject


    def event(
        self,
        where: Where,
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

    def accusations(self, state: SentenceState, events: list[Event], other: list[Event]) -> list[Event]:
        """What a speaker does by reporting: "Israel said a mortar bomb was fired at it from Gaza"
        is Israel accusing Gaza (besides the attack itself); "the rebels announced that the
        president must agree to changes" is their demand on him. The new event stands where the
        speaker's verb does, before the event it reports."""
        lex = self.lexicon
        tokens, mentions, where = state.tokens, state.mentions, state.where
        roots = lex.words["reported_force_roots"]
        out = list(events)
        done: set[tuple[str | None, str | None, str | None]] = set()
        candidates = sorted([*events, *other], key=lambda x: x.span[0])
        for i, report in state.reports:
            if report.source is None:
                continue
            end = complement_end(tokens, i + 1, lex)
            limit = tokens[end].start if end < len(tokens) else len(where.text) + 1
            # the reported clause's first event, not one inside a noun phrase further on
            ev = next((x for x in candidates if tokens[i].end <= x.span[0] < limit), None)
            obliged = self.obliged(tokens, mentions, i + 1, end)
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
            if state.explain:
                trace = EventTrace(
                    pattern=f"reported speech -> {code}",
                    source_text=report.trace.source_text if report.trace else "",
                    source_entry=report.trace.source_entry if report.trace else "",
                    target_text=tgt_text, target_entry=entry, notes=[note],
                    trigger_tokens=report.trace.trigger_tokens if report.trace else None,
                    source_tokens=report.trace.source_tokens if report.trace else None,
                    target_tokens=target_tokens, source_rule="speaker", target_rule=target_rule,
                )
            channel = self.channels.default_channel(code)
            made = self.event(where, speaker, addressee, code, "realized", channel, report.span, trace)
            pos = next((k for k, x in enumerate(out) if x is ev), len(out))
            out.insert(pos, made)
        return out

    def obliged(
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

    def stalled_deeds(self, state: SentenceState) -> tuple[list[Event], tuple[int, int]]:
        """A deed as the subject of a stalling predicate: "defense cooperation between the two
        countries has remained limited" is a denied deed, in both directions of the pair named.
        Returns the events and the token span they cover (no other trigger inside it)."""
        lex = self.lexicon
        tokens, mentions, where, discourse = state.tokens, state.mentions, state.where, state.discourse
        flags = state.flags
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
        between = [m for m in named if self.grammar.after_word(tokens, m.start, {"between"})]
        if not pairs and between:
            nxt = [m for m in named if m.start > between[0].start and m.code != between[0].code]
            if nxt:
                pairs = [(between[0], nxt[0], "stalled-pair", "stalled-pair"),
                         (nxt[0], between[0], "stalled-pair", "stalled-pair")]
        if not pairs and named:
            # "Washington has played no role, and defense cooperation has remained formal":
            # the sentence's first country withholds it from its counterpart
            other, other_rule = self.roles.implied(named[0].code, discourse), "main-dyad"
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
            if state.explain:
                trace = EventTrace(
                    pattern=f"deed + stalled predicate: {' '.join(deed.phrase)}",
                    source_text=src.text, source_entry=src.entry, target_text=tgt.text, target_entry=tgt.entry,
                    status_cue=" ".join(t.text for t in tokens[hit:hit + n]), channel_cue=" ".join(deed.phrase),
                    trigger_tokens=(hit, hit + n), deed_tokens=(s, deed_end),
                    source_tokens=mention_tokens(src), target_tokens=mention_tokens(tgt),
                    source_rule=role_rule(src_rule, src), target_rule=role_rule(tgt_rule, tgt),
                )
            span = (tokens[s].start, tokens[hit + n - 1].end)
            out.append(self.event(where, src, tgt, deed.code, "negated", deed.channel, span, trace))
        return out, (s, hit + n)
