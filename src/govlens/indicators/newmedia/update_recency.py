"""update-recency — days from the last post to the check date (活跃度); the 2019 new-media veto.

The 2019 inspection indicators (政府网站与政务新媒体检查指标) veto a new-media account with no
update in the 2 weeks before the check: more than ``NEWMEDIA_DORMANT_DAYS`` days is a
``dormant_account`` finding (and the framework's veto). No post in the whole period counts as
:data:`~govlens.indicators.base.MAX_DAYS`.
"""
from __future__ import annotations

import numpy as np

from govlens.contract import defects
from govlens.indicators.newmedia._newmedia import account_findings, texts
from govlens.indicators.base import MAX_DAYS, BatchResult, IndicatorContext, Threshold, Thresholds, batch_result
from govlens.text import Messages

ID = "update-recency"
TITLE = ("距最近一次更新", "Days since the last post")
REQUIRES = ("account_stats",)
UNIT = "days"
THRESHOLDS = Thresholds(ID,
    dormant_days=Threshold(setting="NEWMEDIA_DORMANT_DAYS"),  # 2019: no update in the 2 weeks before the check
)

T = Messages(ID, {
    "last": ("最近一次发文{last}，距检查日{v}天", "last post {last}, {v} days before the check"),
    "dormant": ("检查日前{limit}天内未发文（最近一次发文{last}）", "no post in the {limit} days before the check (last post {last})"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    days = facts.col("days")
    since = facts.col("days_since_post")
    v = np.where(np.isnan(days), np.nan, np.clip(np.nan_to_num(since, nan=MAX_DAYS), 0, MAX_DAYS))
    last = facts.text("last_post")
    last = np.where(np.isin(last, ("NaT", "None", "nan", "")), "—", last)         # no post: a dash, never a repr
    result = batch_result(facts.ids, v, texts(T, "last", last=last, v=v))
    limit = int(THRESHOLDS(ctx, "dormant_days"))
    return account_findings(result, facts, v > limit, defects.DORMANT_ACCOUNT,
                            lambda i: T("dormant", limit=limit, last=last[i]))
