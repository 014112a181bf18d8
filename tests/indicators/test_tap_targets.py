from govlens.indicators.render import tap_targets


def test_spaced_targets(f):
    r = tap_targets.evaluate(f.po(f.render("phone")), f.ctx())
    assert abs(r.value - (1 - 4 / 120)) < 1e-9 and r.findings == []


def test_crowded_targets_are_a_finding(f):
    r = tap_targets.evaluate(f.po(f.render("phone", crowded_targets=90, crowded_examples=[
        {"label": "通知公告", "width": 48, "height": 16}])), f.ctx())
    assert r.value == 0.25
    assert [x.kind for x in r.findings] == ["small_tap_targets"] and "48×16" in r.findings[0].snippet


def test_no_targets_is_not_applicable(f):
    r = tap_targets.evaluate(f.po(f.render("phone", tap_targets=0, crowded_targets=0)), f.ctx())
    assert r.status == "not_applicable"


def test_not_rendered_is_missing(f):
    assert tap_targets.evaluate(f.po(), f.ctx()).status == "missing"
