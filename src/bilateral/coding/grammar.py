"""Shallow grammar the stages share: passives, agents, clause and claim boundaries.

The coder reads no parse; these checks look at the words around a position (auxiliaries,
"by" phrases, clause breaks from the lexicon) to tell a passive from an active verb, where a
claim's content ends, or whether an actor is the speaker of a trailing attribution.
"""

from __future__ import annotations

from functools import cached_property

from bilateral.coding.lexicon import Lexicon
from bilateral.coding.mentions import Mention
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import complement_end, list_end


class Grammar:
    """Checks on the words around a token, built once per coder from its lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.articles = lexicon.words["articles"]

    def after_aux(self, tokens: list[Token], i: int) -> bool:
        """Whether an auxiliary ("was", "has been") stands right before ``i``, adverbs aside."""
        j = i - 1
        while j >= 0 and tokens[j].lower.endswith("ly"):
            j -= 1
        return j >= 0 and tokens[j].lower in self.lexicon.words["passive_aux"]

    def after_word(self, tokens: list[Token], start: int, words: set[str]) -> bool:
        """True when one of ``words`` stands before ``start``, maybe with an article between ("by a")."""
        j = start - 1
        if j >= 0 and tokens[j].lower in self.articles:
            j -= 1
        return j >= 0 and tokens[j].lower in words

    def passive(self, tokens: list[Token], i: int, mentions: list[Mention] | None = None) -> bool:
        low = tokens[i].lower
        words = self.lexicon.words
        if not (low.endswith(("ed", "en")) or low in words["irregular_participles"]):
            return False
        if self.agent_by(tokens, i + 1):
            return True  # "a venture led by ...", "was praised by ..."; not "cut by 10 pct", "by one hour"
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        actor = next((m for m in mentions or [] if m.end == i and m.code), None)
        if nxt in words["prepositions"] or nxt in {"over", "last", "since"}:
            if actor is not None and (
                (actor.start > 0 and tokens[actor.start - 1].lower in words["prepositions"])
                or self.predicate_follows(tokens, i + 1)
                or any(tokens[k].lower == "there" for k in range(max(0, actor.start - 4), actor.start))
            ):
                # a reduced relative: "a member of Hamas jailed over a year ago"; but in "Iran met
                # with US officials" the actor is the subject and "met" its verb
                return True
            if i > 0 and self.noun_before(tokens[i - 1], i == 1) and (
                self.predicate_follows(tokens, i + 1) or self.agent_follows(tokens, i + 1)
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

    def agent_by(self, tokens: list[Token], k: int) -> bool:
        """Whether token ``k`` is a "by" that names an agent, not a measure ("by 10 pct", "by one hour")."""
        if k >= len(tokens) or tokens[k].lower != "by":
            return False
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        return not (nxt[:1].isdigit() or nxt in self.lexicon.words["measure_words"])

    def agent_follows(self, tokens: list[Token], j: int) -> bool:
        """Whether a "by" phrase follows within the participle's phrase ("forced on X by Y")."""
        for k in range(j, min(len(tokens), j + 8)):
            low = tokens[k].lower
            if low == "by":
                return self.agent_by(tokens, k)
            if low in self.lexicon.words["clause_verbs"] or low in {",", ";", ":", "and", "or", "that", "which", "who"}:
                return False
        return False

    def predicate_follows(self, tokens: list[Token], j: int) -> bool:
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

    def noun_before(self, tok: Token, first: bool) -> bool:
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

    def trailing_speaker(self, tokens: list[Token], m: Mention) -> bool:
        """Whether ``m`` is the speaker of a trailing attribution (", Kenyan officials said"),
        which is never the object of the verb before it."""
        j = m.start - 1
        if j >= 0 and tokens[j].lower in self.articles:
            j -= 1
        if j < 0 or tokens[j].lower != ",":
            return False
        reporting = self.lexicon.words["reporting_verbs"]
        fillers = self.lexicon.words["attribution_fillers"]
        for k in range(m.end, min(len(tokens), m.end + 6)):
            t = tokens[k]
            if t.lower in reporting:
                return True
            if not (t.text[:1].isupper() or t.lower in fillers):
                return False
        return False

    def claim_end(self, tokens: list[Token], start: int) -> int:
        """End of a claim's content: the complement's end, or a comma opening a new clause (", as")."""
        end = complement_end(tokens, start, self.lexicon)
        breaks = self.lexicon.words["clause_breaks"]
        for k in range(start, end - 1):
            if tokens[k].lower == "," and tokens[k + 1].lower in breaks:
                return k
        return end

    def offence(self, tokens: list[Token], start: int) -> int:
        """Where "for" + a gerund after a punishment or accusation names its reason ("jailed X for
        two years for helping Y"): the index of that "for", else -1."""
        stops = self.lexicon.words["offence_stops"]
        for k in range(start, min(len(tokens) - 1, start + 12)):
            low = tokens[k].lower
            if low in stops:
                return -1
            if low == "for" and tokens[k + 1].lower.endswith("ing"):
                return k
        return -1

    def claim_clause(self, tokens: list[Token], i: int) -> bool:
        """Whether the noun at ``i`` introduces the content of a claim: "allegations (by X) that …",
        "speculation they were captured"."""
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if nxt in self.lexicon.words["subject_pronouns"]:
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

    def list_stop(self, tokens: list[Token], start: int, mentions: list[Mention]) -> int:
        """End of a coordinated object list: the list's own end, or an actor that starts a new
        clause (", and the US Export-Import Bank has not approved ...")."""
        stop = list_end(tokens, start, self.lexicon)
        for m in mentions:
            if start < m.start < stop and m.code and any(
                t.lower in self.lexicon.words["clause_verbs"] for t in tokens[m.end:m.end + 3]
            ):
                return m.start
        return stop

    @cached_property
    def clause_or_speech(self) -> frozenset[str]:
        """Clause breaks and speech verbs: where a clause starts, looking back from a verb."""
        return self.lexicon.words["clause_breaks"] | self.lexicon.words["reporting_verbs"]

    @cached_property
    def subject_breaks(self) -> frozenset[str]:
        """Words that close the phrase before a verb: clause breaks, speech verbs and commas."""
        return self.clause_or_speech | {","}

    def takes_complement(self, form: str, code: str) -> bool:
        """Whether a verb (or its code) takes a complement whose content is not asserted ("urged X
        to ...", "hoped talks would resume")."""
        lex = self.lexicon
        return lex.lemma(form) in lex.words["complement_verbs"] or code.startswith(lex.complement_codes)
