from govlens.indicators.render import first_screen_whitespace
from govlens.text import render


def test_value_is_the_empty_share(f):
    r = first_screen_whitespace.evaluate(f.po(f.render(layout={"whitespace": 0.32})), f.ctx())
    assert r.value == 0.32 and "32%" in render(r.detail, "en")


def test_no_measure_is_missing(f):
    assert first_screen_whitespace.evaluate(f.po(f.render(layout={"whitespace": None})), f.ctx()).status == "missing"


def test_not_rendered_is_missing(f):
    assert first_screen_whitespace.evaluate(f.po(), f.ctx()).status == "missing"
