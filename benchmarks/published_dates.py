"""Publication dates: govlens's article-date extraction against htmldate, on the same pages.

    pip install htmldate          # the reference; not a govlens dependency
    python benchmarks/published_dates.py [--corpus DIR] [--sandbox-pages 200]

Three sets of pages, each with the date a reader would name as the publication date:

1. **templates** — article pages written here after the layouts of the content-management
   systems Chinese government sites run on (TRS WCM, Hanweb JCMS, 大汉, 拓尔思, 政务云 portals)
   and of English-language government and news sites: labelled dates (发布时间：, 日期：, 成文日期),
   metadata (PubDate, article:published_time, DC.date), ``<time>``, dates in the URL, Chinese
   numerals (二〇一三年十二月二十五日), and the traps real pages carry — an "updated" date, a list of
   related items with newer dates, a copyright year, a print date.
2. **sandbox** — article pages of the sandbox web (GBK and UTF-8, five date styles).
3. **your corpus** (``--corpus DIR``): real pages you saved, with ``expected.json`` mapping each
   file name to its date (``{"a.html": "2013-12-25"}``); the machine this was written on has no
   internet, so no real pages ship with govlens.

For each set it prints the share of pages each tool dates exactly right, and both tools'
time per page with govlens's as a ratio of htmldate's, measured in the same run (govlens's
time is the whole page extraction the scanner does anyway, not the date alone). The
templates were written by the same hands as the extractor: read their figure as a check of
the layouts named above, not as an independent evaluation; ``--corpus`` is for that.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from govlens.probes.extract.charset import decode_html
from govlens.probes.extract.html import ARTICLE, extract_page

NAV = '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>'
FOOT = '<div class="footer">版权所有：{site}　Copyright © 2008-2014　ICP备05012345号　政府网站标识码3301000001</div>'
RELATED = ('<div class="related"><h3>相关新闻</h3><ul><li><a href="/a/1.html">市政府召开常务会议</a>'
           '<span>2014-01-08</span></li><li><a href="/a/2.html">全市经济运行情况</a><span>2014-01-06</span></li></ul></div>')

# (file name, url, expected date, html)
TEMPLATES: list[tuple[str, str, str, str]] = [
    ("trs_labelled.html", "http://www.hz.gov.cn/art/2013/12/25/art_1_2.html", "2013-12-25",
     f"<html><head><title>关于印发实施方案的通知</title></head><body>{NAV}<h1>关于印发实施方案的通知</h1>"
     "<div class='info'>发布时间：2013-12-25 16:30　来源：市政府办公厅　浏览次数：1024</div>"
     f"<div class='content'><p>各区、县（市）人民政府……</p><p>二〇一三年十二月二十日</p></div>{RELATED}"
     f"{FOOT.format(site='杭州市人民政府')}</body></html>"),
    ("jcms_meta.html", "http://www.zj.gov.cn/col/col1/art_2.html", "2013-11-04",
     "<html><head><meta name='PubDate' content='2013-11-04 09:12'><meta name='ColumnName' content='政务动态'>"
     f"<title>省政府召开全体会议</title></head><body>{NAV}<h1>省政府召开全体会议</h1>"
     "<div class='zw'><p>11月4日上午，省政府召开全体会议……</p></div>"
     f"{RELATED}{FOOT.format(site='浙江省人民政府')}</body></html>"),
    ("url_t_date.html", "http://www.sz.gov.cn/zfgb/2013/gb850/201309/t20130926_2211.htm", "2013-09-26",
     f"<html><head><title>深圳市人民政府令</title></head><body>{NAV}<h1>深圳市人民政府令（第257号）</h1>"
     f"<div class='con'><p>《深圳市……规定》已经市政府四届一百零四次常务会议审议通过，现予公布，自2013年11月1日起施行。</p></div>"
     f"{FOOT.format(site='深圳市人民政府')}</body></html>"),
    ("chinese_numerals.html", "http://www.gov.cn/zwgk/content_1.htm", "2013-12-25",
     f"<html><head><title>国务院办公厅通知</title></head><body>{NAV}<h1>国务院办公厅关于进一步加强政府信息公开的通知</h1>"
     "<div class='content'><p>各省、自治区、直辖市人民政府……</p><p style='text-align:right'>国务院办公厅</p>"
     f"<p style='text-align:right'>二〇一三年十二月二十五日</p></div>{FOOT.format(site='中国政府网')}</body></html>"),
    ("riqi_label.html", "http://www.jiangsu.gov.cn/art/info.jsp?id=7", "2013-06-18",
     f"<html><head><title>江苏召开专题会议</title></head><body>{NAV}<h1>江苏召开专题会议</h1>"
     "<table class='xx'><tr><td>日期：2013年06月18日</td><td>来源：新华日报</td></tr></table>"
     f"<div><p>……</p></div>{RELATED}{FOOT.format(site='江苏省人民政府')}</body></html>"),
    ("updated_trap.html", "http://www.bj.gov.cn/zwgk/xw/1.html", "2013-10-08",
     f"<html><head><title>北京市出台新政</title></head><body>{NAV}<h1>北京市出台新政</h1>"
     "<div class='info'>发布时间：2013-10-08　更新时间：2014-02-11</div><div><p>……</p></div>"
     f"{FOOT.format(site='首都之窗')}</body></html>"),
    ("chengwen.html", "http://xxgk.example.gov.cn/zcwj/2.html", "2013-07-30",
     f"<html><head><title>关于开展检查的通知</title></head><body>{NAV}"
     "<table class='xxgk'><tr><th>索引号</th><td>000014349/2013-00123</td><th>发文机关</th><td>市政府办公室</td></tr>"
     "<tr><th>成文日期</th><td>2013-07-30</td><th>发布日期</th><td>2013-07-30</td></tr></table>"
     f"<h1>关于开展检查的通知</h1><div><p>……</p></div>{FOOT.format(site='示例市人民政府')}</body></html>"),
    ("dot_format.html", "http://www.cq.gov.cn/zwxx/1.html", "2013-05-12",
     f"<html><head><title>重庆市新闻</title></head><body>{NAV}<h1>重庆举行防灾演练</h1>"
     "<p class='time'>2013.05.12　重庆日报</p><div><p>5月12日，……</p></div>"
     f"{FOOT.format(site='重庆市人民政府')}</body></html>"),
    ("time_element.html", "http://www.example.gov.cn/news/3.html", "2013-08-21",
     f"<html><head><title>新闻</title></head><body>{NAV}<article><h1>全市召开推进会</h1>"
     "<time datetime='2013-08-21T10:00:00+08:00'>8月21日</time><p>……</p></article>"
     f"{RELATED}{FOOT.format(site='示例市')}</body></html>"),
    ("source_line.html", "http://www.gd.gov.cn/gdywdt/1.htm", "2013-04-02",
     f"<html><head><title>广东要闻</title></head><body>{NAV}<h1>广东部署春耕生产</h1>"
     "<div class='source'>信息来源：南方日报　发布时间：2013年4月2日 08:31</div><div><p>……</p></div>"
     f"{FOOT.format(site='广东省人民政府')}</body></html>"),
    ("og_meta.html", "http://www.sh.gov.cn/nw2/1.html", "2013-03-15",
     "<html><head><meta property='article:published_time' content='2013-03-15T08:00:00+08:00'>"
     f"<title>上海发布</title></head><body>{NAV}<h1>上海发布消费提示</h1><div><p>……</p></div>"
     f"{RELATED}{FOOT.format(site='中国上海')}</body></html>"),
    ("print_trap.html", "http://www.example.gov.cn/xxgk/9.html", "2013-12-02",
     f"<html><head><title>公告</title></head><body>{NAV}<h1>关于征地补偿的公告</h1>"
     "<div>打印日期：2014-03-01</div><div class='info'>发布日期：2013-12-02</div><div><p>……</p></div>"
     f"{FOOT.format(site='示例县人民政府')}</body></html>"),
    ("en_meta.html", "https://english.www.gov.cn/policies/latest_releases/2013/12/25/content_1.htm", "2013-12-25",
     "<html lang='en'><head><meta name='publishdate' content='2013-12-25'><title>State Council issues guideline</title>"
     "</head><body><h1>State Council issues guideline</h1><p>Updated: Jan 3, 2014 10:00</p><p>BEIJING - ...</p>"
     "<footer>Copyright 1994-2014</footer></body></html>"),
    ("en_time.html", "https://www.example.gov/news/release-1", "2013-11-19",
     "<html lang='en'><head><title>Press release</title></head><body><article><h1>Agency announces grants</h1>"
     "<time datetime='2013-11-19'>November 19, 2013</time><p>WASHINGTON - ...</p></article>"
     "<aside><h2>Recent</h2><ul><li>December 2, 2013</li></ul></aside></body></html>"),
    ("en_jsonld.html", "https://www.example.org/2013/10/07/story", "2013-10-07",
     "<html lang='en'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
     "\"datePublished\":\"2013-10-07T08:00:00Z\",\"dateModified\":\"2013-10-09T08:00:00Z\"}</script>"
     "<title>Story</title></head><body><h1>Story</h1><p>Posted October 7, 2013</p></body></html>"),
    ("en_url_only.html", "https://www.example.gov.uk/government/news/2013-09-30-budget", "2013-09-30",
     "<html lang='en'><head><title>Budget</title></head><body><h1>Budget statement</h1><p>...</p>"
     "<footer>© Crown copyright</footer></body></html>"),
]


def govlens_date(html: str, url: str) -> str | None:
    return extract_page(html, url, platform_host="x", role=ARTICLE)["published"]


def htmldate_date(html: str, url: str) -> str | None:
    from htmldate import find_date
    try:
        return find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a reference tool's failure is a miss, not a crash
        return None


def sandbox_pages(n: int) -> list[tuple[str, str, str, str]]:
    from govlens.sandbox.platforms import generate_platforms
    from govlens.sandbox.web import build_sandbox

    web = build_sandbox(generate_platforms([], max(10, n // 5), 2013), 2013, dt.date(2013, 12, 15))
    out = []
    for site in web.sites:
        for path, (col, j) in list(site.articles.items())[:5]:
            reply = web.respond(site.host, path)
            if reply.status != 200:
                continue
            text, _, _ = decode_html(reply.body, dict(reply.headers).get("Content-Type", ""))
            out.append((path, f"{site.base}{path}", site.items(col)[j].date.isoformat(), text))
            if len(out) >= n:
                return out
    return out


def corpus(directory: Path) -> list[tuple[str, str, str, str]]:
    expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    out = []
    for name, day in expected.items():
        body = (directory / name).read_bytes()
        text, _, _ = decode_html(body, "")
        out.append((name, f"https://corpus.invalid/{name}", day, text))
    return out


def measure(pages: list[tuple[str, str, str, str]], fn) -> tuple[int, float, list[str]]:
    right, missed = 0, []
    t0 = time.perf_counter()
    for name, url, day, html in pages:
        got = fn(html, url)
        if got == day:
            right += 1
        else:
            missed.append(f"{name}: {got} (expected {day})")
    return right, time.perf_counter() - t0, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of saved pages with expected.json")
    parser.add_argument("--sandbox-pages", type=int, default=200)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    try:
        import htmldate  # noqa: F401
    except ImportError:
        raise SystemExit("htmldate is the reference of this benchmark: pip install htmldate")
    htmldate_date(TEMPLATES[0][3], TEMPLATES[0][1])        # imports and caches warmed: time the work only
    govlens_date(TEMPLATES[0][3], TEMPLATES[0][1])
    sets = [("templates", TEMPLATES), ("sandbox", sandbox_pages(args.sandbox_pages))]
    if args.corpus:
        sets.append((f"corpus {args.corpus}", corpus(args.corpus)))
    print(f"{'set':<24} {'pages':>5} {'govlens':>8} {'htmldate':>9} {'ms/page govlens':>16} {'ms/page htmldate':>17} "
          f"{'time ÷ htmldate':>15}")
    for label, pages in sets:
        g_ok, g_t, g_miss = measure(pages, govlens_date)
        h_ok, h_t, h_miss = measure(pages, htmldate_date)
        n = len(pages) or 1
        print(f"{label:<24} {len(pages):>5} {g_ok / n:>8.1%} {h_ok / n:>9.1%} {1000 * g_t / n:>16.2f} "
              f"{1000 * h_t / n:>17.2f} {g_t / h_t if h_t else float('nan'):>15.2f}")
        if args.show_misses:
            for m in g_miss:
                print(f"   govlens missed  {m}")
            for m in h_miss:
                print(f"   htmldate missed {m}")


if __name__ == "__main__":
    main()
