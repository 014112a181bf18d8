"""indexed-pages — pages indexed by search engines, from the imported external signals (搜索引擎)."""
from __future__ import annotations

from govlens.indicators.signals._signals import signal_indicator

ID = "indexed-pages"
TITLE = ("搜索引擎收录量", "Pages indexed by search engines")
REQUIRES = ("signals",)
UNIT = "count"
UNIT_LABEL = ("页", "pages")

evaluate = signal_indicator("indexed_pages")
