from datetime import date

from govlens.probes.extract.html import extract_page, normalise_colour

BASE = "https://www.test.gov.cn/index.html"
REF = date(2013, 12, 25)

HOME = """<!DOCTYPE html><html lang="zh-CN"><head>
<meta charset="utf-8"><title>  测试市人民政府
 门户网站 </title>
<meta name="description" content="测试市人民政府门户网站">
<meta name="keywords" content="测试,政府">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="TRS">
</head>
<body style="background-color: #FFF">
<div class="header"><span style="color:#ccc">今天是2013年12月25日</span>
<form action="/search/s.jsp" method="POST"><input type="text" name="searchword" placeholder="请输入关键字">
<input type="hidden" name="siteid" value="1"><button type="submit">搜索</button></form>
<form action="/login"><input type="text" name="user"><input type="password" name="pw"><input type="submit" value="登录"></form>
</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/zwgk/index.html">政务公开</a></li>
<li><a href="https://www.test.gov.cn/col/zwgk/index.html#top">政务公开重复</a></li></ul>
<h1>测试市</h1><h2>要闻</h2><h2>公告</h2><h3>x</h3>
<div class="box" style="background:#003366 url(bg.png)">
  <div class="hd"><h3>政务要闻</h3><a class="more" href="col/zwyw/index.html">更多&gt;&gt;</a></div>
  <ul>
    <li><a href="/art/2013/12/20/art_1.html" title="市政府召开常务会议研究部署冬季安全生产工作">市政府召开常务会议研究部署…</a><span>[12-20]</span></li>
    <li><a href="/art/2013/12/18/art_2.html">市长调研重点项目建设</a><span>2013-12-18</span></li>
    <li><a href="/art/3.html">无日期的条目</a></li>
  </ul>
</div>
<div class="column"><h2 class="tit">通知公告<a href="/col/tzgg/">more</a></h2>
  <table><tr><td><a href="/art/4.html">关于春节放假的通知</a></td><td>2013年12月01日</td></tr></table>
</div>
<div><p style="color: rgb(255, 255, 255); font-size:12px">白字<b>说明</b></p></div>
<p style="background-color:#eee">no colour here</p>
<img src="/img/a.jpg"><img src="b.png" alt=""><img src="/img/c.png" alt="logo">
<a href="javascript:void(0)">js</a><a href="mailto:a@b.c">mail</a><a href="#x">frag</a>
<a href="http://www.gov.cn/">中国政府网</a><a href="https://test.gov.cn/about.html">关于</a>
<a href="ftp://x/">ftp</a>
</body></html>"""


def home():
    return extract_page(HOME, BASE, platform_host="www.test.gov.cn", role="home", reference=REF)


def test_metadata():
    p = home()
    assert p["title"] == "测试市人民政府 门户网站"
    assert p["description"] == "测试市人民政府门户网站"
    assert p["keywords"] == "测试,政府"
    assert p["lang"] == "zh-CN"
    assert p["has_viewport"] is True and p["has_generator"] is True
    assert p["headings"]["h1"] == 1 and p["headings"]["h2"] == 3 and p["headings"]["h3"] == 2


def test_absent_metadata_is_null():
    p = extract_page("<html><head><title> </title></head><body>x</body></html>", BASE,
                     platform_host="www.test.gov.cn")
    assert p["title"] is None and p["description"] is None and p["keywords"] is None and p["lang"] is None
    assert p["has_viewport"] is False and p["links"] == [] and p["lists"] == []


def test_images_without_alt_attribute():
    images = home()["images"]
    assert images == {"total": 3, "without_alt": ["https://www.test.gov.cn/img/a.jpg"]}


def test_styled_text_and_backgrounds():
    styled = home()["styled_text"]
    assert {"text": "今天是2013年12月25日", "color": "#cccccc", "background": "#ffffff"} in styled
    assert {"text": "白字说明", "color": "#ffffff", "background": "#ffffff"} in styled
    assert all(s["text"] != "no colour here" for s in styled)
    bare = extract_page('<p style="color:#777">灰字</p>', BASE, platform_host="test.gov.cn")["styled_text"]
    assert bare == [{"text": "灰字", "color": "#777777", "background": None}]
    nested = extract_page('<div style="background:#003366 url(x.png)"><span style="color:#fff">白</span></div>',
                          BASE, platform_host="test.gov.cn")["styled_text"]
    assert nested == [{"text": "白", "color": "#ffffff", "background": "#003366"}]


def test_styled_text_bounded():
    html = "".join(f'<p style="color:#999">{"字" * 200}{i}</p>' for i in range(200))
    styled = extract_page(html, BASE, platform_host="test.gov.cn")["styled_text"]
    assert len(styled) == 50 and all(len(s["text"]) <= 80 for s in styled)


def test_search_forms():
    forms = home()["search_forms"]
    assert forms == [{"action": "https://www.test.gov.cn/search/s.jsp", "method": "post", "inputs": ["searchword"],
                      "query_input": "searchword", "hidden": {"siteid": "1"}}]


def test_links_absolute_unique_internal():
    links = home()["links"]
    urls = [l["url"] for l in links]
    assert len(urls) == len(set(urls))
    assert "https://www.test.gov.cn/col/zwgk/index.html" in urls
    assert "https://www.test.gov.cn/col/zwyw/index.html" in urls          # relative to the page
    assert not any(u.startswith(("javascript", "mailto", "ftp")) or "#" in u for u in urls)
    by_url = {l["url"]: l for l in links}
    assert by_url["http://www.gov.cn/"]["internal"] is False
    assert by_url["https://test.gov.cn/about.html"]["internal"] is True   # www. ignored
    assert by_url["https://www.test.gov.cn/col/zwgk/index.html"]["text"] == "政务公开"


def test_links_bounded():
    html = "".join(f'<a href="/p{i}.html">p</a>' for i in range(1000))
    p = extract_page(html, BASE, platform_host="test.gov.cn", max_links=400)
    assert len(p["links"]) == 400


def test_column_blocks():
    lists = home()["lists"]
    assert [l["title"] for l in lists] == ["政务要闻", "通知公告"]
    news, notices = lists
    assert news["more_url"] == "https://www.test.gov.cn/col/zwyw/index.html"
    assert news["items"][0] == {"title": "市政府召开常务会议研究部署冬季安全生产工作",
                                "url": "https://www.test.gov.cn/art/2013/12/20/art_1.html",
                                "date": "2013-12-20", "date_text": "[12-20]",
                                "year_inferred": True, "year_source": "url"}   # the year from /art/2013/12/20/
    assert news["items"][1]["date"] == "2013-12-18"
    assert news["items"][2]["date"] is None and news["items"][2]["date_text"] is None
    assert notices["more_url"] == "https://www.test.gov.cn/col/tzgg/"
    assert notices["items"] == [{"title": "关于春节放假的通知", "url": "https://www.test.gov.cn/art/4.html",
                                 "date": "2013-12-01", "date_text": "2013年12月01日"}]
    nav_titles = {l["title"] for l in lists}
    assert "首页" not in nav_titles


COLUMN = """<html><head><title>通知公告_测试市人民政府</title></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/col/a/">政务公开</a></li><li><a href="/col/b/">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/tzgg/">通知公告</a></div>
<div class="list"><ul>
<li><a href="/art/2013/12/1.html">关于做好冬季防火工作的通知</a><span class="date">2013-12-20</span></li>
<li><a href="/art/2013/11/2.html">关于开展安全检查的通知</a><span class="date">2013-11-02</span></li>
</ul></div></body></html>"""


def test_column_page_items_and_title():
    p = extract_page(COLUMN, "https://www.test.gov.cn/col/tzgg/", platform_host="www.test.gov.cn",
                     role="column", reference=REF)
    assert p["column_title"] == "通知公告"
    assert [i["date"] for i in p["items"]] == ["2013-12-20", "2013-11-02"]
    assert p["items"][0]["url"] == "https://www.test.gov.cn/art/2013/12/1.html"
    assert p["lists"] == [] and p["published"] is None


def test_empty_column_page():
    html = COLUMN.split('<div class="list">')[0] + '<div class="list"><ul></ul><p>暂无信息</p></div></body></html>'
    p = extract_page(html, "https://www.test.gov.cn/col/tzgg/", platform_host="www.test.gov.cn",
                     role="column", reference=REF)
    assert p["items"] == []
    assert p["column_title"] == "通知公告"


def test_column_title_from_title_tag():
    p = extract_page("<html><head><title>政策文件 - 测试市</title></head><body></body></html>",
                     "https://www.test.gov.cn/col/zcwj/", platform_host="test.gov.cn", role="column")
    assert p["column_title"] == "政策文件"


def article(body: str, head: str = "", url: str = "https://www.test.gov.cn/art/1.html") -> str | None:
    html = f"<html><head>{head}</head><body><div class='top'>今天是2013年12月25日</div>{body}</body></html>"
    return extract_page(html, url, platform_host="test.gov.cn", role="article", reference=REF)["published"]


def test_published_label_beats_other_dates():
    assert article("<h1>标题</h1><p>发布时间：2013-12-10 09:00 来源：市政府办公室</p>") == "2013-12-10"
    assert article("<p>发布日期: 2013年11月2日</p>") == "2013-11-02"
    assert article("<span>日期：2013.10.09</span>") == "2013-10-09"


def test_published_from_meta_time_url_text():
    assert article("<p>正文</p>", '<meta name="PubDate" content="2013-12-09 08:00">') == "2013-12-09"
    assert article("<p>正文</p>", '<meta property="article:published_time" content="2013-12-08T08:00:00+08:00">') \
        == "2013-12-08"
    assert article('<time datetime="2013-12-07">七日</time>') == "2013-12-07"
    assert article("<p>正文</p>", url="https://www.test.gov.cn/xxgk/201312/t20131206_1.html") == "2013-12-06"
    assert article("<p>正文</p>") == "2013-12-25"          # first date in the text


def test_never_raises():
    for html in ["", "<", "<html><body><ul><li><a href='http://[::1'>x</a></li></ul>", "\x00" * 100,
                 "<a href='http://a.gov.cn:99999/'>x</a>", "<table>" * 500]:
        for role in ("home", "column", "article"):
            extract_page(html, BASE, platform_host="test.gov.cn", role=role, reference=REF)


def test_normalise_colour():
    assert normalise_colour("#ABC") == "#aabbcc"
    assert normalise_colour("rgb(1, 2, 3)") == "#010203"
    assert normalise_colour("White !important") == "#ffffff"
    assert normalise_colour("") is None
