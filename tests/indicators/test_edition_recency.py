from govlens.indicators.foreign_site import edition_recency as ind


def test_days_since_newest_item(f):
    pages = [f.edition_page(dated=[(f.EN + "a.html", "2013-12-10"), (f.EN + "b.html", "2013-11-01")]),
             f.edition_page(f.EN + "news/", "section", dated=[(f.EN + "c.html", "2013-12-15")])]
    r = ind.evaluate(f.po(f.discovery(), *pages), f.ctx())
    assert r.value == 5.0 and r.evidence[0].url == f.EN + "c.html"


def test_dates_after_the_check_are_ignored(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2014-06-01"), (f.EN + "b.html", "2013-12-01")])
    assert ind.evaluate(f.po(f.discovery(), page), f.ctx()).value == 19.0


def test_no_dated_item_counts_as_not_updated(f):
    assert ind.evaluate(f.po(f.discovery(), f.edition_page()), f.ctx()).value == 3650.0


def test_no_edition_is_not_applicable(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).status == "not_applicable"
