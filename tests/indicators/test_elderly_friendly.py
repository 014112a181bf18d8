from govlens.indicators.render import elderly_friendly
from govlens.text import render


def test_all_checks_pass(f):
    r = elderly_friendly.evaluate(f.po(f.render(), f.render("phone"), f.axe()), f.ctx())
    assert r.value == 1.0 and len(r.evidence) == 4


def test_each_failed_check_counts(f):
    desk = f.render(layout={"parts": {"accessible_mode": False}})
    phone = f.render("phone", chars_by_size=[[10, 900], [14, 100]])
    r = elderly_friendly.evaluate(f.po(desk, phone, f.axe(("color-contrast", "serious", 3))), f.ctx())
    assert r.value == 0.25      # only the tap targets pass


def test_judged_on_what_was_measured(f):
    r = elderly_friendly.evaluate(f.po(f.render()), f.ctx())      # no phone render, no axe run
    assert r.value == 1.0 and [render(e.detail, "en") for e in r.evidence] == ["accessible mode entry: yes"]


def test_not_rendered_is_missing(f):
    assert elderly_friendly.evaluate(f.po(), f.ctx()).status == "missing"


def test_static_entry_when_the_layout_read_no_parts(f):
    desk = f.render(layout={"parts": {}})
    js_entry = {"text": "无障碍", "url": "javascript:void(0)", "javascript": True}
    r = elderly_friendly.evaluate(f.po(desk, f.page(accessibility_entry=js_entry)), f.ctx())
    assert r.value == 1.0 and [render(e.detail, "en") for e in r.evidence] == ["accessible mode entry: yes"]
    r = elderly_friendly.evaluate(f.po(desk, f.page(accessibility_entry=None)), f.ctx())
    assert r.value == 0.0
