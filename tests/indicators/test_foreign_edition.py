from govlens.indicators.foreign_site import foreign_edition as ind
from govlens.text import render


def test_edition_found(f):
    r = ind.evaluate(f.po(f.discovery()), f.ctx())
    assert r.value == 1.0 and r.findings == [] and r.evidence[0].url == f.EN


def test_no_edition_is_a_finding(f):
    r = ind.evaluate(f.po(f.discovery([], candidates=[{"url": f.CN + "english/", "status": "http_error"}])), f.ctx())
    assert r.value == 0.0 and [(x.kind, x.url) for x in r.findings] == [("no_foreign_edition", f.home_url)]
    assert "english/ → the server answered with an error status" in render(r.detail, "en")


def test_chinese_site_down_is_missing_not_a_defect(f):
    r = ind.evaluate(f.po(f.discovery([], chinese_ok=False, status="timeout")), f.ctx())
    assert r.status == "missing" and r.findings == []


def test_no_probe_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
