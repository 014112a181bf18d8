from govlens.indicators.render import font_families


def test_counts_families(f):
    r = font_families.evaluate(f.po(f.render(colour={"font_family_count": 3, "fonts": [["simsun", 10], ["arial", 5],
                                                                                          ["kaiti", 1]]})), f.ctx())
    assert r.value == 3 and "simsun" in r.evidence[0].snippet


def test_no_text_is_not_applicable(f):
    assert font_families.evaluate(f.po(f.render(colour={"font_family_count": 0})), f.ctx()).status == "not_applicable"


def test_not_rendered_is_missing(f):
    assert font_families.evaluate(f.po(), f.ctx()).status == "missing"
