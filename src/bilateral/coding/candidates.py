"""Stage 2, candidates: which words of a sentence are triggers of an event.

Input: the :class:`~bilateral.coding.state.SentenceState` (tokens, word-form flags, mentions) and
a token flagged as a possible trigger. Output: a :class:`~bilateral.coding.triggers.Trigger`
(code, pattern, object span, noun or verb), or ``None`` with the reason recorded as a rejection
of stage ``candidates``. Claim nouns ("allegations that ...") met on the way mark the span of
what they allege in the state, which later candidates inside it respect.
"""

from __future__ import annotations

from bilateral.coding.grammar import Grammar
from bilateral.coding.lexicon import Lexicon, longest_phrase_at
from bilateral.coding.mentions import Mention
from bilateral.coding.state import SentenceState
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import OBJECT_WINDOW, TokenIndex, Trigger, verb_triggers
from bilateral.coding.wordforms import CAPITALISED, CLAIM, TRIGGER

STAGE = "candidates"


class CandidateFinder:
    """Proposes triggers, built once per coder from its lexicon."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar
        self.consideration = lexicon.words["consideration"]
        self.hypothetical = lexicon.cue_index["hypothetical"]
        self.passive_aux = lexicon.words["passive_aux"]
        self.naming_verbs = lexicon.words["naming_verbs"]

    def propose(self, state: SentenceState, i: int) -> Trigger | None:
        """The trigger at token ``i`` (flagged CLAIM or TRIGGER), or None."""
        tokens, lex = state.tokens, self.lexicon
        f, low = state.flags[i], tokens[i].lower
        if f & CLAIM and i >= state.suppress_until and self.grammar.claim_clause(tokens, i):
            # "allegations by Rwanda that it had played a role": what is alleged is not asserted
            state.suppress_from, state.suppress_until = i + 1, self.grammar.claim_end(tokens, i + 1)
            state.claim_content = False
        if not f & TRIGGER or (i > 0 and f & CAPITALISED) or i in state.in_mention:
            if f & TRIGGER and state.rejections is not None:
                if i > 0 and f & CAPITALISED:
                    state.reject(STAGE, "capitalised", "a capitalised word inside a sentence is a name", i, i + 1)
                else:
                    state.reject(STAGE, "in-actor-mention", "part of an actor's name", i, i + 1)
            return None
        hidden = state.suppress_from <= i < state.suppress_until  # inside a claim's content
        if hidden and not state.claim_content:
            if state.rejections is not None:
                state.reject(STAGE, "inside-claim", "inside what a claim, appeal or hope says, not asserted", i, i + 1)
            return None
        if state.stalled_span[0] <= i < state.stalled_span[1]:
            if state.rejections is not None:
                state.reject(STAGE, "inside-stalled-deed", "part of a deed read with its stalled predicate", i, i + 1)
            return None
        if self.names_no_event(tokens, i, low):
            if state.rejections is not None:
                state.reject(STAGE, "noun-names-no-event", "a noun (after a determiner or before 'of') that "
                             "names no event", i, i + 1)
            return None
        trig = verb_triggers(tokens, i, lex, state.word_index)
        if trig is None and i > 1 and (tokens[i - 1].lower in self.passive_aux or tokens[i - 1].lower.endswith("ly")):
            trig = self.passive_object_trigger(tokens, i, state.word_index, state.mentions)
        if trig is None:
            if state.rejections is not None:
                state.reject(STAGE, "no-rule", "no verb rule, deed or dictionary pattern matched", i, i + 1)
            return None
        plain = state.plain
        # a verb that opens a status cue ("exploring the possibility of") is the cue
        if low in self.consideration:
            if state.rejections is not None:
                state.reject(STAGE, "status-cue", "a verb of consideration: it sets the status of the act it "
                             "names", i, trig.end)
            return None
        hypothetical = self.hypothetical
        if low in hypothetical and longest_phrase_at(tokens, i, hypothetical) > 1:
            if state.rejections is not None:
                state.reject(STAGE, "status-cue", "opens a hypothetical cue", i, trig.end)
            return None
        if self.transitive_misuse(tokens, i, plain):
            if state.rejections is not None:
                state.reject(STAGE, "intransitive-with-object", "an intransitive-only verb with an object", i, trig.end)
            return None
        if self.control_verb(tokens, i + 1, plain) or (
            # our own verb + object rules ("appealed for aid to fight …") are events themselves
            trig.channel is None and trig.end != i + 1 and self.control_verb(tokens, trig.end, plain)
        ):
            if state.rejections is not None:
                state.reject(STAGE, "control-verb", "a control verb: the verb after 'to' is the event", i, trig.end)
            return None
        if low in lex.words["fellow_verbs"] and self.fellow(tokens, i):
            if state.rejections is not None:
                state.reject(STAGE, "joins-fellow", "joins an actor in doing something: a fellow, not a partner",
                             i, trig.end)
            return None
        trig.noun = low in lex.noun_forms or self.is_noun(tokens, i, state.mentions, trig)
        naming = self.names(tokens, i) if not trig.noun and trig.end == i + 1 and low in self.naming_verbs else ""
        if naming:
            # "called the situation 'fragile'", "what he called Japan's failure": a naming, not a call
            trig.code = lex.naming_what_code if naming == "what" else lex.naming_code
            trig.pattern = f"{naming} {low} + object + complement -> {trig.code} (naming)"
        if trig.noun and i and trig.end == i + 1:
            compound = lex.noun_compounds.get((tokens[i - 1].lower, low))
            if compound:
                trig.code, trig.pattern = compound, f"{tokens[i - 1].lower} {low} -> {compound}"
        if low in lex.words["setting_nouns"] and self.setting(state, i):
            if state.rejections is not None:
                state.reject(STAGE, "meeting-as-setting", "a meeting named as the setting of something else, "
                             "no encounter of the sentence's actors", i, trig.end)
            return None
        if trig.noun and not self.eventive(low):
            if state.rejections is not None:
                state.reject(STAGE, "noun-names-no-event", "used as a noun that names no event", i, trig.end)
            return None
        return trig

    def names(self, tokens: list[Token], i: int) -> str:
        """How the naming verb at ``i`` names or describes its object: "what" when it follows
        "what" ("what he called …"), "complement" when its clause holds a quotation or a second
        noun phrase after the object ("called the Assad government a main force", "called it the
        largest …"), else "" (a call)."""
        words = self.lexicon.words
        if any(t.lower == "what" for t in tokens[max(0, i - 3):i]):
            return "what"
        articles, quotes, breaks = words["articles"], words["quote_marks"], words["clause_breaks"]
        for j in range(i + 1, min(len(tokens), i + OBJECT_WINDOW + 8)):
            low = tokens[j].lower
            if low in quotes:
                return "complement" if j > i + 1 else ""
            if low in breaks or low in words["naming_stops"]:
                return ""
            if low in articles and j > i + 1 and tokens[j - 1].lower not in articles and (
                tokens[j - 1].lower not in words["prepositions"]
            ):
                return "complement"
        return ""

    def fellow(self, tokens: list[Token], i: int) -> bool:
        """"joined Nicaragua and Venezuela in offering …": the marker, then a verb in -ing, in the
        clause after the verb at ``i``."""
        words = self.lexicon.words
        for j in range(i + 2, min(len(tokens) - 1, i + OBJECT_WINDOW)):
            if tokens[j].lower in words["clause_breaks"] or tokens[j].lower in words["setting_stops"]:
                return False
            if tokens[j].lower in words["fellow_marker"]:
                return tokens[j + 1].lower.endswith("ing")
        return False

    def setting(self, state: SentenceState, i: int) -> bool:
        """"at a NATO meeting in Wales", "during the G-20 meeting": the noun at ``i`` follows a
        setting preposition in its own phrase and names no partner after it ("with", "between")."""
        tokens, words = state.tokens, self.lexicon.words
        if i + 1 < len(tokens) and tokens[i + 1].lower in words["setting_partners"]:
            return False
        openers = self.lexicon.cue_index["setting_openers"]
        stops = words["prepositions"] | words["phrase_prepositions"] | words["clause_breaks"] | words["setting_stops"]
        for k in range(i - 1, max(-1, i - 7), -1):
            if longest_phrase_at(tokens, k, openers) or (k and longest_phrase_at(tokens, k - 1, openers) > 1):
                return True
            if tokens[k].lower in stops:
                return False
        return False

    def capitalised(self, state: SentenceState) -> None:
        """Record the trigger words passed over for their capital (names, not verbs): only when
        rejections are kept, since the normal path never visits them."""
        flags = state.flags
        for k in range(1, len(flags)):
            if flags[k] & TRIGGER and flags[k] & CAPITALISED and not flags[k] & CLAIM:
                state.reject(STAGE, "capitalised", "a capitalised word inside a sentence is a name", k, k + 1)

    def eventive(self, form: str) -> bool:
        """Whether a noun names an event by itself ("attacks", "talks"; not "trade", "partners")."""
        nouns = self.lexicon.words["event_nouns"]
        if form in self.lexicon.noun_forms:
            return True
        return form in nouns or form.rstrip("s") in nouns or self.lexicon.lemma(form) in nouns

    def control_verb(self, tokens: list[Token], end: int, index: TokenIndex) -> bool:
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

    def transitive_misuse(self, tokens: list[Token], i: int, index: TokenIndex) -> bool:
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

    def names_no_event(self, tokens: list[Token], i: int, low: str) -> bool:
        """A word its neighbours mark as a noun and that names no event ("the trade", "imports of"):
        whatever its trigger, the noun check drops it, so it is passed over before the (costlier)
        trigger search."""
        return self.marked_noun(tokens, i) and not self.eventive(low)

    def marked_noun(self, tokens: list[Token], i: int) -> bool:
        """A word its neighbours mark as a noun whatever it would trigger: after a determiner or an
        adjective-like marker ("the trade"), before "of" ("imports of rice"), after a figure ("15 pct
        purchases")."""
        if i == 0:
            return False
        prev = tokens[i - 1].lower
        if prev in self.lexicon.words["noun_markers"] or prev[:1].isdigit() or prev in {"%", "$"}:
            return True
        return i + 1 < len(tokens) and tokens[i + 1].lower == "of"

    def is_noun(self, tokens: list[Token], i: int, mentions: list[Mention], trig: Trigger | None = None) -> bool:
        """A base-form trigger after a determiner or adjective is a noun ("public praise")."""
        if i == 0:
            return False
        if self.marked_noun(tokens, i):
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
        if prev in words["auxiliaries"]:
            return False
        # "public praise", "security guarantees", "political backing", "high-level contacts"
        return prev.replace("-", "").isalpha() and tokens[i - 1].text[:1].islower()

    def passive_object_trigger(
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
        breaks = self.grammar.subject_breaks
        lo = aux - 1
        while lo > 0 and aux - lo < OBJECT_WINDOW and tokens[lo - 1].lower not in breaks:
            lo -= 1
        if lo >= aux:
            return None
        preps = words["prepositions"]
        if not any(
            m.code and ((lo < m.start < aux and tokens[m.start - 1].lower in preps)
                        or (i < m.start <= i + 6 and self.grammar.after_word(tokens, m.start, {"by"})))
            for m in mentions
        ):
            return None
        trig = verb_triggers(tokens, i, self.lexicon, word_index, object_span=(lo, aux))
        if trig is not None:
            trig.object_start = lo
        return trig
