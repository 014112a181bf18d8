"""submission-accuracy — the largest ratio of a self-submitted figure to the measured one.

A check (listed under the framework's ``checks``, never scored): units' own figures
(单位自荐, 平台报送: followers, posts and reads of the period) are compared with the imported
statistics; above ``1 + NEWMEDIA_OVERREPORT_TOLERANCE`` is an ``over_reported`` finding citing the
submission's file and line. Not applicable to an account without a submission.
"""
from __future__ import annotations

import numpy as np

from govlens.contract import defects
from govlens.indicators.newmedia._newmedia import account_findings
from govlens.indicators.base import BatchResult, IndicatorContext, Threshold, Thresholds, batch_result
from govlens.text import Messages

ID = "submission-accuracy"
TITLE = ("报送数据与实测之比", "Submitted over measured figures")
REQUIRES = ("submission",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    # a submitted figure above measured × (1 + this) is over-reported (ours)
    tolerance=Threshold(0.10, setting="NEWMEDIA_OVERREPORT_TOLERANCE"),
)

T = Messages(ID, {
    "none": ("无报送数据", "no submission"),
    "over": ("报送数据与实测不符（虚报）：{detail}（为实测的{ratio}倍）", "{detail} (×{ratio})"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "sub_ratio" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "",
                            not_applicable=np.ones(len(facts.ids), bool), na_detail=T("none"))
    r = facts.col("sub_ratio")
    detail = facts.frame["sub_detail"].fillna("").to_numpy(dtype=object)
    result = batch_result(facts.ids, r, detail, not_applicable=np.isnan(r), na_detail=T("none"))
    limit = 1.0 + float(THRESHOLDS(ctx, "tolerance"))
    return account_findings(result, facts, np.nan_to_num(r) > limit, defects.OVER_REPORTED,
                            lambda i: T("over", detail=detail[i], ratio=f"{r[i]:.2f}"))
