from govlens.indicators.render import accessibility
from govlens.text import render


def test_clean_page(f):
    r = accessibility.evaluate(f.po(f.axe()), f.ctx())
    assert r.value == 0.0 and r.evidence == []


def test_violations_weighted_by_impact(f):
    r = accessibility.evaluate(f.po(f.axe(("image-alt", "critical", 2), ("color-contrast", "serious", 9),
                                          ("list", "moderate", 1))), f.ctx())
    assert r.value == 10 + 7 + 3
    assert render(r.evidence[0].detail, "en").startswith("image-alt (critical)")


def test_no_axe_run_is_missing(f):
    assert accessibility.evaluate(f.po(f.render()), f.ctx()).status == "missing"
