"""media-mentions — media mentions, from the imported external signals (社会舆情)."""
from __future__ import annotations

from govlens.indicators.signals._signals import signal_indicator

ID = "media-mentions"
TITLE = ("媒体提及量", "Media mentions")
REQUIRES = ("signals",)
UNIT = "count"
UNIT_LABEL = ("次", "mentions")

evaluate = signal_indicator("media_mentions")
