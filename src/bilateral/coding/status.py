"""Stage 4, status: whether an event happened, is intended, hypothetical or negated.

Input: the trigger, the start of its deed and the sentence's tokens. Output: the status and the
cue words that set it (``read``), and the code the event takes with that status
(``final_code``: a promised act becomes its intent code, a considered one 014, a conditional
threat its 13x code). Cues come from ``cues.yaml`` and stay within the trigger's clause.
"""

from __future__ import annotations

from bilateral.coding.grammar import Grammar
from bilateral.coding.lexicon import Lexicon, by_prefix, longest_phrase_at
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import Trigger, complement_end


class StatusReader:
    """Reads an event's status, built once per coder from its lexicon."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar

    def final_code(self, tokens: list[Token], trig: Trigger, code: str, status: str, cue: str) -> str:
        """The code of an event with this status and cue."""
        lex = self.lexicon
        if status == "intended":
            return by_prefix(lex.code_intents, code) or code
        if status == "hypothetical" and cue.lower() in lex.words["consideration"]:
            return lex.consideration_code  # "Malaysia is considering giving money": 014
        if status == "hypothetical" and code[:2] >= "14" and self.conditional(tokens, trig, cue):
            # "the EU may halt mediation if cooperation founders": a conditional threat
            return by_prefix(lex.code_intents, code) or code
        return code

    def read(self, tokens: list[Token], lows: list[str], trig: Trigger, deed_start: int) -> tuple[str, str]:
        """The event's status and the cue words that set it. ``lows``: the tokens' lower-case forms;
        most events have no cue word near them, and set lookups on the windows find that at C speed."""
        lex = self.lexicon
        breaks = self.grammar.clause_or_speech
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

    def conditional(self, tokens: list[Token], trig: Trigger, cue: str) -> bool:
        """Whether a hypothetical act is made conditional ("may halt X if Y", "unless Y")."""
        conditionals = self.lexicon.words["conditionals"]
        if cue.lower() in conditionals:
            return True
        end = complement_end(tokens, trig.end, self.lexicon)
        return any(tokens[k].lower in conditionals for k in range(trig.end, min(end, trig.end + 15)))
