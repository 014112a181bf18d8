"""Denomination: an indicator divided by a denominator column (per capita, per GDP …), times a scale.

A zero, negative or missing denominator makes the value missing (never zero, never infinite);
how many units that hit is reported per indicator.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.messages import quote, t
from govlens.scoring.run import IndexRun, assemble


def denominate_frame(values: pd.DataFrame, denominators: dict[str, tuple[str, float]],
                     columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``columns`` of ``values``, each one in ``denominators`` (indicator → (column, scale)) divided by it.

    Returns (denominated frame, report: indicator, denominator, scale, invalid denominators)."""
    out: dict[str, np.ndarray] = {}
    rows = []
    for col in columns:
        x = values[col]
        if col not in denominators:
            continue
        by, scale = denominators[col]
        d = values[by].to_numpy(dtype=float)
        valid = np.isfinite(d) & (d > 0)
        xs = x.to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[col] = np.where(valid, xs / np.where(valid, d, 1.0) * scale, np.nan)
        rows.append({"indicator": col, "denominator": by, "scale": scale,
                     "invalid_denominators": int((~valid & ~np.isnan(xs)).sum())})
    report = pd.DataFrame(rows, columns=["indicator", "denominator", "scale", "invalid_denominators"])
    base = values if list(values.columns) == list(columns) else values[columns]
    return assemble(base, out), report


def denominators_of(run: IndexRun) -> dict[str, tuple[str, float]]:
    return {r.id: (r.denominator, r.denominator_scale) for r in run.tree.indicators if r.denominator}


def denominate(run: IndexRun, logged: dict[str, tuple[str, float]] | None = None) -> None:
    """Write the ``denominated`` data set (the tree's indicators; raw where no denominator is set)."""
    dens = logged if logged is not None else denominators_of(run)
    frame, report = denominate_frame(run.input.values, dens, run.tree.indicator_ids())
    run.data["denominated"] = frame
    run.analysis["denomination"] = report
    for row in report.itertuples(index=False):
        if row.invalid_denominators:
            run.notes.append(t("scoring.note_denominator", name=quote(row.indicator), count=row.invalid_denominators,
                               by=quote(row.denominator)))
    run.log_step("denominate", {k: {"by": by, "scale": scale} for k, (by, scale) in dens.items()})
