"""The HTTP site probe end to end: a tiny local site, scanned into a real DuckDB store."""
import asyncio
from collections import Counter

from aiohttp import web

from govlens.probes.scan import scan
from govlens.registry.model import Platform
from govlens.store.campaign_store import CampaignStore

HOME = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="gbk"><title>测试市人民政府</title>
<meta name="description" content="测试"></head><body>
<form action="/search"><input name="q" type="text"><input type="submit" value="搜索"></form>
<div class="box"><div class="hd"><h3>通知公告</h3><a href="/col/tzgg/index.html">更多</a></div>
<ul><li><a href="/art/2013/12/20/1.html">关于冬季防火的通知</a><span>[12-20]</span></li></ul></div>
<div class="box"><div class="hd"><h3>内部资料</h3><a href="/private/index.html">更多</a></div>
<ul><li><a href="/private/2.html">内部</a><span>[12-01]</span></li></ul></div>
<div class="nav"><a href="/zwgk/index.html">政务公开</a><a href="/lxwm/index.html">联系我们</a></div>
<a href="/missing.html">坏链接</a><a href="/nohead.html">不支持HEAD</a>
<a href="http://www.unknown.gov.cn/">外部</a>
<img src="/logo.png"></body></html>"""

COLUMN = """<html><head><title>通知公告_测试市</title></head><body><div class="list"><ul>
<li><a href="/art/2013/12/20/1.html">关于冬季防火的通知</a><span>2013-12-20</span></li>
<li><a href="/art/2013/12/01/2.html">关于安全检查的通知</a><span>2013-12-01</span></li>
</ul></div><a href="/missing.html">坏链接</a></body></html>"""

HUB = """<html><head><title>政务公开</title></head><body><h1>政务公开</h1><div class="grid">
<a href="/col/empty/index.html">便民服务</a><a href="/col/tzgg/index.html">通知公告</a></div></body></html>"""

EMPTY = """<html><head><title>便民服务</title></head><body><h1>便民服务</h1><div class="list-empty">暂无信息</div>
</body></html>"""

ARTICLE = """<html><head><title>关于冬季防火的通知</title></head><body><h1>关于冬季防火的通知</h1>
<p>发布时间：2013-12-20 09:00</p><p>正文</p></body></html>"""


def site_app(hits: Counter) -> web.Application:
    def html(text: str, charset: str = "utf-8"):
        return web.Response(body=text.encode(charset), content_type="text/html")

    async def handler(request: web.Request):
        path = request.path
        hits[(request.method, path)] += 1
        if path == "/":
            return html(HOME, "gbk")
        if path == "/robots.txt":
            return web.Response(text="User-agent: *\nDisallow: /private/\nSitemap: http://www.test.gov.cn/sm.xml\n")
        if path == "/sm.xml":
            return web.Response(text="<urlset><url><loc>http://www.test.gov.cn/</loc><lastmod>2013-12-20</lastmod>"
                                     "</url><url><loc>http://www.test.gov.cn/col/tzgg/index.html</loc>"
                                     "<lastmod>2013-11-01</lastmod></url></urlset>", content_type="application/xml")
        if path == "/col/tzgg/index.html":
            return html(COLUMN)
        if path == "/zwgk/index.html":
            return html(HUB)
        if path == "/lxwm/index.html":
            return html("<html><head><title>联系我们</title></head><body><p>电话：0571-12345678</p></body></html>")
        if path == "/col/empty/index.html":
            return html(EMPTY)
        if path == "/art/2013/12/20/1.html":
            return html(ARTICLE)
        if path == "/nohead.html":
            if request.method == "HEAD":
                return web.Response(status=405)
            return html("<html>ok</html>")
        if path == "/logo.png":
            return web.Response(body=b"png", content_type="image/png")
        return web.Response(status=404, text="not found")

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", handler)
    return a


PLATFORMS = [
    Platform(id="p1", name="测试市人民政府", kind="website", org_type="government", level="prefecture",
             province="浙江", region="east", url="http://www.test.gov.cn/", group="prefecture"),
    Platform(id="p2", name="无此网站", kind="website", org_type="government", level="county",
             province="浙江", region="east", url="http://www.down.gov.cn/", group="county"),
    Platform(id="p3", name="微信", kind="wechat", org_type="government", level="county",
             province="浙江", region="east", url="weixin:abc", group="county"),
]


def test_http_site_end_to_end(serve, settings, tmp_path):
    hits: Counter = Counter()

    async def main():
        async with serve(site_app(hits)) as port:
            state = {"http_port": port, "hosts": ["www.test.gov.cn"]}    # www.down.gov.cn: no such host
            store = CampaignStore(tmp_path / "c.duckdb")
            summary = await scan(PLATFORMS, store, settings(AVAILABILITY_VISITS=3, HTTP_ALLOW_PRIVATE=False),
                                 sandbox_state=state, probes=("http_site",))
            return store, summary

    store, summary = asyncio.run(main())
    rows = store.rows("observations", order_by="kind, url")
    by_kind = Counter((r["platform_id"], r["kind"]) for r in rows)
    assert by_kind[("p1", "visit")] == 3
    assert hits[("GET", "/")] == 4                     # 3 visits + 1 https check; the page is not refetched
    assert by_kind[("p1", "https")] == 1 and by_kind[("p1", "robots")] == 1 and by_kind[("p1", "sitemap")] == 1

    pages = {r["url"]: r for r in rows if r["kind"] == "page" and r["platform_id"] == "p1"}
    home = pages["http://www.test.gov.cn/"]
    assert home["status"] == "completed" and home["data"]["role"] == "home"
    assert home["data"]["encoding"] == "gb18030" and home["data"]["encoding_source"] == "meta"
    assert home["data"]["title"] == "测试市人民政府"
    assert home["data"]["lists"][0]["title"] == "通知公告"
    assert home["data"]["search_forms"][0]["action"] == "http://www.test.gov.cn/search"

    column = pages["http://www.test.gov.cn/col/tzgg/index.html"]
    assert column["data"]["role"] == "column" and column["data"]["from_url"] == "http://www.test.gov.cn/"
    assert column["data"]["column_title"] == "通知公告" and len(column["data"]["items"]) == 2

    article = pages["http://www.test.gov.cn/art/2013/12/20/1.html"]
    assert article["data"]["role"] == "article" and article["data"]["published"] == "2013-12-20"
    assert article["data"]["from_url"] == "http://www.test.gov.cn/col/tzgg/index.html"

    # a section hub and a text page reached through navigation are not columns; the hub's columns are
    empty = pages["http://www.test.gov.cn/col/empty/index.html"]
    assert empty["data"]["role"] == "column" and empty["data"]["items"] == []
    assert empty["data"]["from_url"] == "http://www.test.gov.cn/zwgk/index.html"
    assert "http://www.test.gov.cn/zwgk/index.html" not in pages and "http://www.test.gov.cn/lxwm/index.html" not in pages
    assert hits[("GET", "/zwgk/index.html")] == 1 and hits[("GET", "/col/tzgg/index.html")] == 1

    private = pages["http://www.test.gov.cn/private/index.html"]      # robots.txt disallows it
    assert private["status"] == "blocked_by_robots" and private["http_status"] is None
    assert hits[("GET", "/private/index.html")] == 0

    robots = next(r for r in rows if r["kind"] == "robots")
    assert robots["data"] == {"present": True, "bytes": robots["data"]["bytes"],
                              "sitemaps": ["http://www.test.gov.cn/sm.xml"], "disallows_all": False}
    sitemap = next(r for r in rows if r["kind"] == "sitemap")
    assert sitemap["data"] == {"present": True, "url_count": 2, "newest_lastmod": "2013-12-20"}
    https = next(r for r in rows if r["kind"] == "https")
    assert https["data"] == {"http_url": "http://www.test.gov.cn/", "location": None, "redirects_to_https": False}

    links = {r["url"]: r for r in rows if r["kind"] == "link"}
    missing = links["http://www.test.gov.cn/missing.html"]
    assert missing["status"] == "http_error" and missing["http_status"] == 404
    assert set(missing["data"]["found_on"]) == {"http://www.test.gov.cn/", "http://www.test.gov.cn/col/tzgg/index.html"}
    assert missing["data"]["internal"] is True
    assert hits[("HEAD", "/missing.html")] == 1                     # checked once though found twice
    nohead = links["http://www.test.gov.cn/nohead.html"]
    assert nohead["status"] == "completed" and nohead["data"]["method"] == "GET"
    external = links["http://www.unknown.gov.cn/"]
    assert external["status"] == "dns_error" and external["data"]["internal"] is False
    assert links["http://www.test.gov.cn/col/tzgg/index.html"]["status"] == "completed"
    assert hits[("HEAD", "/col/tzgg/index.html")] == 0             # the crawl fetched it already

    # the down site: visits fail, one page observation with the failure, nothing more
    p2 = [r for r in rows if r["platform_id"] == "p2"]
    assert Counter(r["kind"] for r in p2) == {"visit": 3, "page": 1}
    assert all(r["status"] == "dns_error" for r in p2)
    assert not [r for r in rows if r["platform_id"] == "p3"]          # not an HTTP platform

    assert summary.sites == 3 and summary.pages >= 4 and summary.requests > 10
    assert store.get_meta("scan")["sites"] == 3


def test_rescan_replaces_rows_and_failures_do_not_abort(serve, settings, tmp_path):
    from govlens.probes.gatherers import http_site

    async def boom(self):
        if self.platform.id == "p2":
            raise RuntimeError("probe bug")
        return await original(self)

    original = http_site._SiteRun.run
    hits: Counter = Counter()

    async def main(store):
        async with serve(site_app(hits)) as port:
            state = {"http_port": port, "hosts": ["www.test.gov.cn", "www.down.gov.cn"]}
            return await scan(PLATFORMS[:2], store, settings(AVAILABILITY_VISITS=1), sandbox_state=state,
                              probes=("http_site", "noop"))

    store = CampaignStore(tmp_path / "c.duckdb")
    first = asyncio.run(main(store))
    p1_first = store.count("observations", platform_id="p1")
    assert first.observations == store.count("observations") and p1_first > 10
    http_site._SiteRun.run = boom
    try:
        second = asyncio.run(main(store))
    finally:
        http_site._SiteRun.run = original
    assert second.failed_sites == 1 and second.sites == 2
    assert store.count("observations", platform_id="p1") == p1_first      # replaced, not doubled
    p2 = store.rows("observations", platform_id="p2", probe="http_site")
    assert len(p2) == 1 and p2[0]["kind"] == "page" and p2[0]["status"] == "connection_error"
    assert "probe bug" in p2[0]["data"]["error"]
    assert store.count("observations", platform_id="p2", probe="noop") == 1
