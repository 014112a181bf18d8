from govlens.indicators.freshness import homepage_freshness as ind
from govlens.indicators.base import MAX_DAYS
from govlens.text import render


def _home(f, *items, **data):
    return f.page(lists=[{"title": "政务要闻", "more_url": f.home_url + "col/yw/", "items": list(items)}], **data)


def test_fresh_homepage(f):
    r = ind.evaluate(f.po(_home(f, f.item("a", "2013-12-10"), f.item("b", "2013-12-18"), f.item("c", None))),
                     f.ctx())
    assert r.status == "ok" and r.value == 2.0 and r.findings == []
    assert "2013-12-18" in render(r.evidence[0].detail, "en")


def test_stale_homepage(f):
    r = ind.evaluate(f.po(_home(f, f.item("a", "2013-11-01"), f.item("b", "2013-12-05"))), f.ctx())
    assert r.value == 15.0
    assert [(x.kind, x.url) for x in r.findings] == [("stale_homepage", f.home_url)]


def test_exactly_the_window_is_not_stale(f):
    assert ind.evaluate(f.po(_home(f, f.item("a", "2013-12-06"))), f.ctx()).findings == []


def test_window_from_settings(f):
    r = ind.evaluate(f.po(_home(f, f.item("a", "2013-12-10"))), f.ctx(FRESHNESS_HOMEPAGE_DAYS=7))
    assert r.findings[0].kind == "stale_homepage"


def test_no_dated_item_counts_as_not_updated(f):
    r = ind.evaluate(f.po(_home(f, f.item("a", None), f.item("b", None))), f.ctx())
    assert r.value == float(MAX_DAYS)
    assert [x.kind for x in r.findings] == ["stale_homepage"]


def test_year_less_dates_arrive_parsed_and_the_turn_of_the_year_works(f):
    # "[12-30]" seen on 2014-01-03 was parsed by the probe as 2013-12-30
    r = ind.evaluate(f.po(_home(f, {"title": "a", "url": "u", "date": "2013-12-30", "date_text": "[12-30]"})),
                     f.ctx(check_date=f.check_date.replace(year=2014, month=1, day=3)))
    assert r.value == 4.0 and r.findings == []
    assert "[12-30]" in render(r.evidence[0].detail, "en")


def test_far_future_dates_are_ignored(f):
    r = ind.evaluate(f.po(_home(f, f.item("typo", "2031-01-01"), f.item("a", "2013-12-19"))), f.ctx())
    assert r.value == 1.0
    r = ind.evaluate(f.po(_home(f, f.item("tomorrow", "2013-12-21"))), f.ctx())
    assert r.value == 0.0


def test_falls_back_to_dates_shown_in_link_texts(f):
    home = _home(f, f.item("a", None), links=[{"url": f.home_url + "x.html", "text": "会议召开 2013-12-15",
                                              "internal": True}])
    r = ind.evaluate(f.po(home), f.ctx())
    assert r.value == 5.0 and r.findings == []


def test_navigation_only_homepage_is_judged_by_its_columns(f):
    home = f.page(lists=[], links=[{"url": f.home_url + "col/yw/", "text": "要闻", "internal": True}])
    col = f.page("column", f.home_url + "col/yw/", items=[f.item("a", "2013-12-01")])
    r = ind.evaluate(f.po(home, col), f.ctx())
    assert r.value == 19.0 and r.findings[0].kind == "stale_homepage"
    assert "navigation-only" in render(r.detail, "en")


def test_homepage_never_loaded_is_missing(f):
    r = ind.evaluate(f.po(f.page(status="timeout")), f.ctx())
    assert r.status == "missing" and r.findings == []


def test_finding_says_when_the_year_is_only_inferred(f):
    guessed = {"title": "a", "url": "u", "date": "2012-12-08", "date_text": "[12-08]", "year_inferred": True,
               "year_source": "page evidence 2012"}
    r = ind.evaluate(f.po(_home(f, guessed)), f.ctx())
    assert [x.kind for x in r.findings] == ["stale_homepage"]
    assert "year inferred from page evidence 2012" in render(r.findings[0].detail, "en")
    r = ind.evaluate(f.po(_home(f, f.item("b", "2012-12-08"))), f.ctx())
    assert "inferred" not in render(r.findings[0].detail, "en")
