"""Analysis: tallies and measures over the store (read through the ``effective_events`` view)."""

from bilateral.analysis.compare import (
    LedgerRow,
    PeerComparison,
    PeerContrast,
    Reciprocity,
    material_contrasts,
    peer_comparison,
    reciprocity,
    top_receivers,
)
from bilateral.analysis.evidence import EventRef, dyad_events, evidence
from bilateral.analysis.gap import DirectionGap, DyadGap, Evidence, dyad_gap
from bilateral.analysis.measures import (
    BACKGROUND_DAYS,
    MEASURES,
    TANGIBLE_CHANNELS,
    BalanceIndex,
    DirectionMeasures,
    GapIndex,
    Tally,
    balance_figure,
    direction_measures,
    gap_index,
    wilson_interval,
)
from bilateral.analysis.periods import PERIODS, PeriodMeasures, measure_series, series_frame
from bilateral.analysis.profile import DyadProfile, direction_key, dyad_profile
from bilateral.analysis.promises import FollowThrough, PromiseOutcome, follow_through
from bilateral.analysis.verdict import Claim, Verdict, build_verdict, cell_id

__all__ = [
    "BACKGROUND_DAYS",
    "MEASURES",
    "PERIODS",
    "TANGIBLE_CHANNELS",
    "BalanceIndex",
    "Claim",
    "DirectionGap",
    "DirectionMeasures",
    "DyadGap",
    "DyadProfile",
    "EventRef",
    "Evidence",
    "FollowThrough",
    "GapIndex",
    "LedgerRow",
    "PeerComparison",
    "PeerContrast",
    "PeriodMeasures",
    "PromiseOutcome",
    "Reciprocity",
    "Tally",
    "Verdict",
    "balance_figure",
    "build_verdict",
    "cell_id",
    "direction_key",
    "direction_measures",
    "dyad_events",
    "dyad_gap",
    "dyad_profile",
    "evidence",
    "follow_through",
    "gap_index",
    "material_contrasts",
    "measure_series",
    "peer_comparison",
    "reciprocity",
    "series_frame",
    "top_receivers",
    "wilson_interval",
]
