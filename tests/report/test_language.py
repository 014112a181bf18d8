"""Every text a report writes for people is Chinese (English with ``--locale en``): no stray English, no
raw exception text, no ``None`` / ``nan`` / Python reprs — in every output of the demo.

The scanner (tests/report/language_scan.py) is tested first on crafted lines; then the report side's
rendering on a small store carrying messages; then the whole session demo.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from govlens.contract import statuses as S
from govlens.store.campaign_store import CampaignStore
from govlens.text import Messages, render

_spec = importlib.util.spec_from_file_location("language_scan", Path(__file__).with_name("language_scan.py"))
scan_mod = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("language_scan", scan_mod)
_spec.loader.exec_module(scan_mod)
offending, scan, report = scan_mod.offending, scan_mod.scan, scan_mod.report

T = Messages("test-language", {
    "stale": ("栏目“{name}”已{days}天未更新", "column “{name}” not updated for {days} days"),
    "page": ("证据页面", "evidence page"),
})


# ------------------------------------------------------------------ the scanner itself (fast)
@pytest.mark.parametrize("line", [
    "首页未标注ICP备案编号",
    "首页响应时间 1,234 ms，页面大小 512 KB，字号 12 px",
    "未启用HSTS，不支持IPv6访问，HTTPS证书已过期",
    "见 https://www.example.gov.cn/col/news/index.html?q=a&b=c 与 www.bengbu-ah.gov.cn/",
    "联系邮箱 webmaster@example.gov.cn，存档记录（evidence.warc.gz）：<urn:uuid:1234-abcd>",
    "文字颜色 #aaaaaa 与背景 #fff 的对比度 2.3:1",
    "栏目“Latest News”无更新；页面文字「Welcome to Beijing」",      # quoted page text is data
    "由 govlens 生成",
    "A级景区 3 个",                                                  # single letters are not words
    "未经专家评审（govlens review）；未运行axe-core检查（BROWSER_AXE已关闭）",   # a command, a setting
    "响应头Strict-Transport-Security：max-age=31536000",
    "网站标识码：bm09448776；颁发者OU=Testing CA #6p6P,O=govlens sandbox，有效期至2030-01-01",
    "indexed_pages = 3342，来源signals.csv:200；在App Store评分3.1",
    "<table>元素固定宽度960像素",
])
def test_clean_lines_pass(line):
    assert offending(line) == ([], []), line


@pytest.mark.parametrize("line, word", [
    ("the homepage shows no ICP 备案 number", "homepage"),
    ("栏目不更新 (window 14 days)", "window"),
    ("2 of 3 visits failed", "visits"),
    ("状态：ok", "ok"),
    ("专家评分 e01：14.3", "e01"),                                   # a code where a name belongs
    ("自2026-12-04T20:08:26起", "T20"),                               # a machine timestamp
    ("主要来自opinion", "opinion"),
    ("主要来自search_engine", "search"),
])
def test_english_words_are_found(line, word):
    words, _ = offending(line)
    assert word in words, (line, words)


@pytest.mark.parametrize("line", [
    "h1 × 1, canonical None",
    "平均指数 nan",
    "{'id': 'x'}",
    "证据：[]",
    "Traceback (most recent call last):",
    "域名：ClientConnectorDNSError: Cannot connect to host",
    "结果 NaN 分",
    "平均指数nan分",
    "规范网址None，",
])
def test_reprs_and_raw_errors_are_found(line):
    _, reprs = offending(line)
    assert reprs, line


def test_a_url_may_hold_anything_and_the_allow_list_is_case_blind_with_reasons():
    assert offending("https://x.gov.cn/None/nan/Error") == ([], [])
    assert offending("Chromium 与 javascript 与 JavaScript") == ([], [])
    assert all(isinstance(why, str) and len(why) > 3 for why in scan_mod.ALLOWED.values())
    assert offending("中国 Daily 网", allowed=["daily"]) == ([], [])     # a registry name's word


def test_table_cells_are_judged_but_headers_and_code_columns_are_not(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text("platform_id,kind,detail,vetoed\n"
                    "ah-bengbu,broken_external_link,外部链接失效,false\n"
                    "ah-bengbu,missing_icp,the homepage shows no number,true\n", encoding="utf-8")
    lines = list(scan_mod.csv_lines(path))
    assert lines == ["外部链接失效", "the homepage shows no number"]


def test_visible_html_text_only(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><head><title>评估报告</title><style>body{color:red}</style></head><body>'
                    '<p>状态 正常</p><script>var None = 1</script><pre class="snippet">Welcome</pre>'
                    '<img alt="missing picture"><td>status ok</td></body></html>', encoding="utf-8")
    lines = scan_mod.html_lines(page)
    assert "状态 正常" in lines and "status ok" in lines and "missing picture" in lines
    assert not any("None" in x or "Welcome" in x or "color" in x for x in lines)


# ------------------------------------------------------------------ the report side renders messages
@pytest.fixture()
def messages_store(campaign, tmp_path):
    """A copy of the report tests' store whose details are messages, raw errors and missing values."""
    campaign["store"].con.execute("CHECKPOINT")
    path = tmp_path / "campaign.duckdb"
    shutil.copy(campaign["store"].path, path)
    store = CampaignStore(path)
    con = store.con
    con.execute("UPDATE findings SET detail = ? WHERE kind = 'stale_column'", [T("stale", name="要闻", days=40)])
    con.execute("UPDATE findings SET detail = ? WHERE platform_id = 'orphan'",
                ["dns_error: ClientConnectorDNSError: Cannot connect to host gone.example.gov.cn:80 ssl:default"])
    con.execute("UPDATE indicator_values SET detail = ?, evidence = ? WHERE platform_id = 'gd' "
                "AND indicator_id = 'response-time'",
                [T("stale", name="通知公告", days=7),
                 json.dumps([{"url": "https://gd.example.gov.cn/", "detail": T("page"), "snippet": None}])])
    con.execute("UPDATE indicator_values SET detail = NULL WHERE platform_id = 'sh'")
    store.set_meta("campaign", {**(store.get_meta("campaign") or {}), "check_date": "2013-11-30"})
    problems = [{"type": "deduction", "id": "x", "title": "栏目不更新", "indicator": "stale-columns", "raw": 6.0,
                 "points": 5.0, "detail": "timeout: ServerTimeoutError: Timeout on reading data from socket",
                 "evidence_url": "https://gd.example.gov.cn/", "findings": 1, "observed_at": "2013-11-29T06:05:33.123456"},
                {"type": "veto", "id": "y", "title": "站点无法访问", "indicator": "availability", "raw": 1.0, "points": 0,
                 "detail": T("page"), "evidence_url": "", "findings": 0, "observed_at": "2026-12-04T20:05:18.736801"}]
    store.replace("inspection_results", [
        {"platform_id": "gd", "scheme": "national-check-2019", "variant": "", "full_marks": 100.0, "deducted": 5.0,
         "base": 95.0, "bonus": 0.0, "score": 95.0, "vetoed": True, "qualified": False,
         "problems": json.dumps(problems, ensure_ascii=False), "unchecked": "[]"}])
    yield store
    store.close()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_messages_render_in_zh_cn_with_no_raw_error_none_or_marks(campaign, messages_store, tmp_path):
    from govlens.report import write_reports

    out = tmp_path / "zh"
    write_reports(messages_store, out, framework=campaign["framework"], awards=campaign["awards"])
    gd, sh = _read(out / "scorecards" / "gd.html"), _read(out / "scorecards" / "sh.html")
    assert "栏目“通知公告”已7天未更新" in gd and "证据页面" in gd and "⟦" not in gd
    assert not re.search(r"\bNone\b|\bnan\b", sh)
    with (out / "findings.csv").open(encoding="utf-8", newline="") as fh:
        details = {r["platform_id"] + "|" + r["detail"] for r in csv.DictReader(fh)}
    assert "yanan|栏目“要闻”已40天未更新" in details
    assert "orphan|域名无法解析" in details                     # the raw exception text stays in the store only
    page = _read(out / "inspection.html")
    assert "访问超时" in page and "ServerTimeoutError" not in page and "证据页面" in page
    assert "2013-11-29 14:05" in page                            # 北京时间, to the minute
    assert "2026-12-05" not in page and "2013-11-30" in page      # observed after the check date: the check date
    assert "T20:05:18" not in page and ".736801" not in page
    hits = [h for h in scan(out) if h.file in ("findings.csv", "inspection.html", "scorecards/gd.html")]
    assert not [h for h in hits if h.reprs], report(hits)


def test_locale_en_renders_the_english_texts(campaign, messages_store, tmp_path):
    from govlens.report import write_reports

    out = tmp_path / "en"
    write_reports(messages_store, out, framework=campaign["framework"], awards=campaign["awards"], locale="en")
    gd = _read(out / "scorecards" / "gd.html")
    assert "column “通知公告” not updated for 7 days" in gd and "evidence page" in gd and "证据页面" not in gd
    with (out / "findings.csv").open(encoding="utf-8", newline="") as fh:
        details = {r["detail"] for r in csv.DictReader(fh)}
    assert "column “要闻” not updated for 40 days" in details and "the domain name does not resolve" in details
    page = _read(out / "inspection.html")
    assert "the visit timed out" in page and "访问超时" not in page


def test_a_score_of_zero_never_says_normal_and_every_score_links_to_its_evidence(campaign, messages_store, tmp_path):
    from govlens.report import write_reports

    messages_store.con.execute("UPDATE indicator_scores SET score = 0 WHERE platform_id = 'gd' "
                               "AND indicator_id = 'response-time'")
    out = tmp_path / "zero"
    write_reports(messages_store, out, framework=campaign["framework"], awards=campaign["awards"])
    gd = _read(out / "scorecards" / "gd.html")
    row = gd[gd.index('id="i-response-time"'):]
    row = row[:row.index("</tr>")]
    assert "不达标" in row and "<td>正常</td>" not in row
    import re
    unlinked = re.findall(r'<td class="num">([0-9.]+)</td>(?=<td>[^<]*</td><td)', gd)        # indicator scores
    unlinked += re.findall(r'<td class="num">([0-9.]+)</td><td><span class="barbox">', gd)    # dimension scores
    assert not unlinked, f"scores without a link to their evidence: {unlinked}"
    assert gd.count('<a href="#i-') >= len(campaign["framework"].leaves())
    for target in re.findall(r'<a href="#([a-z0-9-]+)">', gd):
        assert f'id="{target}"' in gd, target


def test_every_visit_status_has_words_not_codes():
    from govlens.report.texts import shown
    for status in S.VISIT_STATUSES:
        if status != S.COMPLETED:
            assert shown(status) != status and shown(status, "en") != status
    assert render("plain") == "plain"


def test_stored_texts_and_times_as_a_reader_sees_them():
    from govlens.report.texts import observed_time, shown

    raw = ("dns_error: ClientConnectorDNSError: Cannot connect to host www.x.gov.cn:80 ssl:default "
           "[Name or service not known]; linked from https://www.y.gov.cn/")
    assert shown(raw) == "域名无法解析; linked from https://www.y.gov.cn/"
    assert shown("3 of 3 visits failed (http_error HTTP 503: HTTP 503)", "en").endswith(
        "(the server answered with an error status (HTTP 503))")
    assert shown(float("nan")) == "" and shown(None) == "" and shown(3.5) == "3.5"
    assert shown("首页无标题") == "首页无标题"
    assert observed_time("2025-06-30T06:05:59.999") == "2025-06-30 14:05"              # UTC → 北京时间
    assert observed_time("2025-06-30T17:00:00", "2025-06-30") == "2025-06-30"           # after the check date
    assert observed_time("2025-06-29T15:59:00", "2025-06-30") == "2025-06-29 23:59"
    assert observed_time(None) == "" and observed_time("yesterday") == ""


# ------------------------------------------------------------------ every output of the demo
def test_no_english_words_or_reprs_in_any_output_of_the_demo(demo):
    """Every text output of the demo, read as a reader reads it: no Latin word outside the allow-list, no repr."""
    hits = scan(demo, allowed=scan_mod.registry_words(demo))
    scanned = scan_mod.outputs(demo)
    assert len(scanned) > 50, [p.name for p in scanned]            # the scan did read the demo
    assert not hits, report(hits)
