from govlens.indicators.freshness import update_volume as ind


def test_counts_recent_items_once(f):
    same = f.home_url + "art/1.html"
    home = f.page(lists=[{"title": "要闻", "more_url": f.home_url + "col/yw/",
                          "items": [f.item("a", "2013-12-19", same), f.item("b", "2013-11-21"),
                                    f.item("c", "2013-11-20"), f.item("d", None)]}])
    col = f.page("column", f.home_url + "col/yw/",
                 items=[f.item("a", "2013-12-19", same), f.item("e", "2013-12-01"), f.item("f", "2012-12-01")])
    r = ind.evaluate(f.po(home, col), f.ctx())
    # a (once), b (29 days), e; c is 30 days old: outside
    assert r.status == "ok" and r.value == 3.0 and r.findings == []


def test_nothing_recent(f):
    home = f.page(lists=[{"title": "要闻", "more_url": None, "items": [f.item("a", "2012-01-01")]}])
    assert ind.evaluate(f.po(home), f.ctx()).value == 0.0


def test_homepage_never_loaded_is_missing(f):
    assert ind.evaluate(f.po(f.page(status="dns_error")), f.ctx()).status == "missing"
