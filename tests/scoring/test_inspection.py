"""The national-check scheme: vetoes, capped deductions, the 75-point variant, the portal bonus, pass or fail."""
from __future__ import annotations

import json

import pytest

from govlens.errors import FrameworkError
from govlens.frameworks import load_framework
from govlens.frameworks.inspection import load_inspection_scheme, parse_inspection_scheme, validate_scheme_references
from govlens.indicators.catalogue import all_ids
from govlens.report.inspection import write_inspection
from govlens.scoring.inspection import inspect_campaign
from govlens.store import CampaignStore

SCHEME = {
    "id": "t", "scheme": "inspection", "title": "测试检查", "full_marks": 100, "pass_mark": 60,
    "services_full_marks": 75,
    "vetoes": [{"id": "down", "title": "站点无法访问", "indicator": "monitor-availability", "op": ">=", "value": 0.05}],
    "deductions": [
        {"id": "stale", "title": "栏目不更新", "indicator": "stale-columns", "per": 1, "points": 3, "max": 12},
        {"id": "slow", "title": "慢", "indicator": "response-time", "per": 1000, "above": 3000, "points": 1, "max": 3},
        {"id": "guides", "title": "指南", "indicator": "service-guide-completeness", "per": 0.05, "below": 1.0,
         "points": 1, "max": 10, "service": True},
        {"id": "search", "title": "无搜索", "indicator": "site-search", "op": "==", "value": 0, "points": 5},
    ],
    "bonus": {"max": 8, "min_index": 80, "portals_only": True},
    "bonuses": [{"id": "v6", "title": "IPv6", "indicator": "ipv6", "op": "==", "value": 1, "points": 5},
                {"id": "fast", "title": "快", "indicator": "response-time", "op": "<", "value": 500, "points": 5}],
}


@pytest.fixture
def store(tmp_path):
    s = CampaignStore(tmp_path / "c.duckdb")
    platforms = [("gov", "government"), ("dept", "department"), ("nosvc", "department"), ("down", "government"),
                 ("bad", "government")]
    s.replace("platforms", [{"id": p, "name": f"<b>{p}</b>", "kind": "website", "org_type": o, "level": "county",
                             "province": "浙江", "region": "east", "url": f"https://{p}.gov.cn/", "group": "county"}
                            for p, o in platforms])
    values = {
        "gov": {"monitor-availability": 0.0, "stale-columns": 1, "response-time": 400, "service-guide-completeness": 1.0,
                "site-search": 1, "ipv6": 1},
        "dept": {"monitor-availability": 0.01, "stale-columns": 2, "response-time": 5200,
                 "service-guide-completeness": 0.8, "site-search": 0, "ipv6": 0},
        "nosvc": {"monitor-availability": 0.0, "stale-columns": 9, "response-time": 900, "site-search": 1},
        "down": {"monitor-availability": 0.2, "stale-columns": 0, "response-time": 300, "site-search": 1, "ipv6": 1},
        "bad": {"monitor-availability": 0.0, "stale-columns": 20, "response-time": 9000,
                "service-guide-completeness": 0.1, "site-search": 0},
    }
    rows = []
    for pid, vals in values.items():
        for iid in ("monitor-availability", "stale-columns", "response-time", "service-guide-completeness",
                    "site-search", "ipv6"):
            if iid in vals:
                rows.append({"platform_id": pid, "indicator_id": iid, "value": vals[iid], "status": "ok",
                             "detail": f"{iid} measured", "evidence": [{"url": f"https://{pid}.gov.cn/{iid}", "detail": "seen"}]})
            else:
                status = "not_applicable" if iid == "service-guide-completeness" else "missing"
                rows.append({"platform_id": pid, "indicator_id": iid, "value": None, "status": status, "detail": "",
                             "evidence": []})
    s.replace("indicator_values", rows)
    s.replace("findings", [{"platform_id": "down", "kind": "site_unreachable", "url": "https://down.gov.cn/",
                            "detail": "12 of 60 visits failed", "indicator_id": "monitor-availability",
                            "evidence_url": "https://down.gov.cn/", "snippet": "",
                            "observed_at": "2013-12-10 08:00:00"}])
    s.set_meta("campaign", {"name": "测试", "check_date": "2013-12-15"})
    yield s
    s.close()


def results(store):
    scheme = parse_inspection_scheme(SCHEME, "t.yaml")
    summary = inspect_campaign(store, scheme, services="service-guide-completeness")
    rows = {r["platform_id"]: r for r in store.rows("inspection_results")}
    return summary, rows


def test_hand_computed_scores(store):
    summary, r = results(store)
    # gov: stale 1 × 3 = 3 → 97; a portal ≥ 80: ipv6 5 + fast 5 = 10, capped at 8 → 105
    assert (r["gov"]["deducted"], r["gov"]["base"], r["gov"]["bonus"], r["gov"]["score"]) == (3, 97, 8, 105)
    # dept: stale 6, slow int(2200/1000) = 2, guides (1-0.8)/0.05 = 4, no search 5 → 17; no bonus (not a portal)
    assert (r["dept"]["deducted"], r["dept"]["score"], r["dept"]["bonus"]) == (17, 83, 0)
    # nosvc: a department without service guides: 75-point variant, stale 9 × 3 = 27 capped at 12 → (75-12)×4/3 = 84
    assert r["nosvc"]["variant"] == "no_external_services" and r["nosvc"]["score"] == 84.0
    # bad: stale 12 (cap) + slow 3 (cap) + guides 10 (cap) + search 5 = 30 → 70, no veto: qualified
    assert r["bad"]["score"] == 70 and r["bad"]["qualified"]
    assert summary.qualified == 4 and summary.vetoed == 1


def test_veto_fails_whatever_the_score(store):
    _, r = results(store)
    down = r["down"]
    assert down["vetoed"] and not down["qualified"] and down["score"] >= 100
    veto = next(p for p in down["problems"] if p["type"] == "veto")
    assert veto["title"] == "站点无法访问" and veto["raw"] == 0.2
    assert veto["detail"] == "12 of 60 visits failed" and veto["observed_at"].startswith("2013-12-10")


def test_problem_example_is_the_first_finding_written(store):
    """Of one indicator's findings, the problem shows the first the indicator wrote (not the first by URL), run
    after run: DuckDB's sort returns the rows of one (platform, indicator) in no set order (the demo's store
    scrambled 424 of 2,054) unless the insertion order breaks the tie."""
    def finding(pid: str, u: str) -> dict:
        return {"platform_id": pid, "kind": "stale_column", "url": u, "detail": f"栏目{u}超过14天未更新" * 8,
                "indicator_id": "stale-columns", "evidence_url": u, "snippet": "", "observed_at": "2013-12-10 08:00:00"}
    rows = [finding(f"p{i:03d}", f"https://p{i}.gov.cn/col/{j}/") for i in range(300) for j in range(8)]
    urls = [f"https://bad.gov.cn/col/{c}/" for c in ("zz", "aa", "mm", "bb", "yy", "cc", "xx", "dd")]
    store.replace("findings", rows[:1200] + [finding("bad", u) for u in urls] + rows[1200:])
    for _ in range(3):
        _, r = results(store)
        stale = next(p for p in r["bad"]["problems"] if p["id"] == "stale")
        assert (stale["evidence_url"], stale["findings"]) == (urls[0], len(urls))


def test_missing_indicator_is_unchecked_not_deducted(store):
    _, r = results(store)
    assert [u["id"] for u in r["nosvc"]["unchecked"]] == []           # not applicable: dropped by the variant
    store.con.execute("UPDATE indicator_values SET value = NULL, status = 'missing' "
                      "WHERE platform_id = 'gov' AND indicator_id = 'stale-columns'")
    _, r = results(store)
    assert [u["id"] for u in r["gov"]["unchecked"]] == ["stale"] and r["gov"]["deducted"] == 0


def test_below_pass_mark_is_unqualified(store):
    store.con.execute("UPDATE indicator_values SET value = 0.0 WHERE platform_id = 'bad' "
                      "AND indicator_id = 'service-guide-completeness'")
    doc = json.loads(json.dumps(SCHEME))
    doc["pass_mark"] = 75
    summary = inspect_campaign(store, parse_inspection_scheme(doc, "t.yaml"), services="service-guide-completeness")
    bad = store.rows("inspection_results", platform_id="bad")[0]
    assert bad["score"] == 70 and not bad["qualified"] and not bad["vetoed"] and summary.below_pass == 1


def test_report_escapes_and_neutralises(store, tmp_path):
    from openpyxl import load_workbook

    store.con.execute("UPDATE platforms SET name = '=HYPERLINK(\"x\")' WHERE id = 'dept'")
    results(store)
    paths = write_inspection(store, tmp_path)
    html = paths["inspection.html"].read_text(encoding="utf-8")
    assert "<b>gov</b>" not in html and "&lt;b&gt;gov&lt;/b&gt;" in html
    assert "一、不合格网站名单" in html and "https://down.gov.cn/" in html
    wb = load_workbook(paths["inspection.xlsx"])
    names = [c.value for c in wb.worksheets[0]["B"]]
    assert "'=HYPERLINK(\"x\")" in names and not any(str(n).startswith("=") for n in names)
    problems = list(wb.worksheets[1].iter_rows(values_only=True))
    assert problems[0][:4] == ("编号", "网站名称", "问题类型", "问题") and len(problems) > 5


def test_shipped_scheme_is_valid_and_not_a_framework():
    scheme = load_inspection_scheme("national-check-2019")
    validate_scheme_references(scheme, set(all_ids()))
    assert scheme.pass_mark == 60 and scheme.bonus.max == 30 and scheme.bonus.min_index == 80
    assert {v.id for v in scheme.vetoes} >= {"site-unreachable", "homepage-not-updated", "serious-errors",
                                            "unanswered-messages"}
    with pytest.raises(FrameworkError, match="这是检查方案，不是指数框架"):
        load_framework("national-check-2019")


@pytest.mark.parametrize("change, field", [
    (lambda d: d["deductions"][0].pop("per"), "deductions[0]"),
    (lambda d: d["deductions"][1].update(points=-1), "deductions[1].points"),
    (lambda d: d["vetoes"][0].update(op="~"), "vetoes[0].op"),
    (lambda d: d["bonuses"][0].pop("value"), "bonuses[0].value"),
    (lambda d: d["deductions"].append(dict(d["deductions"][0])), "deductions[4].id"),
    (lambda d: d["deductions"][0].update(cap=12), "deductions[0].cap"),
    (lambda d: d["deductions"][1].update(below=1.0), "deductions[1].below"),
    (lambda d: d["bonus"].update(requires_base=80), "bonus.requires_base"),
    (lambda d: d.pop("scheme"), "scheme"),
])
def test_bad_scheme_names_the_field(change, field):
    doc = json.loads(json.dumps(SCHEME))
    change(doc)
    with pytest.raises(FrameworkError) as info:
        parse_inspection_scheme(doc, "bad.yaml")
    assert info.value.field == field and info.value.file == "bad.yaml"
