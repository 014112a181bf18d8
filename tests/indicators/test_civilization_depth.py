from govlens.indicators.civilization import civilization_depth as ind


def test_share_of_pages(f):
    assert ind.evaluate(f.po(f.civ(read=20, with_topic=5)), f.ctx()).value == 0.25


def test_nothing_read_is_missing(f):
    assert ind.evaluate(f.po(f.civ(read=0)), f.ctx()).status == "missing"
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
