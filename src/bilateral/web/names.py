"""Readable names of actor codes (``PAK`` → Pakistan), for the dyad picker's search."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Code → name, from the coder's actor data when it is installed (empty otherwise)."""
    return {}


def actor_name(code: str | None) -> str:
    """The readable name of an actor code, or the code itself when none is known."""
    if not code:
        return "unknown"
    return _names().get(code.upper(), code)
