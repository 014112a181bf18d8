"""account-reply-delay — median hours from a user's question to the account's reply (服务力).

Missing when no question was answered (the share answered is ``question-reply-rate``).
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "account-reply-delay"
TITLE = ("回复网民提问用时（中位数）", "Median reply time to questions")
REQUIRES = ("account_comments",)
UNIT = "hours"
UNIT_LABEL = ("小时", "hours")

T = Messages(ID, {
    "median": ("{a}条已回复提问的回复时间中位数", "median over {a} answered questions"),
    "none_answered": ("无已回复的提问", "no question answered"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "reply_hours" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail=NM("no_comments"))
    h, a = facts.col("reply_hours"), facts.col("answered")
    return batch_result(facts.ids, h, texts(T, "median", a=a),
                        missing_detail=T("none_answered"))
