from govlens.indicators.signals import media_mentions as ind


def test_value_from_signals(f):
    o = f.obs("signals", f.home_url, probe="external_signals", indexed_pages=5, inbound_links=3, media_mentions=15)
    assert ind.evaluate(f.po(o), f.ctx()).value == 15.0


def test_non_numeric_is_missing(f):
    o = f.obs("signals", f.home_url, probe="external_signals", media_mentions="n/a")
    assert ind.evaluate(f.po(o), f.ctx()).status == "missing"


def test_no_signals_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
