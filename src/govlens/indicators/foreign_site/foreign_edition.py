"""foreign-edition — does the Chinese site lead to a working foreign-language edition? 1 or 0 (series 7).

From the ``foreign_edition`` probe: an edition is a page in a language other than Chinese, reached
from the Chinese homepage (a language link, an hreflang alternate, a language switcher) or at one
of the usual paths (``/english/``). None is a ``no_foreign_edition`` finding; a Chinese site that did
not load is missing, not a defect.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.foreign_site._edition import T as ET
from govlens.indicators.foreign_site._edition import discovery, language
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, joined,
                                     site_finding)
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "foreign-edition"
TITLE = ("可用外文版", "Working foreign-language edition")
REQUIRES = ("edition_discovery",)
UNIT = "bool"

T = Messages(ID, {
    "found": ("外文版：{editions}", "edition(s): {editions}"),
    "edition": ("{lang} {url}", "{lang} {url}"),
    "how": ("发现方式：{how}", "found by {how}"),
    "hreflang": ("hreflang声明", "hreflang"),
    "label": ("语言链接文字", "language link"),
    "switcher": ("语言切换菜单", "language switcher"),
    "path": ("常用外文版路径", "common edition path"),
    "code": ("HTTP状态码{code}", "HTTP {code}"),
    "tried": ("{url} → {what}", "{url} → {what}"),
    "tried_lang": ("{url} → {what}（{lang}）", "{url} → {what} ({lang})"),
    "nothing": ("无语言链接、hreflang声明或语言切换菜单", "no language link, hreflang or switcher"),
    "none": ("未发现外文版：{seen}", "no foreign-language edition: {seen}"),
})



def _how(how: object) -> str:
    return T.ref(str(how)) if how in ("hreflang", "label", "switcher", "path") else str(how)


def _status(c: dict) -> str:
    """How a candidate's visit ended: its HTTP code when it completed, else the status said in words."""
    if c.get("status") == "completed":
        return T.ref("code", code=c["http_status"]) if c.get("http_status") else describe_visit("completed")
    return describe_visit(c.get("status"), c.get("cause"), http_status=c.get("http_status"))


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    d = discovery(obs)
    if d is None:
        return IndicatorResult.missing(R("foreign_probe_not_run"))
    data = d.data or {}
    if not data.get("chinese_ok"):
        return IndicatorResult.missing(ET("chinese_not_loaded", what=describe_visit(d.status, data.get("cause"),
                                                                                http_status=d.http_status)))
    editions = data.get("editions") or []
    if editions:
        langs = joined(T.ref("edition", lang=language(e.get("lang")), url=e.get("url")) for e in editions)
        primary = data.get("primary") or editions[0].get("url")
        return IndicatorResult(value=1.0, detail=T("found", editions=langs),
                               evidence=[Evidence(url=primary, detail=T("how", how=_how(editions[0].get("how"))))])
    tried = data.get("candidates") or []
    seen = joined(T.ref("tried_lang", url=c.get("url"), what=_status(c), lang=language(c["detected"]))
                  if c.get("detected") else T.ref("tried", url=c.get("url"), what=_status(c))
                  for c in tried[:6]) or T.ref("nothing")
    detail = T("none", seen=seen)
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=d.url, detail=detail)],
                           findings=[site_finding(obs, defects.NO_FOREIGN_EDITION, detail)])
