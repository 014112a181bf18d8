from govlens.indicators.site import robots_sitemap as ind
from govlens.text import render

ROBOTS = "https://www.example.gov.cn/robots.txt"
SITEMAP = "https://www.example.gov.cn/sitemap.xml"


def _robots(f, status="completed", present=True, disallows_all=False):
    return f.obs("robots", ROBOTS, status, present=present, bytes=40, sitemaps=[SITEMAP] if present else [],
                 disallows_all=disallows_all)


def _sitemap(f, status="completed", present=True, url_count=120):
    return f.obs("sitemap", SITEMAP, status, present=present, url_count=url_count, newest_lastmod="2013-12-10")


def test_both(f):
    r = ind.evaluate(f.po(_robots(f), _sitemap(f)), f.ctx())
    assert r.status == "ok" and r.value == 1.0


def test_robots_only(f):
    r = ind.evaluate(f.po(_robots(f), _sitemap(f, "http_error", present=False, url_count=0)), f.ctx())
    assert r.value == 0.5


def test_robots_disallowing_all_and_empty_sitemap(f):
    r = ind.evaluate(f.po(_robots(f, disallows_all=True), _sitemap(f, url_count=0)), f.ctx())
    assert r.value == 0.0 and "disallows" in render(r.detail, "en")


def test_neither_present(f):
    r = ind.evaluate(f.po(_robots(f, "http_error", present=False), _sitemap(f, "http_error", present=False)), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_unreachable_is_missing(f):
    r = ind.evaluate(f.po(_robots(f, "timeout", present=False), _sitemap(f, "timeout", present=False)), f.ctx())
    assert r.status == "missing"
    assert ind.evaluate(f.po(f.page()), f.ctx()).status == "missing"
