"""portal-structure — share of the standard parts of a government portal found on the homepage (版面布局).

A government portal is expected to show: a news block (要闻/动态), notices (通知公告),
policy or government-information disclosure (政策/政务公开/信息公开), online services
(办事服务), interaction (互动交流 / 信箱), a site-search form, and enough headings to
structure the page. The parts are matched on the titles of the homepage's lists and the
texts of its links with small keyword lists. No finding: it is a design measure.
"""
from __future__ import annotations

import re

from govlens.contract.observation import Observation
from govlens.indicators.site._site import on_homepage
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, clip, page_url
from govlens.text import Messages

ID = "portal-structure"
TITLE = ("门户基本结构完整度", "Portal structure")
REQUIRES = ("page",)
UNIT = "ratio"

T = Messages(ID, {
    "search_form": ("搜索表单", "search form"),
    "headings_n": ("{n}个标题", "{n} headings"),
    "part": ("{part}：{found}", "{part}: {found}"),
    "not_found": ("未找到", "not found"),
    "summary": ("{total}个门户组成部分中找到{n}个", "{n} of {total} portal parts found"),
    "summary_missing": ("{total}个门户组成部分中找到{n}个；缺少{missing}", "{n} of {total} portal parts found; missing {missing}"),
    "p_news": ("要闻动态", "news"),
    "p_notices": ("通知公告", "notices"),
    "p_policy": ("政务公开", "policy"),
    "p_services": ("办事服务", "services"),
    "p_interaction": ("互动交流", "interaction"),
    "p_search": ("站内搜索", "search"),
    "p_headings": ("标题结构", "headings"),
})


#: Part → keywords matched in list titles and link texts.
PARTS: dict[str, tuple[str, ...]] = {
    "news": ("要闻", "新闻", "动态", "快讯", "头条", "时政"),
    "notices": ("通知公告", "通知", "公告", "公示"),
    "policy": ("政务公开", "信息公开", "政府信息", "政策", "文件", "法规", "解读"),
    "services": ("办事服务", "网上办事", "政务服务", "在线办事", "办事", "便民", "服务"),
    "interaction": ("互动交流", "政民互动", "互动", "交流", "信箱", "留言", "咨询", "投诉", "征集", "访谈"),
}
#: Headings (h1–h3) a structured homepage shows at least.
MIN_HEADINGS = 3
ALL_PARTS = (*PARTS, "search", "headings")
_PATTERNS = {part: re.compile("|".join(map(re.escape, words))) for part, words in PARTS.items()}


@on_homepage
def evaluate(home: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    url = page_url(home)
    data = home.data
    texts = [str(b.get("title") or "") for b in data.get("lists") or [] if isinstance(b, dict)]
    texts += [str(a.get("text") or "") for a in data.get("links") or [] if isinstance(a, dict)]
    joined = "\n".join(" ".join(t.split()) for t in texts)
    found: dict[str, str] = {}
    for part, pattern in _PATTERNS.items():
        m = pattern.search(joined)
        if m is not None:
            line = joined[joined.rfind("\n", 0, m.start()) + 1:]
            found[part] = f"“{clip(line.split(chr(10), 1)[0], 40)}”"
    forms = data.get("search_forms") or []
    if forms:
        found["search"] = T.ref("search_form")
    headings = data.get("headings") or {}
    n_head = sum(int(headings.get(h) or 0) for h in ("h1", "h2", "h3"))
    if n_head >= MIN_HEADINGS:
        found["headings"] = T.ref("headings_n", n=n_head)
    missing = [p for p in ALL_PARTS if p not in found]
    evidence = [Evidence(url=url, detail=T("part", part=T.ref("p_" + p), found=found.get(p) or T.ref("not_found")))
                for p in ALL_PARTS]
    detail = (T("summary_missing", n=len(found), total=len(ALL_PARTS),
                missing=R("sep").join(T.ref("p_" + p) for p in missing))
              if missing else T("summary", n=len(found), total=len(ALL_PARTS)))
    return IndicatorResult(value=len(found) / len(ALL_PARTS), detail=detail, evidence=evidence)
