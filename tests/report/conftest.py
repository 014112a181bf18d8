"""A realistic small campaign store for the report tests: 14 platforms in 3 groups and 4 regions
(plus central organs), two vetoed, findings of several kinds, hostile strings where scans put them."""
from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from govlens.awards.config import parse_awards
from govlens.frameworks.load import load_framework
from govlens.store.campaign_store import CampaignStore

XSS_NAME = '中国测试<script>alert(1)</script>"><img src=x onerror=alert(2)>'
XSS_SNIPPET = '<div>栏目</div><script>alert(1)</script>"><img src=x onerror=alert(3)>'
FORMULA_NAME = '=HYPERLINK("http://evil.example/","点击")'

# id, name, level, province, region, group, org_type
PLATFORMS = [
    ("gov-cn", "中国政府网", "central", "", "national", "central", "government"),
    ("mofcom", "商务部", "central", "", "national", "central", "department"),
    ("mof", "财政部", "central", "", "national", "central", "department"),
    ("gd", "中国广东", "provincial", "广东", "east", "provincial", "government"),
    ("sh", "中国上海", "provincial", "上海", "east", "provincial", "government"),
    ("hb", "湖北省人民政府", "provincial", "湖北", "central", "provincial", "government"),
    ("sc", "中国四川", "provincial", "四川", "west", "provincial", "government"),
    ("ln", XSS_NAME, "provincial", "辽宁", "northeast", "provincial", "government"),
    ("../../etc/passwd", "山东潍坊", "prefecture", "山东", "east", "prefecture", "government"),
    ("a/b", "湖南岳阳", "prefecture", "湖南", "central", "prefecture", "government"),
    ("mianyang", "四川绵阳", "prefecture", "四川", "west", "prefecture", "government"),
    ("anshan", FORMULA_NAME, "prefecture", "辽宁", "northeast", "prefecture", "government"),
    ("yanan", "陕西延安", "prefecture", "陕西", "west", "prefecture", "government"),
    ("jingdezhen", "江西景德镇", "prefecture", "江西", "central", "prefecture", "government"),
]
# platform id → strength (higher → better scores); chosen so the winners are known
STRENGTH = {"gov-cn": 0.97, "mofcom": 0.90, "mof": 0.84, "gd": 0.95, "sh": 0.93, "hb": 0.80, "sc": 0.78,
            "ln": 0.91, "../../etc/passwd": 0.88, "a/b": 0.70, "mianyang": 0.86, "anshan": 0.60,
            "yanan": 0.75, "jingdezhen": 0.82}
VETOED = {"hb": ("homepage-not-updated", "homepage-freshness", 40.0, "首页不更新"),
          "yanan": ("columns-not-updated", "stale-columns", 7.0, "栏目不更新")}
NULL_INDEX = {"yanan"}           # a vetoed platform whose index the scorer left empty

AWARDS_DOC = {
    "id": "test-notice", "year": 2013, "title": "2013年中国优秀政务平台推荐及综合影响力评估结果通报",
    "issuer": "中国信息化研究与促进网", "date": "2013-12-25",
    "intro": "为促进全国各级党务政务网站建设，开展本年度评估。\n\n这是第二段。",
    "series": [
        {"id": "s1", "number": 1, "title": "2013年度中国政务网站综合影响力",
         "key_points": "从网站设计、版面布局、色彩搭配、网站访问等全面考察。",
         "awards": [{"id": "most-influential", "title": "2013年度中国最具影响力政务网站", "framework": "website-2013",
                     "reason": "上述网站平台工作效率高、互联网综合影响力大。",
                     "groups": [{"id": "central", "title": "中央国家机关网站", "quota": 2, "members": {"group": ["central"]}},
                                {"id": "local", "title": "地方政务网站", "quota": 3,
                                 "members": {"group": ["provincial", "prefecture"]}}]}]},
        {"id": "s4", "number": 4, "title": "2013年度中国政务网站领先奖",
         "key_points": "在政务网站综合影响力评估的基础上，按组别评选。",
         "awards": [{"id": "leading", "title": "2013年度中国政务网站领先奖", "framework": "website-2013",
                     "nominations": 1, "excludes": ["s1.most-influential"],
                     "groups": [{"id": "provincial", "title": "省级网站", "quota": 1, "members": {"group": ["provincial"]}},
                                {"id": "prefecture", "title": "地市网站", "quota": 2, "members": {"group": ["prefecture"]}}]}]},
        {"id": "s5", "number": 5, "title": "2013年度中国政务网站优秀奖",
         "awards": [{"id": "excellent", "title": "2013年度中国政务网站优秀奖", "framework": "website-2013",
                     "groups": [{"id": "county", "title": "区县级网站", "quota": 2, "members": {"group": ["county"]}}]}]},
    ],
}


def _indicator_raw(iid: str, s: float, rng: random.Random) -> float:
    j = rng.uniform(-0.05, 0.05)
    q = min(1.0, max(0.0, s + j))
    return {
        "page-metadata": round(q, 2), "mobile-viewport": 1.0 if q > 0.75 else 0.0, "portal-structure": round(q, 2),
        "text-contrast": round(0.6 + 0.4 * q, 3), "availability": round(max(0.0, 0.5 * (1 - q) - 0.05), 3),
        "response-time": round(5000 - 4700 * q), "https-redirect": 1.0 if q > 0.8 else 0.0,
        "broken-external-links": round(0.2 * (1 - q), 3), "site-search": 1.0 if q > 0.7 else 0.0,
        "broken-internal-links": round(0.1 * (1 - q), 3), "image-alt": round(0.5 + 0.5 * q, 3),
        "robots-sitemap": 1.0 if q > 0.6 else 0.0, "indexed-pages": round(10 ** (1 + 4 * q)),
        "homepage-freshness": round(30 - 29 * q), "stale-columns": round(6 * (1 - q)),
        "empty-columns": round(5 * (1 - q)), "update-volume": round(200 * q),
        "inbound-links": round(30 * q), "external-inlinks": round(10 ** (1 + 4 * q)), "media-mentions": round(5000 * q),
    }.get(iid, round(q, 3))      # other indicators: a share that grows with the platform's strength


def build_store(path: Path) -> dict:
    fw = load_framework("website-2013")
    rng = random.Random(2013)
    store = CampaignStore(path)
    store.replace("platforms", [
        {"id": pid, "name": name, "kind": "website", "org_type": org, "level": level, "province": prov,
         "region": region, "url": f"https://www.{zlib.crc32(pid.encode()) % 10**6}.gov.cn/" if pid != "sc" else "javascript:alert(1)",
         "group": group} for pid, name, level, prov, region, group, org in PLATFORMS])
    ivals, iscores, dscores, results, findings = [], [], [], [], []
    index_of: dict[str, float] = {}
    for pid, *_ in PLATFORMS:
        s = STRENGTH[pid]
        dim_total, weight_total = 0.0, 0.0
        for d in fw.dimensions:
            scores = []
            for ref in d.indicators:
                raw = _indicator_raw(ref.id, s, rng)
                score = round(min(100.0, max(0.0, 100 * s + rng.uniform(-8, 8))), 1)
                if pid == "mof" and ref.id == "media-mentions":      # a missing value
                    ivals.append({"platform_id": pid, "indicator_id": ref.id, "value": None, "status": "missing",
                                  "detail": "no external signal imported", "evidence": []})
                    iscores.append({"platform_id": pid, "framework": fw.id, "dimension_id": d.id,
                                    "indicator_id": ref.id, "score": None, "weight": ref.weight, "status": "missing"})
                    continue
                ev = [{"url": f"https://{pid}.example.gov.cn/", "detail": f"{ref.id} measured", "snippet": ""}]
                if pid == "ln" and ref.id == "page-metadata":
                    ev = [{"url": "javascript:alert(1)", "detail": XSS_NAME, "snippet": XSS_SNIPPET}]
                ivals.append({"platform_id": pid, "indicator_id": ref.id, "value": raw, "status": "ok",
                              "detail": f"{ref.id}: {raw}", "evidence": ev})
                iscores.append({"platform_id": pid, "framework": fw.id, "dimension_id": d.id, "indicator_id": ref.id,
                                "score": score, "weight": ref.weight, "status": "ok"})
                scores.append((score, ref.weight))
            dscore = round(sum(a * w for a, w in scores) / sum(w for _, w in scores), 1)
            dscores.append({"platform_id": pid, "framework": fw.id, "dimension_id": d.id, "score": dscore})
            dim_total += dscore * d.weight
            weight_total += d.weight
        index_of[pid] = round(dim_total / weight_total, 1)
    # ranks within registry group, vetoed last
    groups: dict[str, list[str]] = {}
    for pid, _, _, _, _, group, _ in PLATFORMS:
        groups.setdefault(group, []).append(pid)
    for group, pids in groups.items():
        order = sorted(pids, key=lambda p: (p in VETOED, -index_of[p], p))
        for rank, pid in enumerate(order, 1):
            v = VETOED.get(pid)
            results.append({"platform_id": pid, "framework": fw.id,
                            "index": None if pid in NULL_INDEX else index_of[pid], "vetoed": bool(v),
                            "vetoes": [{"id": v[0], "indicator": v[1], "value": v[2], "title": v[3]}] if v else [],
                            "rank": rank, "group_size": len(pids)})
    # findings: several kinds, hostile strings in snippet and detail
    findings += [
        {"platform_id": "ln", "kind": "broken_internal_link", "url": "https://ln.example.gov.cn/a.html",
         "detail": "HTTP 404", "indicator_id": "broken-internal-links", "evidence_url": "https://ln.example.gov.cn/",
         "snippet": XSS_SNIPPET, "observed_at": None},
        {"platform_id": "ln", "kind": "no_viewport", "url": "https://ln.example.gov.cn/", "detail": "@SUM(1+1)",
         "indicator_id": "mobile-viewport", "evidence_url": "javascript:alert(1)", "snippet": "<head>", "observed_at": None},
        {"platform_id": "hb", "kind": "stale_homepage", "url": "https://hb.example.gov.cn/", "detail": "40 天未更新",
         "indicator_id": "homepage-freshness", "evidence_url": "", "snippet": "", "observed_at": None},
        {"platform_id": "yanan", "kind": "stale_column", "url": "https://ya.example.gov.cn/c1/", "detail": "=1+2",
         "indicator_id": "stale-columns", "evidence_url": "", "snippet": "", "observed_at": None},
        {"platform_id": "yanan", "kind": "stale_column", "url": "https://ya.example.gov.cn/c2/", "detail": "-news",
         "indicator_id": "stale-columns", "evidence_url": "", "snippet": "", "observed_at": None},
        {"platform_id": "anshan", "kind": "broken_internal_link", "url": "https://as.example.gov.cn/x",
         "detail": "HTTP 500", "indicator_id": "broken-internal-links", "evidence_url": "", "snippet": "",
         "observed_at": None},
        {"platform_id": "a/b", "kind": "broken_internal_link", "url": "https://yy.example.gov.cn/y",
         "detail": "timeout", "indicator_id": "broken-internal-links", "evidence_url": "", "snippet": "",
         "observed_at": None},
        {"platform_id": "a/b", "kind": "slow_response", "url": "https://yy.example.gov.cn/", "detail": "6200 ms",
         "indicator_id": "response-time", "evidence_url": "", "snippet": "", "observed_at": None},
        {"platform_id": "orphan", "kind": "site_down", "url": "https://gone.example.gov.cn/", "detail": "dns_error",
         "indicator_id": "availability", "evidence_url": "", "snippet": "", "observed_at": None},
    ]
    # rank intervals as the scorer's Monte Carlo leaves them: gd's rank never moves, the others ±1
    intervals = [{"platform_id": r["platform_id"], "framework": fw.id, "rank": r["rank"],
                  "rank_median": float(r["rank"]),
                  "rank_low": float(r["rank"] if r["platform_id"] == "gd" else max(1, r["rank"] - 1)),
                  "rank_high": float(r["rank"] if r["platform_id"] == "gd" else min(r["group_size"], r["rank"] + 1)),
                  "quantile_low": 0.05, "quantile_high": 0.95, "replications": 1000}
                 for r in results if r["index"] is not None]
    store.replace("rank_intervals", intervals)
    store.replace("scoring_analysis", [{"framework": fw.id, "name": "uncertainty", "content": [
        {"replications": 1000, "quantile_low": 0.05, "quantile_high": 0.95, "weight_noise": 0.25}]}])
    store.replace("indicator_values", ivals)
    store.replace("indicator_scores", iscores)
    store.replace("dimension_scores", dscores)
    store.replace("results", results)
    store.replace("findings", findings)
    # awards, chosen as the awards stage would (eligible: not vetoed; ordered by index)
    awards = parse_awards(AWARDS_DOC)
    eligible = sorted((p for p in index_of if p not in VETOED), key=lambda p: (-index_of[p], p))
    group_of = {p[0]: p[5] for p in PLATFORMS}
    rows, won = [], set()
    for award in awards.awards():
        taken = set()
        for g in award.groups:
            pool = [p for p in eligible if group_of[p] in g.members["group"] and p not in taken
                    and not (award.excludes and p in won)]
            for pos, pid in enumerate(pool[:g.quota], 1):
                rows.append({"series_id": award.series_id, "award_id": award.id, "group_id": g.id,
                             "platform_id": pid, "position": pos, "status": "winner", "score": index_of[pid]})
            for pos, pid in enumerate(pool[g.quota:g.quota + award.nominations], 1):
                rows.append({"series_id": award.series_id, "award_id": award.id, "group_id": g.id,
                             "platform_id": pid, "position": pos, "status": "nomination", "score": index_of[pid]})
            taken.update(pool[:g.quota])
        if award.key == "s1.most-influential":
            won = {r["platform_id"] for r in rows if r["status"] == "winner"}
    store.replace("awards", rows)
    store.set_meta("campaign", {"name": "2013年度评估", "year": 2013, "check_date": "2013-11-30",
                                "framework": fw.id, "awards": "test-notice"})
    return {"store": store, "framework": fw, "awards": awards, "index": index_of, "award_rows": rows,
            "intervals": {i["platform_id"]: i for i in intervals},
            "xss_name": XSS_NAME, "xss_snippet": XSS_SNIPPET, "formula_name": FORMULA_NAME}


@pytest.fixture(scope="session")
def campaign(tmp_path_factory):
    base = tmp_path_factory.mktemp("campaign")
    built = build_store(base / "campaign.duckdb")
    from govlens.report import write_reports
    out = base / "out"
    built["paths"] = write_reports(built["store"], out, framework=built["framework"], awards=built["awards"])
    built["out"] = out
    yield built
    built["store"].close()


@pytest.fixture(scope="session")
def layout_tools():
    """``table_layout.py`` (the table measure, the Chromium flags) for the layout and dashboard tests."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("report_table_layout", Path(__file__).with_name("table_layout.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def chromium(layout_tools):
    """One headless Chromium (Debian's, driven by Playwright's sync API) for the session's report tests."""
    path = layout_tools.chromium_or_skip()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=layout_tools.BROWSER_ARGS)
        yield browser
        browser.close()
