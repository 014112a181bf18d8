"""site_identity: the footer writings real government CMSs use (own fixtures), and the saved real pages.

The fixtures are written for these tests in each writing the real footers use; the real pages
are read from the shared folder by path (never copied) and checked against labels a person made.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from govlens.probes.extract.html import extract_page

BASE = "https://www.ceshi.gov.cn/art/2024/1/2/art_1.html"


def ident(body: str, *, head: str = "", title: str = "关于开展专项检查的通知_测试市人民政府门户网站",
          role: str = "article", article: str = "<p>正文内容。</p>") -> dict:
    html = (f"<html><head><title>{title}</title>{head}</head><body><div class=main>{article}</div>"
            f"<div class=footer>{body}</div></body></html>")
    page = extract_page(html, BASE, platform_host="www.ceshi.gov.cn", role=role)
    return page["site_identity"]


# ---------------------------------------------------------------- numbers and codes
@pytest.mark.parametrize("footer, icp, police", [
    ("<p>测ICP备案：浙ICP备12345678号-3 浙公网安备 33010002000123号</p>", "浙ICP备12345678号-3", "浙公网安备 33010002000123号"),
    ("<span>ICP备案编号：</span><a>京ICP备98765432号</a><a>京公网安备11000002000009号</a>", "京ICP备98765432号",
     "京公网安备11000002000009号"),
    ("<p>京<span>ICP</span>备<b>11112222</b>号<i>-2</i> | 湘公安网备号43000002000111号</p>", "京ICP备11112222号-2",
     "湘公安网备号43000002000111号"),
    ("<p>备案号：沪ICP备00001111号－1</p><p>沪公网安备310100020001号</p>", "沪ICP备00001111号－1",
     "沪公网安备310100020001号"),
    ("<p>©2010 测试中心 京ICP13579246</p>", "京ICP13579246", None),
    ("<p>粤ICP备00004444号 粤公安网安备44000002000555号</p>", "粤ICP备00004444号", "粤公安网安备44000002000555号"),
    ("<p>ICP备案号：ICP备00002222号 公安机关备案号：44010002000333</p>", "ICP备00002222号", "公安机关备案号：44010002000333"),
])
def test_icp_and_police_record_as_shown(footer, icp, police):
    got = ident(footer)
    assert got["icp"] == icp
    assert got["police_record"] == police


@pytest.mark.parametrize("footer, code", [
    ("<p>网站标识码：3300000099 浙ICP备12345678号</p>", "3300000099"),
    ("<p>政府网站标识码: 1100000777</p>", "1100000777"),
    ("<p>网站标识码bm12000003 京ICP备05070000号</p>", "bm12000003"),
    ("<p>网站标识码： <span>bm77000001</span></p>", "bm77000001"),
    ("<p>网站识别码：4400000123</p>", "4400000123"),
])
def test_site_code_shown(footer, code):
    assert ident(footer)["site_code"] == code


def test_site_code_only_in_script_or_comment_is_not_shown():
    footer = ('<p>测试市人民政府 版权所有 京ICP备05000001号</p>'
              '<script>var sitecode="1100000241"; document.write("网站标识码：1100000241")</script>'
              '<!-- 网站标识码：1100000242 -->')
    got = ident(footer, head='<meta name="SiteIDCode" content="1100000241">')
    assert got["site_code"] is None
    assert got["site_code_meta"] == "1100000241"
    assert got["site_code_agrees"] is None


def test_site_code_meta_agrees_or_not():
    shown = "<p>网站标识码：3300000020</p>"
    assert ident(shown, head='<meta name="SiteIDCode" content="3300000020">')["site_code_agrees"] is True
    bad = ident(shown, head='<meta name="SiteIDCode" content="3300000021">')
    assert bad["site_code_agrees"] is False and bad["site_code_meta"] == "3300000021"
    assert ident(shown, head='<meta name="SiteIDCode" content="">')["site_code_meta"] is None


# ---------------------------------------------------------------- sponsor and organiser
@pytest.mark.parametrize("footer, sponsor", [
    ("<p>主办单位：测试市人民政府办公室 承办单位：测试市大数据中心</p>", "测试市人民政府办公室"),
    ("<p>主办：测试省人民政府办公厅 © 测试省人民政府网 版权所有</p>", "测试省人民政府办公厅"),
    ("<p>版权所有： 测试工程官方网站 主办方： 测试工程办公室 备案序号： 京ICP备20000001号-1</p>", "测试工程办公室"),
    ("<p>主办单位:测试省财政厅 | Email:cz@ceshi.gov.cn</p>", "测试省财政厅"),
    ("<p>测试系统网站 版权所有 测试系统管理办公室主办 京ICP备05000002号-2</p>", "测试系统管理办公室"),
    ("<p>主办单位：测试大学纪检监察室版权所有 地址：测试市新建路1号</p>", "测试大学纪检监察室"),
    ("<table><tr><td>主　办：</td><td>测试县人民政府办公室</td></tr><tr><td>ICP备案：</td><td>豫ICP备00000003号</td></tr>"
     "</table>", "测试县人民政府办公室"),
])
def test_sponsor_writings(footer, sponsor):
    assert ident(footer)["sponsor"] == sponsor


def test_an_event_sponsor_in_the_article_is_not_the_sites():
    article = "<p>活动主办单位：测试市文化和旅游局 承办单位：测试市图书馆</p>"
    got = ident("<p>主办单位：测试市人民政府办公室 承办单位：测试市信息中心 网站标识码：3300000098</p>", article=article)
    assert got["sponsor"] == "测试市人民政府办公室" and got["organiser"] == "测试市信息中心"


def test_organiser():
    got = ident("<p>主办：测试市人民政府 承办：测试市政务服务数据管理局 京ICP备05000003号</p>")
    assert got["sponsor"] == "测试市人民政府" and got["organiser"] == "测试市政务服务数据管理局"


@pytest.mark.parametrize("footer", [
    "<p>版权所有：测试住房公积金管理中心 京公网安备11010102000001</p>",
    "<p>测试区人民政府 版权所有 ICP备案编号：京ICP备05000004号-1</p>",
    "<p>Copyright © 2018 测试医院 All rights reserved.</p>",
])
def test_copyright_alone_is_no_sponsor(footer):
    assert ident(footer)["sponsor"] is None


def test_sponsor_in_the_article_body_is_not_the_sites():
    body = "<p>本次培训由市委宣传部主办，各区参加。</p>" + "<p>正文。</p>" * 3
    got = ident("<p>测试市人民政府 版权所有 京ICP备05000005号</p>", article=body)
    assert got["sponsor"] is None


# ---------------------------------------------------------------- badge and contact
def test_conac_badge_link_and_absent():
    badge = ('<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=ABC" target="_blank">'
             '<img id="imgConac" src="/images/red.png"></a></span><p>京ICP备05000006号</p>')
    got = ident(badge)["conac_badge"]
    assert got == {"present": True, "url": "https://bszs.conac.cn/sitename?method=show&id=ABC"}
    scripted = ident('<script src="http://dcs.conac.cn/js/01/000/0000/1/CA1.js"></script><p>京ICP备05000006号</p>')
    assert scripted["conac_badge"]["present"] is True
    assert ident("<p>京ICP备05000006号 <a href='/jiucuo.html'>纠错</a></p>")["conac_badge"] == {"present": False,
                                                                                                "url": None}
    placeholder = ident('<span id="_ideConac"></span><p>京ICP备05000006号</p>')["conac_badge"]
    assert placeholder["present"] is True
    commented = ident("<!-- <a href='https://bszs.conac.cn/x'><img src='red.png'></a> --><p>京ICP备05000006号</p>")
    assert commented["conac_badge"]["present"] is False


def test_contact_from_the_footer_only():
    article = "<p>项目联系人：张三 电话：0999-1234567</p>"
    got = ident("<p>主办单位：测试局 地址：测试市中山路1号 电话：0571-87050000 邮箱：ban@ceshi.gov.cn</p>",
                article=article)
    assert got["contact"] == {"phone": "0571-87050000", "address": "测试市中山路1号", "email": "ban@ceshi.gov.cn"}
    assert ident("<p>京ICP备05000007号</p>")["contact"] is None


def test_no_footer_at_all():
    got = ident("", article="<p>只有正文，没有页脚。</p>")
    assert all(got[k] is None for k in ("site_code", "icp", "police_record", "sponsor", "organiser", "contact"))


# ---------------------------------------------------------------- site name
@pytest.mark.parametrize("title, role, head, footer, name", [
    ("文章_测试省人民政府门户网站", "article", "", "", "测试省人民政府门户网站"),
    ("任何标题", "article", '<meta name="SiteName" content="测试省发展和改革委员会">', "", "测试省发展和改革委员会"),
    ("首页 - 测试市政府采购中心", "home", "", "", "测试市政府采购中心"),
    ("测试网_测试市人民政府门户网站", "home", "", "", "测试网_测试市人民政府门户网站"),
    ("测试法-纪检", "article", "", "<p>主办单位：测试大学纪检监察室 版权所有</p>", "测试大学纪检监察室"),
    ("【专题】我院举办技能大赛 测试省中医院", "article", "", "<p>版权所有 测试省中医院 Copyright</p>", "测试省中医院"),
    ("首页", "home", "", "<p>欢迎访问测试市市场监督管理局政务网站！</p>", "测试市市场监督管理局政务网站"),
    ("首页", "home", "", "<p>版权所有：测试住房公积金管理中心</p>", "测试住房公积金管理中心"),
    ("测试县人民政府-政务公开-关于开展安全检查的通知", "article", "", "", "测试县人民政府"),
    ("市政府召开全体会议 - 测试市人民政府", "article", "", "", "测试市人民政府"),
    ("任何标题", "article", '<meta property="og:site_name" content="测试市人民政府网">', "", "测试市人民政府网"),
])
def test_site_name(title, role, head, footer, name):
    assert ident(footer, title=title, role=role, head=head)["site_name"] == name


def test_site_name_from_a_script_written_welcome_line_only_as_last_resort():
    footer = '<script>$("#w").html(" 欢迎访问测试市药品监督管理局网站！");</script>'
    assert ident(footer, title="首页", role="home")["site_name"] == "测试市药品监督管理局网站"


# ---------------------------------------------------------------- guideline metas
def test_guideline_meta_by_role():
    head = ('<meta name="SiteName" content="测试"><meta name="SiteDomain" content="www.ceshi.gov.cn">'
            '<meta name="SiteIDCode" content=""><meta name="ColumnName" content="要闻">')
    art = ident("", head=head)["guideline_meta"]
    assert art["role"] == "article" and "SiteIDCode" in art["missing"] and "ArticleTitle" in art["missing"]
    assert art["present"] == ["SiteName", "SiteDomain", "ColumnName"]
    home = ident("", head=head, role="home", title="测试")["guideline_meta"]
    assert home == {"role": "home", "present": ["SiteName", "SiteDomain"], "missing": ["SiteIDCode"]}
    col = ident("", head=head, role="column", title="要闻")["guideline_meta"]
    assert col["missing"] == ["SiteIDCode", "ColumnDescription", "ColumnKeywords", "ColumnType"]


def test_the_footer_scan_is_bounded():
    filler = "<p>" + "正文" * 50_000 + "</p>"
    got = ident("<p>京ICP备05000008号</p>", article="<p>京ICP备99999999号</p>" + filler)
    assert got["icp"] == "京ICP备05000008号"
    assert len(got["footer_text"] or "") <= 300


# ---------------------------------------------------------------- the saved real pages
REALWEB = Path(os.environ.get("GOVLENS_REALWEB", "/work/shared/realweb"))
FIELDS = ("site_name", "icp", "police_record", "site_code", "sponsor")


def _rows() -> list[dict[str, str]]:
    if not (REALWEB / "labels.csv").is_file():
        return []
    with open(REALWEB / "labels.csv", encoding="utf-8") as f:
        labels = list(csv.DictReader(f))
    with open(REALWEB / "sources.csv", encoding="utf-8") as f:
        sources = {r["file"]: r for r in csv.DictReader(f)}
    return [dict(r, **{"_role": sources[r["file"]]["role"], "_url": sources[r["file"]]["served_url"]}) for r in labels]


def _same(field: str, truth: str, got: str | None) -> bool:
    squash = lambda s: "".join(str(s or "").split()).replace("：", ":")   # noqa: E731
    if not truth:
        return not got
    if field == "site_name":
        return bool(got) and truth in got
    return bool(got) and (squash(truth) in squash(got) or squash(got) in squash(truth))


@pytest.mark.skipif(not (REALWEB / "labels.csv").is_file(), reason=f"real-web corpus not found at {REALWEB}")
def test_identity_fields_on_the_real_pages():
    from govlens.probes.extract.charset import decode_html
    rows = _rows()
    right = {f: 0 for f in FIELDS}
    misses = []
    for row in rows:
        body = (REALWEB / "pages" / row["file"]).read_bytes()
        text, _, _ = decode_html(body, "")
        url = row["_url"] or "https://unknown.example/"
        got = extract_page(text, url, platform_host="unknown.example", role=row["_role"])["site_identity"]
        for f in FIELDS:
            if _same(f, row[f], got[f]):
                right[f] += 1
            else:
                misses.append((row["file"], f, row[f], got[f]))
    print({f: f"{right[f]}/{len(rows)}" for f in FIELDS}, misses)
    for f in FIELDS:
        assert right[f] / len(rows) >= 0.94, (f, misses)


def test_badge_read_from_the_tree_when_no_source_is_given():
    from selectolax.lexbor import LexborHTMLParser

    from govlens.probes.extract.identity import site_identity
    html = ("<html><body><!-- <a href='https://bszs.conac.cn/old'>x</a> --><div class=footer>京ICP备05000009号"
            "<a href='https://bszs.conac.cn/sitename?id=Z'><img src='https://dcs.conac.cn/image/red.png'></a></div>"
            "</body></html>")
    got = site_identity(LexborHTMLParser(html), {}, "首页 - 测试中心", "home", lambda u: u)
    assert got["conac_badge"] == {"present": True, "url": "https://bszs.conac.cn/sitename?id=Z"}
    assert got["site_name"] == "测试中心" and got["icp"] == "京ICP备05000009号"
