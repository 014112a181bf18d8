"""overseas-visits — visits from abroad in a month (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas_indicator

ID = "overseas-visits"
TITLE = ("月均海外访问量", "Visits from abroad a month")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("次", "")
EVIDENCE = ("月均海外访问{value}次", "{value} visits from abroad a month")

evaluate = overseas_indicator("overseas_visits")
