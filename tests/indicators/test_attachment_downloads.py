from govlens.indicators.interaction import attachment_downloads
from govlens.text import render

GUIDE = "https://www.example.gov.cn/fw/fw_6.html"


def guide(f, *attachments):
    return f.obs("service_guide", GUIDE, probe="service_guides", title="指南", elements={}, missing=[],
                 attachments=list(attachments))


def att(url, ok, status="completed", http=200, ctype="application/msword"):
    return {"url": url, "text": "申请表", "status": status, "http_status": http, "content_type": ctype, "ok": ok}


def test_working_downloads(f):
    r = attachment_downloads.evaluate(f.po(guide(f, att("https://www.example.gov.cn/a.doc", True))), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_404_and_html_instead_of_file_are_findings(f):
    obs = f.po(guide(f, att("https://www.example.gov.cn/a.doc", True),
                     att("https://www.example.gov.cn/b.doc", False, "http_error", 404, "text/html"),
                     att("https://www.example.gov.cn/c.pdf", False, "completed", 200, "text/html")))
    r = attachment_downloads.evaluate(obs, f.ctx())
    assert round(r.value, 4) == round(1 / 3, 4)
    assert [(x.kind, x.url, x.evidence_url) for x in r.findings] == [
        ("broken_attachment", "https://www.example.gov.cn/b.doc", GUIDE),
        ("broken_attachment", "https://www.example.gov.cn/c.pdf", GUIDE)]
    assert "HTTP 404" in render(r.findings[0].detail, "en") and "instead of the file" in render(r.findings[1].detail, "en")


def test_no_downloads_is_not_applicable(f):
    assert attachment_downloads.evaluate(f.po(guide(f)), f.ctx()).status == "not_applicable"
