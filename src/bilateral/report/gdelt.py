"""GDELT's coding against ours: the terminal tables of ``bilateral compare`` and the section of ``bilateral report``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
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


# -- the section of `bilateral report` ----------------------------------------------------------------


def _marked(s: Side) -> Markup:
    text = s.sentence or ""
    a, b = s.span or (0, 0)
    if not 0 <= a < b <= len(text):
        return escape(text)
    return Markup("{}<mark>{}</mark>{}").format(text[:a], text[a:b], text[b:])


def compare_section_html(c: GdeltComparison, max_rows: int = 200) -> str:
    """The report's GDELT section (HTML, text escaped, no request when opened)."""
    env = Environment(autoescape=True)
    template = (resources.files("bilateral.report") / "templates" / "gdelt_section.html.j2").read_text(encoding="utf-8")
    return env.from_string(template).render(c=c, t=c.tallies(), rows=c.rows[:max_rows], not_done=NOT_DONE,
                                                 marked=_marked)


def compare_section_markdown(c: GdeltComparison, max_rows: int = 200) -> str:
    """The report's GDELT section (Markdown)."""
    t = c.tallies()
    deeds = ", ".join(f"{t['gdelt_deeds_not_done'][s]} {s}" for s in NOT_DONE)
    lines = ["## GDELT against our coding", "",
             f"GDELT's events between {c.a} and {c.b} cite {t['articles_cited']} articles; {t['articles_both']} are "
             f"coded by both ({t['gdelt_events']} GDELT events, {t['our_events']} ours, {t['pairs']} paired). "
             f"QuadClass agrees in {t['quad_agree']} of {t['pairs']} pairs, direction in {t['direction_agree']}. "
             f"Of {t['gdelt_deeds']} GDELT deeds (QuadClass 2 or 4) we code {deeds}. Found by GDELT only: "
             f"{t['only_gdelt']}; by us only: {t['only_ours']}. Same numbers as `bilateral compare {c.a} {c.b}`.", "",
             "| article | GDELT | ours | verdict | our sentence |", "| --- | --- | --- | --- | --- |"]

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    for r in c.rows[:max_rows]:
        g = (f"{r.gdelt.source} → {r.gdelt.target} {r.gdelt.cameo} (q{r.gdelt.quad_class}), GLOBALEVENTID "
             f"{r.gdelt.gdelt_id}") if r.gdelt else "–"
        o = (f"{r.ours.source} → {r.ours.target} {r.ours.cameo} (q{r.ours.quad_class}) {r.ours.status}"
             if r.ours else "–")
        sentence = ""
        if r.ours and r.ours.sentence:
            a, b = r.ours.span or (0, 0)
            s = r.ours.sentence
            sentence = s[:a] + "**" + s[a:b] + "**" + s[b:] if 0 <= a < b <= len(s) else s
        title = cell(r.title or r.doc_id)
        article = f"[{title}](<{r.url}>)" if r.url.startswith(("http://", "https://")) else title
        lines.append(f"| {article} | {cell(g)} | {cell(o)} | {r.verdict} | {cell(sentence)} |")
    if len(c.rows) > max_rows:
        lines.append(f"\n… and {len(c.rows) - max_rows} more rows (`bilateral compare {c.a} {c.b} --format json`).")
    return "\n".join(lines) + "\n\n"


def add_compare_section(report: Path, c: GdeltComparison, fmt: str) -> bool:
    """Put the GDELT section into a written report, before its evidence; ``False`` (untouched) when nothing to show."""
    if not c.rows:
        return False
    text = report.read_text(encoding="utf-8")
    if fmt == "md":
        marker, section = "## Evidence", compare_section_markdown(c)
    else:
        marker, section = '<h2 id="evidence">', compare_section_html(c) + "\n"
    at = text.find(marker)
    if at < 0:
        return False
    report.write_text(text[:at] + section + text[at:], encoding="utf-8")
    return True
