from govlens.indicators.access import https_redirect

HTTP = "http://www.example.gov.cn/"


def test_redirect_to_https_is_ok(f):
    o = f.obs("https", HTTP, http_status=301, http_url=HTTP, location="https://www.example.gov.cn/",
              redirects_to_https=True)
    r = https_redirect.evaluate(f.po(o), f.ctx())
    assert r.status == "ok" and r.value == 1.0 and r.findings == []


def test_http_served_without_redirect_is_a_finding(f):
    o = f.obs("https", HTTP, http_status=200, http_url=HTTP, location=None, redirects_to_https=False)
    r = https_redirect.evaluate(f.po(o), f.ctx())
    assert r.value == 0.0
    assert [(x.kind, x.url) for x in r.findings] == [("no_https_redirect", f.home_url)]


def test_redirect_elsewhere_on_http_is_a_finding(f):
    o = f.obs("https", HTTP, http_status=302, http_url=HTTP, location="http://www.example.gov.cn/index.html",
              redirects_to_https=False)
    assert https_redirect.evaluate(f.po(o), f.ctx()).findings[0].kind == "no_https_redirect"


def test_http_refused_is_not_applicable_and_no_finding(f):
    o = f.obs("https", HTTP, "connection_refused", http_url=HTTP, location=None, redirects_to_https=False)
    r = https_redirect.evaluate(f.po(o), f.ctx())
    assert r.status == "not_applicable" and r.value is None and r.findings == []


def test_not_checked_is_missing(f):
    assert https_redirect.evaluate(f.po(f.page()), f.ctx()).status == "missing"
