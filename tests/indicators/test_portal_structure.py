from govlens.indicators.site import portal_structure
from govlens.text import render


def _links(*texts):
    return [{"url": f"https://www.example.gov.cn/{i}.html", "text": t, "internal": True} for i, t in enumerate(texts)]


def test_full_portal(f):
    home = f.page(lists=[{"title": "政务要闻", "more_url": None, "items": []},
                         {"title": "通知公告", "more_url": None, "items": []}],
                  links=_links("政府信息公开", "网上办事", "市长信箱"),
                  search_forms=[{"action": "/s", "method": "get", "inputs": ["q"]}],
                  headings={"h1": 1, "h2": 5, "h3": 2})
    r = portal_structure.evaluate(f.po(home), f.ctx())
    assert r.status == "ok" and r.value == 1.0 and r.findings == []


def test_partial_portal(f):
    home = f.page(lists=[{"title": "工作动态", "more_url": None, "items": []}], links=_links("首页", "关于我们"),
                  search_forms=[], headings={"h1": 0, "h2": 1, "h3": 0})
    r = portal_structure.evaluate(f.po(home), f.ctx())
    assert r.value == 1 / 7
    assert "notices" in render(r.detail, "en") and r.findings == []


def test_homepage_never_loaded_is_missing(f):
    assert portal_structure.evaluate(f.po(f.visit("timeout")), f.ctx()).status == "missing"
