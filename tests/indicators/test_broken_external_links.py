from govlens.indicators.links import broken_external_links as ind

EXT = "https://www.other.gov.cn/"


def test_share_of_failed_external_links(f):
    r = ind.evaluate(f.po(
        f.link(EXT + "a", internal=False),
        f.link(EXT + "gone", "http_error", internal=False, http_status=404),
        f.link("https://nowhere.example/", "dns_error", internal=False),
        f.link("https://slow.example/", "timeout", internal=False),
        f.link(f.home_url + "x", "http_error", internal=True, http_status=404),  # internal: not counted here
    ), f.ctx())
    assert r.status == "ok" and r.value == 3 / 4
    assert sorted(x.url for x in r.findings) == sorted([EXT + "gone", "https://nowhere.example/", "https://slow.example/"])
    assert {x.kind for x in r.findings} == {"broken_external_link"}
    assert all(x.evidence_url == f.home_url for x in r.findings)  # the page it was found on


def test_robots_blocked_is_not_broken(f):
    r = ind.evaluate(f.po(f.link(EXT + "a", internal=False),
                          f.link(EXT + "private", "blocked_by_robots", internal=False, http_status=None)), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_all_ok(f):
    r = ind.evaluate(f.po(f.link(EXT, internal=False)), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_no_external_link_is_not_applicable(f):
    r = ind.evaluate(f.po(f.link(f.home_url + "a")), f.ctx())
    assert r.status == "not_applicable"


def test_no_link_checks_is_missing(f):
    assert ind.evaluate(f.po(f.page()), f.ctx()).status == "missing"
