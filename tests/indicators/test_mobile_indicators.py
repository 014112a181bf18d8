"""The mobile-portal and app-store indicators on hand-made observations: one case per outcome."""
from __future__ import annotations

from govlens.indicators.mobile import (app_downloads, app_freshness, app_rating, mobile_adaptation,
                                        mobile_broken_links, mobile_load_time, mobile_page_weight)
from govlens.text import render

M = "http://m.example.gov.cn/"


def page(f, **data):
    payload = {"final_url": M, "bytes": 20480, "has_viewport": True, "viewport": "width=device-width",
               "fixed_widths": [], "resources": 2, "total_bytes": 102400, "load_ms": 400.0, "links": 3}
    payload.update(data)
    return f.obs("mobile_page", M, probe="mobile_site", elapsed_ms=300.0, **payload)


def test_adaptation(f) -> None:
    r = mobile_adaptation.evaluate(f.po(page(f)), f.ctx())
    assert (r.value, r.findings) == (1.0, [])
    r = mobile_adaptation.evaluate(f.po(page(f, has_viewport=False, fixed_widths=[{"tag": "div", "width": 1000,
                                                                                  "source": "style"}])), f.ctx())
    assert r.value == 0.0 and sorted(x.kind for x in r.findings) == ["fixed_width_layout", "no_viewport"]
    assert "1000px" in render(next(x for x in r.findings if x.kind == "fixed_width_layout").detail, "en")
    assert mobile_adaptation.evaluate(f.po(f.obs("mobile_page", M, "timeout", has_viewport=None)), f.ctx()).status \
        == "missing"


def test_page_weight_and_load_time(f) -> None:
    r = mobile_page_weight.evaluate(f.po(page(f)), f.ctx())
    assert r.value == 100.0 and r.findings == []
    r = mobile_page_weight.evaluate(f.po(page(f, total_bytes=2 * 1024 * 1024)), f.ctx(MOBILE_MAX_PAGE_KB=1024))
    assert r.value == 2048.0 and [x.kind for x in r.findings] == ["heavy_page"]
    r = mobile_load_time.evaluate(f.po(page(f)), f.ctx())
    assert r.value == 400.0 and r.findings == []
    slow = f.obs("mobile_page", M, probe="mobile_site", elapsed_ms=3500.0, **{"load_ms": 3600.0, "has_viewport": True})
    assert [x.kind for x in mobile_load_time.evaluate(f.po(slow), f.ctx(HTTP_SLOW_MS=2000)).findings] == ["slow_response"]


def test_broken_links(f) -> None:
    links = [f.obs("mobile_link", M + "a.html", found_on=M), f.obs("mobile_link", M + "b.html", "http_error",
                                                                    http_status=404, found_on=M)]
    r = mobile_broken_links.evaluate(f.po(page(f), *links), f.ctx())
    assert r.value == 0.5 and [(x.kind, x.url) for x in r.findings] == [("broken_internal_link", M + "b.html")]
    assert mobile_broken_links.evaluate(f.po(page(f)), f.ctx()).status == "not_applicable"


def test_app_store(f) -> None:
    app = f.obs("app_store", M, probe="app_store", http_status=None,
                **{"source": "apps.csv", "stores": ["应用宝"], "app_name": "示例", "rating": 4.2, "ratings": 30,
                   "downloads": 12000, "last_update": "2012-06-01"})
    assert app_rating.evaluate(f.po(app), f.ctx()).value == 4.2
    assert app_downloads.evaluate(f.po(app), f.ctx()).value == 12000
    r = app_freshness.evaluate(f.po(app), f.ctx())
    assert r.value == (f.check_date - __import__("datetime").date(2012, 6, 1)).days
    assert [x.kind for x in r.findings] == ["stale_app"]
    for module in (app_rating, app_downloads, app_freshness):
        assert module.evaluate(f.po(page(f)), f.ctx()).status == "not_applicable"
