"""Analysis: tallies and measures over the store (read through the ``effective_events`` view)."""

from bilateral.analysis.compare import (
    LedgerRow,
    PeerComparison,
    Reciprocity,
    peer_comparison,
    reciprocity,
    top_receivers,
)
from bilateral.analysis.evidence import EventRef, dyad_events, evidence
from bilateral.analysis.gap import DirectionGap, DyadGap, Evidence, dyad_gap
from bilateral.analysis.measures import (
    MEASURES,
    PERIODS,
    TANGIBLE_CHANNELS,
    DirectionMeasures,
    GapIndex,
    PeriodMeasures,
    Tally,
    direction_measures,
    gap_index,
    measure_series,
    series_frame,
    wilson_interval,
)
from bilateral.analysis.profile import dyad_profile
from bilateral.analysis.promises import FollowThrough, PromiseOutcome, follow_through
from bilateral.analysis.types import Claim, DyadProfile, Verdict, cell_id, direction_key
from bilateral.analysis.verdict import build_verdict

__all__ = [
    "MEASURES", "PERIODS", "TANGIBLE_CHANNELS", "Claim", "DirectionGap", "DirectionMeasures", "DyadGap",
    "DyadProfile", "EventRef", "Evidence", "FollowThrough", "GapIndex", "LedgerRow", "PeerComparison",
    "PeriodMeasures", "PromiseOutcome", "Reciprocity", "Tally", "Verdict", "build_verdict",
    "cell_id", "direction_key", "direction_measures", "dyad_events", "dyad_gap", "dyad_profile", "evidence",
    "follow_through", "gap_index", "measure_series", "peer_comparison", "reciprocity", "series_frame",
    "top_receivers", "wilson_interval",
]
