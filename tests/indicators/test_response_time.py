from govlens.indicators.access import response_time
from govlens.text import render


def test_median_of_completed_visits(f):
    r = response_time.evaluate(f.po(f.visit(elapsed_ms=100), f.visit(elapsed_ms=300), f.visit(elapsed_ms=200),
                                    f.visit("timeout")), f.ctx())
    assert r.status == "ok" and r.value == 200.0 and r.findings == []


def test_slow_on_every_visit_is_a_finding(f):
    r = response_time.evaluate(f.po(f.visit(elapsed_ms=2500), f.visit(elapsed_ms=2600), f.visit(elapsed_ms=2100)),
                               f.ctx())
    assert r.value == 2500.0
    assert [(x.kind, x.url) for x in r.findings] == [("slow_response", f.home_url)]


def test_one_fast_visit_means_not_slow(f):
    r = response_time.evaluate(f.po(f.visit(elapsed_ms=2500), f.visit(elapsed_ms=2600), f.visit(elapsed_ms=90)),
                               f.ctx())
    assert r.value == 2500.0 and r.findings == [] and "fastest 90 ms" in render(r.detail, "en")


def test_threshold_comes_from_settings(f):
    r = response_time.evaluate(f.po(f.visit(elapsed_ms=600)), f.ctx(HTTP_SLOW_MS=500))
    assert r.findings and r.findings[0].kind == "slow_response"
    assert not response_time.evaluate(f.po(f.visit(elapsed_ms=2000)), f.ctx()).findings  # not above 2000


def test_no_completed_visit_is_missing(f):
    r = response_time.evaluate(f.po(f.visit("timeout"), f.visit("timeout")), f.ctx())
    assert r.status == "missing" and r.findings == []


def test_falls_back_to_homepage_fetch_without_visits(f):
    home = f.page()
    home.elapsed_ms = 321.0
    r = response_time.evaluate(f.po(home), f.ctx())
    assert r.value == 321.0
