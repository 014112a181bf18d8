from govlens.indicators.access import hsts
from govlens.text import render

HTTPS_HOME = "https://www.example.gov.cn/"


def tls(f, header=None, age=None, verified=True):
    return f.obs("tls", HTTPS_HOME, probe="tls", host="www.example.gov.cn", https=True, verified=verified,
                 hsts=header, hsts_max_age=age, final_url=HTTPS_HOME)


def redirect(f, to_https):
    return f.obs("https", "http://www.example.gov.cn/", http_url="http://www.example.gov.cn/",
                 location=HTTPS_HOME if to_https else None, redirects_to_https=to_https)


def test_header_present(f):
    r = hsts.evaluate(f.po(f.page(), redirect(f, True), tls(f, "max-age=31536000", 31536000)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_https_site_without_header_is_a_finding(f):
    r = hsts.evaluate(f.po(f.page(), redirect(f, True), tls(f)), f.ctx())
    assert r.value == 0.0 and [(x.kind, x.url) for x in r.findings] == [("no_hsts", f.home_url)]


def test_max_age_zero_is_no_hsts(f):
    r = hsts.evaluate(f.po(f.page(), redirect(f, True), tls(f, "max-age=0", 0)), f.ctx())
    assert r.value == 0.0 and "without max-age" in render(r.detail, "en")


def test_http_only_site_is_not_applicable(f):
    http_home = "http://www.example.gov.cn/"
    obs = f.po(f.page(url=http_home), redirect(f, False), tls(f), platform=f.platform(url=http_home))
    assert hsts.evaluate(obs, f.ctx()).status == "not_applicable"


def test_refused_certificate_is_left_to_certificate_validity(f):
    r = hsts.evaluate(f.po(f.page(), redirect(f, True), tls(f, verified=False)), f.ctx())
    assert r.status == "not_applicable" and r.findings == []
