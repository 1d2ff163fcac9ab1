"""Analysis: tallies and measures over the store."""

from bilateral.analysis.gap import DirectionGap, DyadGap, Evidence, dyad_gap

__all__ = ["DirectionGap", "DyadGap", "Evidence", "dyad_gap"]
