"""account-reply-delay — median hours from a user's question to the account's reply (服务力).

Missing when no question was answered (the share answered is ``question-reply-rate``).
"""
from __future__ import annotations

import numpy as np

from govlens.indicators._newmedia import texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "account-reply-delay"
REQUIRES = ("account_comments",)
UNIT = "hours"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "reply_hours" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail="no comments imported")
    h, a = facts.col("reply_hours"), facts.col("answered")
    return batch_result(facts.ids, h, texts("median over {a} answered questions", a=a),
                        missing_detail="no question answered")
