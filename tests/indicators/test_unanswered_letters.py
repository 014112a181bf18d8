from govlens.indicators.interaction import unanswered_letters
from govlens.text import render

BASE = "https://www.example.gov.cn/hdjl/letter_{}.html"


def letter(f, n, asked, replied=None):
    return f.obs("letter", BASE.format(n), probe="interaction", title=f"来信{n}", asked=asked, replied=replied,
                 reply_days=None, state="replied" if replied else "pending", list_url="x")


def test_letter_unanswered_over_three_months_is_a_finding(f):   # check date 2013-12-20
    obs = f.po(letter(f, 1, "2013-08-01"), letter(f, 2, "2013-12-01"), letter(f, 3, "2013-06-01", "2013-06-05"))
    r = unanswered_letters.evaluate(obs, f.ctx())
    assert r.value == 1.0
    assert [(x.kind, x.url) for x in r.findings] == [("unanswered_letter", BASE.format(1))]
    assert "2013-08-01" in render(r.findings[0].detail, "en") and "141 days" in render(r.findings[0].detail, "en")


def test_exactly_ninety_days_is_not_yet_late(f):
    assert unanswered_letters.evaluate(f.po(letter(f, 1, "2013-09-21")), f.ctx()).value == 0.0   # 90 days
    assert unanswered_letters.evaluate(f.po(letter(f, 1, "2013-09-20")), f.ctx()).value == 1.0   # 91 days


def test_letters_older_than_a_year_do_not_count(f):
    r = unanswered_letters.evaluate(f.po(letter(f, 1, "2012-11-01")), f.ctx())
    assert r.value == 0.0 and r.findings == []


def test_window_is_a_setting(f):
    r = unanswered_letters.evaluate(f.po(letter(f, 1, "2013-11-01")), f.ctx(INTERACTION_UNANSWERED_DAYS=30))
    assert r.value == 1.0


def test_no_letters_is_not_applicable(f):
    assert unanswered_letters.evaluate(f.po(f.page()), f.ctx()).status == "not_applicable"
