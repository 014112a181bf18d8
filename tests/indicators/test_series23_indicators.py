"""Featured-column, mailbox, hotline, expert-review and improvement indicators on hand-made observations.

One case per outcome; each module also has its place in a framework (column-2013, mailbox-2013,
hotline-2013, innovation-2013).
"""
from __future__ import annotations

import pytest

from govlens.contract import defects as D
from govlens.indicators.columns import (column_depth, column_functions, column_query, column_update_age,
                                        column_update_rhythm, column_volume)
from govlens.indicators.expert import expert_design, expert_review, index_improvement
from govlens.indicators.hotline import hotline_answer_rate, hotline_courtesy, hotline_resolution, hotline_wait
from govlens.indicators.interaction import mailbox_form, mailbox_letters, mailbox_reply_rate
from govlens.text import render


def column(f, *days, status="completed", sample=(), query=None, query_forms=0, message_forms=0):
    items = [f.item(f"条目{i}", d, f"https://www.example.gov.cn/a{i}.html") for i, d in enumerate(days)]
    return f.obs("column", status=status, probe="featured_column", items=items, items_listed=len(items),
                 list_pages=1, sample=list(sample), query=query, query_forms=query_forms, message_forms=message_forms)


def kinds(r):
    return [x.kind for x in r.findings]


def test_update_age(f):
    fresh = column_update_age.evaluate(f.po(column(f, "2013-12-18", "2013-12-01")), f.ctx())
    assert fresh.value == 2 and not fresh.findings
    old = column_update_age.evaluate(f.po(column(f, "2013-06-01")), f.ctx())
    assert old.value == 202 and kinds(old) == [D.COLUMN_NOT_UPDATED]
    undated = column_update_age.evaluate(f.po(column(f, None)), f.ctx())
    assert undated.value == 3650 and kinds(undated) == [D.COLUMN_NOT_UPDATED]
    assert column_update_age.evaluate(f.po(column(f, status="http_error")), f.ctx()).status == "missing"


def test_rhythm_and_volume(f):
    r = column_update_rhythm.evaluate(f.po(column(f, "2013-12-19", "2013-12-17", "2013-12-10", "2013-12-09")), f.ctx())
    assert r.value == 2.0        # gaps 2, 7, 1
    assert column_update_rhythm.evaluate(f.po(column(f, "2013-12-19")), f.ctx()).status == "not_applicable"
    v = column_volume.evaluate(f.po(column(f, "2013-12-19", "2013-01-01", "2012-06-01", "2014-05-01")), f.ctx())
    assert v.value == 2.0        # within the year; a date after the check is a typo


def test_depth(f):
    deep = [{"url": f"u{i}", "chars": 400} for i in range(7)] + [{"url": "u7", "chars": 12}]
    r = column_depth.evaluate(f.po(column(f, "2013-12-19", sample=deep)), f.ctx())
    assert r.value == pytest.approx(7 / 8) and not r.findings
    thin = [{"url": f"u{i}", "chars": 10} for i in range(6)] + [{"url": "u6", "chars": 500}, {"url": "x", "chars": None}]
    r = column_depth.evaluate(f.po(column(f, "2013-12-19", sample=thin)), f.ctx())
    assert r.value == pytest.approx(1 / 7) and kinds(r) == [D.COLUMN_THIN_CONTENT]
    assert column_depth.evaluate(f.po(column(f, "2013-12-19", sample=[{"url": "x", "chars": None}])),
                                 f.ctx()).status == "missing"


def test_query_and_functions(f):
    works = {"query": "改革", "titles_with_query": 5, "status": "completed", "http_status": 200, "result_count": 5,
             "count_source": "stated", "url": "https://www.example.gov.cn/q?kw=x", "error": None}
    r = column_query.evaluate(f.po(column(f, "2013-12-19", query=works, query_forms=1)), f.ctx())
    assert r.value == 1.0 and not r.findings
    broken = dict(works, status="http_error", http_status=500, result_count=None, error="HTTP 500")
    r = column_query.evaluate(f.po(column(f, "2013-12-19", query=broken, query_forms=1)), f.ctx())
    assert r.value == 0.0 and kinds(r) == [D.COLUMN_QUERY_BROKEN]
    empty = dict(works, result_count=0)
    assert kinds(column_query.evaluate(f.po(column(f, "2013-12-19", query=empty, query_forms=1)), f.ctx())) == \
        [D.COLUMN_QUERY_BROKEN]
    assert column_query.evaluate(f.po(column(f, "2013-12-19")), f.ctx()).status == "not_applicable"
    nothing = dict(works, query=None, status=None, error="no word")
    assert column_query.evaluate(f.po(column(f, "2013-12-19", query=nothing, query_forms=1)),
                                 f.ctx()).status == "missing"
    n = column_functions.evaluate(f.po(column(f, "2013-12-19", query=works, query_forms=1, message_forms=1)), f.ctx())
    assert n.value == 2.0
    assert column_functions.evaluate(f.po(column(f, "2013-12-19", query=broken, query_forms=1)), f.ctx()).value == 0.0


def letter(f, n, asked, replied):
    return f.obs("letter", f"https://www.example.gov.cn/l{n}.html", probe="mailbox", title="t", asked=asked,
                 replied=replied, reply_days=None, state="x", list_url="https://www.example.gov.cn/letters/")


def test_mailbox_form(f):
    ok = f.obs("mailbox_submit", probe="mailbox", form_url="w", submitted=True, receipt="XX1", reason=None)
    assert mailbox_form.evaluate(f.po(ok), f.ctx()).value == 1.0
    bad = f.obs("mailbox_submit", "https://www.example.gov.cn/submit", "http_error", probe="mailbox", http_status=500,
                form_url="w", submitted=True, receipt=None, error="HTTP 500")
    r = mailbox_form.evaluate(f.po(bad), f.ctx())
    assert r.value == 0.0 and kinds(r) == [D.MAILBOX_FORM_BROKEN]
    none = f.obs("mailbox_submit", probe="mailbox", form_url=None, submitted=False, receipt=None,
                 reason="no letter form found")
    assert kinds(mailbox_form.evaluate(f.po(none), f.ctx())) == [D.MAILBOX_FORM_BROKEN]
    outside = f.obs("mailbox_submit", probe="mailbox", form_url="w", submitted=False, receipt=None,
                    reason="not sent: test letters are sent in sandbox mode only")
    assert mailbox_form.evaluate(f.po(outside), f.ctx()).status == "missing"


def test_mailbox_replies_and_letters(f):
    r = mailbox_reply_rate.evaluate(f.po(letter(f, 1, "2013-11-01", "2013-11-05"), letter(f, 2, "2013-12-10", None)),
                                    f.ctx())
    assert r.value == 0.5 and not r.findings
    r = mailbox_reply_rate.evaluate(f.po(letter(f, 1, "2013-11-01", None), letter(f, 2, "2013-12-10", None)), f.ctx())
    assert r.value == 0.0 and kinds(r) == [D.MAILBOX_NO_REPLIES]
    assert mailbox_reply_rate.evaluate(f.po(), f.ctx()).status == "not_applicable"
    inter = f.obs("interaction", probe="mailbox", entries=[], forms=[], lists=[])
    n = mailbox_letters.evaluate(f.po(inter, letter(f, 1, "2013-11-01", None), letter(f, 2, "2012-01-01", None)),
                                 f.ctx())
    assert n.value == 1.0
    assert mailbox_letters.evaluate(f.po(), f.ctx()).status == "missing"


def calls(f, **d):
    base = {"source": "calls.csv", "calls": 20, "answered": 18, "answer_rate": 0.9, "median_wait": 30.0,
            "resolved": 15, "resolution_rate": 0.8333, "courtesy": 4.5, "lines": ["12345"], "first": "2013-11-20",
            "last": "2013-12-14"}
    base.update(d)
    return f.obs("hotline_calls", probe="hotline_calls", **base)


def test_hotline_indicators(f):
    good = f.po(calls(f))
    assert hotline_answer_rate.evaluate(good, f.ctx()).value == 0.9
    assert not hotline_answer_rate.evaluate(good, f.ctx()).findings
    assert hotline_wait.evaluate(good, f.ctx()).value == 30.0 and not hotline_wait.evaluate(good, f.ctx()).findings
    assert hotline_resolution.evaluate(good, f.ctx()).value == pytest.approx(0.8333)
    assert hotline_courtesy.evaluate(good, f.ctx()).value == 4.5
    bad = f.po(calls(f, answered=10, answer_rate=0.5, median_wait=150.0))
    assert kinds(hotline_answer_rate.evaluate(bad, f.ctx())) == [D.HOTLINE_UNANSWERED]
    assert kinds(hotline_wait.evaluate(bad, f.ctx())) == [D.HOTLINE_SLOW]
    silent = f.po(calls(f, answered=0, answer_rate=0.0, median_wait=None, courtesy=None, resolution_rate=None))
    assert hotline_wait.evaluate(silent, f.ctx()).status == "not_applicable"
    assert hotline_resolution.evaluate(silent, f.ctx()).status == "not_applicable"
    assert hotline_answer_rate.evaluate(f.po(), f.ctx()).status == "missing"


def test_expert_and_improvement(f):
    rev = f.obs("expert_review", probe="review", framework="innovation-2013", items={"design": 72.5, "local": 40.0},
                overall=56.25, kept=["e02", "e03"], excluded=["e07"],
                experts=[{"expert": "e02", "mean": 70.0, "source": "e02.xlsx:innovation-2013!A5"}])
    r = expert_design.evaluate(f.po(rev), f.ctx())
    assert r.value == 72.5 and "e07" in render(r.detail, "en")
    assert expert_review.evaluate(f.po(rev), f.ctx()).value == 56.25
    assert expert_design.evaluate(f.po(), f.ctx()).status == "missing"
    imp = f.obs("improvement", probe="previous_campaign", index_old=50.0, index_new=62.5, index_change=12.5,
                rank_old=30, rank_new=8, main_driver="design", previous="prev.duckdb")
    r = index_improvement.evaluate(f.po(imp), f.ctx())
    assert r.value == 12.5 and "+12.5" in render(r.detail, "en")
    assert index_improvement.evaluate(f.po(), f.ctx()).status == "missing"
