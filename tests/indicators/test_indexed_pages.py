from govlens.indicators.signals import indexed_pages as ind
from govlens.text import render


def _signals(f, **data):
    return f.obs("signals", f.home_url, probe="external_signals", http_status=None, elapsed_ms=None,
                 source="signals.csv:2", **data)


def test_value_from_signals(f):
    r = ind.evaluate(f.po(_signals(f, indexed_pages=1200, inbound_links=3, media_mentions=1)), f.ctx())
    assert r.status == "ok" and r.value == 1200.0 and "signals.csv:2" in render(r.evidence[0].detail, "en")


def test_zero_is_a_value(f):
    assert ind.evaluate(f.po(_signals(f, indexed_pages=0)), f.ctx()).value == 0.0


def test_blank_field_is_missing(f):
    assert ind.evaluate(f.po(_signals(f, indexed_pages=None)), f.ctx()).status == "missing"


def test_no_signals_is_missing(f):
    assert ind.evaluate(f.po(f.page()), f.ctx()).status == "missing"
