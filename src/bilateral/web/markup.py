"""Cut news text into plain and marked pieces; the templates escape every piece.

Nothing here produces HTML: a piece is text plus what marks it, and Jinja's
autoescaping turns each piece into safe markup, so markup or script-like text
inside an article is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(slots=True)
class Piece:
    """A run of text: ``events`` are the keys of the events whose evidence covers it (empty: plain)."""

    text: str
    events: list[str] = field(default_factory=list)
    anchor: int | None = None  # a stored sentence starts here: its index, for links to ``#s<idx>``

    @property
    def marked(self) -> bool:
        """Whether some event's evidence covers this piece."""
        return bool(self.events)


def _clamp(span: Sequence[int], length: int) -> tuple[int, int]:
    start = max(0, min(int(span[0]), length))
    end = max(start, min(int(span[1]), length))
    return start, end


def highlight(sentence: str, span: Sequence[int]) -> tuple[str, str, str]:
    """``(before, evidence, after)`` of a sentence around an event's span (clamped to the sentence)."""
    start, end = _clamp(span, len(sentence))
    return sentence[:start], sentence[start:end], sentence[end:]


def _locate(text: str, sentence: dict[str, Any], hint: int) -> int | None:
    """Where a stored sentence starts in ``text``: its recorded offset, or a search from ``hint``."""
    start, end, body = int(sentence["start"]), int(sentence["end"]), str(sentence["text"])
    if text[start:end] == body:
        return start
    found = text.find(body, hint)
    if found < 0:
        found = text.find(body)
    return found if found >= 0 else None


def mark_document(text: str, sentences: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]]) -> list[Piece]:
    """Split a document's text into pieces, marking the evidence span of every event.

    ``sentences`` are rows with ``idx, text, start, end``; ``events`` are event
    records with ``key, doc_sentence, span``. Overlapping spans split into
    pieces that carry every covering event.
    """
    starts: dict[int, int] = {}
    hint = 0
    for s in sentences:
        at = _locate(text, s, hint)
        if at is not None:
            starts[int(s["idx"])] = at
            hint = at + len(str(s["text"]))
    intervals: list[tuple[int, int, str]] = []
    for ev in events:
        base = starts.get(int(ev["doc_sentence"]))
        if base is None:
            continue
        s0, s1 = _clamp(ev["span"], len(ev.get("sentence") or text))
        a, b = min(base + s0, len(text)), min(base + s1, len(text))
        if b > a:
            intervals.append((a, b, str(ev["key"])))
    anchors = {at: idx for idx, at in starts.items()}
    cuts = {0, len(text), *anchors}
    for a, b, _ in intervals:
        cuts.update((a, b))
    ordered = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces: list[Piece] = []
    for a, b in pairwise(ordered):
        keys = [k for (x, y, k) in intervals if x <= a and b <= y]
        anchor = anchors.get(a)
        if pieces and not keys and not pieces[-1].events and anchor is None:
            pieces[-1].text += text[a:b]
        else:
            pieces.append(Piece(text[a:b], keys, anchor))
    return pieces
