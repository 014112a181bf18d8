from govlens.indicators.cn_domain import cn_domain_shown as ind
from govlens.text import render


def test_shown_in_the_footer(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site(shown=("footer",))), f.ctx())
    assert r.value == 1.0 and r.findings == [] and r.evidence[0].snippet == "中文域名：浙江省人民政府.政务"


def test_only_in_the_body_is_a_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site(shown=(), elsewhere=True)), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["cn_domain_not_shown"] and "body" in render(r.detail, "en")


def test_parking_page_is_zero_without_its_own_finding(f):
    r = ind.evaluate(f.po(f.cn_dns(), f.cn_site(links=0, shown=())), f.ctx())
    assert r.value == 0.0 and r.findings == []
