from govlens.indicators.render import portal_parts
from govlens.text import render


def test_every_part_shown(f):
    r = portal_parts.evaluate(f.po(f.render()), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_hidden_footer_is_a_finding(f):
    r = portal_parts.evaluate(f.po(f.render(layout={"parts": {
        "header": True, "navigation": True, "news": True, "notices": True, "open_government": True,
        "services": True, "interaction": True, "footer_sponsor": False, "footer_icp": False,
        "footer_site_code": False, "accessible_mode": True}})), f.ctx())
    assert abs(r.value - 8 / 11) < 1e-9
    assert [x.kind for x in r.findings] == ["missing_portal_parts"]
    assert "footer ICP number" in render(r.findings[0].detail, "en") and "页脚ICP备案编号" in render(r.findings[0].detail)


def test_optional_parts_lower_the_share_only(f):
    r = portal_parts.evaluate(f.po(f.render(layout={"parts": {
        "header": True, "navigation": True, "news": True, "notices": False, "open_government": True,
        "services": True, "interaction": True, "footer_sponsor": True, "footer_icp": True,
        "footer_site_code": True, "accessible_mode": False}})), f.ctx())
    assert r.value < 1.0 and r.findings == []


def test_not_rendered_is_missing(f):
    assert portal_parts.evaluate(f.po(f.page()), f.ctx()).status == "missing"
