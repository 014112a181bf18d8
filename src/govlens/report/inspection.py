"""The census-style inspection report: ``inspection.html``, ``inspection.xlsx`` (and .docx, .pdf).

Laid out as inspection offices publish their findings: the unqualified sites with their
veto and score, then one row per problem (site, problem, points, what was seen, the evidence
URL and when it was observed), then the qualified sites. Read from ``inspection_results``
only; every scanned string is escaped (HTML autoescape) or neutralised (spreadsheet cells).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from govlens.atomic import atomic_path, atomic_write_text
from govlens.report.locale import Locale
from govlens.report.render import html_env
from govlens.report.safety import xlsx_cell
from govlens.report.texts import load_catalogue, observed_time, shown
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import inspection_rows


LABELS = ("report", "to_notice", "to_scorecards", "check_date", "unqualified_title", "problems_title",
          "qualified_title", "none", "col_site", "col_url", "col_score", "col_vetoes", "col_type", "col_problem",
          "col_points", "col_detail", "col_evidence_url", "col_observed_at", "col_deducted", "col_bonus",
          "generated_by")


def _load(store: CampaignStore) -> tuple[list[dict[str, Any]], str | None]:
    rows = inspection_rows(store)
    out = []
    for row in rows:
        for key in ("problems", "unchecked"):
            row[key] = json.loads(row[key]) if isinstance(row[key], str) else (row[key] or [])
        out.append(row)
    return out, (out[0]["scheme"] if out else None)


def write_inspection(store: CampaignStore, out_dir: Path, locale: str = "zh-CN") -> dict[str, Path]:
    """Write the two files when the store holds inspection results; returns what was written."""
    rows, scheme_id = _load(store)
    if not rows:
        return {}
    from govlens.frameworks.inspection import load_inspection_scheme

    L = Locale(locale)
    load_catalogue()
    rule_title: dict[str, str] = {}
    try:
        scheme = load_inspection_scheme(scheme_id or "")
        title = scheme.title(L.name)
        rule_title = {x.id: x.title(L.name) for x in (*scheme.vetoes, *scheme.deductions, *scheme.bonus.items)}
    except Exception:  # noqa: BLE001 - a scheme file moved since: its id will do
        title = scheme_id or ""
    campaign = store.get_meta("campaign", {}) or {}
    monitor = store.get_meta("monitor_window") or {}
    check_date = campaign.get("check_date")
    for r in rows:                  # the report's locale, whatever the locale of `govlens inspect`
        for p in r["problems"]:
            p["title"] = rule_title.get(p.get("id"), p.get("title") or "")
            p["detail"] = shown(p.get("detail"), L.name)
            p["observed_at"] = observed_time(p.get("observed_at"), check_date)
    problems = [dict(p, site=r["name"], site_id=r["id"]) for r in rows for p in r["problems"]
                if p["type"] in ("veto", "deduction")]
    qualified = [r for r in rows if r["qualified"]]
    unqualified = [r for r in rows if not r["qualified"]]
    model = {
        "lang": L.name, "L": {k: L.t(f"inspection.{k}") for k in LABELS}, "title": title,
        "campaign": campaign.get("name", ""), "check_date": campaign.get("check_date", ""),
        "heading": L.t("inspection.heading", campaign=campaign.get("name", ""), date=campaign.get("check_date", "")),
        "summary": L.t("inspection.summary", total=len(rows), qualified=len(qualified), unqualified=len(unqualified),
                       vetoed=sum(1 for r in rows if r["vetoed"])),
        "monitor": L.t("inspection.monitor", visits=monitor.get("visits"), duration=monitor.get("duration"),
                       timeout=monitor.get("timeout")) if monitor else "",
        "qualified": qualified, "unqualified": unqualified, "problems": problems,
        "types": {"veto": L.t("inspection.veto"), "deduction": L.t("inspection.deduction")},
    }
    from govlens.report.charts import inspection_charts
    from govlens.report.documents import figures, write_inspection_documents

    charts = inspection_charts(rows, L)
    html_path = Path(out_dir) / "inspection.html"
    atomic_write_text(html_path, html_env().get_template("inspection.html.j2").render(**model,
                                                                                    figures=figures(charts, L)))
    xlsx_path = Path(out_dir) / "inspection.xlsx"
    _write_xlsx(xlsx_path, rows, problems, L)
    return {"inspection.html": html_path, "inspection.xlsx": xlsx_path,
            **write_inspection_documents(Path(out_dir), model, charts, L)}     # inspection.docx, inspection.pdf


def _write_xlsx(path: Path, rows: list[dict[str, Any]], problems: list[dict[str, Any]], L: Locale) -> None:
    wb = Workbook(write_only=True)
    t = L.t
    results = wb.create_sheet(str(t("inspection.sheet_results"))[:31])
    head = ["id", "site", "url", "score", "base", "deducted", "bonus", "vetoed", "qualified", "vetoes", "variant"]
    results.append([xlsx_cell(t(f"inspection.col_{h}")) for h in head])
    yes, no = t("labels.yes"), t("labels.no")
    for r in rows:
        vetoes = "；".join(p["title"] for p in r["problems"] if p["type"] == "veto")
        results.append([xlsx_cell(v) for v in (r["id"], r["name"], r["url"], r["score"], r["base"], r["deducted"],
                                               r["bonus"], yes if r["vetoed"] else no, yes if r["qualified"] else no,
                                               vetoes, t("inspection.no_services") if r["variant"] else "")])
    sheet = wb.create_sheet(str(t("inspection.sheet_problems"))[:31])
    head = ["id", "site", "type", "problem", "points", "detail", "evidence_url", "observed_at"]
    sheet.append([xlsx_cell(t(f"inspection.col_{h}")) for h in head])
    for p in problems:
        sheet.append([xlsx_cell(v) for v in (p["site_id"], p["site"], t(f"inspection.{p['type']}"), p["title"],
                                               p["points"] or None, p["detail"], p["evidence_url"],
                                               p["observed_at"])])
    with atomic_path(path) as tmp:
        wb.save(tmp)
