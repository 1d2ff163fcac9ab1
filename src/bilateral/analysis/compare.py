"""Reciprocity (A→B against B→A, per channel) and peer comparison (one giver, several receivers).

Both are built from :func:`~bilateral.analysis.measures.direction_measures`, so every
number equals the direction's own tallies.

* The **ledger** of a dyad lists, per channel, what A gave B and what B gave A (warmth,
  delivery, promises, denials). Its **reciprocity index** per channel is
  ``R = (S_AB − S_BA) / (S_AB + S_BA + k)`` where ``S`` counts the acts a side gives (realized
  cooperation of either QuadClass, or a promise; each event once): ``R > 0`` means A gives more
  than it gets.
* A **peer comparison** holds one giver fixed and sets its measures toward the focal receiver
  against its measures toward each peer, channel by channel. A contrast is *material*
  (:func:`material_contrasts`) only in a tangible channel, and only when the receiver's gains there
  were reported denied while the peer got deeds, or when the peer's share of the deeds is beyond
  the 95% band on at least :data:`MIN_CONTRAST_ARTICLES` articles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bilateral.actor_names import is_country
from bilateral.analysis.gap import HasConnection
from bilateral.analysis.measures import (
    TANGIBLE_CHANNELS,
    DirectionMeasures,
    Tally,
    _channel_order,
    _date_filter,
    balance_index,
    direction_measures,
    events_view,
    norm_code,
    wilson_interval,
)

if TYPE_CHECKING:  # pandas is imported where a frame is built: loading it costs most of a command's start-up
    import pandas as pd


@dataclass(slots=True)
class LedgerRow:
    """One channel of a dyad: what A gave B (``given``) and what B gave A (``received``)."""

    channel: str
    given: Tally
    received: Tally

    @property
    def reciprocity(self) -> float:
        """``(S_AB − S_BA) / (S_AB + S_BA + k)``: above 0, A gives more than it gets in this channel."""
        return balance_index(self.given.giving, self.received.giving)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "channel": self.channel, "given": self.given.to_dict(), "received": self.received.to_dict(),
            "reciprocity": round(self.reciprocity, 4),
            "net_given": self.given.net, "net_received": self.received.net,
        }


@dataclass(slots=True)
class Reciprocity:
    """The ledger of a dyad, channel by channel, and its overall reciprocity."""

    a: str
    b: str
    forward: DirectionMeasures  # A→B: what A gives
    backward: DirectionMeasures  # B→A: what A receives
    rows: list[LedgerRow] = field(default_factory=list)

    @property
    def index(self) -> float:
        """Overall ``(S_AB − S_BA) / (S_AB + S_BA + k)``."""
        return balance_index(self.forward.total.giving, self.backward.total.giving)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "a": self.a, "b": self.b, "index": round(self.index, 4),
            "given": self.forward.total.to_dict(), "received": self.backward.total.to_dict(),
            "rows": [r.to_dict() for r in self.rows],
        }

    def frame(self) -> pd.DataFrame:
        """One row per channel: ``channel`` then ``given_*`` and ``received_*`` measures and ``reciprocity``."""
        rows = []
        for r in self.rows:
            row: dict[str, Any] = {"channel": r.channel}
            row.update({f"given_{k}": v for k, v in r.given.to_dict().items()})
            row.update({f"received_{k}": v for k, v in r.received.to_dict().items()})
            row["reciprocity"] = r.reciprocity
            rows.append(row)
        import pandas as pd

        return pd.DataFrame(rows)


def ledger_from(forward: DirectionMeasures, backward: DirectionMeasures) -> Reciprocity:
    """The ledger of two already-measured directions (``forward`` is A→B)."""
    channels = _channel_order([*forward.by_channel, *backward.by_channel])
    return Reciprocity(
        forward.source, forward.target, forward, backward,
        [LedgerRow(c, forward.channel(c), backward.channel(c)) for c in channels],
    )


def reciprocity(
    store: HasConnection, a: str, b: str, *, since: str | None = None, until: str | None = None,
    background: bool = False,
) -> Reciprocity:
    """What ``a`` gives ``b`` against what ``b`` gives ``a``, per channel."""
    return ledger_from(
        direction_measures(store, a, b, since=since, until=until, background=background),
        direction_measures(store, b, a, since=since, until=until, background=background),
    )


@dataclass(slots=True)
class PeerComparison:
    """How ``giver`` treats ``receiver`` compared with each of ``peers``."""

    giver: str
    receiver: str
    focal: DirectionMeasures
    peers: list[DirectionMeasures] = field(default_factory=list)

    @property
    def channels(self) -> list[str]:
        """Every channel with an event toward the receiver or a peer."""
        return _channel_order([c for d in (self.focal, *self.peers) for c in d.by_channel])

    def better_off(self, measure: str = "delivery") -> list[tuple[DirectionMeasures, str, int, int]]:
        """``(peer, channel, peer's value, receiver's value)`` where a peer got more of ``measure``."""
        out = []
        for p in self.peers:
            for c in self.channels:
                pv, fv = getattr(p.channel(c), measure), getattr(self.focal.channel(c), measure)
                if pv > fv:
                    out.append((p, c, int(pv), int(fv)))
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "giver": self.giver, "receiver": self.receiver, "channels": self.channels,
            "receivers": [d.to_dict() for d in (self.focal, *self.peers)],
            "material": [c.to_dict() for c in material_contrasts(self)],
        }

    def frame(self) -> pd.DataFrame:
        """One row per receiver and channel with the giver's measures toward that receiver."""
        rows = []
        for d in (self.focal, *self.peers):
            for c in self.channels:
                rows.append({"giver": self.giver, "receiver": d.target, "channel": c, **d.channel(c).to_dict()})
        import pandas as pd

        return pd.DataFrame(rows)


#: A contrast on deeds alone (no denial) needs at least this many articles behind the deeds compared.
MIN_CONTRAST_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class PeerContrast:
    """A material difference: ``giver`` delivered more to ``peer`` than to ``receiver`` in ``channel``."""

    giver: str
    receiver: str
    peer: str
    channel: str
    peer_deeds: int
    receiver_deeds: int
    receiver_denials: int
    articles: int

    @property
    def strength(self) -> tuple[int, int]:
        """How strong the contrast is: denied gains first, then the difference in deeds."""
        return (1 if self.receiver_denials else 0, self.peer_deeds - self.receiver_deeds)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"giver": self.giver, "receiver": self.receiver, "peer": self.peer, "channel": self.channel,
                "peer_deeds": self.peer_deeds, "receiver_deeds": self.receiver_deeds,
                "receiver_denials": self.receiver_denials, "articles": self.articles}


def is_material(peer: Tally, focal: Tally) -> bool:
    """Whether a peer's deeds in a tangible channel (``peer``) stand materially above the receiver's (``focal``)."""
    pv, fv = peer.delivery, focal.delivery
    if pv <= fv:
        return False
    if focal.denials and fv == 0:
        return True  # the press reports the receiver denied what the peer got
    articles = peer.ledger_articles + focal.ledger_articles
    if articles < MIN_CONTRAST_ARTICLES:
        return False
    trials = min(max(articles, 1), pv + fv)
    low, _ = wilson_interval(pv * trials / (pv + fv), trials)
    return low > 0.5


def material_contrasts(pc: PeerComparison) -> list[PeerContrast]:
    """The material contrasts of a peer comparison, at most one per channel (the strongest peer), strongest first."""
    best: dict[str, PeerContrast] = {}
    for channel in pc.channels:
        if channel not in TANGIBLE_CHANNELS:
            continue
        focal = pc.focal.channel(channel)
        for p in pc.peers:
            tally = p.channel(channel)
            if not is_material(tally, focal):
                continue
            c = PeerContrast(pc.giver, pc.receiver, p.target, channel, tally.delivery, focal.delivery,
                             focal.denials, tally.ledger_articles + focal.ledger_articles)
            if channel not in best or c.strength > best[channel].strength:
                best[channel] = c
    return sorted(best.values(), key=lambda c: c.strength, reverse=True)


def top_receivers(
    store: HasConnection, giver: str, *, exclude: Sequence[str] = (), limit: int = 3,
    since: str | None = None, until: str | None = None,
) -> list[str]:
    """The countries (ISO 3166 alpha-3 codes) ``giver`` has most events toward, most first."""
    con = store.connection
    giver = norm_code(giver)
    excl = [norm_code(x) for x in exclude]
    where, params = _date_filter(since, until)
    not_in = f" AND target NOT IN ({', '.join('?' for _ in excl)})" if excl else ""
    rows = con.execute(
        f"SELECT target, count(*) AS n FROM {events_view(con)} WHERE source = ? AND target IS NOT NULL "
        f"AND length(target) = 3 AND target <> source{not_in}{where} GROUP BY target ORDER BY n DESC, target",
        [giver, *excl, *params],
    ).fetchall()
    return [str(r[0]) for r in rows if is_country(str(r[0]))][:limit]


def peer_list(giver: str, receiver: str, peers: Sequence[str]) -> list[str]:
    """The peers :func:`peer_comparison` compares: codes in order, once each, neither giver nor receiver."""
    seen = {norm_code(giver), norm_code(receiver)}
    plist: list[str] = []
    for p in peers:
        code = norm_code(p)
        if code and code not in seen:
            seen.add(code)
            plist.append(code)
    return plist


def peer_comparison(
    store: HasConnection, giver: str, receiver: str, peers: Sequence[str],
    *, since: str | None = None, until: str | None = None, background: bool = False,
    measures: Mapping[tuple[str, str], DirectionMeasures] | None = None,
) -> PeerComparison:
    """How ``giver`` treats ``receiver`` against each of ``peers`` (the receiver itself is skipped among them).

    ``measures``: the directions' measures when read already (:func:`directions_measures` with the
    same bounds), else each is measured here."""
    giver, receiver = norm_code(giver), norm_code(receiver)

    def measured(target: str) -> DirectionMeasures:
        if measures is not None and (giver, target) in measures:
            return measures[(giver, target)]
        return direction_measures(store, giver, target, since=since, until=until, background=background)

    return PeerComparison(giver, receiver, measured(receiver), [measured(p) for p in peer_list(giver, receiver, peers)])
