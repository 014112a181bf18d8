"""Cases shared with the other timing indicators live in test_performance_metrics.py."""
from govlens.indicators.render import largest_contentful_paint
from govlens.indicators.base import IndicatorResult


def test_returns_a_result_on_a_healthy_render(f):
    r = largest_contentful_paint.evaluate(f.po(f.render()), f.ctx())
    assert isinstance(r, IndicatorResult) and r.status == "ok" and r.value > 0
