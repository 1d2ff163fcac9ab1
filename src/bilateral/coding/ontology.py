"""The CAMEO codebook as data: codes, short names, Goldstein weights, QuadClass, PLOVER.

The table lives in ``bilateral/data/ontology/cameo.csv`` (built by
``tools/build_ontology_data.py``; sources in ``bilateral/data/SOURCES.md``).  It is read and
validated once per process: :meth:`Codebook.load` is cached.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CameoCode", "Codebook", "CodebookError"]

_FIELDS = ("code", "name", "goldstein", "root", "quad_class", "plover", "plover_mode", "plover_context")


class CodebookError(ValueError):
    """The packaged codebook is malformed."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code."""

    code: str  # with leading zeros: "051", "0331"
    name: str  # the short CAMEO name ("Praise or endorse")
    goldstein: float  # Goldstein weight, -10 .. 10
    root: str  # two-digit root ("05")
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str | None  # PLOVER event type, None where PLOVER drops the code (roots 01, 02)
    plover_mode: str | None
    plover_context: str | None

    @property
    def level(self) -> int:
        """1 for a root ("05"), 2 for a three-digit code, 3 for a four-digit code."""
        return len(self.code) - 1

    @property
    def parent(self) -> str | None:
        """The code one level up ("0331" -> "033", "033" -> "03", "03" -> None)."""
        return self.code[:-1] if len(self.code) > 2 else None


def _quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


class Codebook:
    """All CAMEO codes, keyed by their string code."""

    def __init__(self, codes: list[CameoCode]) -> None:
        self._by_code: dict[str, CameoCode] = {}
        for c in codes:
            if c.code in self._by_code:
                raise CodebookError(f"duplicate CAMEO code {c.code!r}")
            self._by_code[c.code] = c
        self._children: dict[str, list[str]] = {c: [] for c in self._by_code}
        for c in self._by_code.values():
            if not (c.code.isdigit() and 2 <= len(c.code) <= 4):
                raise CodebookError(f"malformed CAMEO code {c.code!r}")
            if not -10.0 <= c.goldstein <= 10.0:
                raise CodebookError(f"Goldstein weight of {c.code} out of [-10, 10]: {c.goldstein}")
            if c.root != c.code[:2] or not 1 <= int(c.root) <= 20:
                raise CodebookError(f"code {c.code} has bad root {c.root!r}")
            if c.root not in self._by_code:
                raise CodebookError(f"root {c.root} of code {c.code} missing from the codebook")
            if c.quad_class != _quad(c.root):
                raise CodebookError(f"code {c.code} has quad class {c.quad_class}, expected {_quad(c.root)}")
            if c.parent is not None:
                if c.parent not in self._by_code:
                    raise CodebookError(f"parent {c.parent} of code {c.code} missing from the codebook")
                self._children[c.parent].append(c.code)

    @classmethod
    def from_csv_text(cls, text: str) -> Codebook:
        """Parse and validate a codebook in the ``cameo.csv`` format."""
        reader = csv.DictReader(io.StringIO(text))
        missing = [f for f in _FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise CodebookError(f"codebook lacks columns {missing}")
        codes = []
        for n, rec in enumerate(reader, start=2):
            try:
                codes.append(
                    CameoCode(
                        code=rec["code"].strip(),
                        name=rec["name"].strip(),
                        goldstein=float(rec["goldstein"]),
                        root=rec["root"].strip(),
                        quad_class=int(rec["quad_class"]),
                        plover=rec["plover"].strip() or None,
                        plover_mode=rec["plover_mode"].strip() or None,
                        plover_context=rec["plover_context"].strip() or None,
                    )
                )
            except (TypeError, ValueError, AttributeError) as exc:
                raise CodebookError(f"bad codebook row at line {n}: {rec!r} ({exc})") from exc
        if not codes:
            raise CodebookError("empty codebook")
        return cls(codes)

    @classmethod
    def load(cls) -> Codebook:
        """The packaged codebook, read and validated once per process."""
        return _load_packaged()

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises ``KeyError`` for an unknown code."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._by_code.values())

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code, in codebook order."""
        return tuple(self._by_code)

    def children(self, code: str) -> tuple[str, ...]:
        """The codes directly below ``code`` ("03" -> "030", "031", ...)."""
        if code not in self._children:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return tuple(self._children[code])

    def roots(self) -> tuple[str, ...]:
        """The 20 two-digit roots."""
        return tuple(c for c in self._by_code if len(c) == 2)


@lru_cache(maxsize=1)
def _load_packaged() -> Codebook:
    text = resources.files("bilateral").joinpath("data/ontology/cameo.csv").read_text(encoding="utf-8")
    return Codebook.from_csv_text(text)
