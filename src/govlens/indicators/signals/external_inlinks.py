"""external-inlinks — inbound links from the web, from the imported external signals (社会舆情)."""
from __future__ import annotations

from govlens.indicators.signals._signals import signal_indicator

ID = "external-inlinks"
TITLE = ("外部链入数", "Inbound links from the web")
REQUIRES = ("signals",)
UNIT = "count"
UNIT_LABEL = ("个", "links")

evaluate = signal_indicator("inbound_links")
