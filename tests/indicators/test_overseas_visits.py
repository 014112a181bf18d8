from govlens.indicators.foreign_site import overseas_visits as ind
from govlens.text import render


def signals(f, **values):
    data = {"overseas_visits": 5000, "overseas_inlinks": 40, "foreign_media_mentions": 7, **values}
    return f.obs("overseas_signals", f.home_url, probe="overseas_signals", source="overseas.csv:2", **data)


def test_value_from_the_import(f):
    r = ind.evaluate(f.po(signals(f, overseas_visits=123)), f.ctx())
    assert r.value == 123.0 and "overseas.csv:2" in render(r.detail, "en")


def test_bad_value_is_missing(f):
    assert ind.evaluate(f.po(signals(f, overseas_visits="n/a")), f.ctx()).status == "missing"
    assert ind.evaluate(f.po(signals(f, overseas_visits=-1)), f.ctx()).status == "missing"


def test_nothing_imported_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
