"""Options that some readers take: a field mapping for record dumps and a fallback date.

A reader that accepts options sets ``takes_options = True`` and defines
``read(path, options=None)``; the ingest job passes the run's :class:`ReadOptions`
to it. Readers without the attribute are called as ``read(path)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The canonical record fields a dump can be mapped onto.
CANONICAL_FIELDS: tuple[str, ...] = ("id", "text", "date", "title", "url")


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which column or key of a dump holds each canonical field (``None`` = the field's own name)."""

    text: str | None = None
    date: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None

    def source(self, name: str) -> str:
        """The column/key read for the canonical field ``name``."""
        mapped: str | None = getattr(self, name)
        return mapped or name

    @property
    def is_identity(self) -> bool:
        """True when no field is remapped."""
        return all(getattr(self, n) in (None, n) for n in CANONICAL_FIELDS)

    def remap(self, obj: dict[str, Any]) -> dict[str, Any]:
        """``obj`` with the mapped keys renamed to the canonical names (other keys kept).

        A dotted name (``"meta.published"``) reaches into nested objects.
        """
        if self.is_identity:
            return obj
        out = dict(obj)
        for name in CANONICAL_FIELDS:
            src = self.source(name)
            if src == name:
                continue
            value = _dig(obj, src)
            out.pop(src, None)
            if value is None:
                out.pop(name, None)
            else:
                out[name] = value
        return out


def _dig(obj: dict[str, Any], dotted: str) -> Any:
    if dotted in obj:
        return obj[dotted]
    cur: Any = obj
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options of one ingest run that readers may use."""

    fields: FieldMap = field(default_factory=FieldMap)
    default_date: str | None = None  # ISO date used when neither metadata nor a dateline gives one
    timeout: float = 20.0  # seconds, for readers that fetch URLs
    retries: int = 2
