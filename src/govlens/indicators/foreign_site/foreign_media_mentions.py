"""foreign-media-mentions — mentions in foreign media (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas_indicator

ID = "foreign-media-mentions"
TITLE = ("境外媒体报道量", "Foreign media mentions")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("次", "")

evaluate = overseas_indicator("foreign_media_mentions")
