"""The ledger's findings: the answer, what was taken and threatened, and material peer contrasts.

Each finding is a :class:`~bilateral.analysis.wording.Claim` filled from the measures, with
the evidence cells behind it and, where it reports deeds, one quoted sentence chosen by
:func:`representative` (the sentence whose object words the most articles share). The
thresholds are written out in ``docs/method.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilateral.actor_names import actor_name, kind_name
from bilateral.analysis.compare import PeerContrast
from bilateral.analysis.evidence import EventRef
from bilateral.analysis.measures import TANGIBLE_CHANNELS, DirectionMeasures
from bilateral.analysis.objects import object_terms
from bilateral.analysis.wording import Claim, cap, cell_id, join, plural, poss, quote

if TYPE_CHECKING:
    from bilateral.analysis.types import DyadProfile

#: The gap index from which words clearly outweigh deeds in the answer.
WORDY_GAP = 0.5


def representative(refs: Sequence[EventRef]) -> EventRef | None:
    """The event that best stands for ``refs``: the one whose object words appear in the most articles.

    Ties go to the event reported earliest, so the quote does not depend on the order given.
    """
    if not refs:
        return None
    terms = {r.key: object_terms(r.sentence, r.span) for r in refs}
    df: Counter[str] = Counter(w for _, w in {(r.doc_id, w) for r in refs for w in terms[r.key]})
    return min(refs, key=lambda r: (-sum(df[w] for w in terms[r.key]), r.date or "9999", r.doc_id, r.doc_sentence))


def _by_channel(d: DirectionMeasures, measure: str) -> list[tuple[str, int]]:
    counts = [(c, int(getattr(t, measure))) for c, t in d.by_channel.items() if getattr(t, measure)]
    return sorted(counts, key=lambda ct: -ct[1])


def _refs(p: DyadProfile, d: DirectionMeasures, measure: str) -> list[EventRef]:
    return p.cell(cell_id(d.source, d.target, measure))


def taken_claim(p: DyadProfile, d: DirectionMeasures) -> Claim | None:
    """What ``d.source`` took away from ``d.target``: counts per channel, the main kind, the balance, a quote."""
    t = d.total
    if not t.taken:
        return None
    refs = _refs(p, d, "taken")
    x, y = actor_name(d.source), actor_name(d.target)
    channels = _by_channel(d, "taken")
    kinds = Counter(r.cameo[:3] for r in refs)
    main = f", mostly “{kind_name(kinds.most_common(1)[0][0])}”" if kinds else ""
    bal = d.balance
    example = representative([r for r in refs if r.channel == channels[0][0]] or refs)
    said = f": “{quote(example.sentence)}”" if example else ""
    articles = len({r.doc_id for r in refs})
    text = (f"{cap(x)} took {plural(t.taken, 'gain')} away from {y} "
            f"({', '.join(f'{c} {n}' for c, n in channels[:3])}{main}; {plural(articles, 'article')}; "
            f"balance {bal.value:+.2f}, 95% band {bal.low:+.2f} to {bal.high:+.2f}){said}.")
    cells = [cell_id(d.source, d.target, "taken"), *(cell_id(d.source, d.target, "taken", c) for c, _ in channels)]
    return Claim(text, cells)


def threats_claim(p: DyadProfile, d: DirectionMeasures) -> Claim | None:
    """What ``d.source`` threatened to take from ``d.target``, with one quote."""
    t = d.total
    if not t.threats:
        return None
    refs = _refs(p, d, "threats")
    channels = _by_channel(d, "threats")
    example = representative(refs)
    said = f": “{quote(example.sentence)}”" if example else ""
    text = (f"{cap(actor_name(d.source))} threatened to take more from {actor_name(d.target)}: "
            f"{plural(t.threats, 'threat')} ({', '.join(f'{c} {n}' for c, n in channels[:3])}){said}.")
    return Claim(text, [cell_id(d.source, d.target, "threats")])


def contrast_claim(p: DyadProfile, c: PeerContrast) -> Claim:
    """A material peer contrast, with one of the peer's deeds quoted."""
    g, r, q = actor_name(c.giver), actor_name(c.receiver), actor_name(c.peer)
    example = representative(p.peer_evidence(c.giver, c.peer, c.channel))
    said = f" (“{quote(example.sentence)}”)" if example else ""
    denied = ""
    cells = [cell_id(c.giver, c.peer, "delivery", c.channel), cell_id(c.giver, c.receiver, "delivery", c.channel)]
    if c.receiver_denials:
        verb = "was" if c.receiver_denials == 1 else "were"
        denied = f", while {plural(c.receiver_denials, 'gain')} of {r} there {verb} reported as not given"
        cells.append(cell_id(c.giver, c.receiver, "denials", c.channel))
    return Claim(
        f"{cap(q)} fared better than {r} with {g} on {c.channel}: "
        f"{plural(c.peer_deeds, 'realized deed')} against {c.receiver_deeds}{denied}{said}.",
        cells,
    )


def tangible_delivery(d: DirectionMeasures) -> int:
    """Realized material cooperation of ``d`` in the tangible channels (trade, investment, finance, …)."""
    return sum(t.delivery for c, t in d.by_channel.items() if c in TANGIBLE_CHANNELS)


def _takers(p: DyadProfile) -> list[str]:
    out = []
    for d in (p.ledger.forward, p.ledger.backward):
        t = d.total
        if t.taken:
            part = f"{actor_name(d.source)} took {plural(t.taken, 'gain')} away from {actor_name(d.target)}"
            if t.threats:
                part += f" (threatening {t.threats} more)"
            out.append(part)
    return out


def answer_claim(p: DyadProfile) -> Claim:
    """The answer to "is warmth turning into tangible gains?" in one or two sentences.

    Tangible gains are deeds in the tangible channels; what was taken is set against them.
    """
    fwd, bwd = p.ledger.forward, p.ledger.backward
    a, b = actor_name(p.a), actor_name(p.b)
    warmth = fwd.total.warmth + bwd.total.warmth
    delivery = tangible_delivery(fwd) + tangible_delivery(bwd)
    taken = fwd.total.taken + bwd.total.taken
    denials = fwd.total.denials + bwd.total.denials
    cells = [cell_id(d.source, d.target, m) for d in (fwd, bwd) for m in ("warmth", "delivery", "taken")
             if getattr(d.total, m)]
    takers = _takers(p)
    deeds = f"{plural(delivery, 'tangible deed')} delivered"
    if warmth + delivery + taken == 0:
        text = (f"Not measurable yet: between {a} and {b} there is no realized warmth, deed or taking on record "
                f"({plural(fwd.total.events + bwd.total.events, 'other event')}).")
    elif delivery == 0 and taken == 0:
        text = (f"No: warmth between {a} and {b} ({plural(warmth, 'realized expression')}) has not turned into "
                f"tangible gains; no tangible deed was delivered either way"
                + (f", and {plural(denials, 'gain')} {'was' if denials == 1 else 'were'} reported as not given."
                   if denials else "."))
    elif taken >= delivery:
        text = (f"No: more was taken than given between {a} and {b}. {cap(join(takers))}, against {deeds} "
                f"(and {plural(warmth, 'realized expression')} of warmth).")
    elif taken:
        text = f"Partly: warmth between {a} and {b} came with {deeds}, but {join(takers)}."
    elif max(fwd.index.value, bwd.index.value) >= WORDY_GAP:
        wordy = max((fwd, bwd), key=lambda d: d.index.value)
        text = (f"Partly: {deeds} between {a} and {b}, nothing taken away, but {poss(actor_name(wordy.source))} "
                f"words outweigh its deeds (gap {wordy.index.value:+.2f}).")
    else:
        text = (f"Yes: warmth between {a} and {b} ({plural(warmth, 'realized expression')}) came with {deeds}, "
                f"and nothing was taken away.")
    return Claim(text, cells, kind="answer")
