"""Screening by data availability: a unit with too small a share of its indicators gets no index.

COINr's ``Screen``: availability is counted on the denominated data, before imputation, so an
imputed value never makes a unit look better covered than it is.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.messages import t
from govlens.scoring.run import IndexRun


def availability(frame: pd.DataFrame) -> np.ndarray:
    """Share of columns present per row (categorical columns count when not None)."""
    if frame.shape[1] == 0:
        return np.zeros(len(frame))
    return frame.notna().to_numpy().mean(axis=1)


def screen(run: IndexRun, min_availability: float | None = None) -> None:
    """Add ``availability`` and ``included`` to the run's unit table; excluded units get no index."""
    threshold = run.framework.min_availability if min_availability is None else min_availability
    share = availability(run.latest())
    included = share >= threshold if threshold > 0 else np.ones(len(share), dtype=bool)
    run.analysis["screening"] = pd.DataFrame({"availability": share, "included": included}, index=run.input.ids)
    excluded = int((~included).sum())
    if excluded:
        run.notes.append(t("scoring.note_screened", count=excluded, share=f"{threshold:.0%}"))
    run.log_step("screen", {"min_availability": threshold, "excluded": excluded})
