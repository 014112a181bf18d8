"""``govlens review export``: one workbook per expert, one sheet per framework they review.

A scoring sheet (named by the framework id) holds, in row 1, the expert's id and name and the
framework; in row 2 the headers; from row 3 one row per platform assigned: id, name, kind,
group, region, the measured score (the index before the experts' part), the platform's URL,
its strongest evidence (findings with their URLs), the materials the framework shows, then one
empty cell per review item, headed ``<title> [<item id>] <min>–<max>`` and checked by Excel's
data validation. A ``说明`` sheet gives each item's range and definition. The assignment is
stored (``review_assignments``) so the import can tell a platform that was not given.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from govlens import messages
from govlens.atomic import atomic_path
from govlens.cells import neutralise_cell
from govlens.errors import ConfigError
from govlens.frameworks.model import Framework
from govlens.review.assign import assign
from govlens.review.experts import Expert
from govlens.store.campaign_store import CampaignStore

FIXED = ("平台编号", "平台名称", "类型", "组别", "地区", "测量得分", "网址", "证据", "材料")
MAX_EVIDENCE = 3


class Labels(Protocol):
    """Words for the codes a sheet shows (the report's :class:`~govlens.report.locale.Locale` is one; the
    runner passes it: this stage comes before the report and does not import it)."""

    def defect(self, kind: str) -> str: ...
    def kind(self, kind: str | None) -> str: ...
    def group(self, group: str | None) -> str: ...
    def region(self, region: str | None) -> str: ...


class _Codes:
    """No labels given: the codes themselves."""

    def defect(self, kind: str) -> str:
        return kind

    def kind(self, kind: str | None) -> str:
        return kind or ""

    def group(self, group: str | None) -> str:
        return group or ""

    def region(self, region: str | None) -> str:
        return region or ""


@dataclass
class ExportSummary:
    files: list[Path] = field(default_factory=list)
    platforms: dict[str, int] = field(default_factory=dict)     # framework → platforms to review
    load: dict[str, int] = field(default_factory=dict)          # expert → platforms


def item_header(title: str, item_id: str, low: float, high: float) -> str:
    return f"{title} [{item_id}] {low:g}–{high:g}"


def candidates(store: CampaignStore, framework: Framework) -> list[Any]:
    """The platforms a framework's review covers: all it scores, or those with materials; never a vetoed one."""
    spec = framework.review
    vetoed = set(store.select("results", "platform_id", framework=framework.id, vetoed=True)["platform_id"])
    # group scoring before the expert review: a platform the measurements veto is not sent to the experts
    platforms = [p for p in store.platforms() if p.kind in framework.platform_kinds and p.id not in vetoed]
    if spec.candidates == "all":
        return platforms
    types = list(spec.materials) or ["self_nomination", "recommendation"]
    with_materials = set(store.select("materials", "platform_id", distinct=True, type=types)["platform_id"])
    return [p for p in platforms if p.id in with_materials]


def export_review(store: CampaignStore, frameworks: Sequence[Framework], experts: Sequence[Expert], out_dir: Path,
                  *, exclude_own: str = "region", locale: str = "zh-CN",
                  labels: Labels | None = None) -> ExportSummary:
    reviewed = [fw for fw in frameworks if fw.review is not None]
    if not reviewed:
        raise ConfigError(messages.t("review.no_review_framework"),
                          field="frameworks")
    store.require("results", "score")
    summary = ExportSummary()
    load: dict[str, int] = {}
    sheets: dict[str, list[tuple[Framework, list[dict[str, Any]]]]] = {}
    assignments: list[dict[str, Any]] = []
    for fw in reviewed:
        plats = candidates(store, fw)
        summary.platforms[fw.id] = len(plats)
        given = assign(plats, experts, fw.review.experts_per_platform, exclude_own, load)
        rows = _rows(store, fw, plats, labels or _Codes())
        per_expert: dict[str, list[dict[str, Any]]] = {}
        for p in plats:
            for eid in given[p.id]:
                per_expert.setdefault(eid, []).append(rows[p.id])
                assignments.append({"framework": fw.id, "expert_id": eid, "platform_id": p.id,
                                    "measured": rows[p.id]["measured"]})
        for eid, lst in per_expert.items():
            sheets.setdefault(eid, []).append((fw, lst))
    store.replace("review_experts", [{"expert_id": e.id, "name": e.name, "region": e.region,
                                      "province": e.province} for e in experts])
    store.replace("review_assignments", assignments)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_id = {e.id: e for e in experts}
    for eid in sorted(sheets):
        path = out_dir / f"{eid}.xlsx"
        _write_book(path, by_id[eid], sheets[eid], locale)
        summary.files.append(path)
    summary.load = {k: v for k, v in sorted(load.items())}
    store.log_step("review", "export", {"frameworks": [fw.id for fw in reviewed], "platforms": summary.platforms,
                                        "load": summary.load, "exclude_own": exclude_own,
                                        "files": [p.name for p in summary.files]})
    return summary


def _write_book(path: Path, e: Expert, sheets: list[tuple[Framework, list[dict[str, Any]]]], locale: str) -> None:
    """One expert's workbook: a sheet per framework (a row per platform, the items to score in yellow, with
    their ranges as Excel data validation) and the items' definitions (sheet 说明)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    book = Workbook()
    book.remove(book.active)
    for fw, lst in sheets:
        _write_sheet(book.create_sheet(fw.id[:31]), e, fw, lst, locale, bold)
    info = book.create_sheet("说明")
    info.append(["评分项编号", "评分项", "最低分", "最高分", "定义", "评估框架"])
    for cell in info[1]:
        cell.font = bold
    for fw, _ in sheets:
        for it in fw.review.items:
            info.append([it.id, it.title(locale), it.min, it.max, it.definition(locale), fw.id])
    for row in info.iter_rows(min_row=2):
        row[4].alignment = Alignment(wrap_text=True)
    info.column_dimensions["E"].width = 60
    with atomic_path(path) as tmp:          # an expert's sheet is whole or the previous one
        book.save(tmp)


def _write_sheet(ws: Any, e: Expert, fw: Framework, lst: list[dict[str, Any]], locale: str, bold: Any) -> None:
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    fill = PatternFill("solid", fgColor="FFF2CC")
    ws.append(["专家编号", e.id, "专家", e.name, "评估框架", fw.id, "说明",
               "请在黄色单元格内为每个平台的每一项打分，分值须在表头所示范围内；测量得分与证据仅供参考。"])
    items = fw.review.items
    ws.append(list(FIXED) + [item_header(it.title(locale), it.id, it.min, it.max) for it in items])
    for cell in ws[2]:
        cell.font = bold
    for r in sorted(lst, key=lambda r: r["id"]):
        # names, URLs, evidence and materials are anyone's text: never a formula, never a
        # javascript:/file: hyperlink (the id stays as it is: the import matches it)
        ws.append([r["id"]] + [neutralise_cell(v) for v in (r["name"], r["kind"], r["group"], r["region"],
                                                             r["measured"], r["url"], r["evidence"],
                                                             r["materials"])] + [None] * len(items))
        url = r["url"] if isinstance(r["url"], str) and r["url"].lower().startswith(("http://", "https://")) \
            else None
        ws.cell(row=ws.max_row, column=7).hyperlink = url
    first = len(FIXED) + 1
    for j, it in enumerate(items):
        letter = get_column_letter(first + j)
        dv = DataValidation(type="decimal", operator="between", formula1=str(it.min), formula2=str(it.max),
                            allow_blank=False, showErrorMessage=True,
                            error=f"{it.min:g}–{it.max:g}", errorTitle=it.title(locale))
        ws.add_data_validation(dv)
        dv.add(f"{letter}3:{letter}{max(3, ws.max_row)}")
        for row in range(3, ws.max_row + 1):
            ws.cell(row=row, column=first + j).fill = fill
        ws.column_dimensions[letter].width = 16
    for letter, width in zip("ABCDEFGHI", (22, 36, 10, 18, 10, 10, 36, 48, 40)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "C3"


def _rows(store: CampaignStore, fw: Framework, plats: Sequence[Any], labels: Labels) -> dict[str, dict[str, Any]]:
    ids = [p.id for p in plats]
    res = store.select("results", "platform_id", "index", framework=fw.id)
    index = dict(zip(res["platform_id"], res["index"]))
    found: dict[str, list[str]] = {}
    if ids:
        f = store.select("findings", "platform_id", "kind", "url", order_by=("platform_id", "kind", "url"),
                         platform_id=ids)
        for pid, kind, url in f.itertuples(index=False, name=None):
            found.setdefault(pid, []).append(f"{labels.defect(kind)}：{url}")
    mats: dict[str, list[str]] = {}
    types = list(fw.review.materials)
    if ids and types:
        m = store.select("materials", "platform_id", "type", "title", order_by=("platform_id", "submitted_on", "title"),
                         type=types)
        for pid, typ, title in m.itertuples(index=False, name=None):
            mats.setdefault(pid, []).append(f"{'自荐' if typ == 'self_nomination' else '推荐'}：{title}")
    out = {}
    for p in plats:
        v = index.get(p.id)
        ev = found.get(p.id, [])
        out[p.id] = {"id": p.id, "name": p.name, "kind": labels.kind(p.kind), "group": labels.group(p.group),
                     "region": labels.region(p.region),
                     "measured": None if v is None or v != v else round(float(v), 1), "url": p.url,
                     "evidence": "；".join(ev[:MAX_EVIDENCE]) + (f"；等{len(ev)}项" if len(ev) > MAX_EVIDENCE else "")
                     if ev else "未发现问题",
                     "materials": "；".join(mats.get(p.id, []))}
    return out
