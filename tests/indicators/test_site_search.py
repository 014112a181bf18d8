from govlens.indicators.site import site_search
from govlens.text import render


def test_search_form_present(f):
    form = {"action": "https://www.example.gov.cn/search", "method": "get", "inputs": ["q"]}
    r = site_search.evaluate(f.po(f.page(search_forms=[form])), f.ctx())
    assert r.status == "ok" and r.value == 1.0 and r.findings == []


def test_no_search_form_is_a_finding(f):
    r = site_search.evaluate(f.po(f.page(search_forms=[])), f.ctx())
    assert r.value == 0.0
    assert [(x.kind, x.url) for x in r.findings] == [("no_site_search", f.home_url)]


def test_only_other_pages_have_search_form(f):
    form = {"action": "/s", "method": "get", "inputs": ["q"]}
    col = f.page("column", f.home_url + "col/yw/", search_forms=[form])
    assert site_search.evaluate(f.po(f.page(), col), f.ctx()).value == 0.0


def test_homepage_never_loaded_is_missing(f):
    r = site_search.evaluate(f.po(f.page(status="timeout"), f.visit("timeout")), f.ctx())
    assert r.status == "missing" and r.findings == []


def test_search_box_without_a_form_counts(f):
    box = {"action": None, "method": None, "inputs": ["kw"], "query_input": "kw", "hidden": {}, "formless": True}
    r = site_search.evaluate(f.po(f.page(search_forms=[box])), f.ctx())
    assert r.value == 1.0 and r.findings == []
    assert "without a form" in render(r.evidence[0].detail, "en") and "None" not in render(r.evidence[0].detail, "en")
