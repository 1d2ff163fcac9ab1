"""Reports: terminal tables (rich); HTML/Markdown reports to come."""

from bilateral.report.terminal import events_table, print_events, print_gap, render_gap

__all__ = ["events_table", "print_events", "print_gap", "render_gap"]
