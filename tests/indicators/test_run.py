import logging
from datetime import date

import pytest

from govlens.errors import FrameworkError
from govlens.indicators import catalogue, run
from govlens.indicators.base import Finding, IndicatorResult
from govlens.indicators.run import run_indicators
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore
from govlens.text import render

A, B = "https://www.a.gov.cn/", "https://www.b.gov.cn/"


@pytest.fixture
def campaign(tmp_path, f):
    store = CampaignStore(tmp_path / "campaign.duckdb")
    a, b, c = f.platform("a", A), f.platform("b", B), f.platform("c", "https://www.c.gov.cn/")
    store.write_platforms([a, b, c])
    obs = [
        # a: healthy but slow once, links to b, one broken internal link, a low-contrast column
        *[f.visit(attempt=i, url=A) for i in (1, 2, 3)],
        f.page(url=A, lists=[{"title": "要闻", "more_url": A + "col/yw/",
                              "items": [f.item("x", "2013-12-18", A + "art/1.html")]}],
               links=[{"url": B + "zw/", "text": "B 政府", "internal": False},
                      {"url": "http://user@WWW.B.GOV.CN.:8080?x=1", "text": "", "internal": False},
                      {"url": "https://www.c.gov.cn#top", "text": "", "internal": False}],
               search_forms=[{"action": "/s", "method": "get", "inputs": ["q"]}]),
        f.page("column", A + "col/yw/", items=[f.item("x", "2013-12-18", A + "art/1.html")], column_title="要闻",
               styled_text=[{"text": "浅色", "color": "#aaa", "background": None}]),
        f.link(A + "col/yw/"), f.link(A + "gone.html", "http_error", http_status=404),
        f.link(B + "zw/", internal=False),
        # b: down on every visit, never loaded
        *[f.visit("connection_refused", attempt=i, url=B) for i in (1, 2, 3)],
        f.page(url=B, status="connection_refused"),
    ]
    for o in obs:
        o.platform_id = "b" if o.url.startswith(B) and o.kind != "link" else "a"
    store.insert("observations", [o.as_row() for o in obs])
    yield store, [a, b, c]
    store.close()


def test_run_writes_values_and_findings(campaign):
    store, platforms = campaign
    summary = run_indicators(store, platforms, indicator_ids=None, check_date=date(2013, 12, 20),
                             settings=Settings())
    ids = catalogue.all_ids()
    assert summary.platforms == 3 and summary.values == 3 * len(ids) and summary.errors == 0
    values = {(r["platform_id"], r["indicator_id"]): r for r in store.rows("indicator_values")}
    assert len(values) == 3 * len(ids)
    assert values[("a", "availability")]["value"] == 0.0
    assert values[("a", "homepage-freshness")]["value"] == 2.0
    assert values[("a", "inbound-links")]["value"] == 0.0
    assert values[("c", "inbound-links")]["value"] == 1.0
    assert values[("b", "inbound-links")]["value"] == 1.0          # a links to b
    assert values[("b", "availability")]["value"] == 1.0
    assert values[("b", "site-search")]["status"] == "missing" and values[("b", "site-search")]["value"] is None
    assert values[("c", "availability")]["status"] == "missing"
    assert values[("a", "text-contrast")]["evidence"][0]["url"] == A + "col/yw/"   # JSON decoded
    findings = {(r["platform_id"], r["kind"], r["url"]) for r in store.rows("findings")}
    assert findings == {("a", "broken_internal_link", A + "gone.html"), ("a", "low_contrast", A + "col/yw/"),
                        ("b", "site_down", B)}
    row = store.rows("findings", kind="site_down")[0]
    assert row["indicator_id"] == "availability" and row["observed_at"] is not None
    log = store.rows("run_log", stage="indicators")
    assert log[-1]["step"] == "evaluate" and log[-1]["params"]["check_date"] == "2013-12-20"
    assert summary.findings_by_kind == {"broken_internal_link": 1, "low_contrast": 1, "site_down": 1}


def test_rerun_replaces_not_appends(campaign):
    store, platforms = campaign
    for _ in range(2):
        run_indicators(store, platforms, indicator_ids=None, check_date=date(2013, 12, 20), settings=Settings())
    assert store.count("findings") == 3
    assert store.count("indicator_values") == 3 * len(catalogue.all_ids())


def test_subset_replaces_only_its_rows(campaign):
    store, platforms = campaign
    run_indicators(store, platforms, indicator_ids=None, check_date=date(2013, 12, 20), settings=Settings())
    s = run_indicators(store, platforms, indicator_ids=["availability"], check_date=date(2013, 12, 20),
                       settings=Settings())
    assert s.values == 3
    assert store.count("indicator_values") == 3 * len(catalogue.all_ids())
    assert store.count("findings") == 3


def test_unknown_indicator_is_refused(campaign):
    store, platforms = campaign
    with pytest.raises(FrameworkError, match="no-such"):
        run_indicators(store, platforms, indicator_ids=["no-such"], check_date=date(2013, 12, 20),
                       settings=Settings())


def test_an_indicator_that_raises_is_missing_and_logged(campaign, monkeypatch, caplog):
    store, platforms = campaign

    def boom(obs, ctx):
        raise RuntimeError("kaput")

    monkeypatch.setattr(catalogue.get("site-search"), "evaluate", boom)
    with caplog.at_level(logging.WARNING, logger="govlens.indicators.run"):
        s = run_indicators(store, platforms, indicator_ids=["site-search", "availability"],
                           check_date=date(2013, 12, 20), settings=Settings())
    assert s.errors == 3 and s.errors_by_indicator == {"site-search": 3}
    rows = store.rows("indicator_values", indicator_id="site-search")
    assert {r["status"] for r in rows} == {"missing"} and "kaput" not in rows[0]["detail"]   # raw text: the log's
    assert render(rows[0]["detail"], "en") == "the indicator failed on this platform (see the run log)"
    assert store.count("indicator_values", indicator_id="availability") == 3
    assert "kaput" in caplog.text


def test_batches_group_by_platform(campaign):
    store, _ = campaign
    got = dict(run.iter_observations(store, ["a", "b", "c"], batch=1))
    assert set(got) == {"a", "b", "c"} and got["c"] == []
    assert {o.platform_id for o in got["a"]} == {"a"} and isinstance(got["a"][3].data, dict)


def test_facts_from_store_match_python(campaign, f):
    from govlens.indicators.links.campaign_facts import build_campaign_facts
    store, platforms = campaign
    by_platform = dict(run.iter_observations(store, [p.id for p in platforms]))
    assert run.campaign_facts_from_store(store, platforms) == build_campaign_facts(platforms, by_platform)


@pytest.mark.parametrize("result, zh, en", [
    ("7", "evaluate() 返回的是 str，而不是 IndicatorResult", "evaluate() returned str, not IndicatorResult"),
    (IndicatorResult(value=1.0, status="fine"), "未知的状态 “fine”（应为 ok、missing、not_applicable）",
     "unknown status `fine` (expected ok, missing, not_applicable)"),
    (IndicatorResult(value=None), "状态为 ok 时应给出有限的数值，实际为 “—”", "status ok needs a finite value, got `-`"),
    (IndicatorResult(value=float("nan")), "状态为 ok 时应给出有限的数值，实际为 “nan”",
     "status ok needs a finite value, got `nan`"),
    (IndicatorResult(value="many"), "状态为 ok 时应给出有限的数值，实际为 “many”",
     "status ok needs a finite value, got `many`"),
    (IndicatorResult(value=1.0, findings=[Finding("no_such_kind", "https://www.a.gov.cn/")]),
     "未知的问题类型 “no_such_kind”", "unknown finding kind `no_such_kind`"),
    (IndicatorResult(value=1.0, findings=[Finding("no_viewport", "")]), "问题 “no_viewport” 缺少网址",
     "finding `no_viewport` has no URL"),
])
def test_a_malformed_result_is_refused_in_words(result, zh, en):
    from govlens import messages
    with pytest.raises((TypeError, ValueError)) as info:
        run._check(result)
    assert str(info.value) == zh
    with messages.using("en"):
        with pytest.raises((TypeError, ValueError)) as info:
            run._check(result)
    assert str(info.value) == en


def test_a_malformed_result_is_missing_and_the_log_says_why_in_words(campaign, monkeypatch, caplog):
    store, platforms = campaign
    monkeypatch.setattr(catalogue.get("site-search"), "evaluate", lambda obs, ctx: IndicatorResult(value=None))
    with caplog.at_level(logging.WARNING, logger="govlens.indicators.run"):
        s = run_indicators(store, platforms, indicator_ids=["site-search"], check_date=date(2013, 12, 20),
                           settings=Settings())
    assert s.errors == 3
    rows = store.rows("indicator_values", indicator_id="site-search")
    assert {r["status"] for r in rows} == {"missing"}
    assert render(rows[0]["detail"], "zh-CN") == "指标计算出错，未得出结果（详见运行日志）"
    assert "指标 site-search 在平台 a 上计算出错：ValueError: 状态为 ok 时应给出有限的数值，实际为 “—”" in caplog.text
    assert "指标 site-search 在 3 个平台上计算出错，已记为缺失" in caplog.text
