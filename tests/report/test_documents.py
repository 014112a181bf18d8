"""notice.docx / notice.pdf / inspection.docx / inspection.pdf and the charts, read back with the libraries a
reader would use: python-docx for Word, pypdf for the PDF's text and fonts, pypdfium2 for its rendered pages."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from .conftest import AWARDS_DOC, PLATFORMS, build_store

NAMES = {pid: name for pid, name, *_ in PLATFORMS}
SERIES_NUMBERS = {1: "第一系列", 4: "第四系列", 5: "第五系列"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _winner_groups(rows: list[dict]) -> dict[tuple[str, str, str], list[str]]:
    out: dict[tuple[str, str, str], list[str]] = {}
    for r in sorted((r for r in rows if r["status"] == "winner"), key=lambda r: r["position"]):
        out.setdefault((r["series_id"], r["award_id"], r["group_id"]), []).append(NAMES[r["platform_id"]])
    return out


def _pdf_text(path: Path) -> str:
    return _flat("".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def _pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(str(path)).pages:
        res = page.get("/Resources") or {}
        for font in (res.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    return fonts


# ------------------------------------------------------------------ the notice

def test_notice_docx_reads_back_as_an_official_notice(campaign):
    path = campaign["paths"]["notice.docx"]
    doc = Document(str(path))
    paras = [p.text for p in doc.paragraphs]
    text = "\n".join(paras)
    assert paras.index(AWARDS_DOC["issuer"]) < paras.index(AWARDS_DOC["title"])     # 版头 above the title
    assert "二〇一三年十二月二十五日" in paras[-1] and AWARDS_DOC["issuer"] in paras[-2:]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    for s in AWARDS_DOC["series"]:
        assert any(h.startswith(SERIES_NUMBERS[s["number"]]) and s["title"] in h for h in headings), s["title"]
    # one table per award group with winners: the winners' names in award order, hostile names as plain text
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    for key, names in _winner_groups(campaign["award_rows"]).items():
        assert any([r[1] for r in t[1:]] == names and t[0][0] == "序号" for t in tables), key
    assert campaign["xss_name"] in text + "".join(c for t in tables for r in t for c in r)
    assert "&lt;" not in text
    # the findings charts are embedded pictures; A4 with GB/T 9704-like margins; Chinese runs name a CJK font
    assert len(doc.inline_shapes) == 4
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm), round(sec.top_margin.mm)) == (210, 297, 37)
    fonts = {r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for p in doc.paragraphs for r in p.runs
             if r.text and r._element.rPr is not None and r._element.rPr.find(qn("w:rFonts")) is not None}
    assert fonts and None not in fonts and {"仿宋", "黑体"} <= fonts
    assert round(sec.left_margin.mm) == 28


def test_notice_pdf_text_fonts_and_links(campaign):
    path = campaign["paths"]["notice.pdf"]
    text = _pdf_text(path)
    for needle in (AWARDS_DOC["title"], AWARDS_DOC["issuer"], "二〇一三年十二月二十五日", "评估发现"):
        assert _flat(needle) in text, needle
    for s in AWARDS_DOC["series"]:
        assert _flat(SERIES_NUMBERS[s["number"]] + "：" + s["title"]) in text
    for names in _winner_groups(campaign["award_rows"]).values():
        for name in names:
            assert _flat(name) in text, name
    assert "图1" in text and "图4" in text                                       # the four charts' captions
    assert any("CJK" in f for f in _pdf_fonts(path))                             # embedded CJK font, not tofu
    reader = PdfReader(str(path))
    uris = [a.get_object().get("/A", {}).get("/URI") for p in reader.pages for a in (p.get("/Annots") or [])]
    assert not [u for u in uris if u and not str(u).startswith(("http://", "https://"))]   # no local file links
    assert _flat("— 1 —") in _flat(reader.pages[0].extract_text())                  # page number


def _ink(image) -> float:
    gray = image.convert("L")
    hist = gray.histogram()
    return sum(hist[:160]) / (gray.width * gray.height)


def test_notice_pdf_first_pages_render_with_chinese_glyphs(campaign):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(campaign["paths"]["notice.pdf"]))
    assert len(pdf) >= 2
    for i in range(2):
        image = pdf[i].render(scale=1.0).to_pil()
        assert image.width > 500 and _ink(image) > 0.005, i                      # not a blank page
        assert pdf[i].get_textpage().get_text_range().strip()
    # the title's glyphs are drawn from a CJK font: the red issuer line's top band has ink, and the
    # rendered page text pdfium reads back contains the title's Chinese characters
    first = pdf[0].get_textpage().get_text_range()
    assert "通报" in _flat(first) and AWARDS_DOC["issuer"] in _flat(first)
    top = pdf[0].render(scale=1.0).to_pil().crop((0, 0, 595, 200))
    rgb = np.asarray(top.convert("RGB")).astype(int)
    red = int(((rgb[..., 0] > 150) & (rgb[..., 1] < 80) & (rgb[..., 2] < 80)).sum())
    assert red > 200                                                             # the red 版头 is drawn


def test_notice_html_inlines_the_charts_as_svg(campaign):
    html = (campaign["out"] / "notice.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    assert len(svgs) == 4 and all('role="img"' in s and "aria-label=" in s for s in svgs)
    ids = re.findall(r'\bid="([^"]+)"', "".join(svgs))
    assert len(ids) == len(set(ids))                                             # unique across the charts
    assert not re.search(r'(?:href|src)="(?!#)', "".join(svgs))                  # nothing fetched
    assert "东部地区" in html and "<?xml" not in html


# ------------------------------------------------------------------ the inspection report

@pytest.fixture(scope="module")
def inspected(tmp_path_factory):
    from govlens.frameworks.inspection import load_inspection_scheme
    from govlens.report import write_reports
    from govlens.scoring.inspection import inspect_campaign

    base = tmp_path_factory.mktemp("inspected")
    built = build_store(base / "campaign.duckdb")
    inspect_campaign(built["store"], load_inspection_scheme("national-check-2019"),
                     services="service-guide-completeness")
    built["rows"] = {r["platform_id"]: r for r in built["store"].rows("inspection_results")}
    built["paths"] = write_reports(built["store"], base / "out", framework=built["framework"], awards=built["awards"])
    yield built
    built["store"].close()


def test_inspection_docx_and_pdf(inspected):
    import json

    rows = inspected["rows"]
    problems = lambda r: json.loads(r["problems"]) if isinstance(r["problems"], str) else r["problems"]
    unqualified = [NAMES[pid] for pid, r in rows.items() if not r["qualified"]]
    listed = [p for r in rows.values() for p in problems(r) if p["type"] in ("veto", "deduction")]
    assert unqualified and listed                      # the small store fails some sites and deducts from others
    doc = Document(str(inspected["paths"]["inspection.docx"]))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assert {r[1] for r in tables[0][1:]} == set(unqualified)
    assert len(tables[1]) - 1 == len(listed)                                     # one row per problem
    assert {r[2] for r in tables[1][1:]} == {p["title"] for p in listed}
    assert doc.sections[1].page_width > doc.sections[1].page_height              # the problem list is landscape
    assert len(doc.inline_shapes) >= 1
    text = _pdf_text(inspected["paths"]["inspection.pdf"])
    for name in unqualified:
        assert _flat(name) in text
    for title in {p["title"] for p in listed}:
        assert _flat(title) in text
    assert any("CJK" in f for f in _pdf_fonts(inspected["paths"]["inspection.pdf"]))
    html = (inspected["paths"]["inspection.html"]).read_text(encoding="utf-8")
    assert "<svg" in html and "chart-inspection-" in html


def _outside(path: Path, margin: float = 0.5) -> list[tuple[int, str]]:
    """(page, character) of every character pdfium finds drawn beyond its page's edges."""
    import pypdfium2 as pdfium

    out = []
    pdf = pdfium.PdfDocument(str(path))
    for n in range(len(pdf)):
        page = pdf[n]
        width, height = page.get_size()
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            left, bottom, right, top = tp.get_charbox(i)
            if left < -margin or bottom < -margin or right > width + margin or top > height + margin:
                out.append((n, tp.get_text_range(i, 1)))
    return out


def test_inspection_pdf_has_the_docx_per_site_problem_tables(inspected):
    doc = Document(str(inspected["paths"]["inspection.docx"]))
    header, *rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert len(header) == 7 and rows
    path = inspected["paths"]["inspection.pdf"]
    text = _pdf_text(path)
    for row in rows:                         # each problem's row, its seven cells in the DOCX's order
        assert _flat("".join(row)) in text, row
    pages = [_flat(p.extract_text() or "") for p in PdfReader(str(path)).pages]
    head = _flat("".join(header))
    sites = list(dict.fromkeys(r[0] for r in rows))
    assert sum(t.count(head) for t in pages) >= len(sites) > 1            # a table (its header) per site
    # the problem list is on landscape pages, its header row repeated on each of them
    landscape = [n for n, p in enumerate(PdfReader(str(path)).pages) if p.mediabox.width > p.mediabox.height]
    assert len(landscape) >= 2 and all(head in pages[n] for n in landscape)
    assert _outside(path) == []


def test_inspection_pdf_problem_tables_keep_long_urls_on_the_page(tmp_path):
    from govlens.report.documents import write_inspection_documents
    from govlens.report.inspection import LABELS
    from govlens.report.locale import Locale

    L = Locale("zh-CN")
    url = "https://www.example.gov.cn/" + "a" * 40 + "/" + "b1234567890" * 25 + ".html?x=" + "c" * 60
    problems = [{"site": "很长网址的网站", "site_id": "long", "type": "deduction", "title": f"问题{i}",
                 "points": 1.0, "detail": "说明" * 30, "evidence_url": url, "observed_at": "2013-11-30 10:00"}
                for i in range(40)]
    model = {"lang": "zh-CN", "L": {k: L.t(f"inspection.{k}") for k in LABELS}, "title": "检查", "campaign": "",
             "check_date": "", "summary": "", "monitor": "", "qualified": [], "unqualified": [],
             "problems": problems, "types": {"veto": L.t("inspection.veto"), "deduction": L.t("inspection.deduction")}}
    paths = write_inspection_documents(tmp_path, model, [], L)
    reader = PdfReader(str(paths["inspection.pdf"]))
    head = _flat("".join(L.t(f"inspection.{k}") for k in ("col_site", "col_type", "col_problem", "col_points",
                                                         "col_detail", "col_evidence_url", "col_observed_at")))
    table_pages = [_flat(p.extract_text() or "") for p in reader.pages if "问题" in (p.extract_text() or "")]
    with_rows = [t for t in table_pages if "问题3" in t or "问题39" in t or "很长网址的网站" in t]
    assert len(with_rows) >= 3 and all(head in t for t in with_rows)         # the header on every page of rows
    assert all(f"问题{i}" in _pdf_text(paths["inspection.pdf"]) for i in range(40))
    assert _outside(paths["inspection.pdf"]) == []                            # the URLs broke inside their column


# ------------------------------------------------------------------ the charts themselves

def test_charts_are_deterministic_escaped_and_localised(campaign):
    from govlens.report import charts
    from govlens.report.data import load_campaign
    from govlens.report.findings_summary import summarise
    from govlens.report.locale import Locale

    data = load_campaign(campaign["store"], campaign["framework"].id)
    for loc, east in (("zh-CN", "东部地区"), ("en", "East")):
        L = Locale(loc)
        a = charts.notice_charts(data, summarise(data, campaign["framework"], loc), L)
        b = charts.notice_charts(data, summarise(data, campaign["framework"], loc), L)
        assert [c.svg for c in a] == [c.svg for c in b] and [c.png for c in a] == [c.png for c in b]
        assert [c.id for c in a] == ["chart-regions", "chart-levels", "chart-defects", "chart-vetoes"]
        assert east in a[0].svg and a[0].png.startswith(b"\x89PNG")
    hostile = charts._bars("chart-x", "t", ['<script>alert(1)</script>&"'], [3], xlabel="n")
    assert "<script>" not in hostile.svg and "&lt;script&gt;" in hostile.svg


def test_missing_cjk_font_is_named(monkeypatch):
    from govlens.report import charts

    monkeypatch.setattr(charts.shutil, "which", lambda _: None)
    monkeypatch.setattr(charts, "FONT_PATHS", ("/nonexistent/NotoSansCJK.ttc",))
    with pytest.raises(charts.ChartFontMissing, match="fonts-noto-cjk"):
        charts.cjk_font.__wrapped__()
