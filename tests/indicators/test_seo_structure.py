from govlens.indicators.access import homepage_requests, homepage_weight
from govlens.indicators.freshness import sitemap_freshness
from govlens.indicators.site import seo_structure
from govlens.text import render


def test_all_four_checks(f):
    page = f.page(headings={"h1": 1}, canonical="https://www.example.gov.cn/", js_links=0, lang="zh-CN",
                  links=[{"url": "u", "text": "t", "internal": True}] * 30)
    assert seo_structure.evaluate(f.po(page), f.ctx()).value == 1.0


def test_missing_checks_lower_the_share(f):
    page = f.page(headings={"h1": 3}, canonical=None, js_links=10, lang=None,
                  links=[{"url": "u", "text": "t", "internal": True}] * 30)
    r = seo_structure.evaluate(f.po(page), f.ctx())
    assert r.value == 0.0 and "one <h1> ✗" in render(r.detail, "en")


def test_page_weight_and_requests(f):
    o = f.obs("page_weight", f.home_url, probe="page_weight", html_bytes=30720, requests=11,
              resource_bytes=1024 * 1024, total_bytes=30720 + 1024 * 1024, unknown_sizes=0, failed=0,
              largest=[{"url": "https://www.example.gov.cn/banner.jpg", "bytes": 900000}])
    assert homepage_weight.evaluate(f.po(o), f.ctx()).value == 1054.0
    assert homepage_requests.evaluate(f.po(o), f.ctx()).value == 11.0


def test_page_weight_unknown_sizes_is_missing(f):
    o = f.obs("page_weight", f.home_url, probe="page_weight", html_bytes=100, requests=11, resource_bytes=0,
              total_bytes=100, unknown_sizes=8, failed=0, largest=[])
    assert homepage_weight.evaluate(f.po(o), f.ctx()).status == "missing"


def test_sitemap_freshness(f):
    o = f.obs("sitemap", "https://www.example.gov.cn/sitemap.xml", present=True, url_count=10, newest_lastmod="2013-12-10")
    assert sitemap_freshness.evaluate(f.po(o), f.ctx()).value == 10.0
    none = f.obs("sitemap", "https://www.example.gov.cn/sitemap.xml", "http_error", present=False, url_count=0,
                 newest_lastmod=None)
    assert sitemap_freshness.evaluate(f.po(none), f.ctx()).status == "not_applicable"
