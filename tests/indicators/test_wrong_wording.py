from govlens.indicators.wording import harmful_content, wrong_wording
from govlens.text import render

ART = "https://www.example.gov.cn/art/1.html"


def hit(word, category, right=None):
    return {"word": word, "category": category, "right": right, "context": f"……深入学习{word}有关精神……"}


def test_page_with_a_serious_error_is_a_finding(f):
    obs = f.po(f.page(wording=[]), f.page("article", ART, wording=[hit("中华人民共合国", "serious_error", "中华人民共和国")]))
    r = wrong_wording.evaluate(obs, f.ctx())
    assert r.value == 1.0 and [(x.kind, x.url) for x in r.findings] == [("wrong_wording", ART)]
    assert "中华人民共和国" in render(r.findings[0].detail, "en") and "中华人民共合国" in r.findings[0].snippet


def test_harmful_words_are_the_other_indicator(f):
    obs = f.po(f.page(wording=[hit("六合彩", "harmful")]), f.page("article", ART, wording=[]))
    assert wrong_wording.evaluate(obs, f.ctx()).value == 0.0
    r = harmful_content.evaluate(obs, f.ctx())
    assert r.value == 1.0 and [(x.kind, x.url) for x in r.findings] == [("harmful_content", f.home_url)]


def test_pages_not_checked_make_it_missing(f):
    assert wrong_wording.evaluate(f.po(f.page()), f.ctx()).status == "missing"
