"""active-days — share of the period's days with at least one post (活跃度; 更新频率)."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "active-days"
TITLE = ("发布天数占比", "Days with a post")
REQUIRES = ("account_stats",)
UNIT = "ratio"

T = Messages(ID, {
    "days": ("{d}天中有{a}天发文", "posted on {a} of {d} days"),
})


evaluate_batch = ratio_indicator(T, "days", ("a", "active_days"), ("d", "days"))
