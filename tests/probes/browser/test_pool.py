"""The pool and the probe on hostile or failing pages, with real Chromium and real loopback servers."""
from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from aiohttp import web

from govlens.errors import BrowserUnavailable
from govlens.pipeline.campaign import Campaign
from govlens.pipeline.scan_stages import browse
from govlens.probes.base import ProbeContext
from govlens.probes.gatherers.browser import BrowserProbe
from govlens.probes.gatherers.browser.pool import BrowserPool
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

from .conftest import require_browser

OK = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例</title>'
      '<meta name="viewport" content="width=device-width"></head><body><h1>示例市人民政府</h1>'
      '<p>政务公开 政务服务 互动交流</p></body></html>')
LOOP = '<!DOCTYPE html><html><head><title>x</title></head><body><script>while(true){}</script></body></html>'


def _app() -> web.Application:
    async def ok(request):
        return web.Response(text=OK, content_type="text/html")

    async def loop(request):
        return web.Response(text=LOOP, content_type="text/html")

    async def down(request):
        return web.Response(status=503, text="down")

    app = web.Application()
    app.router.add_get("/", ok)
    app.router.add_get("/loop", loop)
    app.router.add_get("/down", down)
    return app


def _platform(pid: str, url: str) -> Platform:
    return Platform(id=pid, name="示例市人民政府", kind="website", org_type="government", level="prefecture",
                    province="浙江", region="east", url=url, group="prefecture")


async def _probe(settings: dict, *urls: str) -> tuple[list, BrowserProbe]:
    probe = BrowserProbe()
    await probe.setup(ProbeContext(settings=Settings(settings), fetcher=None, link_checker=None,  # type: ignore[arg-type]
                                   check_date=date(2013, 12, 10)))
    try:
        out = [await probe.probe(_platform(f"p{i}", u)) for i, u in enumerate(urls)]
    finally:
        await probe.teardown()
    return out, probe


def test_a_hung_page_times_out_and_the_next_one_renders(serve):
    require_browser()

    async def main():
        async with serve(_app()) as port:
            base = f"http://127.0.0.1:{port}"
            return await _probe({"HTTP_ALLOW_PRIVATE": True, "BROWSER_NAV_TIMEOUT": 3, "BROWSER_TIMEOUT": 20,
                                 "BROWSER_SETTLE_MS": 100, "BROWSER_AXE": False}, f"{base}/loop", f"{base}/", f"{base}/down")

    (hung, ok, down), _ = asyncio.run(main())
    assert [o.status for o in hung if o.kind == "render"] == ["timeout"]       # not tried on the phone
    assert [(o.data["device"], o.status) for o in ok if o.kind == "render"] == [("desktop", "completed"),
                                                                                 ("phone", "completed")]
    assert [(o.status, o.http_status, o.data.get("reloads")) for o in down] == [("http_error", 503, 2)]


def test_private_targets_are_refused_outside_sandbox_mode(serve):
    require_browser()

    async def main():
        async with serve(_app()) as port:
            return await _probe({"BROWSER_AXE": False}, f"http://127.0.0.1:{port}/")

    (out,), _ = asyncio.run(main())
    assert [o.status for o in out] == ["blocked_target"]


def test_redirects_and_resources_to_private_targets_never_reach_them(serve):
    """``localhost`` stands for a public site (allowed by name); what it names at 127.0.0.1 is private.

    Playwright's routes do not see redirects, and Chromium resolves names itself: only the guard
    proxy stops a public page's redirect, or its image, from reaching an internal address.
    """
    require_browser()
    hits: list[str] = []

    def app() -> web.Application:
        async def public(request):
            port = request.url.port
            return web.Response(text=OK.replace("</body>", f'<img src="http://127.0.0.1:{port}/secret-img"></body>'),
                                content_type="text/html")

        async def to_private(request):
            raise web.HTTPFound(f"http://127.0.0.1:{request.url.port}/secret")

        async def secret(request):
            hits.append(request.path)
            return web.Response(text=OK, content_type="text/html")

        a = web.Application()
        a.router.add_get("/", public)
        a.router.add_get("/go", to_private)
        a.router.add_get("/secret", secret)
        a.router.add_get("/secret-img", secret)
        return a

    async def main():
        async with serve(app()) as port:
            out, probe = await _probe({"BROWSER_AXE": False, "HTTP_ALLOW_NETWORKS": ["localhost"],
                                       "BROWSER_SETTLE_MS": 100},
                                      f"http://localhost:{port}/", f"http://localhost:{port}/go",
                                      f"http://127.0.0.1:{port}/")
            return out

    page, redirected, direct = asyncio.run(main())
    assert [(o.data["device"], o.status) for o in page if o.kind == "render"] == [("desktop", "completed"),
                                                                                  ("phone", "completed")]
    assert [o.status for o in redirected] == ["blocked_target"]
    assert [o.status for o in direct] == ["blocked_target"]
    assert hits == []                       # the internal server saw nothing: not the hop, not the image


def test_pool_recycles_and_survives_a_lost_browser(serve):
    require_browser()

    async def main():
        async with serve(_app()) as port:
            pool = BrowserPool(Settings({"HTTP_ALLOW_PRIVATE": True, "BROWSER_RECYCLE_AFTER": 2, "BROWSER_PAGES": 2}))
            await pool.start()
            try:
                async def visit():
                    async with pool.context() as ctx:
                        page = await ctx.new_page()
                        await page.goto(f"http://127.0.0.1:{port}/")
                        return await page.title()
                titles = await asyncio.gather(*(visit() for _ in range(5)))
                launches = pool.launches
                await pool._browser.close()          # the browser goes away under the pool
                titles.append(await visit())
                return titles, launches, pool.launches, pool.crashes
            finally:
                await pool.close()

    titles, launches, after, crashes = asyncio.run(main())
    assert titles == ["示例"] * 6
    assert launches >= 3                    # 5 renders, restarted every 2
    assert after == launches + 1 and crashes == 1


def test_no_browser_is_said_and_the_scan_goes_on(tmp_path: Path):
    settings = Settings({"BROWSER_EXECUTABLE": str(tmp_path / "no-chromium")})
    with pytest.raises(BrowserUnavailable, match="找不到浏览器"):
        asyncio.run(BrowserPool(settings).start())
    campaign = Campaign(path=tmp_path / "c.toml", name="t", year=2013, check_date=date(2013, 12, 10),
                        registry=tmp_path / "r.csv", framework="website-2013", awards="notice-2013", out=tmp_path,
                        settings=settings)
    store = CampaignStore(tmp_path / "campaign.duckdb")
    problems: list[str] = []
    facts = browse(campaign, store, [_platform("p1", "https://www.example.gov.cn/")], None, problems)
    assert facts == {"rendered": 0}
    assert len(problems) == 1 and "找不到浏览器" in problems[0] and "仅按 HTTP 指标评分" in problems[0]
    assert store.get_meta("browser")["available"] is False
    store.close()
