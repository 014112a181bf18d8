from govlens.indicators.signals import external_inlinks as ind


def test_value_from_signals(f):
    o = f.obs("signals", f.home_url, probe="external_signals", indexed_pages=5, inbound_links=340, media_mentions=2)
    r = ind.evaluate(f.po(o), f.ctx())
    assert r.status == "ok" and r.value == 340.0


def test_no_signals_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
