"""robots-sitemap — is the site described to search engines (搜索引擎)? 0, 0.5 or 1.

Half for a robots.txt that does not disallow the whole site, half for a sitemap that
lists URLs. A robots.txt or sitemap that could not be fetched for a network reason (as
opposed to a 404) is unknown; both unknown is missing.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.probes.observation import COMPLETED

ID = "robots-sitemap"
REQUIRES = ("robots", "sitemap")
UNIT = "ratio"

#: How a fetch may end and still tell us whether the file exists.
KNOWN = (COMPLETED, "http_error", "not_html", "decode_error", "too_large")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    robots, sitemap = obs.one("robots"), obs.one("sitemap")
    known = [o for o in (robots, sitemap) if o is not None and (o.status in KNOWN or (o.data or {}).get("present"))]
    if not known:
        return IndicatorResult.missing("neither robots.txt nor a sitemap could be checked")
    value, parts, evidence = 0.0, [], []
    if robots is not None:
        r = robots.data or {}
        if r.get("present") and not r.get("disallows_all"):
            value += 0.5
            parts.append("robots.txt present")
        elif r.get("present"):
            parts.append("robots.txt disallows the whole site")
        else:
            parts.append(f"no robots.txt ({robots.status})")
        evidence.append(Evidence(url=robots.url, detail=parts[-1]
                                 + (f"; sitemaps: {', '.join(r.get('sitemaps') or [])}" if r.get("sitemaps") else "")))
    if sitemap is not None:
        s = sitemap.data or {}
        n = int(s.get("url_count") or 0)
        if s.get("present") and n > 0:
            value += 0.5
            parts.append(f"sitemap with {n} URLs")
        elif s.get("present"):
            parts.append("sitemap lists no URL")
        else:
            parts.append(f"no sitemap ({sitemap.status})")
        evidence.append(Evidence(url=sitemap.url, detail=parts[-1]
                                 + (f"; newest lastmod {s['newest_lastmod']}" if s.get("newest_lastmod") else "")))
    return IndicatorResult(value=value, detail="; ".join(parts), evidence=evidence)
