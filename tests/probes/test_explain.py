"""govlens page: one page explained, through the real CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from govlens.probes.extract.dates import find_all_dates
from govlens.probes.extract.explain import page_dates

GBK_ARTICLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="PubDate" content="2013-12-02 09:00"><title>关于做好冬季安全生产工作的通知_示例县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a></div><h1>关于做好冬季安全生产工作的通知</h1>
<div class="info">发布时间：2013年12月03日　来源：县应急局</div><p>各乡镇：……中华人民共合国安全生产法……</p>
<p>二〇一三年十二月一日</p><time datetime="2013-12-04T08:00:00+08:00">4日</time></body></html>"""

STALE_HOME = """<html lang="zh-CN"><head><meta charset="utf-8"><title>示例县人民政府</title></head><body>
<h1>示例县人民政府</h1><div class="col"><h3>工作动态</h3><a class="more" href="/col/gzdt/">更多</a><ul>
<li><a href="/art/1.html">示例县召开安全生产会议</a><span>[10-20]</span></li>
<li><a href="/art/2.html">示例县部署防汛工作</a><span>[10-02]</span></li></ul></div></body></html>"""


def test_every_date_with_its_source():
    found = page_dates(GBK_ARTICLE, "https://a.gov.cn/art/2013/12/t20131205_1.html", date(2013, 12, 20))
    sources = {(d["source"], d["date"]) for d in found}
    assert ("meta:PubDate", "2013-12-02") in sources and ("time", "2013-12-04") in sources
    assert ("url", "2013-12-05") in sources and ("text:full", "2013-12-03") in sources
    assert ("text:chinese", "2013-12-01") in sources


def test_year_less_dates_take_the_year_before_the_reference():
    found = find_all_dates("[12-30] [01-02]", date(2014, 1, 3))
    assert [(d.isoformat(), p) for d, _, p in found] == [("2013-12-30", "year-less"), ("2014-01-02", "year-less")]


def run_page(tmp_path, html: bytes, *args: str) -> dict:
    path = tmp_path / "page.html"
    path.write_bytes(html)
    proc = subprocess.run([sys.executable, "-m", "govlens", "page", str(path), *args], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_gbk_article_explained(tmp_path):
    r = run_page(tmp_path, GBK_ARTICLE.encode("gbk"), "--role", "article", "--base-url",
                 "https://www.example.gov.cn/art/2013/12/03/art_1.html", "--check-date", "2013-12-20")
    assert r["encoding"]["codec"] in ("gbk", "gb18030") and r["encoding"]["source"] == "meta"
    assert r["title"].startswith("关于做好冬季安全生产工作的通知")
    assert r["published"] == "2013-12-03"                           # the labelled date wins over metadata
    assert r["published_source"] == "text:发布时间"
    assert [(f["kind"], f["url"]) for f in r["findings"] if f["kind"] == "wrong_wording"] == [
        ("wrong_wording", "https://www.example.gov.cn/art/2013/12/03/art_1.html")]
    assert r["wording"][0]["right"] == "中华人民共和国"


def test_why_a_homepage_is_stale(tmp_path):
    r = run_page(tmp_path, STALE_HOME.encode("utf-8"), "--base-url", "https://www.example.gov.cn/",
                 "--check-date", "2013-12-20")
    assert r["newest_item"]["date"] == "2013-10-20" and r["newest_item"]["found_in"] == "list “工作动态”"
    stale = [f for f in r["findings"] if f["kind"] == "stale_homepage"]
    assert len(stale) == 1 and "2013-10-20" in stale[0]["detail"]
    assert r["newest_item"]["year_inferred"] is True                # [10-20] shows no year
    assert "年份据检查日期推断" in stale[0]["detail"]                   # said in zh-CN, the default locale
    assert r["indicators"]["homepage-freshness"]["value"] == 61.0


def test_unreadable_file_is_one_clear_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "govlens", "page", str(tmp_path / "nope.html")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "nope.html" in proc.stderr and "Traceback" not in proc.stderr


def test_entries_the_page_offers(tmp_path):
    html = ('<html><head><title>示例县人民政府</title></head><body><div class="top">'
            '<a href="javascript:void(0)" onclick="aria.start()">无障碍</a><a href="/zfxxgk/">政府信息公开</a>'
            '<!-- <a href="/old/">信息公开旧版</a> --></div></body></html>')
    r = run_page(tmp_path, html.encode("utf-8"), "--base-url", "https://www.example.gov.cn/", "--check-date",
                 "2013-12-20")
    assert r["disclosure_link"] == {"text": "政府信息公开", "url": "https://www.example.gov.cn/zfxxgk/"}
    assert r["accessibility_entry"]["text"] == "无障碍" and r["accessibility_entry"]["javascript"] is True
    assert [e["text"] for e in r["links"]["javascript_entries"]] == ["无障碍"]
