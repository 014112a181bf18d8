from govlens.indicators.freshness import empty_columns as ind
from govlens.text import render


def test_counts_empty_columns(f):
    obs = f.po(f.page(lists=[{"title": "通知公告", "more_url": f.home_url + "col/tzgg/", "items": []}]),
               f.page("column", f.home_url + "col/tzgg/", items=[], column_title=None),
               f.page("column", f.home_url + "col/yw/", items=[], column_title="要闻"),
               f.page("column", f.home_url + "col/zc/", items=[f.item("a", "2010-01-01")], column_title="政策"))
    r = ind.evaluate(obs, f.ctx())
    assert r.status == "ok" and r.value == 2.0
    assert [(x.kind, x.url) for x in r.findings] == [("empty_column", f.home_url + "col/tzgg/"),
                                                      ("empty_column", f.home_url + "col/yw/")]
    assert "通知公告" in render(r.findings[0].detail, "en")


def test_no_empty_column(f):
    r = ind.evaluate(f.po(f.page(), f.page("column", f.home_url + "col/yw/", items=[f.item("a", None)])), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_failed_column_page_is_not_empty(f):
    r = ind.evaluate(f.po(f.page(), f.page("column", f.home_url + "col/yw/", status="timeout", items=[]),
                          f.page("column", f.home_url + "col/zc/", items=[f.item("a", None)])), f.ctx())
    assert r.value == 0.0


def test_no_column_page_is_not_applicable(f):
    assert ind.evaluate(f.po(f.page()), f.ctx()).status == "not_applicable"


def test_homepage_never_loaded_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"


def test_a_column_block_more_link_is_a_column_whatever_its_name(f):
    home = f.page(lists=[{"title": "便民服务", "more_url": f.home_url + "col/bmfw/", "items": []}])
    r = ind.evaluate(f.po(home, f.page("column", f.home_url + "col/bmfw/", items=[], column_title="便民服务")),
                     f.ctx())
    assert [x.url for x in r.findings] == [f.home_url + "col/bmfw/"]
