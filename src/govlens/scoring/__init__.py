"""Scoring stage: normalise, aggregate, apply vetoes, rank within groups (one verb per step)."""
from govlens.scoring.normalise import METHODS as NORMALISATION_METHODS
from govlens.scoring.pipeline import ScoringSummary, apply_vetoes, score_campaign

__all__ = ["NORMALISATION_METHODS", "ScoringSummary", "apply_vetoes", "score_campaign"]
