"""Stage 3, roles: who does what to whom for one trigger.

Input: a :class:`~bilateral.coding.triggers.Trigger` and the sentence's
:class:`~bilateral.coding.state.SentenceState`. Output: the trigger's :class:`Roles` (subjects,
agent, objects and how each was found), and for each deed the (source, target) pairs with the
names of the rules that filled them (``RolePair``; see ``EventTrace`` for the rule names). The
rules are positional: the actor before the verb in its clause is its subject, the first one
after it its object; passives, "by"/"from" agents, noun triggers, "receive" verbs, conjuncts,
relative clauses and the document's main dyad are handled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.grammar import Grammar
from bilateral.coding.lexicon import Lexicon, phrase_at
from bilateral.coding.mentions import Discourse, Mention
from bilateral.coding.partners import between_pair, fellow_partners, meeting_partner_doer, mutual, possessive_doer
from bilateral.coding.state import RolePair, SentenceState, nobody
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import Trigger, clause_end


@dataclass(slots=True)
class Roles:
    """The actors around one trigger, before they are paired for each deed."""

    in_range: list[Mention]  # resolved actors after the trigger, in its clause or its evidence
    after: list[Mention]  # those not placed by a locative preposition ("in Ukraine")
    objects: list[Mention]  # ``after`` less the agent's coordinated co-agents
    subjects: list[Mention]  # the subject and its conjuncts (for a passive: its patients)
    subject_rules: list[str]  # how each subject was found
    own_subject: Mention | None  # the verb's own subject (None for a noun), for later infinitives
    passive: bool
    agent: Mention | None  # the "by"/"from" actor of a passive or the doer of a noun trigger
    agent_rule: str
    co_agents: list[Mention]  # actors coordinated with the agent ("from Moscow and Beijing")
    undergoer: Mention | None  # "X faces pressure": the one a noun trigger's act is aimed at
    fellows: list[Mention] = field(default_factory=list)  # "talks with A and B": the objects met together


class RoleFinder:
    """Finds the roles of triggers, built once per coder from its lexicon and actor dictionary."""

    def __init__(self, lexicon: Lexicon, actors: ActorDictionary, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.actors = actors
        self.grammar = grammar

    def find(self, trig: Trigger, state: SentenceState, sentence_subject: Mention | None) -> Roles:
        """The actors around ``trig``; sets ``trig.passive``. ``sentence_subject``: the subject of
        the sentence's first verb, which a "to"-infinitive shares ("met Assad to discuss")."""
        tokens, mentions = state.tokens, state.mentions
        lex = self.lexicon
        stop = trig.clause if trig.clause >= 0 else clause_end(tokens, trig.index + 1, lex)
        locative = lex.words["locative"]
        reach = max(stop, trig.end)
        in_range = [
            m for m in mentions
            if trig.index < m.start < reach and m.code
            and not ((tokens[m.start - 1].lower == "," or tokens[m.start - 1].lower in self.grammar.articles)
                     and self.grammar.trailing_speaker(tokens, m))
        ]
        after = [m for m in in_range if not (m.start > 0 and tokens[m.start - 1].lower in locative)]
        if not after and (trig.code[:2] >= "14" or trig.channel in {"investment", "finance"}):
            # force used "in Ukraine" is force against it; money put "in X" goes to X
            after = in_range
        own_subject, subject_rule = (None, "subject") if trig.noun else self.subject_and_rule(
            tokens, trig.index, mentions
        )
        subject = own_subject
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
            subjects = [subject, *subject.partners, *self.conjoined(subject, mentions, tokens)]
            subject_rules = [subject_rule, *repeat("conjunct", len(subjects) - 1)]
        passive = not trig.noun and self.grammar.passive(tokens, trig.index, mentions)
        if trig.object_start >= 0:
            # the object named in the passive's subject: its actors are the targets ("against Russia")
            passive = True
            subjects = [m for m in mentions if trig.object_start < m.start and m.end <= trig.index and m.code
                        and tokens[m.start - 1].lower in lex.words["prepositions"]]
            subject_rules = ["passive-object"] * len(subjects)
            if not subjects:
                subjects = [m for m in after if not self.grammar.after_word(tokens, m.start, {"by"})][:1]
                subject_rules = ["object"] * len(subjects)
        trig.passive = passive
        if passive and not self.grammar.after_aux(tokens, trig.index):
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
                (m for m in after if m.start < limit and self.grammar.after_word(tokens, m.start, {"by", "from"})), None
            )
            agent_rule = "passive-agent" if passive else "oblique"
        undergoer = self.undergoer(tokens, trig.index, mentions) if trig.noun else None
        if trig.noun and agent is None and undergoer is None:
            # "Sudan's government is responsible for mass killings", "Russia was behind the attacks"
            agent = self.responsible(tokens, trig.index, mentions)
            agent_rule = "responsible"
        between = between_pair(tokens, trig.index, mentions, lex) if trig.noun and agent is None else None
        if between is not None and undergoer is None:
            agent, agent_rule = between[0], "between"  # "talks between A and B": A meets B, and B A
        if trig.noun and agent is None and undergoer is None:
            agent, agent_rule = possessive_doer(tokens, trig.index, mentions, lex), "possessive"  # "Kerry's visit"
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
            agent = self.governor_subject(tokens, trig.index, mentions)
            agent_rule = "governor-subject"
        if trig.noun and agent is None and undergoer is None:
            # "no progress was made in talks with Japan": the clause's subject meets the partner
            agent = meeting_partner_doer(tokens, trig.index, mentions, lex, self.subject)
            agent_rule = "meeting-partner"
        # "support from Moscow and Beijing": actors coordinated with the agent are agents too
        co_agents: list[Mention] = []
        if agent is not None and between is None:
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
        fellows = fellow_partners(objects, tokens, lex) if trig.noun and agent is not None else []
        return Roles(in_range, after, objects, subjects, subject_rules, own_subject, passive, agent, agent_rule,
                     co_agents, undergoer, fellows)

    def pairs_for(
        self, trig: Trigger, roles: Roles, s: int, code: str, discourse: Discourse, mentions: list[Mention]
    ) -> list[RolePair]:
        """(source, target, source rule, target rule) for the deed starting at token ``s`` with
        ``code``."""
        agent, agent_rule, undergoer = roles.agent, roles.agent_rule, roles.undergoer
        giver_in_object = next(
            (m for m in mentions if s - 3 <= m.start < s and m.end <= s and m.start > trig.index and m.code), None
        )
        pairs = self.pairs(
            trig, roles.subjects, roles.subject_rules, roles.objects, agent, agent_rule, roles.passive,
            giver_in_object, discourse,
        )
        if undergoer is not None and (agent is None or undergoer.code != agent.code):
            # "Obama faces pressure from Congress": the one who faces it is its target
            pairs = [(agent or nobody(), undergoer, agent_rule if agent is not None else "none", "undergoer")]
        if code in self.lexicon.words["mutual_codes"] and len(roles.fellows) > 1 and len(pairs) == 1 \
                and pairs[0][1] is roles.fellows[0]:
            # "talks with Netanyahu and Abbas": each partner is met
            pairs += [(pairs[0][0], m, pairs[0][2], "object") for m in roles.fellows[1:]]
        if roles.co_agents:
            pairs += [(c, t, "co-agent", tr) for a, t, _ar, tr in pairs if a is agent
                      for c in roles.co_agents if c.code != t.code]
        if code[:2] != "01" and any(t.code is None and a.code for a, t, _ar, _tr in pairs):
            # no target named: a country where the act takes place stands in ("attend a summit in
            # Switzerland", "inspect refineries in Iran")
            after = roles.after
            place = next((m for m in roles.in_range if m not in after and self.actors.is_country(m.code)), None)
            if place is not None:
                pairs = [
                    (a, place, ar, "place") if t.code is None and a.code not in {None, place.code}
                    else (a, t, ar, tr)
                    for a, t, ar, tr in pairs
                ]
        return mutual(pairs, code, self.lexicon)

    @staticmethod
    def no_pair_reason(trig: Trigger, roles: Roles) -> tuple[str, str]:
        """Why a trigger found no (source, target) pair: a rule name and its words."""
        if trig.noun:
            return "no-agent", "a noun trigger with no doer: no 'by'/'from' actor, actor before it or governing subject"
        if roles.passive:
            return "no-patient-or-agent", "a passive with neither a named patient nor an agent"
        if trig.direction == "receive":
            return "no-receiver", "a receiving verb with no subject to receive"
        if len(roles.subjects) > 3:
            return "multilateral", "more than three subjects and no object: a multilateral act, not dyads"
        return "no-actors", "no subject before the trigger and no actor after it in its clause"

    def subject(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
        """The nearest actor before the trigger in its clause that is not inside a prepositional phrase."""
        return self.subject_and_rule(tokens, i, mentions)[0]

    def subject_and_rule(self, tokens: list[Token], i: int, mentions: list[Mention]) -> tuple[Mention | None, str]:
        """The subject of the verb at ``i`` and the rule that found it (``EventTrace.source_rule``)."""
        lex = self.lexicon
        breaks = self.grammar.clause_or_speech
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
        rule = "subject"
        if best is not None and lo < best.start:
            verb = self.object_of_coordinated_verb(tokens, best, i)
            if verb >= 0:
                # "ISIL attacked Iraq and took Mosul": Iraq is the first verb's object; both verbs
                # share the first verb's subject
                first = self.subject(tokens, verb, mentions)
                if first is not None:
                    best, rule = first, "coordinated-verb"
        if best is None:
            # "Pakistan's key mineral venture has seen little investment": the owner stands in
            rule = "possessive-owner"
            for m in mentions:
                if lo <= m.start and m.end < i and m.code and tokens[m.end].lower == "'s":
                    best = m
        if best is None:
            rule = "head-of-phrase"
            # "The government of Liberia denied", "Members of parliament from Kenya called",
            # "A court in Guyana issued":
            # the country of the subject's head noun, named right after "of" or "from"
            for m in mentions:
                if lo <= m.start and m.end <= i and m.code and m.start >= 2 and tokens[m.start - 1].lower in {
                    "of", "from", "in"
                } and m.start - 1 <= lo + 4:
                    best = m
                    break
        if best is None and lo > 0 and tokens[lo - 1].lower in lex.words["relative_pronouns"]:
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
                return (antecedent if antecedent.code else None), "relative-antecedent"
            if tokens[lo - 1].lower != "that":
                return None, "none"
        if best is None and lo > 0 and tokens[lo - 1].lower not in lex.words["reporting_verbs"]:
            # coordinated verb phrases share the subject: "Pakistan avoided X and backed Y"
            rule = "shared-subject"
            for m in mentions:
                if m.end <= lo and m.code and not (m.start > 0 and tokens[m.start - 1].lower in preps):
                    best = m
        return best, rule if best is not None else "none"

    def object_of_coordinated_verb(self, tokens: list[Token], m: Mention, i: int) -> int:
        """When ``m`` is the object of a verb coordinated with the verb at ``i`` ("attacked Iraq and
        took"), that verb's index; else -1."""
        gap = [t.lower for t in tokens[m.end:i]]
        between = self.lexicon.words["coordinated_verb_gap"]
        if "and" not in gap or not all(g in between or g.endswith("ly") for g in gap):
            return -1
        j = m.start - 1
        if j >= 0 and tokens[j].lower in self.grammar.articles:
            j -= 1
        if j < 0 or not tokens[j].text[:1].islower():
            return -1
        low = tokens[j].lower
        lex = self.lexicon
        if low in lex.words["prepositions"] or low in lex.words["clause_breaks"] or low in lex.words["verb_openers"]:
            return -1
        return j if low in lex.trigger_forms or low.endswith("ed") else -1

    def conjoined(self, subject: Mention, mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
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

    def governor_subject(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
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
        return self.subject(tokens, j, mentions)

    def responsible(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
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
                return self.subject(tokens, start, mentions)
        return None

    def undergoer(self, tokens: list[Token], i: int, mentions: list[Mention]) -> Mention | None:
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
        return self.subject(tokens, j, mentions)

    def pairs(
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
        unknown = nobody()
        if trig.noun:
            if agent is None:
                return []
            if objects:
                return [(agent, objects[0], agent_rule, "object")]
            if agent.partners:  # "U.S.-China talks": the pair acts on each other
                return [(a, b, agent_rule, "partner") for a in (agent, *agent.partners)
                        for b in (agent, *agent.partners) if a is not b and a.code != b.code]
            implied = self.implied(agent.code, discourse)
            return [(agent, implied, agent_rule, "main-dyad") if implied else (agent, unknown, agent_rule, "none")]
        if passive:
            # "X was praised" without "by Y": the doer is unknown
            if not subjects:
                return [(agent, unknown, agent_rule, "none")] if agent is not None else []
            return [
                (agent or unknown, s, agent_rule if agent is not None else "none",
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
                giver, giver_rule = self.implied(subjects[0].code, discourse), "main-dyad"
            if giver is None:
                giver, giver_rule = unknown, "none"
            return [(giver, s, giver_rule, r) for s, r in zip(subjects, subject_rules, strict=True)]
        if not subjects:
            return [(unknown, objects[0], "none", "object")] if objects else []
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
        implied = None if trig.code.startswith("01") else self.implied(subjects[0].code, discourse)
        if implied is not None:
            return [(subjects[0], implied, subject_rules[0], "main-dyad")]
        return [(subjects[0], unknown, subject_rules[0], "none")]

    @staticmethod
    def implied(code: str | None, discourse: Discourse) -> Mention | None:
        other = discourse.counterpart(code)
        if other is None:
            return None
        return Mention(-1, -1, other, None, "implied", "", "document counterpart")
