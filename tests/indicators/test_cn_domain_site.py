from govlens.indicators.cn_domain import cn_domain_site as ind


def test_a_website(f):
    assert ind.evaluate(f.po(f.cn_dns(), f.cn_site(links=14)), f.ctx()).value == 1.0


def test_parking_page_is_a_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site(links=0, shown=())), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["cn_domain_no_site"]


def test_threshold_is_a_setting(f):
    assert ind.evaluate(f.po(f.cn_dns(), f.cn_site(links=14)), f.ctx(CNDOMAIN_MIN_SITE_LINKS=20)).value == 0.0


def test_unreachable_is_zero_without_its_own_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site("http_error", html=False)), f.ctx())
    assert r.value == 0.0 and r.findings == []
