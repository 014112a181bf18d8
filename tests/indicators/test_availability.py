from govlens.indicators.access import availability
from govlens.text import render


def test_all_visits_completed_is_ok(f):
    r = availability.evaluate(f.po(*[f.visit(attempt=i) for i in (1, 2, 3)]), f.ctx())
    assert r.status == "ok" and r.value == 0.0 and r.findings == []
    assert len(r.evidence) == 3


def test_some_failed_is_intermittent_outage(f):
    r = availability.evaluate(f.po(f.visit(), f.visit("timeout", attempt=2), f.visit(attempt=3)), f.ctx())
    assert r.value == 1 / 3
    assert [x.kind for x in r.findings] == ["intermittent_outage"]
    assert r.findings[0].url == f.home_url  # site-level: the registry url
    assert "timed out" in render(r.findings[0].detail, "en") and "访问超时" in render(r.findings[0].detail)


def test_every_visit_failed_is_site_down(f):
    visits = [f.visit("connection_refused", attempt=i) for i in (1, 2, 3)]
    r = availability.evaluate(f.po(*visits), f.ctx())
    assert r.value == 1.0
    assert [x.kind for x in r.findings] == ["site_down"]


def test_http_error_counts_as_failed(f):
    bad = f.obs("visit", status="http_error", http_status=503, attempt=1, error=None)
    r = availability.evaluate(f.po(bad), f.ctx())
    assert r.value == 1.0 and r.findings[0].kind == "site_down"
    assert "503" in render(r.detail, "en")


def test_no_visit_is_missing(f):
    r = availability.evaluate(f.po(f.page()), f.ctx())
    assert r.status == "missing" and r.value is None and r.findings == []


def test_visits_we_did_not_make_are_not_counted(f):
    r = availability.evaluate(f.po(f.visit("blocked_target"), f.visit(attempt=2)), f.ctx())
    assert r.value == 0.0 and r.findings == []
