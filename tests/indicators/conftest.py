"""Hand-made observations for indicator tests (Lighthouse's artifacts fixtures)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from govlens.indicators.base import CampaignFacts, IndicatorContext, PlatformObservations
from govlens.probes.observation import Observation
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

    @staticmethod
    def item(title: str, day: str | None, url: str | None = None) -> dict[str, Any]:
        return {"title": title, "url": url or f"{HOME}art/{abs(hash((title, day))) % 10**8}.html",
                "date": day, "date_text": day or ""}

    def po(self, *observations: Observation, platform: Platform | None = None) -> PlatformObservations:
        return PlatformObservations(platform or self.platform(), observations)

    def ctx(self, check_date: date = CHECK, facts: CampaignFacts | None = None, **settings: Any) -> IndicatorContext:
        return IndicatorContext(check_date=check_date, settings=Settings(settings) if settings else Settings(),
                                campaign=facts or CampaignFacts())


@pytest.fixture
def f() -> Factory:
    return Factory()
