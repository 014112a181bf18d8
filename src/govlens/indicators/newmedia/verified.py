"""verified — the account is verified (加V / 认证) at the end of the period (认同度)."""
from __future__ import annotations

import numpy as np

from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "verified"
TITLE = ("官方认证", "Verified account")
REQUIRES = ("account_stats",)
UNIT = "bool"

T = Messages(ID, {
    "yes": ("已认证", "verified"),
    "no": ("未认证", "not verified"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    v = facts.col("verified")
    detail = np.where(v == 1, T("yes"), T("no"))
    return batch_result(facts.ids, v, detail)
