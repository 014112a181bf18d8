from govlens.indicators.foreign_site import edition_untranslated as ind


def test_chinese_left_on_a_page_is_a_finding(f):
    left = f.edition_page(f.EN + "a.html", "article", han_chars=24)
    few = f.edition_page(f.EN + "b.html", "article", han_chars=3)
    r = ind.evaluate(f.po(f.discovery(), f.edition_page(), left, few), f.ctx())
    assert r.value == 1 / 3 and [(x.kind, x.url) for x in r.findings] == [("untranslated_text", f.EN + "a.html")]
    assert "外贸" in r.findings[0].snippet


def test_a_whole_chinese_page_is_not_untranslated_text(f):
    whole = f.edition_page(f.EN + "gov/", "section", lang="zh", han_chars=300)
    assert ind.evaluate(f.po(f.discovery(), f.edition_page(), whole), f.ctx()).findings == []


def test_threshold_is_a_setting(f):
    page = f.edition_page(han_chars=8)
    assert ind.evaluate(f.po(f.discovery(), page), f.ctx(FOREIGN_UNTRANSLATED_MIN_CHARS=10)).findings == []


def test_japanese_edition_is_not_applicable(f):
    jp = [{"url": f.CN + "ja/", "lang": "ja", "how": "label"}]
    page = f.edition_page(f.CN + "ja/", lang="ja", edition_lang="ja", han_chars=80)
    assert ind.evaluate(f.po(f.discovery(jp), page), f.ctx()).status == "not_applicable"
