"""search-results — does the site search find what the site itself publishes (网民体验)? 1 or 0.

The search probe asked the site's own search form for a word seen in at least two of the
site's titles. Nothing found is a ``search_no_results`` finding: the form is there, the
search does not work. Sites without a search form are not applicable (``site-search``
judges those); a query that could not be made or answered is missing.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import COMPLETED
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip, judged
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "search-results"
TITLE = ("站内搜索可用性", "Site search works")
REQUIRES = ("search",)
UNIT = "bool"

T = Messages(ID, {
    "no_form": ("无可试用的站内搜索表单", "no site-search form to try"),
    "no_answer": ("搜索页未返回结果（{what}）", "the search page did not answer ({what})"),
    "no_answer_plain": ("搜索页未返回可判断的结果", "the search page gave no result count"),
    "counted": ("计得{n}条结果", "{n} result(s) counted"),
    "seen": ("检索词“{query}”（出现在本站{titles}个标题中）：{said}", "query “{query}” (in {titles} of the site's titles): {said}"),
    "found": ("站内搜索“{query}”找到{n}条结果", "the site search found {n} result(s) for “{query}”"),
    "nothing": ("站内搜索“{query}”无结果，而本站有{titles}个标题含该词",
                "the site search found nothing for “{query}”, a word in {titles} of its titles"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("search")
    if o is None:
        return IndicatorResult.not_applicable(T("no_form"))
    data = o.data or {}
    query, count = data.get("query"), data.get("result_count")
    if o.status != COMPLETED or count is None or not query:
        return IndicatorResult.missing(T("no_answer", what=describe_visit(o.status, data.get("cause"),
                                                                          http_status=o.http_status))
                                       if o.status != COMPLETED else T("no_answer_plain"))
    said = data.get("count_text") or T.ref("counted", n=count)
    seen = T("seen", query=query, titles=data.get("titles_with_query"), said=said)
    evidence = [Evidence(url=o.url, detail=seen, snippet=clip(data.get("count_text"), 80))]
    if count > 0:
        return judged(obs, 1.0, T("found", n=count, query=query), evidence)
    detail = T("nothing", query=query, titles=data.get("titles_with_query"))
    return judged(obs, 0.0, detail, evidence, (defects.SEARCH_NO_RESULTS, detail),
                  snippet=clip(data.get("count_text"), 80), at=o.url)
