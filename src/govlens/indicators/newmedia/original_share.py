"""original-share — share of posts that are original, not reposts (活跃度; 原创率). Missing with no post."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "original-share"
TITLE = ("原创率", "Original posts")
REQUIRES = ("account_stats",)
UNIT = "ratio"

T = Messages(ID, {
    "share": ("{n}篇发文中{o}篇为原创", "{o} of {n} posts original"),
    "none": ("统计期内未发文", "no post in the period"),
})


evaluate_batch = ratio_indicator(T, "share", ("o", "original"), ("n", "n"), missing_detail=T("none"))
