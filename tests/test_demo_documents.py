"""The demo writes the notice and the inspection results as Word and PDF (shared session demo)."""
from __future__ import annotations

import re

from docx import Document
from pypdf import PdfReader


def test_demo_writes_word_and_pdf(demo):
    for stem in ("notice", "inspection"):
        doc = Document(str(demo / f"{stem}.docx"))
        assert doc.tables and len(doc.inline_shapes) >= 2, stem              # tables and the charts
        reader = PdfReader(str(demo / f"{stem}.pdf"))
        assert len(reader.pages) >= 3, stem
        first = re.sub(r"\s+", "", reader.pages[0].extract_text())
        assert "通报" in first or "检查结果" in first, stem
    notice = Document(str(demo / "notice.docx"))
    headings = [p.text for p in notice.paragraphs if p.style.name == "Heading 1"]
    assert sum(1 for h in headings if h.startswith("第") and "系列" in h) == 9        # all nine series
    assert len(notice.inline_shapes) == 4
    html = (demo / "notice.html").read_text(encoding="utf-8")
    assert html.count('<figure class="chart"') == 4
