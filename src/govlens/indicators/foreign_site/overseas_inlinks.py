"""overseas-inlinks — inbound links from foreign domains (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas_indicator

ID = "overseas-inlinks"
TITLE = ("境外网站链入数", "Inbound links from foreign domains")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("个", "")

evaluate = overseas_indicator("overseas_inlinks")
