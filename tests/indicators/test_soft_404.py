from govlens.indicators.access import soft_404
from govlens.text import render

MADE_UP = "https://www.example.gov.cn/govlens-404-0123456789abcdef.html"


def nf(f, status, http, final=MADE_UP, title="404"):
    return f.obs("not_found", MADE_UP, status, probe="not_found", http_status=http, path="/govlens-404.html",
                 final_url=final, title=title, bytes=200, content_type="text/html", error=None)


def test_real_404(f):
    r = soft_404.evaluate(f.po(nf(f, "http_error", 404)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_200_for_a_missing_page_is_a_finding(f):
    r = soft_404.evaluate(f.po(nf(f, "completed", 200, title="页面不存在")), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["soft_404"] and r.findings[0].snippet == "页面不存在"


def test_redirect_to_the_homepage_is_a_soft_404(f):
    r = soft_404.evaluate(f.po(nf(f, "completed", 200, final=f.home_url)), f.ctx())
    assert r.value == 0.0 and f.home_url in render(r.findings[0].detail, "en")


def test_server_error_is_missing(f):
    assert soft_404.evaluate(f.po(nf(f, "http_error", 503)), f.ctx()).status == "missing"
