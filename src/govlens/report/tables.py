"""Result tables: ``results.csv``, ``results.xlsx`` (a sheet per framework) and ``findings.csv``.

``findings.csv`` is read by people (it is the list a webmaster fixes): its ``detail`` is written
in the campaign's locale (:func:`govlens.report.texts.shown`); the codes (``kind``) stay codes.

Every string cell goes through :func:`govlens.report.safety.neutralise_cell`, so a name or
URL that starts with ``=``, ``+``, ``-``, ``@``, a tab or CR is never run as a formula.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from govlens.atomic import atomic_path
from govlens.frameworks.model import Framework
from govlens.report.data import CampaignData
from govlens.report.locale import Locale
from govlens.report.safety import neutralise_cell, xlsx_cell
from govlens.report.texts import load_catalogue, shown
from govlens.report.values import is_number

BASE_COLUMNS = ("id", "name", "group", "region", "level", "org_type")
TAIL_COLUMNS = ("index", "rank", "group_size", "rank_median", "rank_low", "rank_high", "vetoed", "veto_reasons",
                "findings")
FINDINGS_COLUMNS = ("platform_id", "kind", "url", "detail")


def _round(value: Any, digits: int = 2) -> Any:
    return round(float(value), digits) if is_number(value) else None


def result_rows(data: CampaignData, framework: Framework, L: Locale) -> list[dict[str, Any]]:
    """One row per platform, in id order, with codes (not labels) for the vocabularies."""
    loc = L.name
    veto_title = {v.id: v.title(loc) for v in framework.vetoes}
    dim_ids = [d.id for d in framework.dimensions]
    rows = []
    for pid, p in data.platforms.items():
        r = data.results.get(pid, {})
        dims = data.dimensions.get(pid, {})
        reasons = []
        for v in r.get("vetoes", []):
            vid = str(v.get("id") or "")
            reasons.append(veto_title.get(vid) or str(v.get("title") or vid))
        row = {"id": pid, "name": p.get("name"), "group": p.get("group"), "region": p.get("region"),
               "level": p.get("level"), "org_type": p.get("org_type")}
        row.update({d: _round(dims.get(d)) for d in dim_ids})
        row.update({"index": _round(r.get("index")), "rank": r.get("rank"), "group_size": r.get("group_size"),
                    "rank_median": _round(r.get("rank_median"), 1), "rank_low": _round(r.get("rank_low"), 1),
                    "rank_high": _round(r.get("rank_high"), 1), "vetoed": bool(r.get("vetoed")) if r else None, "veto_reasons": "; ".join(reasons),
                    "findings": data.findings_count.get(pid, 0)})
        rows.append(row)
    return rows


def columns(framework: Framework) -> list[str]:
    return [*BASE_COLUMNS, *(d.id for d in framework.dimensions), *TAIL_COLUMNS]


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_cell(value)


def write_results_csv(path: Path, rows: list[dict[str, Any]], cols: list[str]) -> Path:
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for row in rows:
            w.writerow([_csv_value(row.get(c)) for c in cols])
    return path


_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_titles(frameworks: Sequence[Framework], locale: str) -> list[str]:
    """One sheet name per framework: its title, without the characters Excel forbids, at most 31
    characters, unique (a repeated one gets its framework id)."""
    out: list[str] = []
    for fw in frameworks:
        title = (fw.title(locale) or fw.id).translate(_SHEET_FORBIDDEN).strip("'")[:31] or fw.id[:31]
        if title.casefold() in {t.casefold() for t in out}:
            title = f"{title[:31 - len(fw.id) - 1]}_{fw.id}"[-31:]
        out.append(title)
    return out


def write_results_xlsx(path: Path, sheets: Sequence[tuple[Framework, list[dict[str, Any]], list[str]]],
                       L: Locale) -> Path:
    """A workbook with a sheet per framework (``(framework, rows, columns)``, the first one active), each
    with a localised, frozen header row; vocabulary codes shown as their titles."""
    wb = Workbook(write_only=True)
    for (framework, rows, cols), title in zip(sheets, sheet_titles([s[0] for s in sheets], L.name)):
        _results_sheet(wb.create_sheet(title=title), rows, cols, framework, L)
    if not sheets:
        wb.create_sheet(title="results")
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _results_sheet(ws: Any, rows: list[dict[str, Any]], cols: list[str], framework: Framework, L: Locale) -> None:
    loc = L.name
    dim_title = {d.id: d.title(loc) for d in framework.dimensions}
    header = [dim_title.get(c) or L.t(f"columns.{c}") for c in cols]
    ws.freeze_panes = "C2"
    widths = {"id": 18, "name": 30, "group": 24, "region": 12, "level": 10, "org_type": 12, "index": 12,
              "rank": 10, "group_size": 12, "rank_median": 12, "rank_low": 12, "rank_high": 12, "vetoed": 10, "veto_reasons": 28, "findings": 10}
    for i, c in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(c, max(10, 2 * len(header[i - 1]) + 2))
    from openpyxl.cell import WriteOnlyCell
    head = []
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F6F4EF")
    for h in header:
        cell = WriteOnlyCell(ws, value=xlsx_cell(h))
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="center", wrap_text=True)
        head.append(cell)
    ws.append(head)
    label = {"group": L.group, "region": L.region, "level": L.level, "org_type": L.org_type}
    yes, no = L.t("labels.yes"), L.t("labels.no")
    for row in rows:
        out = []
        for c in cols:
            v = row.get(c)
            if c in label and v is not None:
                v = label[c](v)
            elif c == "vetoed" and v is not None:
                v = yes if v else no
            out.append(xlsx_cell(v))
        ws.append(out)


class FindingsCsv:
    """``findings.csv`` written incrementally, batch after batch (rows arrive sorted)."""

    def __init__(self, path: Path, locale: str = "zh-CN") -> None:
        self.path = path
        self.locale = locale
        load_catalogue()
        self._atomic = atomic_path(path)          # renamed into place by close(): never half a file
        self._tmp = self._atomic.__enter__()
        self._fh = self._tmp.open("w", encoding="utf-8", newline="")
        self._w = csv.writer(self._fh)
        self._w.writerow(FINDINGS_COLUMNS)
        self.count = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        for r in rows:
            self._w.writerow([neutralise_cell(shown(r.get(c), self.locale) if c == "detail" else
                                              "" if r.get(c) is None else str(r.get(c))) for c in FINDINGS_COLUMNS])
            self.count += 1

    def close(self) -> Path:
        self._fh.close()
        self._atomic.__exit__(None, None, None)
        return self.path

    def abort(self) -> None:
        """Drop what was written; the file at ``path`` is left as it was."""
        self._fh.close()
        error = RuntimeError("findings.csv abandoned")
        self._atomic.__exit__(RuntimeError, error, None)
