"""Reports: terminal tables (rich) here; the HTML and Markdown reports in :mod:`bilateral.report.html`."""

from bilateral.report.terminal import events_table, print_events, print_gap, render_gap

__all__ = ["events_table", "print_events", "print_gap", "render_gap"]
