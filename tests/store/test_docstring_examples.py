"""The examples in the store's docstrings run and give what they show."""

from __future__ import annotations

import doctest

import bilateral.store.store


def test_store_docstring_examples() -> None:
    result = doctest.testmod(bilateral.store.store)
    assert result.attempted > 0
    assert result.failed == 0
