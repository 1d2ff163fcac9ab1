"""The dyad report: one self-contained HTML file, or Markdown with PNG charts beside it.

The report renders a :class:`~bilateral.analysis.DyadProfile`, the same object
``bilateral gap --format json`` prints, and embeds it as JSON
(``<script type="application/json" id="bilateral-data">``), so its numbers are those of
``gap``. Every number links to an anchor listing its evidence sentences and source articles.
The HTML loads nothing: styles, Plotly's JavaScript (from the installed ``plotly``
package) and the data are inline, and a Content-Security-Policy forbids any request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from bilateral.analysis.evidence import EventRef
from bilateral.analysis.profile import DyadProfile, direction_key
from bilateral.analysis.promises import OUTCOMES
from bilateral.analysis.verdict import actor_name, cell_id

MAX_EVIDENCE = 50
MAX_PROMISES = 100
_MEASURE_TITLES = {
    "warmth": "warmth (realized verbal cooperation)",
    "delivery": "delivery (realized material cooperation)",
    "promises": "promises (intended cooperation, expressions of intent)",
    "denials": "denials (cooperation reported as not given)",
    "cooperation": "realized cooperation (warmth and delivery)",
    "friction": "friction (realized verbal conflict)",
    "taken": "taken (tangible gains taken away: tariffs, sanctions, aid or loans suspended, expulsions)",
    "threats": "threats (a taking threatened)",
    "background": "background (recalled from well before the article; not counted)",
}


def _version() -> str:
    try:
        return metadata.version("bilateral")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "dev"


def default_title(p: DyadProfile) -> str:
    """``Kenya – China: is warmth turning into tangible gains?``"""
    a, b = actor_name(p.a), actor_name(p.b)
    return f"{a[:1].upper() + a[1:]} – {b}: is warmth turning into tangible gains?"


def gap_command(p: DyadProfile, db: str = "FILE") -> str:
    """The ``bilateral gap`` command whose JSON output equals this report's numbers."""
    parts = ["bilateral gap", p.a, p.b, "--db", db]
    if p.by:
        parts += ["--by", p.by]
    if p.background:
        parts.append("--background")
    if p.since:
        parts += ["--since", p.since]
    if p.until:
        parts += ["--until", p.until]
    if p.peers_requested is not None:
        parts += ["--peers", ",".join(p.peers_requested) or "''"]
    return " ".join(parts) + " --format json"


def cell_title(cid: str) -> str:
    """A readable title of a cell id (``ev-USA-PAK-denials-trade-2024-05``)."""
    parts = cid.split("-", 5)
    if len(parts) < 5:
        return cid
    _, s, t, m, c, *rest = parts
    title = f"{s} → {t}: {_MEASURE_TITLES.get(m, m)}"
    if c != "all":
        title += f", {c}"
    if rest:
        title += f", {rest[0]}"
    return title


def _doc_anchor(doc_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", doc_id)


@dataclass(slots=True)
class _Cells:
    """The evidence cells the page links to, numbered in order of first use."""

    profile: DyadProfile
    order: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    def use(self, cid: str) -> bool:
        if not self.profile.cell(cid):
            return False
        if cid not in self.numbers:
            self.order.append(cid)
            self.numbers[cid] = len(self.order)
        return True


def _context(p: DyadProfile, db_name: str, title: str | None) -> tuple[dict[str, Any], _Cells]:
    cells = _Cells(p)

    def link(s: str, t: str, measure: str, value: int, channel: str | None = None,
             period: str | None = None) -> Markup:
        cid = cell_id(s, t, measure, channel, period)
        if value and cells.use(cid):
            return Markup('<a href="#{}" title="{}">{}</a>').format(cid, cell_title(cid), value)
        return Markup('<span class="zero">{}</span>').format(value) if not value else Markup(escape(str(value)))

    for claim in p.verdict.claims:
        for cid in claim.cells:
            cells.use(cid)
    pairs = [(p.a, p.b), (p.b, p.a)]
    periods = [pt.period for pt in p.series.get(direction_key(p.a, p.b), [])]
    timeline_rows = [
        {"period": per, "points": [(p.series[direction_key(s, t)][i], s, t) for s, t in pairs]}
        for i, per in enumerate(periods)
    ]
    ctx: dict[str, Any] = {
        "title": title or default_title(p),
        "subtitle": _subtitle(p),
        "version": _version(),
        "db_name": db_name,
        "gap_command": gap_command(p, db_name),
        "verdict": p.verdict.claims,
        "directions": [p.ledger.forward, p.ledger.backward],
        "by": p.by or "period",
        "pairs": pairs,
        "timeline_rows": timeline_rows,
        "a": p.a, "b": p.b,
        "ledger": p.ledger,
        "ledger_rows": p.ledger.rows,
        "promises": p.promises,
        "horizon": p.promises[0].horizon_days if p.promises else 180,
        "as_of": p.as_of.isoformat() if p.as_of else None,
        "max_promises": MAX_PROMISES,
        "peers": p.peers,
        "contrasts": p.contrasts,
        "background": p.background_events,
        "p_background": p.background,
        "answer": [c for c in p.verdict.claims if c.kind == "answer"],
        "findings": p.verdict.findings,
        "max_evidence": MAX_EVIDENCE,
        "link": link,
        "marked": marked,
        "doc_link": doc_link,
    }
    return ctx, cells


def _subtitle(p: DyadProfile) -> str:
    if p.span:
        span = f"articles published {p.span[0].isoformat()} to {p.span[1].isoformat()}"
    else:
        span = f"{p.since or 'first'} to {p.until or 'last'} event"
    counted = "background events counted" if p.background else "background events shown, not counted"
    return f"events of {p.a} → {p.b} and {p.b} → {p.a}, {span}, series per {p.by or '–'}, {counted}"


def marked(e: EventRef) -> Markup:
    """The sentence with its evidence span in ``<mark>`` (everything escaped)."""
    s, t = e.span
    if not 0 <= s < t <= len(e.sentence):
        return Markup(escape(e.sentence))
    return Markup("{}<mark>{}</mark>{}").format(e.sentence[:s], e.sentence[s:t], e.sentence[t:])


def doc_link(e: EventRef) -> Markup:
    """A link to the article in the page's source list, and to its URL when known."""
    label = e.title or e.doc_id
    out = Markup('<a href="#doc-{}">{}</a>').format(_doc_anchor(e.doc_id), label)
    if e.url:
        out += Markup(' (<a href="{}" rel="noreferrer noopener">source</a>)').format(e.url)
    return out


def _documents(p: DyadProfile, cells: _Cells) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    refs = [e for cid in cells.order for e in p.cell(cid)[:MAX_EVIDENCE]]
    for ft in p.promises:
        for it in ft.items[:MAX_PROMISES]:
            refs.append(it.promise)
            if it.fulfilment:
                refs.append(it.fulfilment)
    for e in refs:
        if e.doc_id not in seen:
            seen[e.doc_id] = {"id": e.doc_id, "anchor": _doc_anchor(e.doc_id), "title": e.title,
                              "url": e.url, "date": e.date}
    return sorted(seen.values(), key=lambda d: (d["date"] or "", d["id"]))


def profile_json(p: DyadProfile) -> str:
    """The profile as JSON, safe to embed in a ``<script>`` element."""
    text = json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _env() -> Environment:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def _template(name: str) -> str:
    return (resources.files("bilateral.report") / "templates" / name).read_text(encoding="utf-8")


def render_html(p: DyadProfile, *, db_name: str = "FILE", title: str | None = None,
                plotly_js: bool = True) -> str:
    """The whole report as one self-contained HTML page."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    from bilateral.report.charts import gap_figure, peers_figure, timeline_figure

    ctx, cells = _context(p, db_name, title)
    figs = {"chart-timeline": timeline_figure(p), "chart-gap": gap_figure(p), "chart-peers": peers_figure(p)}
    chart_js = []
    for div_id, fig in figs.items():
        if fig is not None:
            spec = pio.to_json(fig, validate=False).replace("</", "<\\/")
            chart_js.append(
                f"(function(){{var f={spec};var id={json.dumps(div_id)};"
                "Plotly.newPlot(id,f.data,f.layout,{displaylogo:false,responsive:true,showLink:false,"
                "modeBarButtonsToRemove:['toImage']}).then(function(el){el.on('plotly_click',function(ev){"
                "var c=ev.points&&ev.points[0]&&ev.points[0].customdata;"
                "if(c&&document.getElementById(c)){location.hash=c;}});});})();"
            )

    def div(div_id: str) -> str:
        return f'<div class="chart" id="{div_id}"></div>' if figs[div_id] is not None else ""

    # the body first, so that every linked cell is known before the evidence list is laid out
    env = _env()
    tmpl = env.from_string(_template("report.html.j2"))
    ctx.update({
        "timeline_div": div("chart-timeline"), "gap_div": div("chart-gap"), "peers_div": div("chart-peers"),
        "data_json": profile_json(p),
        "plotly_js": get_plotlyjs() if plotly_js and chart_js else "",
        "chart_js": "\n".join(chart_js),
    })
    _prerender(tmpl, ctx)
    ctx.update(_cell_ctx(p, cells))
    return tmpl.render(**ctx)


def _prerender(tmpl: Any, ctx: dict[str, Any]) -> None:
    """Render once with empty evidence so every ``link`` registers its cell."""
    tmpl.render(**{**ctx, "cells": {}, "cell_order": [], "cell_numbers": {}, "cell_titles": {},
                   "documents": [], "plotly_js": "", "chart_js": "", "data_json": ""})


def _cell_ctx(p: DyadProfile, cells: _Cells) -> dict[str, Any]:
    return {
        "cells": {cid: p.cell(cid) for cid in cells.order},
        "cell_order": cells.order,
        "cell_numbers": cells.numbers,
        "cell_titles": {cid: cell_title(cid) for cid in cells.order},
        "documents": _documents(p, cells),
    }


def write_html(p: DyadProfile, out: str | Path, *, db_name: str = "FILE", title: str | None = None) -> Path:
    """Write the HTML report to ``out``; return its path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(p, db_name=db_name, title=title), encoding="utf-8")
    return path


# -- Markdown ---------------------------------------------------------------------------------------
def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", re.sub(r"\s+", " ", text))


def _md_marked(e: EventRef) -> str:
    s, t = e.span
    if not 0 <= s < t <= len(e.sentence):
        return _md_escape(e.sentence)
    return f"{_md_escape(e.sentence[:s])}**{_md_escape(e.sentence[s:t])}**{_md_escape(e.sentence[t:])}"


def render_markdown(p: DyadProfile, *, db_name: str = "FILE", images: dict[str, str] | None = None,
                    title: str | None = None) -> str:
    """The report as Markdown; ``images`` maps ``timeline``/``peers`` to PNG paths relative to the file."""
    images = images or {}
    cells = _Cells(p)
    lines: list[str] = []

    def link(s: str, t: str, measure: str, value: int, channel: str | None = None, period: str | None = None) -> str:
        cid = cell_id(s, t, measure, channel, period)
        return f"[{value}](#{cid})" if value and cells.use(cid) else str(value)

    add: Callable[..., None] = lines.append
    add(f"# {title or default_title(p)}")
    add("")
    add(f"_{_subtitle(p)} · generated by bilateral {_version()} from {db_name} · "
        f"the same numbers as `{gap_command(p, db_name)}`_")
    add("")
    add("## Verdict")
    add("")

    def cited(claim_text: str, cids: list[str]) -> str:
        anchors = " ".join(f"[[{cells.numbers[cid]}]](#{cid})" for cid in cids if cells.use(cid))
        return _md_escape(claim_text) + (f" {anchors}" if anchors else "")

    add("**" + " ".join(cited(c.text, c.cells) for c in p.verdict.claims if c.kind == "answer") + "**")
    add("")
    for claim in p.verdict.findings:
        add(f"- {cited(claim.text, claim.cells)}")
    add("")
    add("## Given and taken, both ways")
    add("")
    add("| direction | given (delivery) | taken | net | threats | friction | balance | 95% band | articles |")
    add("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for d in (p.ledger.forward, p.ledger.backward):
        tot, bal = d.total, d.balance
        add(f"| {d.source} → {d.target} | {link(d.source, d.target, 'delivery', tot.delivery)} | "
            f"{link(d.source, d.target, 'taken', tot.taken)} | {tot.net:+d} | "
            f"{link(d.source, d.target, 'threats', tot.threats)} | "
            f"{link(d.source, d.target, 'friction', tot.friction)} | "
            f"{bal.value:+.2f} | {bal.low:+.2f} … {bal.high:+.2f} | {bal.articles} |")
    add("")
    add("## Words and deeds, both ways")
    add("")
    add("| direction | warmth | Goldstein sum | delivery | promises | denials | gap index | 95% band | articles |")
    add("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for d in (p.ledger.forward, p.ledger.backward):
        tot, ix = d.total, d.index
        add(f"| {d.source} → {d.target} | {link(d.source, d.target, 'warmth', tot.warmth)} | "
            f"{tot.warmth_goldstein:+.1f} | {link(d.source, d.target, 'delivery', tot.delivery)} | "
            f"{link(d.source, d.target, 'promises', tot.promises)} | "
            f"{link(d.source, d.target, 'denials', tot.denials)} | "
            f"{ix.value:+.2f} | {ix.low:+.2f} … {ix.high:+.2f} | {ix.articles} |")
    add("")
    add(f"## Timeline: warmth vs delivery per {p.by or 'period'}")
    add("")
    if "timeline" in images:
        add(f"![warmth vs delivery]({images['timeline']})")
        add("")
    fwd_key, bwd_key = direction_key(p.a, p.b), direction_key(p.b, p.a)
    if p.series.get(fwd_key):
        head = "| period |" + "".join(
            f" {s}→{t} warmth | {s}→{t} delivery | {s}→{t} taken | {s}→{t} gap |" for s, t in ((p.a, p.b), (p.b, p.a)))
        add(head)
        add("|---|" + "--:|" * 8)
        for i, pt in enumerate(p.series[fwd_key]):
            row = f"| {pt.period} |"
            for (s, t), key in (((p.a, p.b), fwd_key), ((p.b, p.a), bwd_key)):
                q = p.series[key][i]
                row += (f" {link(s, t, 'warmth', q.tally.warmth, None, q.period)} |"
                        f" {link(s, t, 'delivery', q.tally.delivery, None, q.period)} |"
                        f" {link(s, t, 'taken', q.tally.taken, None, q.period)} | {q.index.value:+.2f} |")
            add(row)
    else:
        add("_No dated events: there is no timeline to draw._")
    add("")
    add("## Ledger per channel")
    add("")
    add(f"| channel | {p.a}→{p.b} warmth | delivered | taken | net | promised | denied | {p.b}→{p.a} warmth | "
        "delivered | taken | net | promised | denied | reciprocity | peers |")
    add("|---|" + "--:|" * 13 + "---|")
    a, b = p.a, p.b
    for r in p.ledger.rows:
        peers = "; ".join(f"{c.peer} got {c.peer_deeds} from {c.giver}, {c.receiver} {c.receiver_deeds}"
                          for c in p.contrasts if c.channel == r.channel)
        add(f"| {r.channel} | {link(a, b, 'warmth', r.given.warmth, r.channel)} | "
            f"{link(a, b, 'delivery', r.given.delivery, r.channel)} | "
            f"{link(a, b, 'taken', r.given.taken, r.channel)} | {r.given.net:+d} | "
            f"{link(a, b, 'promises', r.given.promises, r.channel)} | "
            f"{link(a, b, 'denials', r.given.denials, r.channel)} | "
            f"{link(b, a, 'warmth', r.received.warmth, r.channel)} | "
            f"{link(b, a, 'delivery', r.received.delivery, r.channel)} | "
            f"{link(b, a, 'taken', r.received.taken, r.channel)} | {r.received.net:+d} | "
            f"{link(b, a, 'promises', r.received.promises, r.channel)} | "
            f"{link(b, a, 'denials', r.received.denials, r.channel)} | {r.reciprocity:+.2f} | {peers} |")
    add("")
    add("## Promise follow-through")
    add("")
    add("| direction | promises | " + " | ".join(OUTCOMES) + " |")
    add("|---|" + "--:|" * (len(OUTCOMES) + 1))
    for ft in p.promises:
        n = ft.counts
        add(f"| {ft.source} → {ft.target} | {link(ft.source, ft.target, 'promises', len(ft.items))} | "
            + " | ".join(str(n[o]) for o in OUTCOMES) + " |")
    add("")
    for ft in p.promises:
        for it in ft.items[:MAX_PROMISES]:
            line = (f"- **{it.outcome}** {ft.source}→{ft.target} {it.promise.channel}, {it.promise.date or 'undated'}"
                    f" (`{it.promise.doc_id}`): {_md_marked(it.promise)}")
            if it.fulfilment:
                line += (f" → {it.outcome} {it.fulfilment.date} (`{it.fulfilment.doc_id}`): "
                         f"{_md_marked(it.fulfilment)}")
            add(line)
    add("")
    add("## Peer comparison")
    add("")
    if "peers" in images:
        add(f"![peer comparison]({images['peers']})")
        add("")
    if not p.peers:
        add("_No peers with events._")
    for pc in p.peers:
        add(f"### How {pc.giver} treats {pc.receiver} and its peers")
        add("")
        add("| receiver | channel | warmth | delivered | promised | denied |")
        add("|---|---|--:|--:|--:|--:|")
        for dm in (pc.focal, *pc.peers):
            for ch in pc.channels:
                tl = dm.channel(ch)
                add(f"| {dm.target} | {ch} | {link(pc.giver, dm.target, 'warmth', tl.warmth, ch)} | "
                    f"{link(pc.giver, dm.target, 'delivery', tl.delivery, ch)} | "
                    f"{link(pc.giver, dm.target, 'promises', tl.promises, ch)} | "
                    f"{link(pc.giver, dm.target, 'denials', tl.denials, ch)} |")
        add("")
    add("## Background")
    add("")
    if p.background_events:
        recalled = len(p.background_events)
        add(f"_{recalled} event{'' if recalled == 1 else 's'} recalled from well before the article that reports "
            f"{'it' if recalled == 1 else 'them'} ({'counted' if p.background else 'shown, not counted'}):_")
        add("")
        for ev in p.background_events[:MAX_EVIDENCE]:
            add(f"- {ev.date} in an article of {ev.published or 'unknown date'} (`{ev.doc_id}`): {_md_marked(ev)}")
    else:
        add("_No event is recalled from well before its article._")
    add("")
    add("## Evidence")
    add("")
    for cid in cells.order:
        cell_refs = p.cell(cid)
        add(f'<a id="{cid}"></a>')
        add(f"### [{cells.numbers[cid]}] {cell_title(cid)} — {len(cell_refs)} event"
            f"{'' if len(cell_refs) == 1 else 's'}")
        add("")
        for i, ev in enumerate(cell_refs[:MAX_EVIDENCE], start=1):
            src = f"[{_md_escape(ev.title or ev.doc_id)}]({ev.url})" if ev.url else _md_escape(ev.title or ev.doc_id)
            add(f"{i}. {_md_marked(ev)} — {ev.cameo} · {ev.status} · {ev.channel} · {ev.date or 'undated'} · "
                f"`{ev.doc_id}` {src}, sentence {ev.doc_sentence}")
        if len(cell_refs) > MAX_EVIDENCE:
            add(f"\n_… and {len(cell_refs) - MAX_EVIDENCE} more._")
        add("")
    add("## Source articles")
    add("")
    for doc in _documents(p, cells):
        src = f" · <{doc['url']}>" if doc["url"] else ""
        add(f"- `{doc['id']}`{' — ' + _md_escape(doc['title']) if doc['title'] else ''}"
            f"{' (' + doc['date'] + ')' if doc['date'] else ''}{src}")
    add("")
    return "\n".join(lines)


def write_markdown(p: DyadProfile, out: str | Path, *, db_name: str = "FILE", title: str | None = None) -> Path:
    """Write the Markdown report to ``out`` and its PNG charts beside it; return the Markdown path."""
    from bilateral.report.charts import write_pngs

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    pngs = write_pngs(p, path.parent, path.stem)
    images = {k: v.name for k, v in pngs.items()}
    path.write_text(render_markdown(p, db_name=db_name, images=images, title=title), encoding="utf-8")
    return path
