"""Charts of a dyad profile: Plotly figures for the HTML report, matplotlib PNGs for Markdown.

Both draw the same data: per direction and period, warmth (realized verbal cooperation)
against delivery (realized material cooperation) and what was taken away, and per peer and
channel, delivery.
Plotly's JavaScript is inlined from the installed ``plotly`` package by the HTML report;
nothing is loaded from a CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilateral.analysis.profile import DyadProfile, direction_key
from bilateral.analysis.wording import cell_id

_COLORS = {"warmth": "#d9822b", "delivery": "#2b7bb9", "taken": "#b42318", "gap": "#6b4c9a"}
#: The series of the timeline, per direction.
TIMELINE_MEASURES: tuple[str, ...] = ("warmth", "delivery", "taken")
_DASH = ("solid", "dot")


def timeline_figure(p: DyadProfile) -> Any | None:
    """Warmth, delivery and taken per period, both directions; ``None`` when there is no dated event."""
    import plotly.graph_objects as go

    if not any(p.series.values()):
        return None
    fig = go.Figure()
    for i, (s, t) in enumerate(((p.a, p.b), (p.b, p.a))):
        points = p.series.get(direction_key(s, t), [])
        x = [pt.period for pt in points]
        for measure in TIMELINE_MEASURES:
            fig.add_trace(go.Scatter(
                x=x, y=[getattr(pt.tally, measure) for pt in points], mode="lines+markers",
                name=f"{s}→{t} {measure}", line={"color": _COLORS[measure], "dash": _DASH[i]},
                customdata=[cell_id(s, t, measure, None, pt.period) for pt in points],
            ))
    fig.update_layout(
        title=f"Warmth, delivery and taken per {p.by}", xaxis_title=p.by, yaxis_title="realized events",
        xaxis={"type": "category"}, height=380, margin={"l": 50, "r": 20, "t": 50, "b": 50},
        legend={"orientation": "h", "y": -0.25},
    )
    return fig


def gap_figure(p: DyadProfile) -> Any | None:
    """The gap index per period with its 95% band, both directions; ``None`` without dated events."""
    import plotly.graph_objects as go

    if not any(p.series.values()):
        return None
    fig = go.Figure()
    for i, (s, t) in enumerate(((p.a, p.b), (p.b, p.a))):
        points = p.series.get(direction_key(s, t), [])
        idx = [pt.index for pt in points]
        fig.add_trace(go.Scatter(
            x=[pt.period for pt in points], y=[ix.value for ix in idx], mode="markers+lines",
            name=f"{s}→{t} gap", line={"color": _COLORS["gap"] if i == 0 else "#999999", "dash": _DASH[i]},
            error_y={"type": "data", "symmetric": False, "array": [ix.high - ix.value for ix in idx],
                     "arrayminus": [ix.value - ix.low for ix in idx]},
        ))
    fig.update_layout(
        title="Words-to-deeds gap index (+1 all words, −1 all deeds) with 95% band",
        xaxis={"type": "category", "title": p.by}, yaxis={"range": [-1.05, 1.05], "title": "gap index"},
        height=340, margin={"l": 50, "r": 20, "t": 50, "b": 50}, legend={"orientation": "h", "y": -0.3},
    )
    return fig


def peers_figure(p: DyadProfile) -> Any | None:
    """Delivery per channel from each giver to its receiver and peers; ``None`` without peers."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    if not p.peers:
        return None
    fig = make_subplots(rows=1, cols=len(p.peers), subplot_titles=[f"{pc.giver} delivers to…" for pc in p.peers])
    for col, pc in enumerate(p.peers, start=1):
        channels = pc.channels
        for d in (pc.focal, *pc.peers):
            fig.add_trace(go.Bar(
                x=channels, y=[d.channel(c).delivery for c in channels], name=f"{pc.giver}→{d.target}",
                customdata=[cell_id(pc.giver, d.target, "delivery", c) for c in channels],
            ), row=1, col=col)
    fig.update_layout(title="Peer comparison: realized material cooperation per channel", barmode="group",
                      height=340, margin={"l": 50, "r": 20, "t": 70, "b": 50})
    return fig


def write_pngs(p: DyadProfile, folder: Path, stem: str) -> dict[str, Path]:
    """Draw the timeline and peer charts as PNG files with matplotlib; return ``{name: path}``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: dict[str, Path] = {}
    folder.mkdir(parents=True, exist_ok=True)
    if any(p.series.values()):
        fig, ax = plt.subplots(figsize=(8, 3.6), dpi=100)
        for i, (s, t) in enumerate(((p.a, p.b), (p.b, p.a))):
            points = p.series.get(direction_key(s, t), [])
            x = [pt.period for pt in points]
            for measure in TIMELINE_MEASURES:
                ax.plot(x, [getattr(pt.tally, measure) for pt in points], marker="o",
                        linestyle="-" if i == 0 else ":", color=_COLORS[measure], label=f"{s}→{t} {measure}")
        ax.set_title(f"Warmth, delivery and taken per {p.by}")
        ax.set_ylabel("realized events")
        ax.legend(fontsize=7, ncol=2)
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
        fig.tight_layout()
        path = folder / f"{stem}-timeline.png"
        fig.savefig(path)
        plt.close(fig)
        out["timeline"] = path
    if p.peers:
        fig, axes = plt.subplots(1, len(p.peers), figsize=(4 * len(p.peers) + 1, 3.4), dpi=100, squeeze=False)
        for ax, pc in zip(axes[0], p.peers, strict=True):
            channels = pc.channels
            receivers = [pc.focal, *pc.peers]
            width = 0.8 / max(len(receivers), 1)
            for j, d in enumerate(receivers):
                ax.bar([k + j * width for k in range(len(channels))], [d.channel(c).delivery for c in channels],
                       width=width, label=f"{pc.giver}→{d.target}")
            ax.set_xticks([k + 0.4 - width / 2 for k in range(len(channels))], channels, rotation=45, fontsize=7)
            ax.set_title(f"{pc.giver} delivers to…", fontsize=9)
            ax.legend(fontsize=7)
        fig.tight_layout()
        path = folder / f"{stem}-peers.png"
        fig.savefig(path)
        plt.close(fig)
        out["peers"] = path
    return out
