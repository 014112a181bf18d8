"""Cases shared with the other timing indicators live in test_performance_metrics.py."""
from govlens.indicators.render import request_count
from govlens.indicators.base import IndicatorResult


def test_returns_a_result_on_a_healthy_render(f):
    r = request_count.evaluate(f.po(f.render()), f.ctx())
    assert isinstance(r, IndicatorResult) and r.status == "ok" and r.value > 0
