"""``inspection.docx``: the national check's results as a Word document (检查结果通报).

The same three parts as inspection.html (unqualified sites with their vetoes, the problem list with
evidence and observation time, the qualified sites), the charts as pictures, the problem list on
landscape pages where its seven columns fit.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from govlens.report import docx_common as w
from govlens.report.charts import Chart
from govlens.report.locale import Locale
from govlens.report.values import fmt_score

UNQUALIFIED_WIDTHS = (12, 48, 46, 16, 34)
PROBLEM_WIDTHS = (40, 18, 36, 14, 60, 56, 32)          # landscape: 225 mm type area
QUALIFIED_WIDTHS = (12, 84, 20, 20, 20)


PROBLEM_COLUMNS = ("col_site", "col_type", "col_problem", "col_points", "col_detail", "col_evidence_url",
                   "col_observed_at")


def problem_header(labels: dict[str, str]) -> list[str]:
    """The problem list's header row (inspection.docx's table, inspection.pdf's per-site tables)."""
    return [labels[k] for k in PROBLEM_COLUMNS]


def problem_cells(p: dict[str, Any], types: dict[str, str]) -> list[str]:
    """One problem's row: site, type, problem, points, what was seen, evidence URL, when it was observed —
    the cells inspection.docx and inspection.pdf both show."""
    return [w.clean(v) for v in (p.get("site"), types.get(p.get("type"), ""), p.get("title"),
                                    fmt_score(p.get("points")) if p.get("points") else "", p.get("detail"),
                                    p.get("evidence_url"), p.get("observed_at"))]


def problems_by_site(problems: Sequence[dict[str, Any]], types: dict[str, str]) -> list[tuple[str, list[list[str]]]]:
    """(site, its problems' rows) in the problem list's order: one table per site in inspection.pdf."""
    out: list[tuple[str, list[list[str]]]] = []
    last: Any = object()
    for p in problems:
        if p.get("site_id") != last:
            out.append((str(p.get("site") or ""), []))
            last = p.get("site_id")
        out[-1][1].append(problem_cells(p, types))
    return out


def _vetoes(row: dict[str, Any]) -> str:
    return "；".join(str(p.get("title") or "") for p in row.get("problems") or [] if p.get("type") == "veto")


def write_inspection_docx(path: Path, model: dict[str, Any], charts: Sequence[Chart], L: Locale) -> Path:
    labels = model["L"]
    doc = w.new_document(model.get("lang") or L.name)
    heading = f"{model['title']} · {labels['report']}" if model.get("title") else labels["report"]
    doc.core_properties.title = w.clean(heading)
    w.red_header(doc, model.get("campaign") or "")
    w.title(doc, heading)
    if model.get("check_date"):
        w.para(doc, f"{labels['check_date']}{L.t('documents.colon')}{model['check_date']}")
    for text in (model.get("summary"), model.get("monitor")):
        if text:
            w.para(doc, text)
    for i, chart in enumerate(charts, 1):
        w.picture(doc, chart.png, L.t("charts.figure", n=i, title=chart.title), chart.alt)

    number = L.t("documents.number")
    w.heading(doc, labels["unqualified_title"], 1)
    if model["unqualified"]:
        w.table(doc, [number, labels["col_site"], labels["col_url"], labels["col_score"], labels["col_vetoes"]],
                [[str(i), r["name"], r["url"], fmt_score(r["score"]), _vetoes(r)]
                 for i, r in enumerate(model["unqualified"], 1)], widths=UNQUALIFIED_WIDTHS, numeric=(0, 3))
    else:
        w.para(doc, labels["none"])

    w.landscape_section(doc)
    w.heading(doc, labels["problems_title"], 1)
    types = model.get("types") or {}
    w.table(doc, problem_header(labels), [problem_cells(p, types) for p in model["problems"]],
            widths=PROBLEM_WIDTHS, numeric=(3,))

    w.portrait_section(doc)
    w.heading(doc, labels["qualified_title"], 1)
    w.table(doc, [number, labels["col_site"], labels["col_score"], labels["col_deducted"], labels["col_bonus"]],
            [[str(i), r["name"], fmt_score(r["score"]), fmt_score(r["deducted"]), fmt_score(r["bonus"])]
             for i, r in enumerate(model["qualified"], 1)], widths=QUALIFIED_WIDTHS, numeric=(0, 2, 3, 4))
    w.para(doc, labels.get("generated_by", ""), indent=False, size=10.5)
    return w.save(doc, path)
