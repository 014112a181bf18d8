"""The experts' list (``reviewers`` in a campaign file): ``expert_id,name,region,province``.

CSV (UTF-8) or XLSX. Every bad row is reported with the file, line and field; a list with no
usable expert stops the review. ``region`` is one of the registry's regions (``national`` for
central organs' experts); it is derived from ``province`` when empty.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from govlens import messages
from govlens.errors import ImportRowError, InputError
from govlens.registry.model import PROVINCE_REGION, REGIONS

FIELDS = ("expert_id", "name", "region", "province")
_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,79}")


@dataclass(frozen=True)
class Expert:
    id: str
    name: str
    region: str
    province: str


def load_experts(path: str | Path) -> tuple[list[Expert], list[ImportRowError]]:
    """The experts of a list, and its bad rows (each naming file, line and field)."""
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise InputError(messages.t("import.empty", header=",".join(FIELDS)), file=str(path), line=1)
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [f for f in ("expert_id", "name") if f not in header]
    if missing:
        raise InputError(messages.t("import.header_lacks", missing=messages.join(missing), columns=",".join(FIELDS)),
                         file=str(path), line=1,
                         field=missing[0])
    experts: list[Expert] = []
    errors: list[ImportRowError] = []
    seen: set[str] = set()
    for line, cells in enumerate(rows[1:], 2):
        rec = {h: str(c if c is not None else "").strip() for h, c in zip(header, cells)}
        if not any(rec.values()):
            continue
        province = rec.get("province", "")
        region = rec.get("region", "") or PROVINCE_REGION.get(province, "")
        problem = None
        if not rec.get("expert_id"):
            problem = ("expert_id", messages.t("import.missing"))
        elif not _ID.fullmatch(rec["expert_id"]):
            # it names the expert's workbook (<expert_id>.xlsx): no path, no formula
            problem = ("expert_id", messages.t("review.bad_expert_id", value=rec["expert_id"]))
        elif rec["expert_id"] in seen:
            problem = ("expert_id", messages.t("review.duplicate_expert", value=rec["expert_id"]))
        elif not rec.get("name"):
            problem = ("name", messages.t("import.missing"))
        elif province and province not in PROVINCE_REGION:
            problem = ("province", messages.t("review.unknown_province", value=province))
        elif region not in REGIONS:
            problem = ("region", messages.t("review.unknown_region", value=region, choices="/".join(REGIONS)))
        if problem:
            errors.append(ImportRowError(problem[1], file=str(path), line=line, field=problem[0]))
            continue
        seen.add(rec["expert_id"])
        experts.append(Expert(rec["expert_id"], rec["name"], region, province))
    if not experts:
        raise InputError(messages.t("review.no_expert"), file=str(path))
    return experts, errors


def _rows(path: Path) -> list[list[object]]:
    if not path.is_file():
        raise InputError(messages.t("review.experts_not_found"), file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from zipfile import BadZipFile

        from openpyxl import load_workbook
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (BadZipFile, KeyError, OSError, ValueError):
            raise InputError(messages.t("import.not_xlsx"), file=str(path)) from None
        try:
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))
    except UnicodeDecodeError as exc:
        raise InputError(messages.t("import.header_not_utf8", byte=exc.start), file=str(path)) from None
