"""The words of the verdict: cell ids, quotes and the claim/verdict containers (actor names come
from :mod:`bilateral.actor_names`, re-exported here for the verdict's writers).

Shared by :mod:`bilateral.analysis.verdict` (the whole paragraph) and
:mod:`bilateral.analysis.findings` (the ledger's findings), so neither imports the other's internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: Quotes in the verdict are cut to this many characters.
QUOTE_MAX = 120


def cell_id(source: str, target: str, measure: str, channel: str | None = None, period: str | None = None) -> str:
    """The stable id of one evidence cell (an HTML anchor in the report, a drill-down key in the dashboard)."""
    parts = ["ev", source, target, measure, channel or "all"]
    if period:
        parts.append(period)
    return "-".join(p.replace(" ", "_") for p in parts)


def poss(name: str) -> str:
    """The possessive of a name (``Pakistan's``, ``the United States'``)."""
    return name + ("'" if name.endswith("s") else "'s")


def cap(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def join(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 deed``, ``2 deeds``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def quote(sentence: str) -> str:
    """A sentence on one line, cut to :data:`QUOTE_MAX` characters."""
    s = " ".join(sentence.split())
    return s if len(s) <= QUOTE_MAX else s[: QUOTE_MAX - 1].rstrip() + "…"


@dataclass(slots=True)
class Claim:
    """One sentence of the verdict and the evidence cells (see :func:`cell_id`) behind it.

    ``kind`` is ``answer`` for the lead (the answer in one or two sentences) and ``finding`` for a
    supporting finding.
    """

    text: str
    cells: list[str] = field(default_factory=list)
    kind: str = "finding"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"text": self.text, "cells": list(self.cells), "kind": self.kind}


@dataclass(slots=True)
class Verdict:
    """The verdict paragraph as a list of claims."""

    claims: list[Claim] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole paragraph."""
        return " ".join(c.text for c in self.claims)

    @property
    def answer(self) -> str:
        """The lead: the answer in one or two sentences."""
        return " ".join(c.text for c in self.claims if c.kind == "answer")

    @property
    def findings(self) -> list[Claim]:
        """The supporting findings, strongest first."""
        return [c for c in self.claims if c.kind != "answer"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"text": self.text, "answer": self.answer, "claims": [c.to_dict() for c in self.claims]}
