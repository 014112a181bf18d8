from govlens.indicators.interaction import reply_delay
from govlens.text import render


def letter(f, n, days):
    return f.obs("letter", f"https://www.example.gov.cn/l{n}.html", probe="interaction", title="t", asked="2013-11-01",
                 replied=None if days is None else "2013-11-10", reply_days=days, state="x", list_url="x")


def test_median_of_answered_letters(f):
    r = reply_delay.evaluate(f.po(letter(f, 1, 2), letter(f, 2, 10), letter(f, 3, 30), letter(f, 4, None)), f.ctx())
    assert r.value == 10.0 and "3 answered" in render(r.detail, "en")
    assert r.evidence[0].url.endswith("l3.html")          # slowest first


def test_no_answered_letter_is_not_applicable(f):
    assert reply_delay.evaluate(f.po(letter(f, 1, None)), f.ctx()).status == "not_applicable"
