from govlens.indicators.render import rendered_contrast
from govlens.text import render

LOW = {"judged_chars": 1000, "passing_chars": 800,
       "worst": {"ratio": 1.7, "color": "#c8c8c8", "background": "#ffffff", "text": "2013-12-10"}}


def test_all_text_passes(f):
    r = rendered_contrast.evaluate(f.po(f.render(), f.axe()), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_axe_violation_is_the_finding(f):
    r = rendered_contrast.evaluate(f.po(f.render(colour=LOW), f.axe(("color-contrast", "serious", 12))), f.ctx())
    assert r.value == 0.8
    assert [x.kind for x in r.findings] == ["rendered_low_contrast"] and "12 element" in render(r.findings[0].detail, "en")
    assert any("1.7:1" in render(e.detail, "en") for e in r.evidence)


def test_axe_has_the_last_word(f):
    r = rendered_contrast.evaluate(f.po(f.render(colour=LOW), f.axe(("image-alt", "critical", 1))), f.ctx())
    assert r.value == 0.8 and r.findings == []


def test_without_axe_failing_text_is_the_finding(f):
    r = rendered_contrast.evaluate(f.po(f.render(colour=LOW)), f.ctx())
    assert [x.kind for x in r.findings] == ["rendered_low_contrast"]


def test_not_rendered_is_missing(f):
    assert rendered_contrast.evaluate(f.po(f.page()), f.ctx()).status == "missing"
