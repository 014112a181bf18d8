from govlens.indicators.cn_domain import cn_domain_reachable as ind
from govlens.text import render


def test_reachable(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site()), f.ctx())
    assert r.value == 1.0 and r.findings == [] and "www.zj.gov.cn" in render(r.detail, "en")


def test_registered_but_nothing_answers_is_a_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site("http_error", html=False)), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["cn_domain_unreachable"]


def test_unregistered_is_zero_without_its_own_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(nxdomain=True), f.cn_site("dns_error", html=False)), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_not_probed_is_missing(f):
    assert ind.evaluate(f.po(f.cn_dns()), f.ctx()).status == "missing"
