from govlens.indicators.foreign_site import edition_languages as ind
from govlens.text import render


def test_languages_counted_once(f):
    editions = [{"url": f.EN, "lang": "en", "how": "label"}, {"url": f.CN + "fr/", "lang": "fr", "how": "label"},
                {"url": f.CN + "en/", "lang": "en", "how": "path"}]
    r = ind.evaluate(f.po(f.discovery(editions)), f.ctx())
    assert r.value == 2.0 and "English, French" in render(r.detail, "en") and "英文、法文" in render(r.detail)


def test_no_edition_is_zero(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).value == 0.0


def test_chinese_site_down_is_missing(f):
    assert ind.evaluate(f.po(f.discovery([], chinese_ok=False)), f.ctx()).status == "missing"
