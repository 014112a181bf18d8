"""service-content — share of original posts that are service information (服务力).

Estimated on a stratified sample of posts (weeks as strata, ``NEWMEDIA_SAMPLE_POSTS`` per
account; see :mod:`govlens.indicators.newmedia.newmedia_facts`); the detail reports the sample, the
standard error and the realised error against the full classification.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import needs_column
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "service-content"
TITLE = ("服务信息占比（抽样）", "Service information (sampled)")
REQUIRES = ("account_posts",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("未导入原创发文", "no original post imported"),
    "sample": ("抽样{total}篇中的{n}篇：{p}% ± {se}%（标准误）；全部发文{t}%，抽样误差{err}%", "sample {n} of {total} posts: {p}% ± {se}% (standard error); all posts {t}%, sampling error {err}%"),
})


@needs_column("service_share", NM("no_posts"))
def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    v, se, n, N, full = (facts.col(k) for k in ("service_share", "service_se", "service_n", "service_N",
                                                "service_full"))
    detail = np.array([T("sample", n=int(a), total=int(b), p=f"{p * 100:.1f}", se=f"{s * 100:.1f}",
                         t=f"{t * 100:.1f}", err=f"{abs(p - t) * 100:.1f}") if np.isfinite(p) else ""
                       for p, s, a, b, t in zip(v, se, np.nan_to_num(n), np.nan_to_num(N), full)], dtype=object)
    return batch_result(facts.ids, v, detail, missing_detail=T("none"))
