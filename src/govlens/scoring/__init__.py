"""Scoring stage: normalise, weight, aggregate, apply vetoes, rank within groups (one verb per step)."""
