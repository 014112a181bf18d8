"""write_reports on a realistic small campaign: files, notice structure, figures, escaping, exports."""
from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import openpyxl
import pytest

from govlens.report import write_reports
from govlens.report.safety import file_names

RAW_XSS = ("<script>alert(1)</script>", "<img src=x onerror=", '"><img')


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _section(text: str, start: str, end: str | None = None) -> str:
    i = text.index(start)
    j = text.index(end, i) if end else len(text)
    return text[i:j]


def test_every_file_is_written(campaign):
    out, paths = campaign["out"], campaign["paths"]
    for name in ("notice.html", "notice.md", "results.csv", "results.xlsx", "findings.csv", "scorecards/index.html"):
        assert paths[name] == out / name
        assert (out / name).is_file() and (out / name).stat().st_size > 0
    ids = list(campaign["store"].frame("SELECT id FROM platforms")["id"])
    files = file_names(ids)
    for pid in ids:
        assert (out / "scorecards" / files[pid]).is_file()


def test_notice_has_title_intro_numbers_and_series_in_order(campaign):
    notice = _text(campaign["out"] / "notice.html")
    awards = campaign["awards"]
    assert f"<h1>{awards.title}</h1>" in notice
    assert "为促进全国各级党务政务网站建设" in notice and "这是第二段。" in notice
    assert "本次评估共覆盖14个政务平台，其中政务网站14个" in notice
    assert "中央3个、省级5个、地市级6个" in notice and "2013年11月30日" in notice
    assert "共三大系列奖项，依次为：" in notice
    headings = ["第一系列：2013年度中国政务网站综合影响力", "第四系列：2013年度中国政务网站领先奖",
                "第五系列：2013年度中国政务网站优秀奖"]
    positions = [notice.index(f"<h2>{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert notice.index("依次为") < positions[0] < notice.index("<h2>评估发现</h2>")
    assert "评估要点：" in notice and "从网站设计、版面布局、色彩搭配、网站访问等全面考察。" in notice
    assert "本奖项本年度空缺。" in _section(notice, headings[2], "评估发现")      # no county platforms
    assert "以上为2013年中国优秀政务平台推荐及综合影响力评估结果的全部通报。" in notice
    assert "中国信息化研究与促进网" in notice and "二〇一三年十二月二十五日" in notice


def test_winners_are_listed_in_position_order_with_names_and_links(campaign):
    notice = _text(campaign["out"] / "notice.html")
    store = campaign["store"]
    names = dict(store.frame("SELECT id, name FROM platforms").itertuples(index=False, name=None))
    files = file_names(names)
    rows = store.frame("SELECT * FROM awards ORDER BY series_id, award_id, group_id, status, position")
    groups = {"central": "中央国家机关网站", "local": "地方政务网站", "provincial": "省级网站", "prefecture": "地市网站"}
    checked = 0
    for (series, award, group, status), sub in rows.groupby(["series_id", "award_id", "group_id", "status"]):
        sub = sub.sort_values("position")
        links = "、".join(f'<a href="scorecards/{files[p]}">{html.escape(names[p], quote=True).replace("&quot;", "&#34;").replace("&#x27;", "&#39;")}</a>'
                         for p in sub["platform_id"])
        line = f'<span class="gt">{groups[group]}</span>　{links}</p>'
        assert line in notice, line
        checked += 1
    assert checked == 5
    s1 = _section(notice, "第一系列：", "第四系列：")
    assert s1.index("中国政府网") < s1.index("商务部")           # position 1 before 2
    assert "财政部" not in s1.split("获奖理由")[0]                  # quota 2 in the central group


def test_generated_reasons_name_the_most_distinctive_measured_strengths(campaign):
    """gd's reason names the indicator on which it stands furthest above its award group (computed here
    from the stored scores with pandas), with its measured value; no dimension scores ("（98.9分）")."""
    notice = _text(campaign["out"] / "notice.html")
    store = campaign["store"]
    from govlens.report.locale import Locale
    from govlens.report.values import fmt_value
    group = store.frame('SELECT id FROM platforms WHERE "group" IN (\'provincial\', \'prefecture\')')["id"]
    df = store.frame("SELECT s.platform_id, s.indicator_id, s.score, v.value FROM indicator_scores s "
                     "JOIN indicator_values v USING (platform_id, indicator_id) "
                     "WHERE s.status = 'ok' AND v.status = 'ok' AND s.score IS NOT NULL")
    df = df[df["platform_id"].isin(set(group))]
    stats = df.groupby("indicator_id")["score"].agg(mean="mean", sd=lambda x: x.std(ddof=0), top="max", n="size")
    stats["at_top"] = df.groupby("indicator_id").apply(
        lambda g: int((g["score"] >= g["score"].max() - 1e-9).sum()), include_groups=False)
    gd = df[df["platform_id"] == "gd"].set_index("indicator_id").join(stats)
    gd["z"] = (gd["score"] - gd["mean"]) / gd["sd"]
    gd = gd[(gd["at_top"] / gd["n"] <= 0.5) & (gd["sd"] > 0)].sort_values("z", ascending=False)
    best = gd.index[0]
    L = Locale("zh-CN")
    paragraph = re.search(r'<p class="body">(中国广东：[^<]+)</p>', notice).group(1)
    assert f"{L.indicator_title(best)}{fmt_value(best, gd.loc[best, 'value'], L)}" in paragraph
    assert 2 <= paragraph.count("本组") <= 3 and not re.search(r"（\d+\.\d分）", paragraph)
    index = store.frame("SELECT \"index\" FROM results WHERE platform_id = 'gd'").iloc[0, 0]
    assert paragraph.endswith(f"综合影响力指数{index:.1f}，位列省级网站第1名（中位1，区间1–1）。")
    assert "上述网站平台工作效率高、互联网综合影响力大。" in notice      # the award's collective paragraph
    # a winner whose rank moves in the Monte Carlo says so next to its rank
    sh = campaign["intervals"]["sh"]
    r, lo, hi = sh["rank"], int(sh["rank_low"]), int(sh["rank_high"])
    assert lo < r < hi and re.search(rf"中国上海：[^。]+位列省级网站第{r}名（中位{r}，区间{lo}–{hi}）。", notice)


def test_notice_says_how_stable_the_ranks_are(campaign):
    notice = _text(campaign["out"] / "notice.html")
    ranked = [i for i in campaign["intervals"].values()]
    widths = sorted(int(i["rank_high"] - i["rank_low"]) for i in ranked)
    assert ("进行了1000次蒙特卡洛模拟，每个平台的组内排名均同时公布中位数和5%–95%分位区间" in notice
            and f"{len(ranked)}个获得排名的平台中，排名区间宽度的中位数为{widths[len(widths) // 2]}个名次" in notice
            and f"{sum(1 for w in widths if w == 0)}个平台的排名在全部模拟中保持不变" in notice)


def test_nominations_are_listed_after_the_winners(campaign):
    notice = _text(campaign["out"] / "notice.html")
    s4 = _section(notice, "第四系列：", "第五系列：")
    nominated = [r for r in campaign["award_rows"] if r["status"] == "nomination"]
    assert nominated
    nom = _section(s4, "2013年度中国政务网站领先奖提名")
    for r in nominated:
        name = campaign["store"].rows("platforms", id=r["platform_id"])[0]["name"]
        assert name in nom
        assert name not in s4.split("提名")[0].split("获奖理由")[0]


def test_regional_figures_equal_the_means_of_the_stored_results(campaign):
    notice = _text(campaign["out"] / "notice.html")
    findings = _section(notice, "<h2>评估发现</h2>")
    df = campaign["store"].frame('SELECT p.region, p.level, r."index" FROM results r JOIN platforms p ON p.id = r.platform_id '
                                 'WHERE r."index" IS NOT NULL')
    means = df.groupby("region")["index"].mean()
    labels = {"east": "东部地区", "central": "中部地区", "west": "西部地区", "northeast": "东北地区",
              "national": "中央国家机关"}
    for region, label in labels.items():
        assert f"{label}平均指数{means[region]:.1f}" in findings, region
        n = int((df["region"] == region).sum())
        assert f"<td>{label}</td><td class=\"num\">{n}</td><td class=\"num\">{means[region]:.1f}</td>" in findings
    assert f"全国平均为{df['index'].mean():.1f}" in findings
    east = round(df.loc[df.region == "east", "index"].mean(), 1)
    cw = round(df.loc[df.region.isin(["central", "west"]), "index"].mean(), 1)
    assert east > cw
    assert f"东部地区平均指数{east:.1f}，中部和西部地区平均指数{cw:.1f}，相差{east - cw:.1f}分" in findings
    for level, label in {"central": "中央", "provincial": "省级", "prefecture": "地市级"}.items():
        assert f"{label}平均指数{df.loc[df.level == level, 'index'].mean():.1f}" in findings


def test_vetoes_and_defects_are_counted(campaign):
    findings = _section(_text(campaign["out"] / "notice.html"), "<h2>评估发现</h2>")
    assert "本次评估共检测14个平台，其中13个获得综合影响力指数。" in findings
    assert "2个平台触发单项否决，不参与评奖，其中首页不更新1个、栏目不更新1个。" in findings
    assert "站内链接失效（3个平台，占21.4%）" in findings        # ln, anshan, a/b; the orphan row is not counted
    assert "栏目更新不及时（1个平台" in findings                   # two findings, one platform
    assert "站点无法访问" not in findings                         # only the orphan (unregistered) platform


@pytest.mark.parametrize("name", ["notice.html", "notice.md", "scorecards/index.html", "scorecards/ln.html"])
def test_scanned_strings_are_escaped(campaign, name):
    text = _text(campaign["out"] / name)
    for raw in RAW_XSS:
        assert raw not in text
    if name.endswith(".html"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", text, re.I)
    else:
        assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text


def test_every_scorecard_is_escaped_and_links_only_http(campaign):
    for path in (campaign["out"] / "scorecards").glob("*.html"):
        text = _text(path)
        for raw in RAW_XSS:
            assert raw not in text, path.name
        for href in re.findall(r'href="([^"]*)"', text):
            assert href.startswith(("http://", "https://")) or re.fullmatch(r"[A-Za-z0-9._/-]+|#[a-z0-9-]+", href), href
        for tag in re.findall(r'<a href="https?://[^"]*"[^>]*>', text):
            assert 'rel="nofollow noopener' in tag
    ln = _text(campaign["out"] / "scorecards" / "ln.html")
    assert html.escape(campaign["xss_snippet"], quote=False) in ln.replace("&#34;", '"')         # the snippet, shown as text
    sc = _text(campaign["out"] / "scorecards" / "sc.html")
    assert "javascript:alert(1)" in sc and 'href="javascript' not in sc            # shown, never linked


def test_scorecard_content(campaign):
    hb = _text(campaign["out"] / "scorecards" / "hb.html")
    assert 'class="banner"' in hb and "首页不更新（实测值：40天）" in hb
    assert "湖北省人民政府" in hb and "省级网站" in hb and "中部地区" in hb
    gd = _text(campaign["out"] / "scorecards" / "gd.html")
    assert "1 / 5" in gd and 'class="banner"' not in gd
    assert "排名区间 中位1，区间1–1" in gd and "1000次蒙特卡洛模拟" in gd
    sh, i = _text(campaign["out"] / "scorecards" / "sh.html"), campaign["intervals"]["sh"]
    assert f"{i['rank']} / 5" in sh and f"排名区间 中位{i['rank']}，区间{int(i['rank_low'])}–{int(i['rank_high'])}" in sh
    assert "2013年度中国最具影响力政务网站" in gd and "获奖" in gd
    for d in campaign["framework"].dimensions:
        assert f"<td>{d.title('zh-CN')}</td>" in gd
    assert "首页响应时间" in gd and "毫秒" in gd
    mof = _text(campaign["out"] / "scorecards" / "mof.html")
    assert "缺失" in mof and "no external signal imported" in mof
    ln = _text(campaign["out"] / "scorecards" / "ln.html")
    assert "站内链接失效" in ln and "HTTP 404" in ln and "https://ln.example.gov.cn/a.html" in ln
    index = _text(campaign["out"] / "scorecards" / "index.html")
    assert index.count("<tr><td><a href=") == 14
    assert "<th class=\"num\">排名区间</th>" in index and "中位1，区间1–1" in index


def test_unsafe_ids_get_safe_file_names_inside_scorecards(campaign):
    out = campaign["out"]
    cards = (out / "scorecards").resolve()
    for path in cards.iterdir():
        assert re.fullmatch(r"[A-Za-z0-9._-]+", path.name) and not path.name.startswith(".")
        assert path.resolve().parent == cards
    assert not (out.parent / "etc").exists() and not (out / "scorecards" / "a").exists()
    files = file_names(["../../etc/passwd", "a/b", "a_b"])
    assert len(set(files.values())) == 3
    assert all(".." not in f and "/" not in f for f in files.values())
    index = _text(out / "scorecards" / "index.html")
    assert f'href="{files["../../etc/passwd"]}"' in index and f'href="{files["a/b"]}"' in index


def test_results_csv_has_a_row_per_platform_and_neutralised_cells(campaign):
    with (campaign["out"] / "results.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fw = campaign["framework"]
    assert list(rows[0]) == ["id", "name", "group", "region", "level", "org_type", *(d.id for d in fw.dimensions),
                             "index", "rank", "group_size", "rank_median", "rank_low", "rank_high", "vetoed",
                             "veto_reasons", "findings"]
    assert len(rows) == 14
    by_id = {r["id"]: r for r in rows}
    assert by_id["anshan"]["name"] == "'" + campaign["formula_name"]
    assert by_id["hb"]["vetoed"] == "true" and by_id["hb"]["veto_reasons"] == "首页不更新"
    assert by_id["yanan"]["index"] == "" and by_id["yanan"]["rank"] == "6"
    # the rank interval is published next to the rank; an unscored platform has none
    assert (by_id["gd"]["rank_low"], by_id["gd"]["rank_median"], by_id["gd"]["rank_high"]) == ("1.0", "1.0", "1.0")
    sh = campaign["intervals"]["sh"]
    assert float(by_id["sh"]["rank_low"]) == sh["rank_low"] and float(by_id["sh"]["rank_high"]) == sh["rank_high"]
    assert by_id["yanan"]["rank_low"] == "" and by_id["yanan"]["rank_median"] == ""
    assert by_id["ln"]["findings"] == "2" and by_id["ln"]["name"] == campaign["xss_name"]
    assert float(by_id["gd"]["index"]) == pytest.approx(campaign["index"]["gd"])
    store_dims = campaign["store"].frame("SELECT score FROM dimension_scores WHERE platform_id='gd' AND dimension_id='access'")
    assert float(by_id["gd"]["access"]) == pytest.approx(store_dims.iloc[0, 0])
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value


def test_results_xlsx_has_a_chinese_frozen_header_and_neutralised_cells(campaign):
    wb = openpyxl.load_workbook(campaign["out"] / "results.xlsx")
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[:6] == ["编号", "名称", "组别", "地区", "级别", "机构类型"]
    assert "网站访问" in header and "综合影响力指数" in header and "否决原因" in header
    assert ws.freeze_panes == "C2"
    assert ws.max_row == 15
    names = {row[0].value: row[1] for row in ws.iter_rows(min_row=2)}
    assert names["anshan"].value == "'" + campaign["formula_name"] and names["anshan"].data_type == "s"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
    assert ws.column_dimensions["B"].width >= 20


def test_findings_csv_has_exactly_four_columns_sorted(campaign):
    with (campaign["out"] / "findings.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["platform_id", "kind", "url", "detail"]
    body = rows[1:]
    assert all(len(r) == 4 for r in body)
    assert len(body) == campaign["store"].count("findings")
    assert body == sorted(body)
    details = {r[3] for r in body}
    assert "'=1+2" in details and "'@SUM(1+1)" in details and "'-news" in details


def test_english_locale(campaign, tmp_path):
    paths = write_reports(campaign["store"], tmp_path, framework=campaign["framework"], awards=campaign["awards"],
                          locale="en")
    notice = _text(paths["notice.html"])
    assert '<html lang="en">' in notice
    assert "<h2>Series 1: 2013年度中国政务网站综合影响力</h2>" in notice
    assert "<h2>Findings</h2>" in notice and "评估发现" not in notice
    assert "Key points of the evaluation:" in notice and "Reasons for the award:" in notice
    assert "December 25, 2013" in notice and "二〇一三" not in notice
    gd_index = campaign["index"]["gd"]
    assert re.search(rf"中国广东: [^<]+ \((best|No\. \d+) of the \d+ platforms of its group[^<]*; influence "
                     rf"index {gd_index:.1f}, ranking No\. 1 among Provincial websites \(median 1, interval 1–1\)\.",
                     notice)
    assert "East" in notice and "Broken internal link: 3 (21.4%)" in notice
    card = _text(tmp_path / "scorecards" / "gd.html")
    assert "Influence index" in card and "Dimension scores" in card and "Homepage response time" in card
    md = _text(paths["notice.md"])
    assert "## Findings" in md
    wb = openpyxl.load_workbook(paths["results.xlsx"])
    assert [c.value for c in wb.active[1]][:2] == ["ID", "Name"]


def test_missing_locale_keys_fall_back_to_the_key(campaign, tmp_path, monkeypatch):
    import govlens.report.locale as loc
    monkeypatch.setattr(loc, "_load_doc", lambda name: {"meta": {"lang": "xx"}, "notice": {"findings_heading": "F"}})
    paths = write_reports(campaign["store"], tmp_path, framework=campaign["framework"], awards=campaign["awards"],
                          locale="xx")
    notice = _text(paths["notice.html"])
    assert "<h2>F</h2>" in notice
    assert "notice.series_heading" in notice and "reasons.winner" in notice
    card = _text(tmp_path / "scorecards" / "gd.html")
    assert "scorecard.dimensions" in card and "page-metadata" in card
    for raw in RAW_XSS:
        assert raw not in notice


def test_markdown_notice_mirrors_the_html(campaign):
    md = _text(campaign["out"] / "notice.md")
    assert md.startswith("# 2013年中国优秀政务平台推荐及综合影响力评估结果通报\n")
    assert "## 第一系列：2013年度中国政务网站综合影响力" in md
    assert "[中国政府网](scorecards/gov-cn.html)、[商务部](scorecards/mofcom.html)" in md
    assert "## 评估发现" in md and "| 东部地区 | 3 |" in md
    assert md.rstrip().endswith("二〇一三年十二月二十五日")


def test_the_shipped_awards_file_renders(campaign, tmp_path):
    from govlens.awards.config import load_awards
    awards = load_awards("notice-2013")
    paths = write_reports(campaign["store"], tmp_path, framework=campaign["framework"], awards=awards)
    notice = _text(paths["notice.html"])
    for s in awards.series:
        assert s.title in notice
    assert "2013年度中国最具影响力政务网站" in notice


def test_a_store_with_only_a_registry_still_renders(campaign, tmp_path):
    from govlens.store.campaign_store import CampaignStore
    store = CampaignStore(tmp_path / "empty.duckdb")
    try:
        store.insert("platforms", [{"id": "x1", "name": "中国测试", "kind": "website", "org_type": "government",
                                    "level": "county", "province": "浙江", "region": "east", "url": "https://x1.gov.cn/",
                                    "group": "county"}])
        paths = write_reports(store, tmp_path / "out", framework=campaign["framework"], awards=campaign["awards"])
    finally:
        store.close()
    notice = _text(paths["notice.html"])
    assert notice.count("本奖项本年度空缺。") == 3 and "本次评估共检测1个平台，其中0个获得综合影响力指数。" in notice
    card = _text(tmp_path / "out" / "scorecards" / "x1.html")
    assert "未排名" in card and "缺失" in card
    with paths["findings.csv"].open(encoding="utf-8") as fh:
        assert fh.read() == "platform_id,kind,url,detail\n"
