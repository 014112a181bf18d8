"""Word building blocks shared by notice.docx and inspection.docx: an official document's page and type.

The page follows GB/T 9704 (党政机关公文格式) roughly: A4, top margin 37 mm, bottom 35 mm, left
(binding) 28 mm, right 26 mm; the title centred in a 小标宋-like bold face, the body in 仿宋, first-level
headings in 黑体, second-level in 楷体, the page number centred at the foot as "— 1 —". The
East Asian font is set on every run (``w:eastAsia``): python-docx's ``font.name`` sets only the Latin
one, and Word would otherwise show Chinese text in its default face. python-docx has no field or
border API, so the page-number field and the red rule under the issuer are written as their XML.
"""
from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from govlens.atomic import atomic_path
from govlens.report.safety import strip_bidi

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
LATIN_FONT = "Times New Roman"
RED = RGBColor(0xB5, 0x12, 0x1B)
BODY_PT, TABLE_PT = 14, 10.5           # 四号 body (三号 makes a campaign's notice twice as long), 五号 tables
PICTURE_WIDTH = Mm(150)                # inside the 156 mm type area
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}


def clean(text: Any) -> str:
    """Text safe for WordprocessingML: no control characters (XML 1.0 forbids them), no bidi overrides."""
    return strip_bidi(str(text if text is not None else "")).translate(_CONTROL)


def new_document(lang: str) -> Any:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = LATIN_FONT
    _east_asia(normal.element.get_or_add_rPr(), BODY_FONT)
    lang_el = OxmlElement("w:lang")
    normal.element.get_or_add_rPr().append(lang_el)
    lang_el.set(qn("w:eastAsia"), lang if lang.startswith("zh") else "zh-CN")
    lang_el.set(qn("w:val"), "en-US")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.35
    _page_number_footer(section)
    doc.core_properties.author = ""
    doc.core_properties.comments = ""
    return doc


def _east_asia(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def run(paragraph: Any, text: str, *, font: str = BODY_FONT, size: float | None = None, bold: bool = False,
        color: RGBColor | None = None) -> Any:
    r = paragraph.add_run(clean(text))
    r.font.name = LATIN_FONT
    _east_asia(r._element.get_or_add_rPr(), font)
    if size:
        r.font.size = Pt(size)
    r.font.bold = bold or None
    if color is not None:
        r.font.color.rgb = color
    return r


def para(doc: Any, text: str = "", *, indent: bool = True, align: Any = None, font: str = BODY_FONT,
         size: float | None = None, bold: bool = False, color: RGBColor | None = None,
         before: float = 0, after: float = 0, keep_next: bool = False) -> Any:
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Pt(2 * (size or BODY_PT))        # 首行缩进两字
    if align is not None:
        p.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep_next or None
    if text:
        run(p, text, font=font, size=size, bold=bold, color=color)
    return p


def labelled(doc: Any, label: str, text: str) -> Any:
    """'评估要点：从网站设计…' — a bold lead-in, then the text, one indented paragraph."""
    p = para(doc)
    run(p, label, bold=True, font=HEADING_FONT)
    run(p, text)
    return p


def title(doc: Any, text: str) -> Any:
    return para(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22, bold=True,
                before=6, after=18)


def red_header(doc: Any, issuer: str) -> None:
    """The issuing body in red above a red rule (the 版头 of an official document)."""
    if issuer:
        para(doc, issuer, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=26, bold=True,
             color=RED, after=4)
    p = para(doc, indent=False, after=12)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "B5121B")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def heading(doc: Any, text: str, level: int = 1) -> Any:
    """黑体 for the first level (一、 / 第一系列), 楷体 bold for the second; kept with what follows."""
    font, size = (HEADING_FONT, 16) if level == 1 else (SUBHEADING_FONT, 15) if level == 2 else (HEADING_FONT, 14)
    p = para(doc, text, indent=level > 1, font=font, size=size, bold=level > 1, before=12 if level == 1 else 8,
             after=4, keep_next=True)
    p.style = doc.styles[f"Heading {min(level, 3)}"]           # the navigation pane / outline sees it
    for r in p.runs:
        r.font.color.rgb = RGBColor(0, 0, 0)
        r.font.size = Pt(size)
    return p


def closing(doc: Any, lines: Sequence[str]) -> None:
    """Issuer and date at the right, below the text (落款)."""
    first = True
    for line in lines:
        if line:
            para(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, before=24 if first else 0)
            first = False


def _table_styles(doc: Any) -> dict[str, str]:
    """Paragraph styles of table cells (text, number, header), made once per document: a cell then needs
    only its style id and its text, which keeps a 1,500-row problem list to a second."""
    from docx.enum.style import WD_STYLE_TYPE

    ids = {}
    for key, font, bold, align in (("text", BODY_FONT, False, None), ("num", BODY_FONT, False, WD_ALIGN_PARAGRAPH.RIGHT),
                                   ("head", HEADING_FONT, True, WD_ALIGN_PARAGRAPH.CENTER)):
        name = f"govlens table {key}"
        if name not in [st.name for st in doc.styles]:
            st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = doc.styles["Normal"]
            st.font.size, st.font.bold = Pt(TABLE_PT), bold or None
            _east_asia(st.element.get_or_add_rPr(), font)
            fmt = st.paragraph_format
            fmt.first_line_indent, fmt.line_spacing, fmt.space_after = Pt(0), 1.1, Pt(0)
            if align is not None:
                fmt.alignment = align
        ids[key] = doc.styles[name].style_id
    return ids


def table(doc: Any, header: Sequence[str], rows: Sequence[Sequence[Any]], *, caption: str = "",
          widths: Sequence[float] | None = None, numeric: Sequence[int] = ()) -> Any:
    """A bordered table, header repeated on every page, numbers right-aligned; widths in mm.

    Rows are written as WordprocessingML directly (python-docx's cell API costs ~1 ms a cell)."""
    if caption:
        para(doc, caption, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=HEADING_FONT, size=TABLE_PT + 1,
             before=6, after=2, keep_next=True)
    styles = _table_styles(doc)
    t = doc.add_table(rows=0, cols=len(header))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    twips = [int(Mm(x).twips) for x in widths] if widths else None
    if twips:
        for col, width in zip(t.columns, widths or ()):
            col.width = Mm(width)
    tbl = t._tbl
    tbl.append(_tr(header, styles, numeric, twips, head=True))
    for values in rows:
        tbl.append(_tr(values, styles, numeric, twips))
    para(doc, indent=False, after=4)
    return t


def _tr(values: Sequence[Any], styles: dict[str, str], numeric: Sequence[int], twips: Sequence[int] | None,
        head: bool = False) -> Any:
    tr = etree.Element(W + "tr")
    trpr = etree.SubElement(tr, W + "trPr")
    etree.SubElement(trpr, W + "cantSplit")
    if head:
        etree.SubElement(trpr, W + "tblHeader")
    for i, value in enumerate(values):
        tc = etree.SubElement(tr, W + "tc")
        if twips and i < len(twips):
            tcpr = etree.SubElement(tc, W + "tcPr")
            etree.SubElement(tcpr, W + "tcW", {W + "w": str(twips[i]), W + "type": "dxa"})
        p = etree.SubElement(tc, W + "p")
        ppr = etree.SubElement(p, W + "pPr")
        style = "head" if head else "num" if i in numeric else "text"
        etree.SubElement(ppr, W + "pStyle", {W + "val": styles[style]})
        text = clean("" if value is None else value)
        if text:
            r = etree.SubElement(p, W + "r")
            t = etree.SubElement(r, W + "t")
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return tr


def picture(doc: Any, png: bytes, caption: str, alt: str = "") -> None:
    """A chart as an embedded picture with its caption below (图1　…)."""
    p = para(doc, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, keep_next=True)
    shape = p.add_run().add_picture(BytesIO(png), width=PICTURE_WIDTH)
    if alt:
        shape._inline.docPr.set("descr", clean(alt)[:1000])
    para(doc, caption, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=HEADING_FONT, size=TABLE_PT + 1, after=8)


def _page_number_footer(section: Any) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "— ", size=14)
    r = run(p, "", size=14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    r._element.addnext(field)
    run(p, " —", size=14)


def landscape_section(doc: Any) -> None:
    """A new landscape section (wide problem tables), the same margins turned."""
    _section(doc, landscape=True)


def portrait_section(doc: Any) -> None:
    _section(doc, landscape=False)


def _section(doc: Any, *, landscape: bool) -> None:
    """A new A4 section; the portrait margins are 37/35 mm top/bottom and 28/26 mm left/right, turned with the page."""
    from docx.enum.section import WD_ORIENT

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = (Mm(37), Mm(35)), (Mm(28), Mm(26))
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = short if landscape else long
    section.left_margin, section.right_margin = long if landscape else short


def save(doc: Any, path: Path) -> Path:
    doc.core_properties.revision = 1
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path
