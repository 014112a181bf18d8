"""The statuses the render folder's shared ``_render.reads()`` decides: missing when a number is absent, not
applicable when the counted things are none, a true zero kept as a value (each indicator's own wording)."""
import pytest

from govlens.indicators.render import (first_contentful_paint, font_families, grid_regularity, palette_size,
                                       phone_overflow, rendered_contrast, request_count, tap_targets)
from govlens.text import render


@pytest.mark.parametrize("module, device, data, status, words", [
    (palette_size, "desktop", {"colour": {"background_colour_count": None}}, "missing", "no colours"),
    (palette_size, "desktop", {"colour": {"text_colour_count": 0}}, "not_applicable", ""),
    (rendered_contrast, "desktop", {"colour": {"judged_chars": 0, "passing_chars": 0}}, "not_applicable",
     "no text with a known background"),
    (rendered_contrast, "desktop", {"colour": {"passing_chars": "2000"}}, "missing", "no text colours"),
    (font_families, "desktop", {"colour": {"font_family_count": True}}, "missing", "recorded no fonts"),
    (grid_regularity, "desktop", {"layout": {"grid_blocks": None}}, "not_applicable", "no content blocks"),
    (request_count, "desktop", {"network": {"requests": None}}, "missing", "counted no requests"),
    (tap_targets, "phone", {"tap_targets": 0, "crowded_targets": 0}, "not_applicable", "no links or controls"),
    (tap_targets, "phone", {"crowded_targets": None}, "missing", "recorded no tap targets"),
    (phone_overflow, "phone", {"document_width": None}, "missing", "recorded no widths"),
    (first_contentful_paint, "desktop", {"performance": {"fcp_ms": None}}, "missing", "first contentful paint"),
])
def test_absent_and_empty_readings(f, module, device, data, status, words):
    renders = [f.render(device, **data)] + ([f.render()] if device == "phone" else [])
    r = module.evaluate(f.po(*renders), f.ctx())
    assert (r.status, r.value) == (status, None) and words in render(r.detail, "en")


def test_a_zero_that_is_measured_stays_a_value(f):
    r = grid_regularity.evaluate(f.po(f.render(layout={"grid_regularity": 0, "grid_blocks": 12})), f.ctx())
    assert (r.status, r.value) == ("ok", 0.0)
    r = request_count.evaluate(f.po(f.render(network={"requests": 0})), f.ctx())
    assert (r.status, r.value) == ("ok", 0.0) and r.evidence[0].detail == r.detail
