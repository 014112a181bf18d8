from govlens.indicators.render import palette_size
from govlens.text import render


def test_counts_text_and_background_colours(f):
    r = palette_size.evaluate(f.po(f.render(colour={"text_colour_count": 7, "background_colour_count": 4,
                                                    "palette": [{"colour": "#0b3d91", "share": 0.4}]})), f.ctx())
    assert r.value == 11 and "#0b3d91 40%" in render(r.evidence[0].detail, "en")


def test_no_text_is_not_applicable(f):
    r = palette_size.evaluate(f.po(f.render(colour={"text_colour_count": 0})), f.ctx())
    assert r.status == "not_applicable"


def test_not_rendered_is_missing(f):
    assert palette_size.evaluate(f.po(), f.ctx()).status == "missing"
