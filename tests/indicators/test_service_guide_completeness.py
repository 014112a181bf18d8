from govlens.indicators.interaction import service_guide_completeness
from govlens.text import render

KEYS = ("依据", "条件", "材料", "流程", "时限", "收费", "地点", "电话")


def guide(f, n, missing=(), status="completed"):
    elements = {k: k not in missing for k in KEYS}
    return f.obs("service_guide", f"https://www.example.gov.cn/fw/fw_{n}.html", status, probe="service_guides",
                 title=f"事项{n}办事指南", elements=elements if status == "completed" else {},
                 missing=list(missing), attachments=[])


def test_complete_guides(f):
    r = service_guide_completeness.evaluate(f.po(guide(f, 1), guide(f, 2)), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_each_incomplete_guide_is_a_finding_naming_what_it_lacks(f):
    r = service_guide_completeness.evaluate(f.po(guide(f, 1), guide(f, 2, ("收费", "电话"))), f.ctx())
    assert r.value == (1 + 6 / 8) / 2
    assert [(x.kind, x.url) for x in r.findings] == [("incomplete_service_guide", "https://www.example.gov.cn/fw/fw_2.html")]
    assert "收费" in render(r.findings[0].detail, "en") and "电话" in render(r.findings[0].detail, "en")


def test_failed_guide_pages_are_not_judged(f):
    r = service_guide_completeness.evaluate(f.po(guide(f, 1, status="http_error")), f.ctx())
    assert r.status == "not_applicable"
