"""edition-services — share of the lexicon's service topics the foreign-language edition offers (公共服务, series 7).

Visa and residence, work permits, investment, business registration, study, medical care, tourism,
consular affairs, housing (``FOREIGN_LEXICON_FILE``): a topic is offered when its words are on a
page of the main edition.
"""
from __future__ import annotations

from govlens.indicators.foreign_site._edition import lexicon_indicator

ID = "edition-services"
TITLE = ("外文版公共服务主题覆盖率", "Service topics for people abroad")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"
EVIDENCE = ("面向境外用户的服务主题覆盖{value}", "{value} of the service topics for people abroad")

evaluate = lexicon_indicator("services")
