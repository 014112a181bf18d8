from govlens.indicators.foreign_site import edition_volume as ind


def test_recent_items_counted_once(f):
    dated = [(f.EN + "a.html", "2013-12-10"), (f.EN + "b.html", "2013-10-01"), (f.EN + "c.html", "2013-01-01")]
    pages = [f.edition_page(dated=dated), f.edition_page(f.EN + "news/", "section", dated=dated[:1])]
    r = ind.evaluate(f.po(f.discovery(), *pages), f.ctx())
    assert r.value == 2.0                        # within 90 days of 2013-12-20: a and b


def test_window_is_a_setting(f):
    page = f.edition_page(dated=[(f.EN + "a.html", "2013-12-10"), (f.EN + "b.html", "2013-10-01")])
    assert ind.evaluate(f.po(f.discovery(), page), f.ctx(FOREIGN_RECENT_DAYS=30)).value == 1.0


def test_no_edition_is_not_applicable(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).status == "not_applicable"
