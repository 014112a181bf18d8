from datetime import date

from govlens.probes.gatherers.interaction import letter_dates
from govlens.probes.gatherers.service_guides import attachments, elements_present


def test_letter_dates_by_label():
    text = "标题：关于路灯 来信时间：2013-08-01 10:20 回复单位：城管局 回复时间：2013年8月9日 回复内容：已修复"
    assert letter_dates(text) == (date(2013, 8, 1), date(2013, 8, 9), "replied")


def test_pending_letter_and_non_letter():
    assert letter_dates("留言日期：2013/11/02 办理状态：办理中") == (date(2013, 11, 2), None, "pending")
    assert letter_dates("发布时间：2013-11-02 正文")[0] is None       # an article is not a letter


def test_guide_elements_from_headings_tables_and_labels():
    html = """<html><body><div class="header"><p>咨询电话：12345</p></div>
    <div class="main"><h1>户口迁移办事指南</h1><h3>设定依据</h3><p>…</p>
    <table><tr><th>受理条件</th><td>…</td></tr><tr><td>申请材料</td><td>身份证</td></tr></table>
    <p>办理流程：申请→受理</p><p><b>办理时限</b> 5日</p><p>收费标准：不收费</p></div>
    <div class="footer"><p>办理地点：本站地址</p></div></body></html>"""
    found, title = elements_present(html)
    assert title == "户口迁移办事指南"
    assert {k for k, v in found.items() if v} == {"依据", "条件", "材料", "流程", "时限", "收费"}
    # the header's 电话 and the footer's 地点 are page chrome, not the guide's


def test_attachments_are_document_links_and_download_links():
    html = ('<a href="/f/a.doc">表</a><a href="b.PDF?x=1">说明</a><a href="/dl?id=3">表格下载</a>'
            '<a href="/x.html">无关</a><a href="javascript:void(0)">下载</a>')
    assert attachments(html, "https://a.gov.cn/fw/fw_1.html") == [
        ("https://a.gov.cn/f/a.doc", "表"), ("https://a.gov.cn/fw/b.PDF?x=1", "说明"), ("https://a.gov.cn/dl?id=3", "表格下载")]
