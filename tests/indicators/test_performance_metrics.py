"""The four plain timing indicators of the desktop render (FCP, LCP, TTFB) and the request count."""
import pytest

from govlens.indicators.render import (first_contentful_paint, largest_contentful_paint, request_count,
                                        time_to_first_byte)
from govlens.text import render


@pytest.mark.parametrize("module,key,value", [(first_contentful_paint, "fcp_ms", 812.0),
                                              (largest_contentful_paint, "lcp_ms", 1650.0),
                                              (time_to_first_byte, "ttfb_ms", 95.5)])
def test_value_is_the_metric(f, module, key, value):
    r = module.evaluate(f.po(f.render(performance={key: value})), f.ctx())
    assert r.value == value and r.status == "ok" and r.findings == []


@pytest.mark.parametrize("module,key", [(first_contentful_paint, "fcp_ms"), (largest_contentful_paint, "lcp_ms"),
                                        (time_to_first_byte, "ttfb_ms")])
def test_unreported_metric_is_missing(f, module, key):
    assert module.evaluate(f.po(f.render(performance={key: None})), f.ctx()).status == "missing"


@pytest.mark.parametrize("module", [first_contentful_paint, largest_contentful_paint, time_to_first_byte,
                                    request_count])
def test_not_rendered_is_missing(f, module):
    assert module.evaluate(f.po(f.page()), f.ctx()).status == "missing"


def test_request_count(f):
    r = request_count.evaluate(f.po(f.render(network={"requests": 37, "failed_requests": 2})), f.ctx())
    assert r.value == 37 and "2 failed" in render(r.detail, "en")
