"""Stage 5, channel: through which channel an event runs."""

from __future__ import annotations

from typing import Any


def channel_of(kit: Any, text: str, word: str) -> tuple[str, str]:
    state = kit.state(text)
    trig = kit.trigger(state, word)
    return kit.coder.channels.read(
        state.tokens, trig, trig.index, trig.end, trig.code, trig.channel or "", state.word_index
    )


def test_an_institution_places_talks_in_its_channel(kit: Any) -> None:
    assert channel_of(kit, "Japan held talks with the IMF on Monday.", "held") == ("finance", "imf")


def test_channel_words_in_the_object(kit: Any) -> None:
    channel, cue = channel_of(kit, "Japan held talks with Chile on trade tariffs.", "held")
    assert channel == "trade" and cue in {"trade", "tariffs", "trade tariffs"}


def test_the_code_default_when_nothing_names_one(kit: Any) -> None:
    assert channel_of(kit, "Chile praised Peru.", "praised") == ("diplomatic", "")
    assert kit.coder.channels.default_channel("190") == "security"
    assert kit.coder.channels.default_channel("999") == "other"
