from govlens.indicators.render import phone_overflow
from govlens.text import render


def test_fits_the_phone(f):
    r = phone_overflow.evaluate(f.po(f.render("desktop"), f.render("phone")), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_fixed_width_overflows(f):
    r = phone_overflow.evaluate(f.po(f.render("desktop"), f.render("phone", document_width=1200)), f.ctx())
    assert r.value == 0.0 and "810 px" in render(r.detail, "en")
    assert [(x.kind, x.url) for x in r.findings] == [("phone_overflow", f.home_url)]


def test_rounding_is_not_overflow(f):
    r = phone_overflow.evaluate(f.po(f.render("phone", document_width=391)), f.ctx())
    assert r.value == 1.0


def test_not_rendered_is_missing(f):
    assert phone_overflow.evaluate(f.po(f.page()), f.ctx()).status == "missing"


def test_failed_render_is_missing(f):
    r = phone_overflow.evaluate(f.po(f.render("desktop", status="connection_refused")), f.ctx())
    assert r.status == "missing" and "desktop" in render(r.detail, "en")
