"""The new-media batch indicators on hand-made account facts: one case per outcome.

Each indicator is one module with a pure ``evaluate_batch(facts, ctx)``; the facts here are
built by hand (the columns :mod:`govlens.indicators.newmedia.newmedia_facts` computes), so each
expected value is worked out from the indicator's formula in the test.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from govlens.indicators import catalogue
from govlens.indicators.base import IndicatorContext
from govlens.indicators.newmedia.newmedia_facts import NewMediaFacts, stratified_share
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.text import render

CHECK = date(2013, 12, 15)
NAN = np.nan


def facts(**cols) -> NewMediaFacts:
    ids = ["wb", "wx", "none"]
    kinds = ["weibo", "wechat", "weibo"]
    frame = pd.DataFrame({"kind": kinds, **cols}, index=pd.Index(ids, name="platform_id"))
    platforms = {i: Platform(i, i, k, "", "", "", "", f"https://x/{i}", "") for i, k in zip(ids, kinds)}
    return NewMediaFacts(frame=frame, platforms=platforms, check_date=CHECK)


def run(ident: str, f: NewMediaFacts, **settings):
    module = catalogue.get(ident)
    return module.evaluate_batch(f, IndicatorContext(check_date=CHECK, settings=Settings(settings)))


BASE = dict(days=[90, 90, NAN], R=[9000, 4500, NAN], n=[30, 0, NAN], Rmax=[900, 0, NAN], Z=[300, 90, NAN],
            Zmax=[40, 0, NAN], shares=[60, 9, NAN], comments=[45, 0, NAN], looking=[NAN, 18, NAN],
            original=[24, 0, NAN], active_days=[27, 0, NAN], followers_end=[10000, 2000, NAN],
            followers_start=[8000, 2000, NAN], verified=[1, 0, NAN], menu_items=[NAN, 6, NAN],
            days_since_post=[3, 40, NAN], last_post=pd.to_datetime(["2013-12-12", "2013-11-05", None]),
            bought_days=[0, 0, 0], bought_max_ratio=[NAN, NAN, NAN], bought_growth=[NAN, NAN, NAN],
            bought_date=[None, None, None])


@pytest.mark.parametrize("ident, expected", [
    ("daily-reads", [100, 50, NAN]),                 # R / d
    ("reads-per-post", [300, 0, NAN]),               # R / n, 0 without posts
    ("shares-per-post", [2, 0, NAN]),
    ("posts-per-day", [30 / 90, 0, NAN]),
    ("original-share", [0.8, NAN, NAN]),             # missing without posts
    ("active-days", [0.3, 0, NAN]),
    ("comments-per-post", [1.5, 0, NAN]),
    ("likes-per-post", [10, 0, NAN]),
    ("engagement-rate", [1000 * (300 + 45 + 60) / 30 / 10000, 0, NAN]),
    ("followers", [10000, 2000, NAN]),
    ("follower-growth", [0.25, 0, NAN]),
    ("verified", [1, 0, NAN]),
])
def test_formulas(ident, expected) -> None:
    r = run(ident, facts(**BASE))
    np.testing.assert_allclose(r.values, expected, equal_nan=True)
    assert r.status[2] == "missing"


def test_wechat_only_indicators_are_not_applicable_to_weibo() -> None:
    for ident, value in (("looking-per-article", 0.0), ("service-functions", 6.0)):
        r = run(ident, facts(**BASE))
        assert r.status[0] == "not_applicable" and np.isnan(r.values[0])
        assert r.status[1] == "ok" and r.values[1] == value


def test_wci_uses_v2_by_default_and_v14_on_request() -> None:
    r = run("wci", facts(**BASE))
    assert r.status.tolist() == ["not_applicable", "ok", "not_applicable"]
    assert r.values[1] == pytest.approx(10 * (0.8 * 0.40 * np.log(4501) + 0.2 * 0.40 * np.log(91)) ** 2)
    r = run("wci", facts(**BASE), NEWMEDIA_WCI_VERSION="14.2")
    assert r.status[1] == "missing" and "post records" in render(r.detail[1], "en")


def test_update_recency_finds_dormant_accounts() -> None:
    r = run("update-recency", facts(**BASE))
    assert r.values[:2].tolist() == [3, 40]
    assert [(pid, f.kind) for pid, f in r.findings] == [("wx", "dormant_account")]
    assert "2013-11-05" in render(r.findings[0][1].detail, "en")


def test_follower_anomaly_reports_and_followers_leave_it_out() -> None:
    cols = dict(BASE, bought_days=[1, 0, 0], bought_max_ratio=[0.5, NAN, NAN], bought_growth=[3000, NAN, NAN],
                bought_date=["2013-11-01", None, None])
    r = run("follower-anomaly", facts(**cols))
    assert r.values[:2].tolist() == [0.5, 0.0]
    assert [(pid, f.kind) for pid, f in r.findings] == [("wb", "bought_followers")]
    assert run("followers", facts(**cols)).values[0] == 7000
    assert run("follower-growth", facts(**cols)).values[0] == pytest.approx((10000 - 8000 - 3000) / 8000)


def test_submission_accuracy() -> None:
    cols = dict(BASE, sub_ratio=[1.05, 2.0, NAN], sub_detail=["s.csv:2 ok", "s.csv:3 posts reported 60 / measured 30",
                                                                NAN])
    r = run("submission-accuracy", facts(**cols))
    assert r.status.tolist() == ["ok", "ok", "not_applicable"]
    assert [(pid, f.kind) for pid, f in r.findings] == [("wx", "over_reported")] and "s.csv:3" in render(r.findings[0][1].detail, "en")
    assert run("submission-accuracy", facts(**cols), NEWMEDIA_OVERREPORT_TOLERANCE=1.5).findings == []


def test_comment_based_indicators() -> None:
    cols = dict(BASE, questions=[10, NAN, NAN], answered=[4, NAN, NAN], reply_hours=[5.5, NAN, NAN],
                negatives=[4, 0, NAN], negatives_replied=[1, 0, NAN], sentiment=[0.62, 0.4, NAN],
                sentiment_se=[0.03, 0.05, NAN], sentiment_n=[80, 20, NAN], sentiment_N=[300, 20, NAN])
    f = facts(**cols)
    assert run("question-reply-rate", f).values[0] == 0.4
    assert run("question-reply-rate", f).status[1] == "missing"
    assert run("account-reply-delay", f).values[0] == 5.5
    r = run("negative-response", f)
    assert r.values[0] == 0.25 and r.status[1] == "not_applicable"
    r = run("comment-sentiment", f)
    assert r.values[0] == 0.62 and "80 of 300" in render(r.detail[0], "en")
    for ident in ("question-reply-rate", "account-reply-delay", "negative-response", "comment-sentiment"):
        assert set(run(ident, facts(**BASE)).status) == {"missing"}          # no comments imported


def test_post_based_and_expert_indicators() -> None:
    f = facts(**dict(BASE, rumours=[2, 0, NAN], service_share=[0.3, NAN, NAN], service_se=[0.02, NAN, NAN],
                     service_n=[200, NAN, NAN], service_N=[900, NAN, NAN], service_full=[0.31, NAN, NAN],
                     expert_mean=[80, NAN, NAN], expert_n=[2, 0, 0], expert_file=[True, True, True]))
    assert run("rumour-refutation", f).values[:2].tolist() == [2, 0]
    r = run("service-content", f)
    assert r.values[0] == 0.3 and "sample 200 of 900" in render(r.detail[0], "en") and "sampling error 1.0%" in render(r.detail[0], "en")
    r = run("expert-recommendation", f)
    assert r.values.tolist() == [80, 0, 0] and render(r.detail[1], "en") == "not recommended"
    assert set(run("expert-recommendation", facts(**BASE)).status) == {"missing"}


def test_stratified_share_estimate_and_its_standard_error() -> None:
    import random
    rng = random.Random(5)
    strata = {w: [rng.random() < 0.1 + 0.06 * w for _ in range(80 + 10 * w)] for w in range(10)}   # shares vary
    truth = sum(sum(v) for v in strata.values()) / sum(len(v) for v in strata.values())
    runs = [stratified_share(strata, 150, random.Random(i)) for i in range(300)]
    assert all(r["n"] in range(145, 156) and r["N"] == 1250 for r in runs)
    estimates = np.array([r["estimate"] for r in runs])
    assert abs(estimates.mean() - truth) < 0.01                      # unbiased
    # the reported standard error matches the spread of the estimates over repeated samples
    assert np.mean([r["se"] for r in runs]) == pytest.approx(estimates.std(), rel=0.2)
    full = stratified_share(strata, 0, random.Random(1))
    assert full["estimate"] == pytest.approx(truth) and full["se"] == 0.0 and full["n"] == 1250
