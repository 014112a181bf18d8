"""Scoring stage: a composite-indicator engine (COINr-style, one verb per module) and its store adapter.

    denominate → screen → impute → treat → normalise → weight/aggregate → rules → rank
    → uncertainty (Monte Carlo, Sobol) → statistics;   compare (year over year)

:func:`build_index` runs the engine on any units × indicators table; :func:`score_campaign`
adapts a campaign store to it.
"""
from govlens.scoring.engine import REGISTRIES, build_index, replay
from govlens.scoring.normalise import METHODS as NORMALISATION_METHODS
from govlens.scoring.pipeline import ScoringSummary, apply_vetoes, score_campaign
from govlens.scoring.run import IndexRun
from govlens.scoring.table import IndexInput, from_frame, read_table

__all__ = ["NORMALISATION_METHODS", "REGISTRIES", "IndexInput", "IndexRun", "ScoringSummary", "apply_vetoes",
           "build_index", "from_frame", "read_table", "replay", "score_campaign"]
