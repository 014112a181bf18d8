from govlens.indicators.render import cumulative_layout_shift


def test_stable_page(f):
    r = cumulative_layout_shift.evaluate(f.po(f.render()), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_large_shift_is_a_finding(f):
    r = cumulative_layout_shift.evaluate(f.po(f.render(performance={"cls": 0.41, "layout_shifts": 1})), f.ctx())
    assert r.value == 0.41 and [x.kind for x in r.findings] == ["layout_shift"]


def test_limit_is_a_setting(f):
    obs = f.po(f.render(performance={"cls": 0.12}))
    assert cumulative_layout_shift.evaluate(obs, f.ctx()).findings
    assert not cumulative_layout_shift.evaluate(obs, f.ctx(BROWSER_CLS_LIMIT=0.25)).findings


def test_not_rendered_is_missing(f):
    assert cumulative_layout_shift.evaluate(f.po(), f.ctx()).status == "missing"
