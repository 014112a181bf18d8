"""``notice.docx``: the notice (通报) as a Word document an office can edit, sign and publish.

Read from the notice model (the same text as notice.html) with a table per award group and the findings
charts as pictures. Fields the model may grow (a document number, contact lines, signature lines) are
taken when present, so the layout follows whatever the notice carries.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from govlens.report import docx_common as w
from govlens.report.award_tables import GroupTable
from govlens.report.charts import Chart
from govlens.report.locale import Locale

GROUP_WIDTHS = (14, 62, 26, 22, 32)        # mm: 序号, 名称, 指数, 组内排名, 排名区间 (156 mm type area)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "；".join(_text(v) for v in value if _text(v))
    return str(value)


def _lines(model: Any, *names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        value = getattr(model, name, None)
        if isinstance(value, (list, tuple)):
            out += [_text(v) for v in value if _text(v)]
        elif _text(value):
            out.append(_text(value))
    return out


def write_notice_docx(path: Path, model: Any, tables: dict[tuple[str, str], GroupTable], charts: Sequence[Chart],
                      L: Locale) -> Path:
    doc = w.new_document(getattr(model, "lang", "zh-CN"))
    doc.core_properties.title = w.clean(model.title)
    doc.core_properties.language = getattr(model, "lang", "zh-CN")
    w.red_header(doc, model.issuer)
    for line in _lines(model, "doc_number", "document_number"):
        w.para(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    w.title(doc, model.title)
    for p in model.intro:
        w.para(doc, p)
    for p in (model.numbers, model.series_intro):
        if p:
            w.para(doc, p)
    for s in model.series:
        p = w.para(doc)
        w.run(p, s.label, font=w.HEADING_FONT)
        w.run(p, L.t("documents.series_item" if s.award_titles else "documents.series_item_plain", title=s.title,
                     awards=L.join(list(s.award_titles))))
    if model.results_follow:
        w.para(doc, model.results_follow)

    labels = getattr(model, "labels", {}) or {}
    for s in model.series:
        w.heading(doc, s.heading, 1)
        if s.key_points:
            w.labelled(doc, labels.get("key_points", ""), s.key_points)
        for a in s.awards:
            _award(doc, a, tables, labels, L)

    lists = getattr(model, "nomination_lists", []) or []
    if lists:
        w.heading(doc, model.nominations_heading, 1)
        if model.nominations_intro:
            w.para(doc, model.nominations_intro)
        for lst in lists:
            _names(doc, lst.title, [e.name for e in lst.entries], L)

    w.heading(doc, model.findings_heading, 1)
    for p in model.findings:
        w.para(doc, p)
    for i, chart in enumerate(charts, 1):
        w.picture(doc, chart.png, L.t("charts.figure", n=i, title=chart.title), chart.alt)
    for t in model.tables:
        w.table(doc, t.header, t.rows, caption=t.title, numeric=range(1, len(t.header)))
    for line in _lines(model, "closing"):
        w.para(doc, line)
    for line in _lines(model, "contact"):
        w.para(doc, line)
    w.closing(doc, [*_lines(model, "signatures", "signature"), model.issuer, model.date])
    return w.save(doc, path)


def _award(doc: Any, a: Any, tables: dict[tuple[str, str], GroupTable], labels: dict[str, str], L: Locale) -> None:
    w.heading(doc, a.title, 2)
    if not a.has_winners:
        w.para(doc, labels.get("vacant", ""))
    for g in a.groups:
        t = tables.get((a.key, g.id))
        if t is not None:
            w.table(doc, t.header, t.rows, caption=t.caption, widths=GROUP_WIDTHS, numeric=(0, 2))
    if a.has_winners and (a.reason or a.reasons):
        p = w.para(doc, keep_next=True)
        w.run(p, labels.get("reason", ""), font=w.HEADING_FONT)
        for text in ([a.reason] if a.reason else []) + list(a.reasons):
            w.para(doc, text)
    if a.has_nominations:
        w.heading(doc, a.nominations_heading, 3)
        if labels.get("nominations_intro"):
            w.para(doc, labels["nominations_intro"])
        for g in a.groups:
            if g.nominations:
                _names(doc, g.title, [e.name for e in g.nominations], L)


def _names(doc: Any, title: str, names: list[str], L: Locale) -> None:
    p = w.para(doc)
    w.run(p, title + L.t("documents.colon"), font=w.HEADING_FONT)
    w.run(p, L.join(names))
