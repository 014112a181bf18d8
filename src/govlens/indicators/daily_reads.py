"""daily-reads — mean reads a day over the period (传播力): R / d.

R is the period's reads from the account statistics, d the days it covers.
"""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "daily-reads"
REQUIRES = ("account_stats",)
UNIT = "rate"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    R, d = facts.col("R"), facts.col("days")
    v = ratio(R, d)
    return batch_result(facts.ids, v, texts("{R} reads in {d} days", R=R, d=d))
