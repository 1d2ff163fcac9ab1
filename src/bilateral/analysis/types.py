"""The profile of a dyad, below the modules that fill it (``profile``) and read it (``verdict``).

:class:`DyadProfile` holds every measure of a pair of countries; :mod:`bilateral.analysis.profile`
builds it and :mod:`bilateral.analysis.verdict` writes its verdict, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bilateral.analysis.compare import PeerComparison, PeerContrast, Reciprocity, material_contrasts
from bilateral.analysis.evidence import EventRef
from bilateral.analysis.gap import DyadGap
from bilateral.analysis.periods import PeriodMeasures
from bilateral.analysis.promises import FollowThrough
from bilateral.analysis.wording import Verdict, cell_id


@dataclass(slots=True)
class DyadProfile:
    """The measures of a dyad A–B: both directions, their series, ledger, promises, peers, verdict."""

    a: str
    b: str
    by: str | None
    since: str | None
    until: str | None
    as_of: date | None
    gap: DyadGap
    ledger: Reciprocity
    series: dict[str, list[PeriodMeasures]] = field(default_factory=dict)  # key "A>B"
    promises: list[FollowThrough] = field(default_factory=list)
    peers: list[PeerComparison] = field(default_factory=list)
    events: list[tuple[EventRef, str | None]] = field(default_factory=list)
    verdict: Verdict = field(default_factory=Verdict)
    peers_requested: list[str] | None = None  # the peers named by the caller; None when picked automatically
    background: bool = False  # whether background events (recalled from well before their article) count
    span: tuple[date, date] | None = None  # the timeline's first and last day (the publication window)
    _cells: dict[str, list[EventRef]] = field(default_factory=dict, repr=False)

    @property
    def peer_names(self) -> list[str]:
        """Every peer compared, in order (named or picked automatically)."""
        out: list[str] = []
        for pc in self.peers:
            out.extend(d.target for d in pc.peers if d.target not in out)
        return out

    @property
    def empty(self) -> bool:
        """True when neither direction has any event."""
        return self.ledger.forward.total.events == 0 and self.ledger.backward.total.events == 0

    def cells(self) -> dict[str, list[EventRef]]:
        """Evidence per cell id (see :func:`cell_id`): every measure × direction × channel × period."""
        if not self._cells and self.events:
            cells: dict[str, list[EventRef]] = {}
            for ref, period in self.events:
                if not ref.source or not ref.target:
                    continue
                for m in sorted(ref.measures):
                    keys = [cell_id(ref.source, ref.target, m), cell_id(ref.source, ref.target, m, ref.channel)]
                    if period:
                        keys.append(cell_id(ref.source, ref.target, m, None, period))
                    for k in keys:
                        cells.setdefault(k, []).append(ref)
            self._cells = cells
        return self._cells

    def cell(self, cid: str) -> list[EventRef]:
        """The evidence of one cell (empty if the cell has none)."""
        return self.cells().get(cid, [])

    def peer_evidence(self, giver: str, receiver: str, channel: str) -> list[EventRef]:
        """Delivery evidence from ``giver`` to ``receiver`` in ``channel``."""
        return self.cell(cell_id(giver, receiver, "delivery", channel))

    @property
    def contrasts(self) -> list[PeerContrast]:
        """The material peer contrasts of every comparison, strongest first."""
        found = [c for pc in self.peers for c in material_contrasts(pc)]
        return sorted(found, key=lambda c: c.strength, reverse=True)

    @property
    def background_events(self) -> list[EventRef]:
        """The dyad's events recalled from well before their article (shown, counted only on request)."""
        pair = {(self.a, self.b), (self.b, self.a)}
        return [ref for ref, _ in self.events if ref.background and (ref.source, ref.target) in pair]

    def to_dict(self, items: int | None = None) -> dict[str, Any]:
        """JSON-ready form: the keys of :meth:`DyadGap.to_dict` plus every measure of the profile.

        ``items`` bounds the lists of events that grow with the dyad (each direction's promises, the
        background events) to their first ``items`` entries; a cut list is flagged with its full length
        (``items_total`` in a direction's promises, ``background_total``). ``None``: every entry."""
        out = self.gap.to_dict()
        background = self.background_events
        out.update({
            "by": self.by,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "background_counted": self.background,
            "span": [d.isoformat() for d in self.span] if self.span else None,
            "background": [e.to_dict() for e in background[:items]],
            "balance": {direction_key(d.source, d.target): d.balance.to_dict()
                        for d in (self.ledger.forward, self.ledger.backward)},
            "measures": [self.ledger.forward.to_dict(), self.ledger.backward.to_dict()],
            "ledger": self.ledger.to_dict(),
            "series": {k: [p.to_dict() for p in v] for k, v in self.series.items()},
            "promises": [f.to_dict(items) for f in self.promises],
            "peers": [p.to_dict() for p in self.peers],
            "verdict": self.verdict.to_dict(),
        })
        if items is not None and len(background) > items:
            out["background_total"] = len(background)
        return out


def direction_key(source: str, target: str) -> str:
    """The key of a direction in :attr:`DyadProfile.series` (``"USA>PAK"``)."""
    return f"{source}>{target}"
