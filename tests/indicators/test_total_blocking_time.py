from govlens.indicators.render import total_blocking_time


def test_idle_main_thread(f):
    r = total_blocking_time.evaluate(f.po(f.render()), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_long_blocking_is_a_finding(f):
    r = total_blocking_time.evaluate(f.po(f.render(performance={"tbt_ms": 1450.0, "long_tasks": 1})), f.ctx())
    assert r.value == 1450.0 and [x.kind for x in r.findings] == ["slow_script"]


def test_at_the_limit_is_no_finding(f):
    assert not total_blocking_time.evaluate(f.po(f.render(performance={"tbt_ms": 600.0})), f.ctx()).findings


def test_not_rendered_is_missing(f):
    assert total_blocking_time.evaluate(f.po(), f.ctx()).status == "missing"
