"""service-functions — WeChat menu entries and service functions (服务力); not applicable to Weibo."""
from __future__ import annotations

from govlens.indicators._newmedia import texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "service-functions"
REQUIRES = ("account_stats",)
UNIT = "count"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    m = facts.col("menu_items")
    return batch_result(facts.ids, m, texts("{m} menu entries and service functions", m=m),
                        not_applicable=~facts.is_wechat(), na_detail="menus exist on WeChat only",
                        missing_detail="no menu count imported")
