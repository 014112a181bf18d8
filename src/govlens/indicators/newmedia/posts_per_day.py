"""posts-per-day — posts (WeChat: articles) a day over the period (活跃度): n / d."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "posts-per-day"
TITLE = ("日均发布量", "Posts a day")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("条", "")

T = Messages(ID, {
    "posts": ("{d}天内发文{n}篇", "{n} posts in {d} days"),
})


evaluate_batch = ratio_indicator(T, "posts", ("n", "n"), ("d", "days"))
