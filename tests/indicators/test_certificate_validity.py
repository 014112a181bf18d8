from govlens.indicators.access import certificate_validity
from govlens.text import render

TLS = "https://www.example.gov.cn/"


def tls(f, **data):
    payload = {"host": "www.example.gov.cn", "https": True, "verified": True, "verify_error": None,
               "verify_code": None, "not_before": "2013-01-01T00:00:00+00:00", "not_after": "2099-01-01T00:00:00+00:00",
               "issuer": "CN=Test CA", "hsts": None, "hsts_max_age": None, "final_url": TLS}
    payload.update(data)
    return f.obs("tls", TLS, "completed" if payload["verified"] else "tls_error", probe="tls", **payload)


def test_valid_certificate(f):
    r = certificate_validity.evaluate(f.po(tls(f)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_expired_certificate_is_a_finding(f):
    r = certificate_validity.evaluate(f.po(tls(f, verified=False, verify_code=10, verify_error="certificate has expired",
                                               not_after="2012-12-15T00:00:00+00:00")), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["expired_certificate"]
    assert "2012-12-15" in render(r.findings[0].detail, "en")


def test_expiry_read_from_the_certificate_when_openssl_gives_another_code(f):
    r = certificate_validity.evaluate(f.po(tls(f, verified=False, verify_code=20, verify_error="unable to get issuer",
                                               not_after="2001-01-01T00:00:00+00:00")), f.ctx())
    assert [x.kind for x in r.findings] == ["expired_certificate"]


def test_self_signed_scores_zero_without_expiry_finding(f):
    r = certificate_validity.evaluate(f.po(tls(f, verified=False, verify_code=18,
                                               verify_error="self-signed certificate")), f.ctx())
    assert r.value == 0.0 and r.findings == [] and "self-signed" in render(r.detail, "en")


def test_no_tls_is_not_applicable(f):
    r = certificate_validity.evaluate(f.po(tls(f, https=False, verified=False)), f.ctx())
    assert r.status == "not_applicable"
