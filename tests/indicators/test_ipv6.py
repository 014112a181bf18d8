from govlens.indicators.access import ipv6
from govlens.text import render


def dns(f, a=("1.2.3.4",), aaaa=(), a_error=None, aaaa_error=None):
    return f.obs("dns", "dns:www.example.gov.cn", probe="dns", host="www.example.gov.cn", nameserver="10.0.0.53:53",
                 a=list(a), aaaa=list(aaaa), a_error=a_error, aaaa_error=aaaa_error)


def test_aaaa_record(f):
    r = ipv6.evaluate(f.po(dns(f, aaaa=["2001:db8::1"])), f.ctx())
    assert r.value == 1.0 and r.findings == [] and "2001:db8::1" in render(r.evidence[0].detail, "en")


def test_no_aaaa_is_a_finding(f):
    r = ipv6.evaluate(f.po(dns(f)), f.ctx())
    assert r.value == 0.0 and [(x.kind, x.url) for x in r.findings] == [("no_ipv6", f.home_url)]


def test_failed_lookup_is_missing_not_a_defect(f):
    r = ipv6.evaluate(f.po(dns(f, a=(), a_error="timed out", aaaa_error="timed out")), f.ctx())
    assert r.status == "missing" and r.findings == []
