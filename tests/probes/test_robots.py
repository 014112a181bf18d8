import asyncio

from aiohttp import web

from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.robots import fetch_robots, parse_robots
from govlens.probes.net.sitemap import parse_sitemap


def test_disallow_is_respected():
    robots = parse_robots("https://a.gov.cn/robots.txt",
                          "User-agent: *\nDisallow: /private/\nSitemap: https://a.gov.cn/sitemap.xml\n",
                          "https://a.gov.cn")
    assert robots.can_fetch("https://a.gov.cn/col/index.html")
    assert not robots.can_fetch("https://a.gov.cn/private/x.html")
    assert robots.payload()["sitemaps"] == ["https://a.gov.cn/sitemap.xml"]
    assert robots.payload()["disallows_all"] is False


def test_disallow_all_and_agent_specific():
    robots = parse_robots("u", "User-agent: *\nDisallow: /\n", "https://a.gov.cn")
    assert robots.disallows_all and not robots.can_fetch("https://a.gov.cn/x")
    robots = parse_robots("u", "User-agent: govlens\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "https://a.gov.cn")
    assert robots.disallows_all


def test_missing_robots_allows_everything(serve, settings):
    async def robots_txt(request):
        return web.Response(text="User-agent: *\nDisallow: /x/\n")

    present = web.Application()
    present.router.add_get("/robots.txt", robots_txt)

    async def main():
        async with serve(web.Application()) as empty_port, serve(present) as port, Fetcher(settings()) as f:
            missing = await fetch_robots(f, f"http://127.0.0.1:{empty_port}")
            assert missing.present is False and missing.can_fetch(f"http://127.0.0.1:{empty_port}/any")
            assert missing.result.http_status == 404
            robots = await fetch_robots(f, f"http://127.0.0.1:{port}")
            assert robots.present and robots.size == 28
            assert not robots.can_fetch(f"http://127.0.0.1:{port}/x/1.html")
    asyncio.run(main())


def test_sitemap_parse():
    body = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://a.gov.cn/</loc><lastmod>2013-12-20T08:00:00+08:00</lastmod></url>"
            b"<url><loc>https://a.gov.cn/b</loc><lastmod>2013-12-21</lastmod></url>"
            b"<url><loc>https://a.gov.cn/c</loc></url></urlset>")
    count, newest = parse_sitemap(body)
    assert count == 3 and newest.isoformat() == "2013-12-21"
    assert parse_sitemap(b"<html><body>not found</body></html>") is None
    assert parse_sitemap(b"https://a.gov.cn/\nhttps://a.gov.cn/b\n") == (2, None)
