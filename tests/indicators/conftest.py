"""Hand-made observations for indicator tests (Lighthouse's artifacts fixtures)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from govlens.contract.observation import Observation
from govlens.indicators.base import (
    CampaignFacts,
    IndicatorContext,
    PlatformObservations,
)
from govlens.registry.model import Platform
from govlens.settings import Settings

HOME = "https://www.example.gov.cn/"
CHECK = date(2013, 12, 20)


class Factory:
    home_url = HOME
    check_date = CHECK

    @staticmethod
    def platform(pid: str = "p1", url: str = HOME, name: str = "示例市人民政府") -> Platform:
        return Platform(id=pid, name=name, kind="website", org_type="government", level="prefecture",
                        province="浙江", region="east", url=url, group="prefecture")

    @staticmethod
    def obs(kind: str, url: str = HOME, status: str = "completed", *, pid: str = "p1", probe: str = "http_site",
            http_status: int | None = 200, elapsed_ms: float | None = 120.0, **data: Any) -> Observation:
        if status != "completed" and http_status == 200:
            http_status = None
        return Observation(platform_id=pid, probe=probe, kind=kind, url=url, status=status,
                           http_status=http_status, elapsed_ms=elapsed_ms,
                           observed_at=datetime(2013, 12, 20, 8, 0), data=data)

    def page(self, role: str = "home", url: str = HOME, status: str = "completed", **data: Any) -> Observation:
        payload: dict[str, Any] = {"role": role, "final_url": url, "from_url": None if role == "home" else HOME,
                                   "title": "示例市人民政府", "description": "示例市人民政府门户网站",
                                   "keywords": "示例,政府", "has_viewport": True,
                                   "headings": {"h1": 1, "h2": 4, "h3": 0},
                                   "images": {"total": 0, "without_alt": []}, "styled_text": [],
                                   "search_forms": [], "links": [], "lists": []}
        if role == "column":
            payload.update(items=[], column_title=None)
        payload.update(data)
        return self.obs("page", url, status, **payload)

    def visit(self, status: str = "completed", elapsed_ms: float | None = 120.0, attempt: int = 1,
              url: str = HOME) -> Observation:
        return self.obs("visit", url, status, elapsed_ms=elapsed_ms if status == "completed" else None,
                        attempt=attempt, final_url=url if status == "completed" else None,
                        error=None if status == "completed" else status)

    def link(self, url: str, status: str = "completed", internal: bool = True, http_status: int | None = 200,
             found_on: str = HOME) -> Observation:
        if status != "completed" and http_status == 200:
            http_status = None
        return self.obs("link", url, status, http_status=http_status, found_on=[found_on], internal=internal,
                        method="HEAD", error=None)

    def render(self, device: str = "desktop", status: str = "completed", **data: Any) -> Observation:
        """A browser-probe ``render`` observation of the homepage (healthy defaults, overridden by ``data``)."""
        if device == "desktop":
            payload: dict[str, Any] = {
                "device": "desktop", "final_url": HOME,
                "performance": {"ttfb_ms": 40.0, "fcp_ms": 300.0, "lcp_ms": 350.0, "cls": 0.0, "layout_shifts": 0,
                                "tbt_ms": 0.0, "long_tasks": 0},
                "network": {"requests": 14, "failed_requests": 0, "transfer_bytes": 60_000,
                            "bytes_by_type": {"document": 30_000, "image": 20_000, "stylesheet": 10_000}},
                "colour": {"judged_chars": 2000, "passing_chars": 2000, "worst": None, "text_colour_count": 5,
                           "background_colour_count": 3, "font_family_count": 1, "fonts": [["noto sans cjk sc", 2000]],
                           "font_size_count": 4, "palette": [{"colour": "#ffffff", "share": 0.5}]},
                "layout": {"columns": 3, "grid_regularity": 0.97, "grid_blocks": 40, "grid_lines": 7,
                           "whitespace": 0.6, "first_screen_chars": 800, "first_screen_links": 60,
                           "first_screen_images": 3, "nav_links": 6,
                           "parts": {"header": True, "navigation": True, "news": True, "notices": True,
                                     "open_government": True, "services": True, "interaction": True,
                                     "footer_sponsor": True, "footer_icp": True, "footer_site_code": True,
                                     "accessible_mode": True}},
            }
        else:
            payload = {"device": "phone", "final_url": HOME, "layout_width": 390, "document_width": 390,
                       "overflow_px": 0, "text_chars": 2000, "chars_by_size": [[14, 1900], [16, 100]],
                       "tap_targets": 120, "small_targets": 60, "crowded_targets": 4, "crowded_examples": []}
        for key, value in data.items():
            if isinstance(value, dict) and isinstance(payload.get(key), dict):
                payload[key] = {**payload[key], **value}
            else:
                payload[key] = value
        if status != "completed":
            payload = {"device": device, "error": "net::ERR_CONNECTION_REFUSED"}
        return self.obs("render", HOME, status, probe="browser", **payload)

    def axe(self, *violations: tuple[str, str, int]) -> Observation:
        """An ``axe`` observation with violations given as (rule id, impact, nodes)."""
        return self.obs("axe", HOME, probe="browser", engine="axe-core 4.12.1",
                        violations=[{"id": r, "impact": i, "nodes": n, "help": r, "targets": [".x"],
                                     "snippets": ['<span class="x">文字</span>']} for r, i, n in violations],
                        passes=["document-title", "html-has-lang"], incomplete=[], inapplicable=30)

    @staticmethod
    def item(title: str, day: str | None, url: str | None = None) -> dict[str, Any]:
        return {"title": title, "url": url or f"{HOME}art/{abs(hash((title, day))) % 10**8}.html",
                "date": day, "date_text": day or ""}

    # --- series 6, 7, 8 (文明网, foreign-language editions, .政务 names)
    CN = "https://www.example.gov.cn/"
    EN = "https://english.example.gov.cn/"

    def discovery(self, editions: list[dict[str, Any]] | None = None, *, chinese_ok: bool = True,
                  chinese_newest: str | None = "2013-12-18", status: str = "completed", **data: Any) -> Observation:
        editions = [{"url": self.EN, "lang": "en", "declared": "en", "how": "label"}] if editions is None else editions
        payload = {"lexicon": {"services": ["investment", "study", "visa", "work"],
                               "interaction": ["email", "faq", "form", "phone"]},
                   "chinese_url": self.CN, "chinese_ok": chinese_ok, "chinese_newest": chinese_newest,
                   "candidates": [{"url": e["url"], "lang": e["lang"], "how": "label", "status": "completed",
                                   "detected": e["lang"]} for e in editions],
                   "editions": editions, "primary": editions[0]["url"] if editions else None,
                   "primary_lang": editions[0]["lang"] if editions else None, **data}
        return self.obs("edition_discovery", self.CN, status, probe="foreign_edition", **payload)

    def edition_page(self, url: str = EN, role: str = "home", *, lang: str = "en", edition_lang: str = "en",
                     han_chars: int = 0, dated: list[tuple[str, str]] = (), status: str = "completed",
                     **data: Any) -> Observation:
        payload = {"role": role, "edition": self.EN, "edition_lang": edition_lang, "final_url": url, "lang": lang,
                   "confidence": 0.99, "text_chars": 800, "han_chars": han_chars,
                   "untranslated": "…关于做好外贸工作的通知…" if han_chars else None,
                   "dated": [{"url": u, "date": d} for u, d in dated], "services": [], "interaction": [],
                   "title": "News", **data}
        return self.obs("edition_page", url, status, probe="foreign_edition", **payload)

    def cn_dns(self, *, nxdomain: bool = False, a: tuple[str, ...] = ("127.0.0.1",), error: str | None = None):
        return self.obs("dns", "dns:浙江省人民政府.政务", probe="dns", host="浙江省人民政府.政务",
                        ascii_host="xn--gmq000bv3esyhdla33cp00b.xn--zfr164b", nameserver="127.0.0.1:53",
                        a=[] if nxdomain else list(a), aaaa=[], a_error=error, aaaa_error=error, nxdomain=nxdomain)

    def cn_site(self, status: str = "completed", *, links: int = 20, shown: tuple[str, ...] = ("footer",),
                elsewhere: bool = False, html: bool = True) -> Observation:
        return self.obs("cn_domain_site", "http://浙江省人民政府.政务/", status, probe="cn_domain",
                        idn="浙江省人民政府.政务", final_url="http://www.zj.gov.cn/", final_host="www.zj.gov.cn",
                        redirects=["http://浙江省人民政府.政务/"], html=html and status == "completed",
                        internal_links=links, name_shown=list(shown), name_elsewhere=elsewhere,
                        snippet="中文域名：浙江省人民政府.政务" if shown else "",
                        error=None if status == "completed" else "HTTP 404")

    def civ(self, pages: dict[str, int] | None = None, *, read: int = 20, with_topic: int = 12,
            status: str = "completed") -> Observation:
        pages = {"core_values": 5, "volunteer": 3, "moral_models": 2, "creation": 0} if pages is None else pages
        titles = {"core_values": "社会主义核心价值观", "volunteer": "志愿服务", "moral_models": "道德模范",
                  "creation": "群众性精神文明创建"}
        topics = {t: {"pages": n, "words": {titles[t][:2]: n} if n else {}, "example": HOME if n else None}
                  for t, n in pages.items()}
        return self.obs("civilization_topics", HOME, status, probe="civilization", pages=read, failed=0,
                        pages_with_topic=with_topic, topics=topics, core=["core_values", "volunteer", "moral_models"],
                        titles=titles, lexicon="civilization_topics.yaml")

    def po(self, *observations: Observation, platform: Platform | None = None) -> PlatformObservations:
        return PlatformObservations(platform or self.platform(), observations)

    def ctx(self, check_date: date = CHECK, facts: CampaignFacts | None = None, **settings: Any) -> IndicatorContext:
        return IndicatorContext(check_date=check_date, settings=Settings(settings) if settings else Settings(),
                                campaign=facts or CampaignFacts())


@pytest.fixture
def f() -> Factory:
    return Factory()
