from govlens.indicators.cn_domain import cn_domain_registered as ind
from govlens.text import render


def test_registered(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site()), f.ctx())
    assert r.value == 1.0 and r.findings == [] and "xn--gmq000bv3esyhdla33cp00b" in render(r.detail, "en")


def test_registered_without_address_still_registered(f):
    assert ind.evaluate(f.po(f.cn_dns(a=())), f.ctx()).value == 1.0


def test_nxdomain_is_a_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(nxdomain=True), f.cn_site("dns_error", html=False)), f.ctx())
    assert r.value == 0.0 and [(x.kind, x.url) for x in r.findings] == [("cn_domain_unregistered", f.home_url)]


def test_failed_lookup_is_missing(f):
    assert ind.evaluate(f.po(f.cn_dns(error="timed out")), f.ctx()).status == "missing"
