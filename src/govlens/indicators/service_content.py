"""service-content — share of original posts that are service information (服务力).

Estimated on a stratified sample of posts (weeks as strata, ``NEWMEDIA_SAMPLE_POSTS`` per
account; see :mod:`govlens.indicators.newmedia_facts`); the detail reports the sample, the
standard error and the realised error against the full classification.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "service-content"
REQUIRES = ("account_posts",)
UNIT = "ratio"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "service_share" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail="no post records imported")
    v, se, n, N, full = (facts.col(k) for k in ("service_share", "service_se", "service_n", "service_N",
                                                "service_full"))
    detail = np.array([f"sample {int(a)} of {int(b)} posts: {p:.1%} ± {s:.1%} (standard error); "
                       f"all posts {t:.1%}, sampling error {abs(p - t):.1%}" if np.isfinite(p) else ""
                       for p, s, a, b, t in zip(v, se, np.nan_to_num(n), np.nan_to_num(N), full)], dtype=object)
    return batch_result(facts.ids, v, detail, missing_detail="no original post imported")
