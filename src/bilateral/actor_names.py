"""Readable names of actor codes, from the actor data the coder reads (``data/actors/``).

The analysis (verdict sentences, peer choice), the report and the web all name actors the same
way through this module, so none of them needs another stage's module for it.
"""

from __future__ import annotations

from functools import lru_cache

from bilateral.coding.actors import ActorDictionary


@lru_cache(maxsize=512)
def actor_name(code: str) -> str:
    """A readable name of an actor code (``USA`` → ``the United States``); the code if unknown.

    Names come from the actor dictionary the coder uses, so countries and organisations read the
    same everywhere; plural and organisational names take "the".
    """
    name = ActorDictionary.load().country_name(code)
    if name == code:
        return code
    words = name.split()
    needs_article = (
        not ActorDictionary.load().is_country(code)
        or words[0] in {"United", "Republic", "Kingdom", "Democratic", "Federated", "Central"}
        or name.endswith(("s", "Islands", "Emirates"))
    )
    return f"the {name}" if needs_article and not name.startswith("the ") else name


def is_country(code: str) -> bool:
    """Whether ``code`` is a state or territory code (not a sector or organisation code)."""
    return ActorDictionary.load().is_country(code)
