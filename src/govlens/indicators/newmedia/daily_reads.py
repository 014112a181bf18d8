"""daily-reads — mean reads a day over the period (传播力): R / d.

R is the period's reads from the account statistics, d the days it covers.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "daily-reads"
TITLE = ("日均阅读量", "Reads a day")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "reads": ("{d}天共{R}次阅读", "{R} reads in {d} days"),
})


evaluate_batch = ratio_indicator(T, "reads", ("R", "R"), ("d", "days"))
