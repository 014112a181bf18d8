"""Vetoes, deductions and bonuses: the inspection rules applied after aggregation.

Order (the 2019 national inspection scheme, DESIGN.md):

1. the index is aggregated from the dimensions;
2. deductions (扣分) are taken from it, each rule capped at its own ``max``, never below the scale's 0;
3. a bonus (加分) is added, capped, to a unit whose index after deductions reaches the rule's ``min_index``;
4. single vetoes (单项否决) do not change the index: a vetoed unit ranks after every other unit
   of its group and cannot win an award; the index below ``qualify.min_index`` is "unqualified".

Rules read the raw values (before denomination, imputation and treatment): they judge facts
such as "5 columns not updated", not scores.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from govlens.frameworks.rules import PointsRule
from govlens.scoring.run import IndexRun

OPS = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal, "==": np.equal,
       "!=": np.not_equal}


def holds(raw: np.ndarray, op: str, value: float) -> np.ndarray:
    """Where ``raw op value`` holds; a missing value never triggers a rule."""
    with np.errstate(invalid="ignore"):
        return ~np.isnan(raw) & OPS[op](np.nan_to_num(raw), value)


def _raw(run: IndexRun, indicator: str) -> np.ndarray:
    return pd.to_numeric(run.input.values[indicator], errors="coerce").to_numpy(dtype=float)


def rule_points(raw: np.ndarray, rule: PointsRule) -> np.ndarray:
    """Points a rule gives each unit (0 when the value is missing or the condition does not hold), as
    :meth:`PointsRule.points_for` gives one."""
    where = holds(raw, rule.op, float(rule.value or 0)) if rule.op is not None else ~np.isnan(raw)
    known = np.nan_to_num(raw)
    if rule.per is not None:
        excess = (rule.below - known) if rule.below is not None else (known - rule.above)
        steps = np.where(excess > 0, np.trunc(excess / rule.per + 1e-9), 0.0)
    else:
        steps = np.maximum(known, 0.0) if rule.per_unit else 1.0
    return np.minimum(np.where(where, rule.points * steps, 0.0), rule.max)


def vetoes_of(run: IndexRun) -> list[Any]:
    """Each unit's triggered rules (an empty tuple when none: one shared object, not 300,000 lists)."""
    out: list[Any] = [()] * len(run.input.ids)
    for rule in run.framework.vetoes:
        raw = _raw(run, rule.indicator)
        for i in np.flatnonzero(holds(raw, rule.op, rule.value)):
            if not out[i]:
                out[i] = []
            out[i].append({"id": rule.id, "indicator": rule.indicator, "value": float(raw[i]),
                          "title": rule.title("zh-CN")})
    return out


def adjustments(run: IndexRun) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
    """(total deduction per unit, bonus points per bonus rule, bonus thresholds)."""
    n = len(run.input.ids)
    deduction = np.zeros(n)
    for rule in run.framework.deductions:
        deduction += rule_points(_raw(run, rule.indicator), rule)
    bonuses = [rule_points(_raw(run, b.indicator), b) for b in run.framework.bonuses]
    return deduction, bonuses, np.array([b.min_index or 0.0 for b in run.framework.bonuses], dtype=float)


def adjust(index: np.ndarray, deduction: np.ndarray, bonuses: list[np.ndarray], thresholds: np.ndarray,
           floor: float) -> tuple[np.ndarray, np.ndarray]:
    """(final index, bonus added) from the aggregated index; works on (n,) or (n, R) arrays."""
    d = deduction if index.ndim == 1 else deduction[:, None]
    after = np.maximum(index - d, floor)
    bonus = np.zeros_like(after)
    for points, threshold in zip(bonuses, thresholds):
        p = points if index.ndim == 1 else points[:, None]
        bonus = bonus + np.where(after >= threshold, p, 0.0)
    final = np.where(np.isnan(index), np.nan, after + bonus)
    return final, bonus


def _logged(rule: PointsRule, **extra: Any) -> dict[str, Any]:
    """A deduction's or bonus's parameters in the run log (its steps only when it has them)."""
    steps = {"per": rule.per, "above": rule.above, "below": rule.below} if rule.per is not None else {}
    return {"indicator": rule.indicator, "points": rule.points, "max": rule.max, **extra, "op": rule.op,
            "value": rule.value, "per_unit": rule.per_unit, **steps}


def apply_rules(run: IndexRun) -> None:
    """Start the run's results: aggregated index, deductions, bonus, final index, vetoes, qualification."""
    from govlens.scoring.aggregate import index_of

    fw = run.framework
    aggregated = index_of(run)
    deduction, bonuses, thresholds = adjustments(run)
    final, bonus = adjust(aggregated, deduction, bonuses, thresholds, fw.scale[0])
    vetoes = vetoes_of(run)
    results = pd.DataFrame({"group": run.input.groups.to_numpy(), "aggregated": aggregated,
                            "deductions": np.where(np.isnan(aggregated), np.nan, deduction),
                            "bonus": np.where(np.isnan(aggregated), np.nan, bonus), "index": final,
                            "vetoed": [bool(v) for v in vetoes], "vetoes": vetoes,
                            "coverage": run.coverage.get("index", np.zeros(len(final)))}, index=run.input.ids)
    if fw.qualify_min is not None:
        results["qualified"] = np.where(np.isnan(final), None, final >= fw.qualify_min)
    run.results = results
    run.log_step("apply_rules", {
        "vetoes": {v.id: {"indicator": v.indicator, "op": v.op, "value": v.value} for v in fw.vetoes},
        "deductions": {d.id: _logged(d) for d in fw.deductions},
        "bonuses": {b.id: _logged(b, min_index=b.min_index or 0.0) for b in fw.bonuses},
        "qualify_min": fw.qualify_min, "floor": fw.scale[0]})
