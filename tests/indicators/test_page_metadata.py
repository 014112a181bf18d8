from govlens.indicators.site import page_metadata


def test_all_present(f):
    r = page_metadata.evaluate(f.po(f.page()), f.ctx())
    assert r.status == "ok" and r.value == 1.0 and r.findings == []


def test_missing_title_and_description(f):
    r = page_metadata.evaluate(f.po(f.page(title=None, description="  ")), f.ctx())
    assert r.value == 1 / 3
    assert sorted(x.kind for x in r.findings) == ["missing_description", "missing_title"]
    assert {x.url for x in r.findings} == {f.home_url}


def test_missing_keywords_lowers_value_without_finding(f):
    r = page_metadata.evaluate(f.po(f.page(keywords=None)), f.ctx())
    assert r.value == 2 / 3 and r.findings == []


def test_homepage_never_loaded_is_missing(f):
    assert page_metadata.evaluate(f.po(f.page(status="dns_error")), f.ctx()).status == "missing"
