from govlens.indicators.render import phone_text_size


def test_legible_text(f):
    r = phone_text_size.evaluate(f.po(f.render("phone")), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_tiny_text_is_a_finding(f):
    r = phone_text_size.evaluate(f.po(f.render("phone", chars_by_size=[[10, 900], [14, 100]])), f.ctx())
    assert r.value == 0.1
    assert [x.kind for x in r.findings] == ["tiny_text"]


def test_threshold_comes_from_settings(f):
    obs = f.po(f.render("phone", chars_by_size=[[11, 500], [14, 500]]))
    assert phone_text_size.evaluate(obs, f.ctx()).findings            # 50 % legible < 60 %
    assert not phone_text_size.evaluate(obs, f.ctx(BROWSER_MIN_TEXT_PX=11)).findings


def test_no_text_is_not_applicable(f):
    assert phone_text_size.evaluate(f.po(f.render("phone", chars_by_size=[])), f.ctx()).status == "not_applicable"


def test_not_rendered_is_missing(f):
    assert phone_text_size.evaluate(f.po(), f.ctx()).status == "missing"
