"""soft-404 — does a page that cannot exist answer "not found" (404 / 410)? 1 or 0.

The not-found probe asked for a made-up path. Answering it with 2xx (after redirects, e.g.
to the homepage) is a ``soft_404`` finding: broken links on such a site look alive to
every checker and search engine. Missing when the answer was neither (a timeout, 5xx).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import COMPLETED, Observation
from govlens.indicators._given import observed
from govlens.indicators.access._access import answer
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "soft-404"
TITLE = ("错误页面返回404", "Missing pages answer 404")
REQUIRES = ("not_found",)
UNIT = "bool"

T = Messages(ID, {
    "not_asked": ("未请求不存在的页面", "no made-up page was requested"),
    "seen": ("{url} → {what}", "{url} → {what}"),
    "seen_title": ("{url} → {what}，页面标题“{title}”", "{url} → {what}, title “{title}”"),
    "code": ("HTTP状态码{code}", "HTTP {code}"),
    "answers": ("不存在的页面返回{code}", "a missing page answers {code}"),
    "soft": ("不存在的页面返回{code}（未返回404）", "a page that does not exist answers {code}"),
    "soft_at": ("不存在的页面返回{code}（未返回404），跳转至{url}", "a page that does not exist answers {code} at {url}"),
    "unclear": ("无明确答复：{seen}", "no clear answer: {seen}"),
})


@observed("not_found", T("not_asked"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    what = answer(o, T)
    seen = (T("seen_title", url=o.url, what=what, title=str(data["title"])) if data.get("title")
            else T("seen", url=o.url, what=what))
    evidence = [Evidence(url=o.url, detail=seen)]
    if o.http_status in (404, 410):
        return judged(obs, 1.0, T("answers", code=o.http_status), evidence)
    if o.status == COMPLETED and o.http_status is not None and 200 <= o.http_status < 300:
        detail = (T("soft_at", code=o.http_status, url=data["final_url"])
                  if data.get("final_url") and data.get("final_url") != o.url else T("soft", code=o.http_status))
        return judged(obs, 0.0, detail, evidence, (defects.SOFT_404, detail), snippet=data.get("title") or "", at=o.url)
    return IndicatorResult(value=None, status="missing", detail=T("unclear", seen=seen), evidence=evidence)
