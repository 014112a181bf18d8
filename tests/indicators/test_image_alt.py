from govlens.indicators.site import image_alt


def test_share_over_all_pages_and_one_finding_per_page(f):
    col = f.home_url + "col/yw/index.html"
    r = image_alt.evaluate(f.po(
        f.page(images={"total": 4, "without_alt": ["https://www.example.gov.cn/img/a.jpg"]}),
        f.page("column", col, images={"total": 6, "without_alt": ["/b.jpg", "/c.jpg"]}),
        f.page("article", f.home_url + "art/1.html", images={"total": 2, "without_alt": []}),
    ), f.ctx())
    assert r.status == "ok" and r.value == 9 / 12
    assert [(x.kind, x.url) for x in r.findings] == [("image_without_alt", f.home_url), ("image_without_alt", col)]
    assert "img/a.jpg" in r.findings[0].snippet


def test_finding_url_is_the_final_url(f):
    page = f.page("column", "https://www.example.gov.cn/col/yw", images={"total": 1, "without_alt": ["/a.jpg"]})
    page.data["final_url"] = "https://www.example.gov.cn/col/yw/index.html"
    r = image_alt.evaluate(f.po(f.page(), page), f.ctx())
    assert r.findings[0].url == "https://www.example.gov.cn/col/yw/index.html"


def test_all_images_have_alt(f):
    r = image_alt.evaluate(f.po(f.page(images={"total": 3, "without_alt": []})), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_failed_pages_are_ignored(f):
    bad = f.page("column", f.home_url + "col/x/", status="http_error", images={"total": 2, "without_alt": ["/a"]})
    r = image_alt.evaluate(f.po(f.page(images={"total": 1, "without_alt": []}), bad), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_no_image_is_not_applicable(f):
    assert image_alt.evaluate(f.po(f.page()), f.ctx()).status == "not_applicable"


def test_no_page_is_missing(f):
    assert image_alt.evaluate(f.po(f.visit()), f.ctx()).status == "missing"
