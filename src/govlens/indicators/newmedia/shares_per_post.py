"""shares-per-post — reposts (Weibo) or shares (WeChat) per post (传播力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "shares-per-post"
TITLE = ("篇均转发量", "Shares per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "shares": ("{n}篇发文共{s}次转发", "{s} shares over {n} posts"),
})


evaluate_batch = ratio_indicator(T, "shares", ("s", "shares"), ("n", "n"), empty=0.0)
