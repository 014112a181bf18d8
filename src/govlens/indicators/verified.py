"""verified — the account is verified (加V / 认证) at the end of the period (认同度)."""
from __future__ import annotations

import numpy as np

from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "verified"
REQUIRES = ("account_stats",)
UNIT = "bool"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    v = facts.col("verified")
    detail = np.where(v == 1, "verified", "not verified")
    return batch_result(facts.ids, v, detail)
