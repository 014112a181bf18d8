from govlens.indicators.site import mobile_viewport


def test_viewport_present(f):
    r = mobile_viewport.evaluate(f.po(f.page(has_viewport=True)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_no_viewport_is_a_finding(f):
    r = mobile_viewport.evaluate(f.po(f.page(has_viewport=False)), f.ctx())
    assert r.value == 0.0
    assert [(x.kind, x.url) for x in r.findings] == [("no_viewport", f.home_url)]


def test_homepage_never_loaded_is_missing(f):
    assert mobile_viewport.evaluate(f.po(), f.ctx()).status == "missing"
