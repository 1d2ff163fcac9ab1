"""Fixtures of the coder's stage tests: one coder, and a sentence's state with its triggers."""

from __future__ import annotations

import pytest

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.state import SentenceState
from bilateral.coding.triggers import Trigger


class StageKit:
    """A coder and the steps the stage tests repeat: a sentence's state, a word's index and trigger."""

    date = "2025-06-01"

    def __init__(self) -> None:
        self.coder = Coder(CoderConfig(explain=True))

    def state(self, text: str, keep_rejections: bool = True) -> SentenceState:
        return self.coder.sentence_state(text, self.date, keep_rejections=keep_rejections)

    @staticmethod
    def index(state: SentenceState, word: str) -> int:
        return next(k for k, t in enumerate(state.tokens) if t.text == word)

    def trigger(self, state: SentenceState, word: str) -> Trigger:
        trig = self.coder.candidates.propose(state, self.index(state, word))
        assert trig is not None, state.rejections
        return trig


@pytest.fixture(scope="session")
def kit() -> StageKit:
    return StageKit()
