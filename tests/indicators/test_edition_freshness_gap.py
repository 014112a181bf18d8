from govlens.indicators.foreign_site import edition_freshness_gap as ind


def test_small_gap(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-12-08")])
    r = ind.evaluate(f.po(f.discovery(chinese_newest="2013-12-18"), page), f.ctx())
    assert r.value == 10.0 and r.findings == []


def test_stale_edition_is_a_finding(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-06-01")])
    r = ind.evaluate(f.po(f.discovery(chinese_newest="2013-12-18"), page), f.ctx())
    assert r.value == 200.0 and [(x.kind, x.url) for x in r.findings] == [("stale_foreign_edition", f.home_url)]


def test_limit_is_a_setting(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-06-01")])
    assert ind.evaluate(f.po(f.discovery(), page), f.ctx(FOREIGN_STALE_GAP_DAYS=365)).findings == []


def test_edition_newer_than_the_chinese_site_is_zero(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-12-19")])
    assert ind.evaluate(f.po(f.discovery(chinese_newest="2013-12-10"), page), f.ctx()).value == 0.0


def test_no_chinese_date_is_missing(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-12-08")])
    assert ind.evaluate(f.po(f.discovery(chinese_newest=None), page), f.ctx()).status == "missing"
