"""Stage 5, channel: through which channel an event runs (trade, aid, defense, ...).

Input: the trigger, the deed's span, the code and the channel its rule gave, and the sentence's
words. Output: the channel and the words that set it. A rule's own material channel stands; else
an institution named in the clause ("talks with the IMF"), else channel words in the object,
else the code's default channel (``code_defaults.tsv``).
"""

from __future__ import annotations

from functools import cached_property

from bilateral.coding.lexicon import Lexicon, by_prefix, phrase_at
from bilateral.coding.tokens import Token
from bilateral.coding.triggers import OBJECT_WINDOW, TokenIndex, Trigger, clause_end


class ChannelReader:
    """Reads an event's channel, built once per coder from its lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._channels_of_codes: dict[str, str] = {}

    def read(
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
        if verbal and not self.strong_channel_words.isdisjoint(words):
            # an institution named in the clause ("talks with the IMF") places even words in its channel
            end = trig.clause if trig.clause >= 0 else clause_end(tokens, trig.index + 1, lex)
            for j in range(max(0, trig.index - 8), min(len(tokens), end + OBJECT_WINDOW)):
                for ph, ch in lex.strong_channels.get(lows[j], ()):
                    if phrase_at(tokens, j, ph):
                        return ch, " ".join(ph)
        if not self.channel_words.isdisjoint(words):
            # words reported as said or praised only set a channel when they are the object itself
            reach = 4 if verbal else OBJECT_WINDOW
            stop = min(len(tokens), max(e, trig.end) + reach)
            stops = self.channel_stops
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
        return self.default_channel(code), ""

    def default_channel(self, code: str) -> str:
        """The channel a code has when nothing in the sentence names one (cached: codes are few)."""
        got = self._channels_of_codes.get(code)
        if got is None:
            got = self._channels_of_codes[code] = by_prefix(self.lexicon.code_channels, code) or "other"
        return got

    @cached_property
    def channel_words(self) -> frozenset[str]:
        """Words that can start a channel phrase."""
        return frozenset(self.lexicon.channels)

    @cached_property
    def channel_stops(self) -> frozenset[str]:
        """Words where an object's channel words end: clause breaks and commas."""
        return self.lexicon.words["clause_breaks"] | {",", ";", ":"}

    @cached_property
    def strong_channel_words(self) -> frozenset[str]:
        """Words that can start an institution's channel phrase ("IMF")."""
        return frozenset(self.lexicon.strong_channels)
