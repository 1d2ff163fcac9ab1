"""Everything known about one dyad, in one object: the numbers of ``bilateral gap`` and of the report.

:func:`dyad_profile` runs every measure once; ``bilateral gap --format json`` prints
:meth:`DyadProfile.to_dict`, and the HTML/Markdown report renders the same object, so the
two can never disagree. The dashboard uses it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bilateral.analysis.compare import (
    ledger_from,
    peer_comparison,
    peer_list,
    top_receivers,
)
from bilateral.analysis.evidence import dyad_events
from bilateral.analysis.gap import HasConnection, dyad_gap
from bilateral.analysis.measures import directions_measures, norm_code
from bilateral.analysis.periods import _check_period, dyad_period_span, measure_series
from bilateral.analysis.promises import DEFAULT_HORIZON_DAYS, follow_through, store_as_of
from bilateral.analysis.types import DyadProfile, direction_key
from bilateral.analysis.verdict import build_verdict

#: How many peers are picked when none are named.
AUTO_PEERS = 3


def dyad_profile(
    store: HasConnection,
    a: str,
    b: str,
    *,
    by: str | None = "month",
    peers: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    as_of: date | None = None,
    evidence: int = 5,
    background: bool = False,
) -> DyadProfile:
    """Measure the dyad ``a``–``b``.

    ``by`` is the period of the series (``None`` for no series); ``peers`` are the receivers
    compared with ``a`` (as receivers of ``b``) and with ``b`` (as receivers of ``a``); when
    ``None``, the giver's :data:`AUTO_PEERS` most frequent other targets are used, and ``[]``
    turns peers off. ``evidence`` is passed to :func:`dyad_gap`. Background events (recalled from
    well before their article) are listed but counted only when ``background`` is true.
    """
    a, b = norm_code(a), norm_code(b)
    if by is not None:
        _check_period(by)
    scope: dict[str, Any] = {"since": since, "until": until, "background": background}
    gap = dyad_gap(store, a, b, evidence=evidence, **scope)
    # the peers first, so the measures of the dyad and of every peer direction come from one query
    peer_names: dict[tuple[str, str], list[str]] = {}
    for giver, receiver in ((b, a), (a, b)):
        peer_names[(giver, receiver)] = (
            list(peers) if peers is not None
            else top_receivers(store, giver, exclude=[receiver], limit=AUTO_PEERS, since=since, until=until))
    measures = directions_measures(
        store, [(a, b), (b, a), *((g, p) for (g, r), names in peer_names.items() for p in peer_list(g, r, names))],
        **scope)
    fwd, bwd = measures[(a, b)], measures[(b, a)]
    profile = DyadProfile(
        a=a, b=b, by=by, since=since, until=until, as_of=as_of or store_as_of(store),
        gap=gap, ledger=ledger_from(fwd, bwd),
        peers_requested=[norm_code(x) for x in peers] if peers is not None else None,
        background=background, span=dyad_period_span(store, [(a, b), (b, a)], **scope),
    )
    if by is not None:
        for s, t in ((a, b), (b, a)):
            profile.series[direction_key(s, t)] = (
                measure_series(store, s, t, by=by, span=profile.span, **scope) if profile.span else []
            )
    pairs: list[tuple[str, str]] = [(a, b), (b, a)]
    for (giver, receiver), names in peer_names.items():
        if not names:
            continue
        pc = peer_comparison(store, giver, receiver, names, measures=measures, **scope)
        if pc.peers and any(p.total.events for p in pc.peers):
            profile.peers.append(pc)
            pairs.extend((giver, p.target) for p in pc.peers)
    profile.events = dyad_events(store, pairs, by=by or "month", **scope)
    # follow-through reads each direction's events over every date, background flagged: those just read
    # when nothing bounds them (the same rows in the same order), else its own query
    unbounded = since is None and until is None and not background
    profile.promises = [
        follow_through(store, s, t, horizon_days=horizon_days, as_of=profile.as_of, since=since, until=until,
                       events=[ref for ref, _ in profile.events if (ref.source, ref.target) == (s, t)]
                       if unbounded else None)
        for s, t in ((a, b), (b, a))
    ]
    profile.verdict = build_verdict(profile)
    return profile
