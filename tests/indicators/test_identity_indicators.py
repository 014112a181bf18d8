"""The site-identity and compliance indicators (site-code, icp-number, police-record, site-sponsor,
conac-badge, site-code-match, guideline-meta), on hand-made observations."""
from __future__ import annotations

from typing import Any

import pytest

from govlens.indicators.identity import (conac_badge, guideline_meta, icp_number, police_record, site_code,
                                          site_code_match, site_sponsor)
from govlens.text import render

FOOTER = "主办单位：示例市人民政府办公室 网站标识码：3300000001 浙ICP备00000001号 浙公网安备 33000002000001号"


def block(**over: Any) -> dict[str, Any]:
    b: dict[str, Any] = {"site_name": "示例市人民政府门户网站", "site_code": "3300000001", "site_code_meta": "3300000001",
                         "site_code_agrees": True, "icp": "浙ICP备00000001号", "police_record": "浙公网安备 33000002000001号",
                         "sponsor": "示例市人民政府办公室", "organiser": None,
                         "conac_badge": {"present": True, "url": "https://bszs.conac.cn/sitename?id=1"},
                         "contact": None, "guideline_meta": {"role": "home", "present": ["SiteName", "SiteDomain",
                                                                                         "SiteIDCode"], "missing": []},
                         "footer_text": FOOTER}
    b.update(over)
    return b


SHOWN = [(site_code, "site_code", "missing_site_code"), (icp_number, "icp", "missing_icp"),
         (police_record, "police_record", "missing_police_record"), (site_sponsor, "sponsor", "missing_sponsor")]


@pytest.mark.parametrize("module, field, kind", SHOWN)
def test_shown_is_one_without_finding(f, module, field, kind):
    r = module.evaluate(f.po(f.page(site_identity=block())), f.ctx())
    assert r.status == "ok" and r.value == 1.0 and r.findings == []
    assert r.evidence and r.evidence[0].snippet == block()[field]


@pytest.mark.parametrize("module, field, kind", SHOWN)
def test_absent_is_zero_with_a_site_finding_carrying_the_footer(f, module, field, kind):
    footer = "示例市人民政府 版权所有"
    r = module.evaluate(f.po(f.page(site_identity=block(**{field: None, "footer_text": footer}))), f.ctx())
    assert r.value == 0.0
    assert [(x.kind, x.url) for x in r.findings] == [(kind, f.home_url)]
    assert r.findings[0].snippet == footer and r.findings[0].evidence_url == f.home_url


def test_badge(f):
    ok = conac_badge.evaluate(f.po(f.page(site_identity=block())), f.ctx())
    assert ok.value == 1.0 and "conac.cn" in ok.evidence[0].snippet
    gone = conac_badge.evaluate(f.po(f.page(site_identity=block(conac_badge={"present": False, "url": None}))),
                                f.ctx())
    assert gone.value == 0.0 and [x.kind for x in gone.findings] == ["missing_conac_badge"]


def test_only_the_homepage_counts_for_the_footer_facts(f):
    home = f.page(site_identity=block(icp=None))
    art = f.page("article", f.home_url + "art/1.html", site_identity=block())
    r = icp_number.evaluate(f.po(home, art), f.ctx())
    assert r.value == 0.0 and len(r.findings) == 1


def test_missing_when_the_homepage_never_loaded_or_was_read_without_the_block(f):
    assert site_code.evaluate(f.po(f.page(status="http_error")), f.ctx()).status == "missing"
    r = site_sponsor.evaluate(f.po(f.page()), f.ctx())
    assert r.status == "missing" and r.findings == []


def test_empty_footer_text_is_said_plainly(f):
    r = site_code.evaluate(f.po(f.page(site_identity=block(site_code=None, footer_text=None))), f.ctx())
    assert r.findings[0].snippet == ""
    assert "no footer text found" in render(r.findings[0].detail, "en") and "未找到页脚文字" in render(r.findings[0].detail)


# ---------------------------------------------------------------- site-code-match
def test_code_agrees(f):
    r = site_code_match.evaluate(f.po(f.page(site_identity=block())), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_code_disagrees_on_the_homepage(f):
    b = block(site_code_meta="3300000002", site_code_agrees=False)
    r = site_code_match.evaluate(f.po(f.page(site_identity=b)), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["site_code_mismatch"]
    assert "3300000001" in r.findings[0].snippet and "3300000002" in r.findings[0].snippet


def test_code_disagreeing_on_an_article_is_found_too(f):
    art_url = f.home_url + "art/2.html"
    home = f.page(site_identity=block(site_code_meta=None, site_code_agrees=None))
    art = f.page("article", art_url, site_identity=block(site_code_meta="1100000009", site_code_agrees=False))
    r = site_code_match.evaluate(f.po(home, art), f.ctx())
    assert r.value == 0.0 and r.findings[0].evidence_url == art_url and r.findings[0].url == f.home_url


def test_code_match_not_applicable_without_both(f):
    r = site_code_match.evaluate(f.po(f.page(site_identity=block(site_code=None, site_code_agrees=None))), f.ctx())
    assert r.status == "not_applicable" and r.findings == []


# ---------------------------------------------------------------- guideline-meta
ARTICLE_META = ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle", "PubDate", "ContentSource",
                "Keywords", "Description", "Url"]


def meta(role: str, missing: list[str]) -> dict[str, Any]:
    want = ARTICLE_META if role == "article" else ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName",
                                                   "ColumnDescription", "ColumnKeywords", "ColumnType"]
    return block(guideline_meta={"role": role, "present": [m for m in want if m not in missing], "missing": missing})


def test_one_finding_per_page_lacking_its_roles_meta(f):
    a1, a2, c1 = (f.home_url + "art/1.html", f.home_url + "art/2.html", f.home_url + "col/yw/")
    r = guideline_meta.evaluate(f.po(
        f.page(site_identity=block(guideline_meta={"role": "home", "present": [], "missing": ["SiteName"]})),
        f.page("article", a1, site_identity=meta("article", [])),
        f.page("article", a2, site_identity=meta("article", ["PubDate", "ContentSource"])),
        f.page("column", c1, site_identity=meta("column", ["ColumnType"])),
    ), f.ctx())
    assert r.value == 1 / 3
    assert sorted((x.kind, x.url) for x in r.findings) == [("missing_guideline_meta", a2),
                                                           ("missing_guideline_meta", c1)]
    art = next(x for x in r.findings if x.url == a2)
    assert "PubDate" in render(art.detail, "en") and "ContentSource" in render(art.detail, "en") and "SiteName" in art.snippet


def test_guideline_meta_not_applicable_on_a_homepage_only_site(f):
    assert guideline_meta.evaluate(f.po(f.page(site_identity=block())), f.ctx()).status == "not_applicable"


def test_guideline_meta_missing_without_blocks(f):
    r = guideline_meta.evaluate(f.po(f.page(), f.page("article", f.home_url + "art/1.html")), f.ctx())
    assert r.status == "missing"


# ---------------------------------------------------------------- from a real extraction
def test_from_an_extracted_page(f):
    from govlens.probes.extract.html import extract_page
    html = ("<html><head><title>示例市人民政府门户网站</title><meta name='SiteIDCode' content='3300000009'></head><body>"
            "<div class=foot>示例市人民政府 版权所有 网站标识码：3300000001 浙ICP备00000001号</div></body></html>")
    payload = extract_page(html, f.home_url, platform_host="www.example.gov.cn", role="home")
    po = f.po(f.page(site_identity=payload["site_identity"]))
    ctx = f.ctx()
    kinds = {m.ID: [x.kind for x in m.evaluate(po, ctx).findings]
             for m in (site_code, icp_number, police_record, site_sponsor, conac_badge, site_code_match)}
    assert kinds == {"site-code": [], "icp-number": [], "police-record": ["missing_police_record"],
                     "site-sponsor": ["missing_sponsor"], "conac-badge": ["missing_conac_badge"],
                     "site-code-match": ["site_code_mismatch"]}
