"""Readable names of actor codes and event kinds, from the data the coder reads (``data/actors/``, the codebook).

The analysis (verdict sentences, peer choice), the report and the web all name actors the same
way through this module, so none of them needs another stage's module for it.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.ontology import Codebook


@lru_cache(maxsize=1)
def packaged_names() -> tuple[dict[str, str], dict[str, str]]:
    """The names of the packaged countries and of the packaged organisations by code (what
    :meth:`ActorDictionary.country_name` and :meth:`ActorDictionary.is_country` read), from their two
    files alone: naming an actor or checking a code does not build the whole dictionary."""
    base = resources.files("bilateral").joinpath("data/actors")
    out: list[dict[str, str]] = []
    for f in ("countries.tsv", "igos.tsv"):
        text = base.joinpath(f).read_text(encoding="utf-8") if base.joinpath(f).is_file() else ""
        out.append({r["code"]: r["name"] for r in csv.DictReader(io.StringIO(text), delimiter="\t")})
    return out[0], out[1]


def packaged_codes() -> frozenset[str]:
    """The codes of the packaged countries and organisations (``country_codes | igo_codes`` of
    :meth:`ActorDictionary.load`)."""
    countries, igos = packaged_names()
    return frozenset(countries) | frozenset(igos)


@lru_cache(maxsize=512)
def actor_name(code: str) -> str:
    """A readable name of an actor code (``USA`` → ``the United States``); the code if unknown.

    Names come from the actor dictionary the coder uses, so countries and organisations read the
    same everywhere; plural and organisational names take "the".
    """
    countries, igos = packaged_names()
    name = countries.get(code) or igos.get(code) or code
    if name == code:
        return code
    words = name.split()
    needs_article = (
        code not in countries
        or words[0] in {"United", "Republic", "Kingdom", "Democratic", "Federated", "Central"}
        or name.endswith(("s", "Islands", "Emirates"))
    )
    return f"the {name}" if needs_article and not name.startswith("the ") else name


def is_country(code: str) -> bool:
    """Whether ``code`` is a state or territory code (not a sector or organisation code)."""
    return code in packaged_names()[0]


@lru_cache(maxsize=256)
def kind_name(code: str) -> str:
    """The CAMEO name of a code at three digits, in lower case (``163`` → ``impose embargo, boycott, or sanctions``)."""
    book = Codebook.load()
    key = code[:3]
    return book.get(key).name.lower() if key in book else key


class UnknownActor(ValueError):
    """An actor argument that is neither a known code nor a name or alias of one; ``str()`` suggests codes."""

    def __init__(self, text: str, suggestions: list[str]) -> None:
        self.text = text
        self.suggestions = suggestions
        hint = f"; nearest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown actor {text!r} (give a code such as PAK, or a name such as Pakistan{hint})")


def actor_code(text: str, known_codes: Iterable[str] = ()) -> str:
    """The actor code meant by ``text``: a code (``PAK``, ``pak``), a name or an alias (``Pakistan``, ``the US``).

    Codes are those of the actor dictionary plus ``known_codes`` (say, the codes stored in a
    database from another dataset). Names and aliases are resolved through the actor dictionary, as
    the coder resolves them in text. Anything else raises :class:`UnknownActor` with the nearest codes.
    """
    words = " ".join(text.split())
    known = frozenset(known_codes)
    if words.upper() in packaged_codes() or words.upper() in known:
        return words.upper()  # a code: known without building the whole dictionary (a second of start-up)
    dictionary = ActorDictionary.load()
    codes = dictionary.country_codes | dictionary.igo_codes | known
    if words.upper() in codes:
        return words.upper()
    entry = dictionary.resolve_actor(words) or dictionary.resolve_actor(words.title())
    if entry is not None and entry.code:
        return entry.code
    raise UnknownActor(text, _nearest(words, codes, dictionary))


def _nearest(words: str, codes: frozenset[str], dictionary: ActorDictionary, n: int = 3) -> list[str]:
    """Up to ``n`` codes whose code or name is closest to ``words`` (``PAK (Pakistan)``)."""
    by_name = {dictionary.country_name(c).lower(): c for c in codes}
    found = [by_name[name] for name in difflib.get_close_matches(words.lower(), sorted(by_name), n=n, cutoff=0.6)]
    found += [c for c in difflib.get_close_matches(words.upper(), sorted(codes), n=n, cutoff=0.6) if c not in found]
    return [f"{c} ({dictionary.country_name(c)})" if dictionary.country_name(c) != c else c for c in found[:n]]


__all__ = ["UnknownActor", "actor_code", "actor_name", "is_country", "kind_name"]
