from govlens.indicators.site import search_results
from govlens.text import render

SEARCH = "https://www.example.gov.cn/search?q=%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7"


def search(f, count, status="completed", query="安全生产", **extra):
    return f.obs("search", SEARCH, status, probe="search_query", form_action="https://www.example.gov.cn/search",
                 method="get", query=query, titles_with_query=5, result_count=count, count_source="stated",
                 count_text=f"共找到{count}条结果" if count is not None else "", error=None, **extra)


def test_results_found(f):
    r = search_results.evaluate(f.po(f.page(), search(f, 12)), f.ctx())
    assert r.value == 1.0 and r.findings == [] and "12" in render(r.detail, "en")


def test_nothing_found_is_a_finding(f):
    r = search_results.evaluate(f.po(f.page(), search(f, 0)), f.ctx())
    assert r.value == 0.0
    assert [(x.kind, x.url, x.evidence_url) for x in r.findings] == [("search_no_results", f.home_url, SEARCH)]
    assert "安全生产" in render(r.findings[0].detail, "en")


def test_no_search_form_is_not_applicable(f):
    r = search_results.evaluate(f.po(f.page()), f.ctx())
    assert r.status == "not_applicable" and r.findings == []


def test_unanswered_search_is_missing(f):
    r = search_results.evaluate(f.po(f.page(), search(f, None, status="timeout")), f.ctx())
    assert r.status == "missing" and r.value is None and r.findings == []
