"""Terminal output with rich: the dyad gap and event lists."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from bilateral.analysis.gap import DirectionGap, DyadGap
from bilateral.model import QUAD_CLASSES, STATUSES, Event

_STATUS_STYLE = {"realized": "green", "intended": "cyan", "hypothetical": "yellow", "negated": "red"}


def _direction_tables(d: DirectionGap) -> list[RenderableType]:
    arrow = f"{d.source} → {d.target}"
    head = Text.assemble(
        (arrow, "bold"),
        f"  {d.total} events · words (realized verbal coop.) {d.words} · "
        f"deeds (realized material coop.) {d.deeds} · withheld (negated) {d.withheld}",
    )
    quads = Table(title="realized events by QuadClass", title_justify="left", show_edge=False)
    quads.add_column("quad")
    quads.add_column("class")
    quads.add_column("realized", justify="right")
    for q, label in QUAD_CLASSES.items():
        quads.add_row(str(q), label, str(d.realized_by_quad.get(q, 0)))

    statuses = Table(title="events by status", title_justify="left", show_edge=False)
    for s in STATUSES:
        statuses.add_column(s, justify="right", style=_STATUS_STYLE[s])
    statuses.add_row(*(str(d.by_status.get(s, 0)) for s in STATUSES))

    channels = Table(title="events by channel and status", title_justify="left", show_edge=False)
    channels.add_column("channel")
    for s in STATUSES:
        channels.add_column(s, justify="right", style=_STATUS_STYLE[s])
    for channel, counts in d.by_channel.items():
        channels.add_row(channel, *(str(counts.get(s, 0)) for s in STATUSES))
    if not d.by_channel:
        channels.add_row("(none)", *("0" for _ in STATUSES))

    evidence = Table(title="evidence", title_justify="left", show_edge=False, expand=False)
    evidence.add_column("doc:sent", no_wrap=True)
    evidence.add_column("cameo", no_wrap=True)
    evidence.add_column("status", no_wrap=True)
    evidence.add_column("channel", no_wrap=True)
    evidence.add_column("sentence", overflow="fold")
    for e in d.evidence:
        evidence.add_row(
            f"{e.doc_id}:{e.doc_sentence}", e.cameo, Text(e.status, style=_STATUS_STYLE.get(e.status, "")),
            e.channel, highlight_span(e.sentence, e.span),
        )
    out: list[RenderableType] = [head, quads, statuses, channels]
    if d.evidence:
        out.append(evidence)
    return out


def render_gap(gap: DyadGap) -> RenderableType:
    """A renderable for both directions of a dyad gap."""
    parts: list[RenderableType] = []
    span = ""
    if gap.since or gap.until:
        span = f" ({gap.since or '…'} to {gap.until or '…'})"
    parts.append(Text(f"Dyad {gap.a} – {gap.b}{span}", style="bold underline"))
    for d in gap.directions:
        parts.append(Text(""))
        parts.extend(_direction_tables(d))
    return Group(*parts)


def highlight_span(sentence: str, span: tuple[int, int]) -> Text:
    """The sentence with its evidence span in bold (the whole sentence plain if the span is off)."""
    s, t = span
    if not 0 <= s < t <= len(sentence):
        return Text(sentence)
    return Text.assemble(sentence[:s], (sentence[s:t], "bold"), sentence[t:])


def events_table(events: Sequence[Event], *, title: str | None = None) -> Table:
    """A table of events, one row each."""
    table = Table(title=title, show_lines=False)
    for col in ("date", "doc:sent", "source", "target", "cameo", "quad", "status", "channel", "evidence"):
        if col == "evidence":
            table.add_column(col, overflow="fold", min_width=30, ratio=1)
        else:
            table.add_column(col, no_wrap=True)
    for e in events:
        evidence = highlight_span(e.sentence, e.span)
        table.add_row(
            e.date or "", f"{e.id}:{e.doc_sentence}",
            f"{e.source or '-'}{'/' + e.source_sector if e.source_sector else ''}",
            f"{e.target or '-'}{'/' + e.target_sector if e.target_sector else ''}",
            e.cameo, str(e.quad_class), Text(e.status, style=_STATUS_STYLE.get(e.status, "")),
            e.channel, evidence,
        )
    return table


def print_gap(gap: DyadGap, console: Console | None = None) -> None:
    """Print a dyad gap to the terminal."""
    (console or Console()).print(render_gap(gap))


def print_events(events: Sequence[Event], console: Console | None = None, *, title: str | None = None) -> None:
    """Print events as a table (or a note when there are none)."""
    console = console or Console()
    if not events:
        console.print("no events match")
        return
    console.print(events_table(events, title=title))
