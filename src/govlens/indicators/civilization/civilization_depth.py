"""civilization-depth — share of the site's pages that speak of some 文明传播 topic (series 6).

How much of what a 文明网 publishes is 文明传播 rather than routine government news: the pages
read by the ``civilization`` probe (homepage, column lists, sampled articles) with at least one
word of the topic lexicon, over the pages read.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.indicators.civilization._civilization import from_topics
from govlens.text import Messages

ID = "civilization-depth"
TITLE = ("宣传文明传播内容的页面占比", "Pages about civilization topics")
REQUIRES = ("civilization_topics",)
UNIT = "ratio"
EVIDENCE = ("{value}的页面宣传文明传播内容", "{value} of its pages speak of civilization topics")

T = Messages(ID, {
    "no_page": ("未能读取任何页面（{what}）", "no page could be read ({what})"),
    "share": ("{total}个页面中{n}个涉及文明传播主题", "{n}/{total} pages speak of a 文明传播 topic"),
})


@from_topics(T)
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pages = int(data.get("pages") or 0)
    hit = int(data.get("pages_with_topic") or 0)
    detail = T("share", n=hit, total=pages)
    return judged(obs, hit / pages, detail, o.url)
