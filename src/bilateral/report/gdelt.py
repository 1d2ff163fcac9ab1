"""``bilateral compare``: GDELT's coding against ours, as terminal tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from bilateral.analysis.gdelt_compare import NOT_DONE, GdeltComparison, Side
from bilateral.model import QUAD_CLASSES


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def _side(s: Side | None) -> str:
    if s is None:
        return "-"
    head = f"{s.source}→{s.target} {s.cameo} q{s.quad_class}"
    return head if s.gdelt_id is not None else f"{head} {s.status}"


def _where(s: Side | None) -> str:
    if s is None:
        return ""
    return f"GDELT {s.gdelt_id}" if s.gdelt_id is not None else f"sentence {s.doc_sentence}"


def print_compare(c: GdeltComparison, console: Console, *, max_rows: int = 50) -> None:
    """The summary, the QuadClass table and the first ``max_rows`` side-by-side rows."""
    t = c.tallies()
    span = f" ({c.since or '…'} to {c.until or '…'})" if c.since or c.until else ""
    console.print(f"[bold]GDELT against bilateral: {c.a}–{c.b}{span}[/bold]", highlight=False)
    console.print(f"articles GDELT cites: {t['articles_cited']}; coded by both: {t['articles_both']} "
                  f"({t['gdelt_events']} GDELT events, {t['our_events']} ours, {t['pairs']} paired)", highlight=False)
    if not t["pairs"] and not c.rows:
        console.print("no article is coded by both sides yet (run `bilateral gdelt A B` first)", highlight=False)
        return
    console.print(f"QuadClass agrees: {_pct(t['quad_agree'], t['pairs'])}; direction agrees: "
                  f"{_pct(t['direction_agree'], t['pairs'])}", highlight=False)
    deeds = t["gdelt_deeds_not_done"]
    console.print(f"GDELT deeds (QuadClass 2/4) paired: {t['gdelt_deeds']}; of them we code "
                  + ", ".join(f"{deeds[s]} {s}" for s in NOT_DONE), highlight=False)
    console.print(f"found by GDELT only: {t['only_gdelt']}; by us only: {t['only_ours']}", highlight=False)

    matrix = Table(title="QuadClass: GDELT (rows) against ours (columns), paired events", title_justify="left")
    matrix.add_column("GDELT")
    for q in (1, 2, 3, 4):
        matrix.add_column(f"{q} {QUAD_CLASSES[q]}", justify="right")
    for q, counts in zip((1, 2, 3, 4), t["quad_matrix"], strict=True):
        matrix.add_row(f"{q} {QUAD_CLASSES[q]}", *(str(n) for n in counts))
    console.print(matrix)

    rows = Table(title=f"Side by side ({min(max_rows, len(c.rows))} of {len(c.rows)} rows)", title_justify="left")
    for name in ("article", "GDELT", "ours", "verdict", "evidence"):
        rows.add_column(name, overflow="fold")
    for r in c.rows[:max_rows]:
        evidence = ""
        if r.ours is not None and r.ours.sentence is not None:
            evidence = f"{_where(r.ours)}: {r.ours.sentence}"
        rows.add_row(f"{r.doc_id}\n{r.url}", f"{_side(r.gdelt)}\n{_where(r.gdelt)}", _side(r.ours), r.verdict,
                     evidence)
    console.print(rows)
