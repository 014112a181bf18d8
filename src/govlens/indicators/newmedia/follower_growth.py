"""follower-growth — net follower growth over the period, as a share of the followers before it (认同度).

Growth from jumps flagged as bought (``follower-anomaly``) is not counted.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import account_indicator, ratio
from govlens.text import Messages

ID = "follower-growth"
TITLE = ("粉丝增长率", "Follower growth")
REQUIRES = ("account_stats",)
UNIT = "ratio"

T = Messages(ID, {
    "growth": ("粉丝数{s} → {e}（其中{b}来自异常增长，未计入）", "{s} → {e} followers ({b} in suspicious jumps, not counted)"),
})


evaluate_batch = account_indicator(T, "growth", lambda facts, c: ratio(c["e"] - c["s"] - c["b"], c["s"], empty=0.0),
                                   s="followers_start", e="followers_end", b=lambda facts: facts.bought())
