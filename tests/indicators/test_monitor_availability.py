from govlens.indicators.access import monitor_availability
from govlens.text import render


def monitor(f, visits, failures):
    failed = [{"at": f"2013-12-10T0{i % 10}:00:00", "status": "http_error", "http_status": 503} for i in range(failures)]
    return f.obs("monitor", f.home_url, probe="monitor", window_start="2013-12-10T00:00:00", duration_s=604800.0,
                 planned=visits, visits=visits, failures=failures, failure_ratio=failures / visits, late_visits=0,
                 timeout_s=15.0, failed=failed)


def test_below_five_percent_is_no_finding(f):
    r = monitor_availability.evaluate(f.po(monitor(f, 150, 7)), f.ctx())
    assert round(r.value, 4) == round(7 / 150, 4) and r.findings == []


def test_five_percent_is_the_census_veto(f):
    r = monitor_availability.evaluate(f.po(monitor(f, 100, 5)), f.ctx())
    assert r.value == 0.05 and [x.kind for x in r.findings] == ["site_unreachable"]
    assert len(r.evidence) == 5 and "503" in render(r.evidence[0].detail, "en")


def test_threshold_is_a_setting(f):
    r = monitor_availability.evaluate(f.po(monitor(f, 100, 3)), f.ctx(MONITOR_FAIL_RATIO=0.02))
    assert [x.kind for x in r.findings] == ["site_unreachable"]


def test_no_monitor_is_missing(f):
    assert monitor_availability.evaluate(f.po(f.page()), f.ctx()).status == "missing"
