"""looking-per-article — WeChat 在看 per article (互动力); not applicable to Weibo."""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "looking-per-article"
REQUIRES = ("account_stats",)
UNIT = "rate"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    z, n = facts.col("looking"), facts.col("n")
    return batch_result(facts.ids, ratio(z, n, empty=0.0), texts("{z} 在看 over {n} articles", z=z, n=n),
                        not_applicable=~facts.is_wechat(), na_detail="在看 exists on WeChat only")
