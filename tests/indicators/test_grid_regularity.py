from govlens.indicators.render import grid_regularity
from govlens.text import render


def test_value_is_the_share_on_main_lines(f):
    r = grid_regularity.evaluate(f.po(f.render(layout={"grid_regularity": 0.8, "grid_blocks": 50})), f.ctx())
    assert r.value == 0.8 and "50 content blocks" in render(r.detail, "en")


def test_no_blocks_is_not_applicable(f):
    r = grid_regularity.evaluate(f.po(f.render(layout={"grid_regularity": None, "grid_blocks": 0})), f.ctx())
    assert r.status == "not_applicable"


def test_not_rendered_is_missing(f):
    assert grid_regularity.evaluate(f.po(), f.ctx()).status == "missing"
