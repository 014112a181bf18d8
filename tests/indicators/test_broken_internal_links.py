from govlens.indicators.links import broken_internal_links as ind
from govlens.text import render


def test_share_of_failed_internal_links(f):
    home = f.home_url
    r = ind.evaluate(f.po(
        f.link(home + "a.html"),
        f.link(home + "b.html", "http_error", http_status=404, found_on=home + "col/yw/"),
        f.link(home + "c.html", "http_error", http_status=500),
        f.link(home + "d.html"),
        f.link("https://www.other.gov.cn/x", "dns_error", internal=False),
    ), f.ctx())
    assert r.value == 0.5
    assert [(x.kind, x.url) for x in r.findings] == [("broken_internal_link", home + "b.html"),
                                                      ("broken_internal_link", home + "c.html")]
    assert r.findings[0].evidence_url == home + "col/yw/"
    assert "404" in render(r.findings[0].detail, "en")


def test_robots_blocked_is_not_broken(f):
    r = ind.evaluate(f.po(f.link(f.home_url + "admin/", "blocked_by_robots", http_status=None),
                          f.link(f.home_url + "a.html")), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_only_robots_blocked_is_not_applicable(f):
    r = ind.evaluate(f.po(f.link(f.home_url + "admin/", "blocked_by_robots", http_status=None)), f.ctx())
    assert r.status == "not_applicable" and r.findings == []


def test_no_link_checks_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"
