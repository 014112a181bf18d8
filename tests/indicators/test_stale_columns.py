from govlens.indicators.freshness import stale_columns as ind
from govlens.text import render


def _col(f, path, title, *days, column_title="same"):
    return f.page("column", f.home_url + path, items=[f.item(f"{path}{i}", d) for i, d in enumerate(days)],
                  column_title=title if column_title == "same" else column_title)


def test_windows_by_column_class(f):
    obs = f.po(
        f.page(),
        _col(f, "col/yw/", "工作动态", "2013-12-01"),          # news, 19 days > 14: stale
        _col(f, "col/tp/", "图片新闻", "2013-12-10"),          # news, 10 days: fresh
        _col(f, "col/tzgg/", "通知公告", "2013-08-01"),        # notice, 141 days < 180: fresh
        _col(f, "col/zcwj/", "政策文件", "2013-05-01"),        # notice, 233 days: stale
        _col(f, "col/ldjs/", "领导简介", "2013-01-02"),        # other, 352 days < 365: fresh
        _col(f, "col/lsyg/", "历史沿革", "2012-01-02"),        # other, > 365: stale
    )
    r = ind.evaluate(obs, f.ctx())
    assert r.status == "ok" and r.value == 3.0
    assert sorted(x.url for x in r.findings) == [f.home_url + p for p in ("col/lsyg/", "col/yw/", "col/zcwj/")]
    assert {x.kind for x in r.findings} == {"stale_column"}


def test_class_falls_back_to_the_homepage_list_title(f):
    home = f.page(lists=[{"title": "部门动态", "more_url": f.home_url + "col/bmdt/", "items": []}])
    col = _col(f, "col/bmdt/", None, "2013-11-20", column_title=None)   # 30 days: stale as news, fresh as other
    r = ind.evaluate(f.po(home, col), f.ctx())
    assert r.value == 1.0 and "news" in render(r.findings[0].detail, "en")


def test_class_from_link_text_when_no_list(f):
    home = f.page(links=[{"url": f.home_url + "col/x/", "text": "新闻发布", "internal": True}])
    col = _col(f, "col/x/", "栏目", "2013-11-20")
    assert ind.evaluate(f.po(home, col), f.ctx()).value == 1.0


def test_window_settings(f):
    col = _col(f, "col/yw/", "要闻", "2013-12-15")
    assert ind.evaluate(f.po(f.page(), col), f.ctx(FRESHNESS_NEWS_DAYS=3)).value == 1.0


def test_undated_items_count_as_not_updated(f):
    r = ind.evaluate(f.po(f.page(), _col(f, "col/tzgg/", "通知公告", None, None)), f.ctx())
    assert r.value == 1.0 and "no item carries a date" in render(r.findings[0].detail, "en")


def test_empty_column_is_not_stale(f):
    r = ind.evaluate(f.po(f.page(), _col(f, "col/yw/", "要闻")), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_finding_url_is_the_column_url_as_linked(f):
    col = _col(f, "col/yw", "要闻", "2013-01-01")
    col.data["final_url"] = f.home_url + "col/yw/index.html"
    r = ind.evaluate(f.po(f.page(), col), f.ctx())
    assert r.findings[0].url == f.home_url + "col/yw"


def test_failed_column_pages_are_ignored(f):
    bad = f.page("column", f.home_url + "col/x/", status="http_error", items=[])
    r = ind.evaluate(f.po(f.page(), bad, _col(f, "col/yw/", "要闻", "2013-12-19")), f.ctx())
    assert r.value == 0.0


def test_no_column_page_is_not_applicable(f):
    assert ind.evaluate(f.po(f.page()), f.ctx()).status == "not_applicable"


def test_homepage_never_loaded_is_missing(f):
    assert ind.evaluate(f.po(f.visit("timeout")), f.ctx()).status == "missing"


def test_class_from_the_url_path_when_the_name_says_nothing(f):
    from govlens.indicators.freshness._freshness import NEWS, NOTICE, OTHER, classify

    assert classify(["栏目一"], "https://www.example.gov.cn/col/tzgg/index.html") == (NOTICE, "栏目一")
    assert classify([""], "https://www.example.gov.cn/xwzx/list.html") == (NEWS, "/xwzx/")
    assert classify(["要闻"], "https://www.example.gov.cn/col/tzgg/") == (NEWS, "要闻")      # the name wins
    assert classify(["栏目一"], "https://www.example.gov.cn/col/col1234/") == (OTHER, "栏目一")


def test_directory_page_is_neither_stale_nor_judged(f):
    directory = f.page("column", f.home_url + "col/zwgk/", items=[], column_title="政务公开", directory=True)
    stale = _col(f, "col/yw/", "工作动态", "2013-10-01")
    r = ind.evaluate(f.po(f.page(), directory, stale), f.ctx())
    assert [x.url for x in r.findings] == [f.home_url + "col/yw/"]
    assert "of 1 non-empty columns" in render(r.detail, "en")


def test_stale_finding_says_when_the_year_is_only_inferred(f):
    item = {"title": "t", "url": f.home_url + "art/1.html", "date": "2012-12-08", "date_text": "[12-08]",
            "year_inferred": True, "year_source": "list order"}
    col = f.page("column", f.home_url + "col/yw/", items=[item], column_title="工作动态")
    r = ind.evaluate(f.po(f.page(), col), f.ctx())
    assert "year inferred from list order" in render(r.findings[0].detail, "en")
