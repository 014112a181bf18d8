"""looking-per-article — WeChat 在看 per article (互动力); not applicable to Weibo."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "looking-per-article"
TITLE = ("篇均“在看”", "在看 per article")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "looking": ("{n}篇文章共{z}次“在看”", "{z} 在看 over {n} articles"),
    "wechat": ("“在看”仅微信公众号有", "在看 exists on WeChat only"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    z, n = facts.col("looking"), facts.col("n")
    return batch_result(facts.ids, ratio(z, n, empty=0.0), texts(T, "looking", z=z, n=n),
                        not_applicable=~facts.is_wechat(), na_detail=T("wechat"))
