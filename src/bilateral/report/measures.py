"""Terminal tables of a dyad profile: gap index, series, ledger, promises, peers and the verdict."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from bilateral.analysis.profile import DyadProfile, direction_key
from bilateral.analysis.promises import OUTCOMES


def render_profile(p: DyadProfile) -> RenderableType:
    """A renderable with the measures of :func:`~bilateral.analysis.dyad_profile` beyond the plain gap."""
    parts: list[RenderableType] = [Text(""), Text("Measures", style="bold underline")]
    head = Table(title="words vs deeds (gap index = (W − D) / (W + D + 1), 95% band from articles)",
                 title_justify="left", show_edge=False)
    for col in ("direction", "warmth", "Goldstein", "delivery", "promises", "denials", "gap", "band", "articles"):
        head.add_column(col, justify="left" if col == "direction" else "right")
    for d in (p.ledger.forward, p.ledger.backward):
        tot, ix = d.total, d.index
        head.add_row(f"{d.source} → {d.target}", str(tot.warmth), f"{tot.warmth_goldstein:+.1f}",
                     str(tot.delivery), str(tot.promises), str(tot.denials), f"{ix.value:+.2f}",
                     f"{ix.low:+.2f} … {ix.high:+.2f}", str(ix.articles))
    parts.append(head)
    taken = Table(title="given vs taken (balance = (D − T) / (D + T + 1), 95% band from articles)",
                  title_justify="left", show_edge=False)
    for col in ("direction", "given", "taken", "net", "threats", "friction", "balance", "band", "articles"):
        taken.add_column(col, justify="left" if col == "direction" else "right")
    for d in (p.ledger.forward, p.ledger.backward):
        tot, bal = d.total, d.balance
        taken.add_row(f"{d.source} → {d.target}", str(tot.delivery), str(tot.taken), f"{tot.net:+d}",
                      str(tot.threats), str(tot.friction), f"{bal.value:+.2f}", f"{bal.low:+.2f} … {bal.high:+.2f}",
                      str(bal.articles))
    parts.append(taken)
    if p.by and any(p.series.values()):
        series = Table(title=f"per {p.by}", title_justify="left", show_edge=False)
        series.add_column(p.by)
        pairs = ((p.a, p.b), (p.b, p.a))
        for s, t in pairs:
            for m in ("warmth", "delivery", "taken", "gap"):
                series.add_column(f"{s}→{t} {m}", justify="right")
        fwd = p.series[direction_key(p.a, p.b)]
        for i, pt in enumerate(fwd):
            row = [pt.period]
            for s, t in pairs:
                q = p.series[direction_key(s, t)][i]
                row += [str(q.tally.warmth), str(q.tally.delivery), str(q.tally.taken), f"{q.index.value:+.2f}"]
            series.add_row(*row)
        parts.append(series)
    ledger = Table(title=f"ledger: given = {p.a}→{p.b}, received = {p.b}→{p.a}", title_justify="left",
                   show_edge=False)
    for col in ("channel", "given warmth", "delivered", "taken", "net", "promised", "denied", "received warmth",
                "delivered", "taken", "net", "promised", "denied", "reciprocity"):
        ledger.add_column(col, justify="left" if col == "channel" else "right")
    for r in p.ledger.rows:
        g, rc = r.given, r.received
        ledger.add_row(r.channel, str(g.warmth), str(g.delivery), str(g.taken), f"{g.net:+d}", str(g.promises),
                       str(g.denials), str(rc.warmth), str(rc.delivery), str(rc.taken), f"{rc.net:+d}",
                       str(rc.promises), str(rc.denials), f"{r.reciprocity:+.2f}")
    parts.append(ledger)
    promises = Table(title=f"promise follow-through (as of {p.as_of or 'n/a'})", title_justify="left",
                     show_edge=False)
    for col in ("direction", "promises", *OUTCOMES):
        promises.add_column(col, justify="left" if col == "direction" else "right")
    for ft in p.promises:
        n = ft.counts
        promises.add_row(f"{ft.source} → {ft.target}", str(len(ft.items)), *(str(n[o]) for o in OUTCOMES))
    parts.append(promises)
    for pc in p.peers:
        peers = Table(title=f"peers: how {pc.giver} treats {pc.receiver} and others (delivered / denied)",
                      title_justify="left", show_edge=False)
        peers.add_column("receiver")
        for c in pc.channels:
            peers.add_column(c, justify="right")
        for d in (pc.focal, *pc.peers):
            peers.add_row(d.target, *(f"{d.channel(c).delivery} / {d.channel(c).denials}" for c in pc.channels))
        parts.append(peers)
    for contrast in p.contrasts:
        parts.append(Text(f"material: {contrast.peer} got {contrast.peer_deeds} {contrast.channel} deeds from "
                          f"{contrast.giver}, {contrast.receiver} {contrast.receiver_deeds} "
                          f"({contrast.receiver_denials} denied)"))
    if p.background_events:
        parts.append(Text(f"background: {len(p.background_events)} events recalled from well before their article "
                          f"(not counted; --background counts them)", style="dim"))
    parts.append(Text(""))
    parts.append(Text("Verdict: ", style="bold") + Text(p.verdict.answer, style="bold"))
    for claim in p.verdict.findings:
        parts.append(Text("  • " + claim.text))
    return Group(*parts)


def print_profile(p: DyadProfile, console: Console | None = None) -> None:
    """Print the profile's measures and verdict to the terminal."""
    (console or Console()).print(render_profile(p))
