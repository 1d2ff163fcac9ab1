"""Event triggers: which words of a sentence report an event, and which CAMEO code they carry.

Three kinds of evidence, tried in this order for every verb-like token:

1. our verb + object rules (``verb_objects.tsv``: "cut tariffs" -> 061, trade);
2. transfer verbs with a deed noun as object (``transfers.tsv`` + ``deeds.tsv``:
   "has not received GSP benefits" -> 061, trade, the subject being the receiver);
3. the PETRARCH verb dictionary: the most specific pattern of the verb's block, else the
   block's default code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from bilateral.coding.lexicon import Deed, Lexicon, Phrase, VerbPattern, phrase_at
from bilateral.coding.tokens import Token

#: How many tokens after the verb an object or pattern word may stand.
OBJECT_WINDOW = 10


@dataclass(slots=True)
class Trigger:
    """A word that reports an event."""

    index: int  # token index of the verb (or noun)
    end: int  # token index after the evidence (verb + matched object)
    code: str
    channel: str | None  # from the rule, or None to infer
    pattern: str  # for explain
    direction: str = "give"  # give | receive: who is the source
    deed: Deed | None = None
    deed_start: int = -1
    noun: bool = False  # used as a noun ("public praise from ...")
    passive: bool = False
    reporting: bool = False  # a speech verb reporting a statement ("said")
    object_start: int = -1  # where the object stands when it is a passive's subject ("Evidence … was presented")
    clause: int = -1  # clause_end(tokens, index + 1) when it was measured, so the roles need not measure it again


class TokenIndex:
    """The lower-case words of a sentence, as a list and as a set, so that a pattern word is found
    by a C-level membership test and ``list.index`` rather than a Python loop per token."""

    __slots__ = ("_words", "actor_starts", "lows", "tokens")

    def __init__(self, tokens: list[Token], actor_starts: frozenset[int] = frozenset()) -> None:
        self.tokens = tokens
        self.actor_starts = actor_starts  # where actor mentions begin: a pattern's noun may not skip one
        self.lows: list[str] = list(map(_LOWER, tokens))
        self._words: set[str] | None = None

    @property
    def words(self) -> set[str]:
        """The sentence's distinct lower-case words (built on first use)."""
        if self._words is None:
            self._words = set(self.lows)
        return self._words

    def plain(self) -> TokenIndex:
        """The same sentence without actor starts (a pattern may then skip an actor), sharing its
        words."""
        if not self.actor_starts:
            return self
        plain = TokenIndex.__new__(TokenIndex)
        plain.tokens, plain.actor_starts, plain.lows = self.tokens, frozenset(), self.lows
        plain._words = self.words
        return plain

    def find(self, phrases: Sequence[Phrase], start: int, stop: int) -> int:
        """Index after the earliest phrase occurrence starting in ``[start, stop)``, or -1."""
        best_pos, best_end = -1, -1
        words = self._words if self._words is not None else self.words
        lows, tokens = self.lows, self.tokens
        for ph in phrases:
            word = ph[0]
            if word not in words:
                continue
            limit = stop if best_pos < 0 else best_pos
            try:
                pos = lows.index(word, start, limit)  # raises when the word is not in the range
                while True:
                    if phrase_at(tokens, pos, ph):
                        best_pos, best_end = pos, pos + len(ph)
                        break
                    pos = lows.index(word, pos + 1, limit)
            except ValueError:
                continue  # no (further) occurrence before ``limit``
        return best_end


_LOWER = itemgetter(1)  # a Token's lower-case form, read by ``map`` without a Python-level call


def clause_end(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """Index of the first clause-closing token at or after ``start`` (or the sentence end)."""
    closers = lexicon.clause_closers
    stop = min(len(tokens), start + OBJECT_WINDOW)
    for j in range(start, stop):
        if tokens[j].lower in closers:
            return j
    return stop


def list_end(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """End of a coordinated object list ("A, B, or C"): a clause break other than commas and 'and'/'or'."""
    words = lexicon.words
    breaks, list_breaks, openers = words["clause_breaks"], words["list_breaks"], words["adverbial_openers"]
    stop = min(len(tokens), start + 3 * OBJECT_WINDOW)
    for j in range(start, stop):
        low = tokens[j].lower
        if low in list_breaks or (low in breaks and low not in openers):
            return j
    return stop


def complement_end(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """End of a verb's complement clause: the next strong break ("; but", "while") or the sentence end."""
    breaks = lexicon.words["complement_breaks"]
    for j in range(start, len(tokens)):
        if tokens[j].lower in breaks:
            return j
    return len(tokens)


def deeds_in(
    tokens: list[Token], start: int, stop: int, lexicon: Lexicon, skip: set[int]
) -> list[tuple[int, int, Deed]]:
    """Deed nouns between ``start`` and ``stop``: ``(start, end, deed)``, longest match first."""
    out: list[tuple[int, int, Deed]] = []
    j = start
    while j < stop:
        if j in skip:
            j += 1
            continue
        found = None
        # a deed may start one or two modifier words later ("meaningful trade concessions")
        for d in lexicon.deeds.get(tokens[j].lower, ()):
            if phrase_at(tokens, j, d.phrase):
                found = d
                break
        if found is not None:
            n = len(found.phrase)
            out.append((j, j + n, found))
            j += n
            continue
        j += 1
    return out


def _pattern_matches(p: VerbPattern, i: int, stop: int, index: TokenIndex) -> int:
    """End index of a match of ``p`` for the verb at ``i``, or -1."""
    if p.before_phrases:
        pos = max(0, i - 4)
        for phrases in p.before_phrases:
            pos = index.find(phrases, pos, i)
            if pos < 0:
                return -1
    pos = i + 1
    first = True
    for phrases in p.after_phrases:
        end = index.find(phrases, pos, stop)
        if end < 0:
            return -1
        if first and any(pos <= a < end - 1 for a in index.actor_starts):
            # "did not support Pakistan during its talks": the actor is the object; "support talks" is not
            return -1
        first = False
        pos = end
    return pos


def verb_triggers(
    tokens: list[Token], i: int, lexicon: Lexicon, index: TokenIndex, object_span: tuple[int, int] | None = None
) -> Trigger | None:
    """The event reported by the verb-like token at ``i``, if any. ``object_span`` names where the
    verb's object stands when not after it: the subject of a passive ("Evidence against Russia was
    presented"); then only object rules and one-word patterns are tried."""
    form = lexicon.verb_form(tokens[i].lower)
    if form is None:
        return None
    if object_span is None and form.needs is not None and form.needs.isdisjoint(index.words):
        # most calls: "is", "trade", "shares" with none of their objects' or patterns' words in the sentence
        return None
    blocks, lemma, rules, direction, reporting = form.blocks, form.lemma, form.rules, form.direction, form.reporting
    if object_span is None and blocks and reporting and not rules and direction not in {"give", "receive"}:
        # a speech verb: nothing after it is looked at, so its clause need not be measured
        return _reporting(tokens, i, blocks)
    start, stop = object_span if object_span is not None else (i + 1, clause_end(tokens, i + 1, lexicon))
    clause = stop if object_span is None else -1
    if rules:
        for rule in rules:
            if not rule.objects:
                if object_span is not None:
                    continue
                return Trigger(i, i + 1, rule.code, rule.channel, f"{lemma} -> {rule.code}", clause=clause)
            end = index.find(rule.objects, start, stop)
            if end >= 0:
                if rule.code == "-":
                    return None  # an idiom that reports no event: "meet the deadline"
                label = f"{lemma} … {tokens[end - 1].lower} -> {rule.code}"
                return Trigger(i, end, rule.code, rule.channel, label, clause=clause)
    if direction in {"give", "receive"} and object_span is None:
        found = deeds_in(tokens, start, stop, lexicon, set())
        if found:
            s, e, deed = found[0]
            label = f"{lemma} [{direction}] + {' '.join(deed.phrase)} -> {deed.code}"
            return Trigger(i, e, deed.code, deed.channel, label, direction=direction, deed=deed, deed_start=s,
                           clause=stop)
    if not blocks:
        return None
    if object_span is not None:
        for block, _lemma, _default in blocks:
            for p in lexicon.candidate_patterns(block, index.words):
                words = [el for el in p.after if el not in {"(", ")"}]
                if p.before or len(words) != 1 or words[0].startswith("&") or words[0] in lexicon.words["prepositions"]:
                    continue  # one plain content word only: "present * evidence"
                end = index.find(p.after_phrases[0], start, stop)
                if end >= 0:
                    return Trigger(i, end, p.code, None, f"{block}: {p.label} (passive) -> {p.code}")
        return None
    if reporting:
        return _reporting(tokens, i, blocks)
    # a pattern's first word stands within four words before the verb or in its clause after it
    window = set(index.lows[max(0, i - 4):stop])
    for block, _lemma, _default in blocks:
        if block not in lexicon.patterns:
            continue  # no patterns ("sanctions" and other nouns.tsv entries)
        for p in lexicon.candidate_patterns(block, window):
            end = _pattern_matches(p, i, stop, index)
            if end >= 0:
                return Trigger(i, max(end, i + 1), p.code, None, f"{block}: {p.label} -> {p.code}", clause=stop)
    if lemma in lexicon.words["pattern_only"]:
        return None
    for block, _lemma, default in blocks:
        # a verb's own code ("order" 100) stands; the block's generic 060 does not
        if default and not (block in lexicon.words["pattern_only_blocks"] and default == "060"):
            return Trigger(i, i + 1, default, None, f"{block} -> {default}", clause=stop)
    return None


def _reporting(tokens: list[Token], i: int, blocks: list[tuple[str, str, str]]) -> Trigger:
    """A speech verb's own event. Its patterns would code the reported content, which has its
    own verb: "he added", "she noted" report a statement whatever the verb's block."""
    code = next((b[2] for b in blocks if b[2].startswith(("01", "13"))), "010")  # "warned" stays a warning
    return Trigger(i, i + 1, code, None, f"{blocks[0][0]} (reporting) -> {code}", reporting=True)
