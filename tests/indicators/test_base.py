from datetime import date

from govlens.indicators.base import (MAX_DAYS, completed_pages, dates_in_text, days_since, parse_date, setting,
                                     site_finding, usable_dates)


def test_parse_date():
    assert parse_date("2013-12-10") == date(2013, 12, 10)
    assert parse_date("2013-12-10T08:00:00") == date(2013, 12, 10)
    assert parse_date(None) is None and parse_date("[12-10]") is None and parse_date("2013-13-40") is None


def test_dates_in_text():
    assert dates_in_text("发布 2013年12月5日 与 2013/11/30") == [date(2013, 12, 5), date(2013, 11, 30)]
    assert dates_in_text("第20131205号") == []


def test_days_since_and_usable_dates():
    check = date(2013, 12, 20)
    assert days_since(date(2013, 12, 6), check) == 14
    assert days_since(None, check) == MAX_DAYS
    assert days_since(date(1990, 1, 1), check) == MAX_DAYS
    assert usable_dates([date(2013, 12, 21), date(2013, 12, 22), None], check) == [date(2013, 12, 21)]


def test_setting_falls_back_to_defaults(f):
    ctx = f.ctx()
    ctx.settings = {"CRAWL_MAX_PAGES": 5}
    assert setting(ctx, "CRAWL_MAX_PAGES") == 5
    assert setting(ctx, "FRESHNESS_NEWS_DAYS") == 14


def test_completed_pages_are_unique_by_final_url(f):
    obs = f.po(f.page(), f.page("column", f.home_url), f.page("column", f.home_url + "x", status="timeout"))
    assert len(completed_pages(obs)) == 1


def test_site_finding_uses_the_registry_url(f):
    assert site_finding(f.po(), "site_down").url == f.home_url
