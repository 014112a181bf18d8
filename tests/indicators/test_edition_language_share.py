from govlens.indicators.foreign_site import edition_language_share as ind


def test_pages_in_another_language_are_findings(f):
    wrong = f.edition_page(f.EN + "gov/", "section", lang="zh")
    r = ind.evaluate(f.po(f.discovery(), f.edition_page(), wrong, f.edition_page(f.EN + "a.html", "article")), f.ctx())
    assert abs(r.value - 2 / 3) < 1e-9
    assert [(x.kind, x.url) for x in r.findings] == [("wrong_language_page", f.EN + "gov/")]


def test_pages_without_text_are_not_judged(f):
    r = ind.evaluate(f.po(f.discovery(), f.edition_page(), f.edition_page(f.EN + "x/", "section", lang=None)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_no_page_read_is_missing(f):
    assert ind.evaluate(f.po(f.discovery()), f.ctx()).status == "missing"


def test_no_edition_is_not_applicable(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).status == "not_applicable"
