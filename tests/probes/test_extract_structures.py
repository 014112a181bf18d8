"""The page reader on structures real government CMSs produce (minimal fixtures written here).

Each fixture is a class of markup seen on real sites — TRS/大汉 tab blocks, old table
layouts, ``<marquee>`` notices, script-driven search boxes, ``javascript:`` toolbar entries
— never a copy of a real page.
"""
from __future__ import annotations

from datetime import date

from govlens.probes.extract.html import extract_page

BASE = "https://www.test.gov.cn/"
REF = date(2018, 6, 1)


def page(body: str, role: str = "home", url: str = BASE, head: str = "", **kw):
    html = f"<html><head><title>测试市人民政府</title>{head}</head><body>{body}</body></html>"
    return extract_page(html, url, platform_host="www.test.gov.cn", role=role, reference=REF, **kw)


def dated(p) -> list[str]:
    return [i["date"] for b in p["lists"] for i in b["items"] if i["date"]]


# ------------------------------------------------------------------ homepage list blocks
def test_marquee_notices_are_a_list():
    p = page('<div class="tzgg"><h3>通知公告</h3><marquee direction="up">'
             '<a href="/a/1.html">关于开展安全检查的通知</a> 2018-03-02<br>'
             '<a href="/a/2.html">关于春节放假安排的通知</a> 2018-02-01<br></marquee></div>')
    assert dated(p) == ["2018-03-02", "2018-02-01"]
    assert p["lists"][0]["title"] == "通知公告"


def test_heading_far_above_its_list():
    p = page('<div class="box"><div class="hd"><span>政务要闻</span></div><div class="bd"><div class="in">'
             '<div class="wrap"><div class="list"><ul><li><a href="/a/1.html">市政府召开常务会议</a>'
             '<span>2018-03-20</span></li></ul></div></div></div></div></div>')
    assert [b["title"] for b in p["lists"]] == ["政务要闻"]


def test_heading_that_holds_its_own_list():
    p = page('<h3>部门动态<ul><li><a href="/a/1.html">区教委召开工作会</a>[2018-03-19]</li>'
             '<li><a href="/a/2.html">区卫计委开展义诊</a>[2018-03-18]</li></ul></h3>')
    assert p["lists"][0]["title"] == "部门动态"
    assert dated(p) == ["2018-03-19", "2018-03-18"]


def test_tab_block_panels_take_their_tab_titles():
    panel = '<div class="content"{style}><ul>{rows}</ul></div>'
    rows = lambda n: "".join(f'<li><a href="/{n}/{i}.html">第{i}条消息标题</a>[2018-03-1{i}]</li>' for i in range(3))
    body = ('<div class="tabbox"><h3><a href="/yw/">要闻</a><a href="/bmdt/">部门动态</a><a href="/jcdt/">基层动态</a></h3>'
            + panel.format(style="", rows=rows("yw"))
            + panel.format(style=' style="display:none"', rows=rows("bmdt"))
            + panel.format(style=' style="display:none"', rows=rows("jcdt")) + "</div>")
    p = page(body)
    assert [b["title"] for b in p["lists"]] == ["要闻", "部门动态", "基层动态"]
    assert [b["more_url"] for b in p["lists"]] == [BASE + "yw/", BASE + "bmdt/", BASE + "jcdt/"]
    assert len(dated(p)) == 9                      # hidden tab panels are content too


def test_set_tab_panels_find_their_tab_by_id():
    body = ('<div class="box"><div class="menu"><ul><li id="one1" onmouseover="setTab(\'one\',1,2)">要闻</li>'
            '<li id="one2" onmouseover="setTab(\'one\',2,2)">公告</li></ul>'
            '<span id="more_one_1"><a href="/yw/">更多</a></span><span id="more_one_2"><a href="/gg/">更多</a></span></div>'
            '<div id="con_one_1" class="block"><div class="portlet"><ul><li><a href="/yw/1.html">要闻一</a>'
            '<span>2018-03-21</span></li></ul></div></div>'
            '<div id="con_one_2" class="none"><div class="portlet"><ul><li><a href="/gg/1.html">公告一</a>'
            '<span>2018-03-20</span></li></ul></div></div></div>')
    p = page(body)
    assert [(b["title"], b["more_url"]) for b in p["lists"]] == [("要闻", BASE + "yw/"), ("公告", BASE + "gg/")]


def test_lists_of_div_p_dl_and_table_rows():
    body = ('<div class="a"><h3>通知</h3><div class="news-list"><a href="/n/1.html">通知一则标题<span>2018年03月20日</span></a>'
            '<a href="/n/2.html">通知二则标题<span>2018年03月19日</span></a></div></div>'
            '<div class="b"><h3>公告</h3><div class="rows"><p><a href="/g/1.html">公告一</a><em>2018-03-01</em></p>'
            '<p><a href="/g/2.html">公告二</a><em>2018-02-01</em></p></div></div>'
            '<div class="c"><dl><dt>政策文件</dt><dd><a href="/z/1.html">文件一</a>2018-01-05</dd>'
            '<dd><a href="/z/2.html">文件二</a>2018-01-04</dd></dl></div>'
            '<div class="d"><div class="title">办件公示</div><table><tr><td><a href="/b/1.html">办件一</a></td>'
            '<td>2018-03-05</td></tr><tr><td><a href="/b/2.html">办件二</a></td><td>2018-03-04</td></tr></table></div>')
    p = page(body)
    assert sorted(dated(p)) == sorted(["2018-03-20", "2018-03-19", "2018-03-01", "2018-02-01", "2018-01-05",
                                       "2018-01-04", "2018-03-05", "2018-03-04"])
    titles = [i["title"] for b in p["lists"] for i in b["items"]]
    assert "通知一则标题" in titles                  # the date span inside the link is not the title


def test_a_teaser_and_its_detail_link_are_one_entry():
    p = page('<div class="box"><h3>要闻</h3><div class="teaser"><p><a href="/a/1.html">头条标题文字</a></p>'
             '<span>摘要文字……<a href="/a/1.html">[详细]</a></span><div class="time">03-19</div></div>'
             '<ul><li><a href="/a/2.html">第二条</a><span>03-18</span></li></ul></div>')
    assert sorted(d[5:] for d in dated(p)) == ["03-18", "03-19"]


def test_forty_one_entries_are_all_read():
    lists = "".join(f'<div class="col{k}"><h3>栏目{k}</h3><ul>' + "".join(
        f'<li><a href="/c{k}/{i}.html">栏目{k}的第{i}条</a><span>2018-03-{i + 1:02d}</span></li>' for i in range(7))
        + "</ul></div>" for k in range(5)) + '<div class="colx"><h3>栏目x</h3><ul>' + "".join(
        f'<li><a href="/x/{i}.html">第{i}条</a><span>2018-02-{i + 1:02d}</span></li>' for i in range(6)) + "</ul></div>"
    assert len(dated(page(lists))) == 41


def test_dates_the_page_hides_comments_and_scripts_do_not_count():
    body = ('<div class="a"><h3>机构设置</h3><div class="post-list nodate"><a href="/j/1.html">机构一<span>2016年08月01日</span></a>'
            '<a href="/j/2.html">机构二<span>2016年08月02日</span></a></div></div>'
            '<div class="b"><h3>要闻</h3><ul><li><a href="/y/1.html">要闻一</a><span style="display:none">2015-01-01</span></li>'
            '<li><a href="/y/2.html">要闻二</a><span>2018-03-02</span></li>'
            '<!--<li><a href="/y/3.html">要闻三</a><span>2018-05-16</span></li>--></ul>'
            '<script>document.write("<li><a href=/y/4.html>四</a>2018-05-20</li>")</script></div>')
    p = page(body)
    assert dated(p) == ["2018-03-02"]


# ------------------------------------------------------------------ column pages
def test_directory_column_page_is_not_a_stale_list():
    body = ('<div class="crumb">当前位置：首页 &gt; 政务公开</div><div class="main"><ul>'
            '<li><a href="/zwgk/zcwj/">政策文件</a></li><li><a href="/zwgk/ghjh/">规划计划</a></li>'
            '<li><a href="/zwgk/tjxx/index.html">统计信息</a></li><li><a href="/zwgk/rsxx/">人事信息</a></li></ul></div>')
    p = page(body, role="column", url=BASE + "zwgk/")
    assert p["items"] == [] and p["directory"] is True


def test_a_grid_of_service_links_is_no_column_list():
    grid = "".join(f'<a href="/fw/fw_{i}.html">社会保障服务事项第{i}项</a>' for i in range(8))
    p = page(f'<h1>政务服务</h1><div class="grid">{grid}</div>', role="column", url=BASE + "zwfw/")
    assert p["items"] == []


def test_footer_site_map_is_not_the_column_list():
    rows = "".join(f'<li><a href="/art/{i}.html">一篇内容较长的文章标题{i}</a><span>2018-03-0{i}</span></li>'
                   for i in range(1, 4))
    sitemap = "".join(f'<li><a href="/s/{i}.html">网站地图的一个栏目名称{i}</a><span>2018-03-1{i}</span></li>'
                      for i in range(8))
    body = f'<div class="list"><ul>{rows}</ul></div><div class="dhlm"><ul>{sitemap}</ul></div>'
    p = page(body, role="column", url=BASE + "col/tzgg/")
    assert [i["date"] for i in p["items"]] == ["2018-03-01", "2018-03-02", "2018-03-03"]


# ------------------------------------------------------------------ article dates
def test_shown_date_beats_pubdate_meta_and_says_so():
    head = '<meta name="PubDate" content="2019-01-01 08:00">'
    p = page("<h1>标题</h1><div class='info'>发布时间： 2018-05-17 来源：本站</div>", role="article",
             url=BASE + "a/1.html", head=head)
    assert (p["published"], p["published_source"]) == ("2018-05-17", "text:发布时间")
    p = page("<h1>标题</h1><p>正文</p>", role="article", url=BASE + "a/1.html", head=head)
    assert (p["published"], p["published_source"]) == ("2019-01-01", "meta:pubdate")


def test_article_side_box_dates_are_lists():
    body = ('<div class="side"><div class="tabs"><a href="/zx/">政务咨询</a></div><div class="panels"><table>'
            '<tbody><tr><td><span title="请问证书还在使用吗？">请问证书还在使用吗？</span></td></tr>'
            '<tr><td>留言时间：2018-04-27</td></tr></tbody>'
            '<tbody><tr><td><span title="咨询另一件事情">咨询另一件事情</span></td></tr>'
            '<tr><td>留言时间：2018-04-20</td></tr></tbody></table></div></div>')
    p = page("<h1>标题</h1><p>发布时间：2018-05-01</p>" + body, role="article", url=BASE + "a/1.html")
    assert dated(p) == ["2018-04-27", "2018-04-20"]


# ------------------------------------------------------------------ dates without a year
def _yearless(body: str, **kw):
    p = page(f'<div class="box"><h3>通知公告</h3><ul>{body}</ul></div>', **kw)
    return p["lists"][0]["items"]


def test_yearless_date_takes_the_year_of_its_url():
    items = _yearless('<li><a href="/tzgg/201711/t20171108_1.html">通知一</a><span>[11-08]</span></li>')
    assert items[0]["date"] == "2017-11-08"
    assert items[0]["year_inferred"] is True and items[0]["year_source"] == "url"


def test_yearless_dates_follow_the_list_order():
    items = _yearless('<li><a href="/q/a.html">问一</a><span>[09-15]</span></li>'
                      '<li><a href="/q/b.html">问二</a><span>[05-11]</span></li>'
                      '<li><a href="/q/c.html">问三</a><span>[12-21]</span></li>')
    assert [i["date"] for i in items] == ["2017-09-15", "2017-05-11", "2016-12-21"]
    assert items[1]["year_source"] == "list order"


def test_old_page_is_not_anchored_to_the_check_date():
    body = ('<li><a href="/a.html">旧闻</a><span>[12-08]</span></li>'
            '</ul><ul><li><a href="/b.html">另一条</a><span>2011-10-02</span></li>')
    items = _yearless(body)
    assert items[0]["date"] == "2011-12-08" and items[0]["year_source"] == "page evidence 2011"
    items = _yearless('<li><a href="/a.html">旧闻</a><span>[12-08]</span></li>', last_modified=date(2012, 1, 3))
    assert items[0]["date"] == "2011-12-08" and items[0]["year_source"] == "last-modified"
    items = _yearless('<li><a href="/a.html">新闻</a><span>[05-08]</span></li>')
    assert items[0]["date"] == "2018-05-08" and items[0]["year_source"] == "check date"


# ------------------------------------------------------------------ search boxes and entries
def test_search_box_without_a_form():
    p = page('<div class="search"><input type="text" id="kw" placeholder="请输入关键词">'
             '<a href="javascript:void(0)" onclick="doSearch()"><img src="/i/go.png"></a></div>')
    assert p["search_forms"] and p["search_forms"][0]["formless"] is True
    assert p["search_forms"][0]["action"] is None
    p = page('<div class="top"><a href="/search/">站内搜索</a></div>')
    assert p["search_forms"] == []
    p = page('<form action="/close.jsp"><input type="button" value="关闭窗口" onclick="window.close()"></form>'
             '<form action="/nav.jsp"><select name="go"><option>网站导航</option></select></form>')
    assert p["search_forms"] == []


def test_javascript_entries_disclosure_and_accessibility():
    p = page('<div class="top"><a href="javascript:void(0);" id="toolbar">无障碍浏览</a>'
             '<a href="javascript:;" onclick="care()">关怀版</a></div>'
             '<div class="nav"><a href="/zwgk/">政务公开</a></div>')
    assert p["accessibility_entry"] == {"text": "无障碍浏览", "url": "javascript:void(0);", "javascript": True}
    assert p["disclosure_link"] == {"text": "政务公开", "url": BASE + "zwgk/"}
    assert {e["text"] for e in p["js_entries"]} == {"无障碍浏览", "关怀版"}
    assert not any(l["url"].startswith("javascript") for l in p["links"])   # not for the link checker
    p = page('<!-- <a href="javascript:aria.start()">无障碍</a> --><script>var s="信息公开";</script>'
             '<span onclick="x()">特殊关爱</span>')
    assert p["accessibility_entry"] is None and p["disclosure_link"] is None
    p = page('<div class="tools"><span onclick="aria.start()">无障碍</span></div>')
    assert p["accessibility_entry"]["text"] == "无障碍"
    p = page('<div class="tools"><a href="javascript:void(0)"><img src="/i/wza.png" alt="无障碍阅读"></a></div>')
    assert p["accessibility_entry"]["text"] == "无障碍阅读"      # an icon-only entry says it in its alt


def test_formless_search_takes_the_url_its_script_opens():
    box = ('<div class="ss"><input type="text" id="sw"> <img src="/i/go.gif" onclick="go()"></div>'
           '<script>function page(n){location.href="/list_"+n+".html";}'
           'function more(n){location.href="/news/list.jsp?page="+n;}'
           'function go(){var v=document.getElementById("sw").value;'
           'window.open("/was5/web/search?channelid=2&searchword="+encodeURI(v));}</script>')
    form = page(box)["search_forms"][0]
    assert form["formless"] is True and form["action_source"] == "script"
    assert form["action"] == "https://www.test.gov.cn/was5/web/search"
    assert form["query_input"] == "searchword" and form["hidden"] == {"channelid": "2"}
    # a script that only pages through a list is not a search URL: the box stays without an action
    paging = box.replace('window.open("/was5/web/search?channelid=2&searchword="+encodeURI(v));', "")
    assert page(paging)["search_forms"][0]["action"] is None
