"""looking-per-article — WeChat 在看 per article (互动力); not applicable to Weibo."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import on_weibo, ratio_indicator
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


evaluate_batch = ratio_indicator(T, "looking", ("z", "looking"), ("n", "n"), empty=0.0, na=(on_weibo, T("wechat")))
