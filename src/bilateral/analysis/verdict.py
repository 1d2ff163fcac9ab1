"""The plain-language verdict: the answer first, then at most a handful of findings, strongest first.

Nothing here knows any article: every sentence is a template whose slots are numbers,
channel names, actor names and quoted evidence taken from a :class:`DyadProfile`.
The verdict leads with the answer (:func:`~bilateral.analysis.findings.answer_claim`), then gives at
most :data:`MAX_FINDINGS` findings in this order of strength: what was taken away, each
direction's words against deeds, threats, material peer contrasts, reciprocity, promises, the trend.
The thresholds are written out in ``docs/method.md``.
"""

from __future__ import annotations

from bilateral.actor_names import actor_name, is_country
from bilateral.analysis.findings import answer_claim, contrast_claim, taken_claim, threats_claim
from bilateral.analysis.measures import TANGIBLE_CHANNELS, DirectionMeasures, balance_index
from bilateral.analysis.types import DyadProfile, direction_key
from bilateral.analysis.wording import Claim, Verdict, cap, cell_id, join, plural, poss

__all__ = ["Claim", "Verdict", "actor_name", "build_verdict", "cell_id", "is_country", "warmth_level"]

#: Warmth is called "high" from this many realized expressions with a gap index of at least HIGH_GAP.
HIGH_WARMTH = 2
HIGH_GAP = 0.5
#: Reciprocity indices within ±BALANCED are "broadly balanced".
BALANCED = 0.2
#: A change of the gap index between the first and the last period with evidence above this is a trend.
TREND = 0.1
#: The verdict gives at most this many findings after its answer.
MAX_FINDINGS = 5
#: A direction's deeds are listed for its this many busiest channels.
TOP_CHANNELS = 3


def warmth_level(d: DirectionMeasures) -> str:
    """``high``, ``moderate`` or ``no``: how warm ``d`` is, judged on its realized verbal cooperation and gap.

    High: at least :data:`HIGH_WARMTH` realized expressions and a gap index of at least :data:`HIGH_GAP`
    (words clearly outweigh deeds); moderate: any other realized warmth.
    """
    w = d.total.warmth
    if w == 0:
        return "no"
    return "high" if w >= HIGH_WARMTH and d.index.value >= HIGH_GAP else "moderate"


def _direction_claim(d: DirectionMeasures) -> Claim | None:
    t = d.total
    if t.events == 0:
        return None
    x, y = actor_name(d.source), actor_name(d.target)
    ix = d.index
    cells = []
    level = warmth_level(d)
    if t.warmth:
        cells.append(cell_id(d.source, d.target, "warmth"))
        part1 = f"{cap(poss(x))} warmth toward {y} is {level} ({plural(t.warmth, 'realized expression')})"
    else:
        part1 = f"{cap(x)} expressed no realized warmth toward {y}"
    denied = [c for c, tl in d.by_channel.items() if tl.denials and not tl.delivery]
    missing = [c for c in d.by_channel if c in TANGIBLE_CHANNELS and d.by_channel[c].delivery == 0
               and (d.by_channel[c].denials or d.by_channel[c].promises)]
    if t.delivery == 0:
        where = join([c for c in missing]) if missing else ""
        part2 = "delivery is nil" + (f" across {where}" if where else "")
        if t.denials:
            part2 += (f", where {plural(t.denials, 'gain')} {'was' if t.denials == 1 else 'were'} "
                      f"reported as not given")
            cells.extend(cell_id(d.source, d.target, "denials", c) for c in denied)
    else:
        delivered = sorted(((c, tl.delivery) for c, tl in d.by_channel.items() if tl.delivery), key=lambda x: -x[1])
        listed = ", ".join(f"{c} {n}" for c, n in delivered[:TOP_CHANNELS])
        part2 = (f"delivery is {plural(t.delivery, 'realized deed')} "
                 f"({listed}{', …' if len(delivered) > TOP_CHANNELS else ''})")
        cells.append(cell_id(d.source, d.target, "delivery"))
        if missing:
            part2 += f", none in {join(missing)}"
            cells.extend(cell_id(d.source, d.target, "denials", c) for c in denied if c in missing)
    band = f"gap {ix.value:+.2f}, 95% band {ix.low:+.2f} to {ix.high:+.2f}, {plural(ix.articles, 'article')}"
    joiner = " — yet " if level != "no" and t.delivery == 0 else "; "
    return Claim(f"{part1}{joiner}{part2} ({band}).", cells)


def _reciprocity_claim(p: DyadProfile) -> Claim | None:
    fwd, bwd = p.ledger.forward, p.ledger.backward
    candidates = []
    for giver, taker in ((fwd, bwd), (bwd, fwd)):
        g, r = giver.total, taker.total
        index = balance(giver, taker)
        if g.giving and r.delivery == 0 and (r.denials > 0 or index > BALANCED):
            candidates.append((r.denials, index, giver, taker))
    if candidates:
        _, index, giver, taker = max(candidates, key=lambda c: (c[0], c[1]))
        g, r = giver.total, taker.total
        x, y = actor_name(giver.source), actor_name(giver.target)
        coop, offers = g.warmth + g.delivery, g.giving - g.warmth - g.delivery
        channels = [c for c, tl in giver.by_channel.items() if tl.giving]
        gave = []
        if coop:
            gave.append(f"gave {plural(coop, 'act')} of realized cooperation")
        if offers:
            gave.append(f"made {plural(offers, 'offer')}")
        ret = (f"{y} returned {plural(r.warmth, 'expression')} of verbal cooperation and no material deed"
               if r.warmth else f"{y} returned nothing")
        if r.denials:
            ret += (f", and {plural(r.denials, 'gain')} from {y} {'was' if r.denials == 1 else 'were'} "
                    f"reported as not given")
        cells = [cell_id(giver.source, giver.target, "cooperation"), cell_id(giver.source, giver.target, "promises"),
                 cell_id(taker.source, taker.target, "cooperation")]
        if r.denials:
            cells.append(cell_id(taker.source, taker.target, "denials"))
        return Claim(
            f"{cap(poss(x))} giving is not reciprocated: {x} {' and '.join(gave)} ({join(channels)}), "
            f"while {ret} (reciprocity {index:+.2f}).",
            cells,
        )
    a, b = actor_name(fwd.source), actor_name(fwd.target)
    if fwd.total.delivery and bwd.total.delivery:
        r_ab = p.ledger.index
        if abs(r_ab) < BALANCED:
            text = (f"Giving is broadly reciprocated: {a} and {b} both deliver "
                    f"({fwd.total.delivery} and {bwd.total.delivery} realized deeds; reciprocity {r_ab:+.2f}).")
        else:
            more, less = (a, b) if r_ab > 0 else (b, a)
            text = f"Giving is lopsided: {more} gives more than it receives from {less} (reciprocity {r_ab:+.2f})."
        return Claim(text, [cell_id(fwd.source, fwd.target, "delivery"), cell_id(bwd.source, bwd.target, "delivery")])
    for giver, taker in ((fwd, bwd), (bwd, fwd)):
        if giver.total.delivery and not taker.total.delivery:
            x, y = actor_name(giver.source), actor_name(giver.target)
            return Claim(
                f"Only {x} delivers: {plural(giver.total.delivery, 'realized deed')} to {y}, none in return "
                f"(reciprocity {balance(giver, taker):+.2f}).",
                [cell_id(giver.source, giver.target, "delivery")],
            )
    return None


def balance(giver: DirectionMeasures, taker: DirectionMeasures) -> float:
    """The reciprocity index of ``giver`` against ``taker``."""
    return balance_index(giver.total.giving, taker.total.giving)


def _trend_claim(p: DyadProfile, d: DirectionMeasures) -> Claim | None:

    points = [pt for pt in p.series.get(direction_key(d.source, d.target), [])
              if pt.tally.warmth + pt.tally.delivery]
    if len(points) < 2:
        return None
    first, last = points[0], points[-1]
    g0, g1 = first.index, last.index
    x, y = actor_name(d.source), actor_name(d.target)
    change = g1.value - g0.value
    if change < -TREND:
        how = "narrowed"
    elif change > TREND:
        how = "widened"
    else:
        how = "held steady"
    text = (f"The gap of {x} toward {y} {how} from {g0.value:+.2f} in {first.period} to {g1.value:+.2f} "
            f"in {last.period}")
    if how != "held steady" and g1.low <= g0.high and g0.low <= g1.high:
        text += " (the bands overlap: the change is not certain)"
    cells = [cell_id(d.source, d.target, m, None, pt.period) for pt in (first, last) for m in ("warmth", "delivery")]
    return Claim(text + ".", cells)


def _promise_claims(p: DyadProfile) -> list[Claim]:
    out = []
    for ft in p.promises:
        n = len(ft.items)
        if not n:
            continue
        c = ft.counts
        x, y = actor_name(ft.source), actor_name(ft.target)
        parts = [f"{c['kept']} kept"]
        if c["broken"]:
            parts.append(f"{c['broken']} broken")
        parts += [f"{c['pending']} pending", f"{c['lapsed']} lapsed"]
        if c["undated"]:
            parts.append(f"{c['undated']} undated")
        out.append(Claim(
            f"{cap(x)} made {plural(n, 'promise')} to {y}: {', '.join(parts)} "
            f"(horizon {ft.horizon_days} days).",
            [cell_id(ft.source, ft.target, "promises")],
        ))
    return out


def build_verdict(p: DyadProfile) -> Verdict:
    """The verdict of a dyad profile: the answer, then at most :data:`MAX_FINDINGS` findings, strongest first."""
    fwd, bwd = p.ledger.forward, p.ledger.backward
    if fwd.total.events == 0 and bwd.total.events == 0:
        span = ""
        if p.since or p.until:
            span = f" between {p.since or 'the start'} and {p.until or 'the end'}"
        return Verdict([Claim(
            f"No events between {actor_name(p.a)} and {actor_name(p.b)} are stored{span}: "
            f"there is nothing to weigh yet. Ingest articles that report on both.", kind="answer",
        )])
    ordered = sorted((fwd, bwd), key=lambda d: (d.total.denials + d.total.warmth, d.total.events), reverse=True)
    findings: list[Claim | None] = [taken_claim(p, d) for d in ordered]
    findings += [_direction_claim(d) for d in ordered]
    findings += [threats_claim(p, d) for d in ordered]
    findings += [contrast_claim(p, c) for c in p.contrasts]
    findings += [_reciprocity_claim(p), *_promise_claims(p)]
    findings += [_trend_claim(p, d) for d in ordered]
    kept = [c for c in findings if c is not None][:MAX_FINDINGS]
    return Verdict([answer_claim(p), *kept])
