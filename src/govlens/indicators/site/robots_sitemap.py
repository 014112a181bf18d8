"""robots-sitemap — is the site described to search engines (搜索引擎)? 0, 0.5 or 1.

Half for a robots.txt that does not disallow the whole site, half for a sitemap that
lists URLs. A robots.txt or sitemap that could not be fetched for a network reason (as
opposed to a 404) is unknown; both unknown is missing.
"""
from __future__ import annotations

from govlens.contract.observation import COMPLETED
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "robots-sitemap"
TITLE = ("搜索引擎友好（robots与站点地图）", "Robots.txt and sitemap")
REQUIRES = ("robots", "sitemap")
UNIT = "ratio"

T = Messages(ID, {
    "none": ("robots.txt和网站地图均无法检查", "neither robots.txt nor a sitemap could be checked"),
    "robots_ok": ("有robots.txt", "robots.txt present"),
    "robots_all": ("robots.txt禁止抓取整个网站", "robots.txt disallows the whole site"),
    "robots_none": ("无robots.txt（{what}）", "no robots.txt ({what})"),
    "robots_maps": ("{part}；声明的网站地图：{maps}", "{part}; sitemaps: {maps}"),
    "sitemap_ok": ("网站地图列出{n}个网址", "sitemap with {n} URLs"),
    "sitemap_empty": ("网站地图未列出网址", "sitemap lists no URL"),
    "sitemap_none": ("无网站地图（{what}）", "no sitemap ({what})"),
    "sitemap_lastmod": ("{part}；最新lastmod为{date}", "{part}; newest lastmod {date}"),
    "semi": ("；", "; "),
})


#: How a fetch may end and still tell us whether the file exists.
KNOWN = (COMPLETED, "http_error", "not_html", "decode_error", "too_large")


def _said(o) -> str:
    """How the fetch of the file ended (a 404 says "HTTP 404")."""
    return describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status)


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    robots, sitemap = obs.one("robots"), obs.one("sitemap")
    known = [o for o in (robots, sitemap) if o is not None and (o.status in KNOWN or (o.data or {}).get("present"))]
    if not known:
        return IndicatorResult.missing(T("none"))
    value, parts, evidence = 0.0, [], []
    if robots is not None:
        r = robots.data or {}
        if r.get("present") and not r.get("disallows_all"):
            value += 0.5
            parts.append(T("robots_ok"))
        elif r.get("present"):
            parts.append(T("robots_all"))
        else:
            parts.append(T("robots_none", what=_said(robots)))
        evidence.append(Evidence(url=robots.url, detail=T("robots_maps", part=parts[-1], maps=", ".join(r["sitemaps"]))
                                 if r.get("sitemaps") else parts[-1]))
    if sitemap is not None:
        s = sitemap.data or {}
        n = int(s.get("url_count") or 0)
        if s.get("present") and n > 0:
            value += 0.5
            parts.append(T("sitemap_ok", n=n))
        elif s.get("present"):
            parts.append(T("sitemap_empty"))
        else:
            parts.append(T("sitemap_none", what=_said(sitemap)))
        evidence.append(Evidence(url=sitemap.url, detail=T("sitemap_lastmod", part=parts[-1], date=str(s["newest_lastmod"]))
                                 if s.get("newest_lastmod") else parts[-1]))
    return IndicatorResult(value=value, detail=T("semi").join(parts), evidence=evidence)
