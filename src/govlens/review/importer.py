"""``govlens review import``: the experts' filled workbooks back into the campaign store.

Every cell is checked: the sheet must be a scoring sheet of a known expert and framework, its
headers must name every review item of the framework once, every row a platform assigned to
that expert, every item cell a number within the item's range. A problem is a
:class:`~govlens.errors.ReviewSheetError` naming the file, the sheet, the row and the column;
the row is left out and the others are kept (one slip must not erase an expert's other
judgements). Importing an expert's workbook again replaces that expert's earlier scores.

Then, per framework, over every score stored: how far the experts agree
(:mod:`govlens.review.agreement`), which experts are outliers, and one ``expert_review``
observation per reviewed platform — each item's mean over the kept experts, scaled to 0–100
(``docs/observations.md``) — which the framework's ``expert-*`` indicators read.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.contract.observation import COMPLETED, Observation
from govlens.errors import InputError, ReviewSheetError
from govlens.frameworks.model import Framework
from govlens.review.agreement import agreement, find_outliers
from govlens.store.campaign_store import CampaignStore

HEADER_ITEM = re.compile(r"\[([A-Za-z0-9_-]+)\]")
INFO_SHEET = "说明"


@dataclass
class ReviewImport:
    files: int = 0
    sheets: int = 0
    scores: int = 0
    errors: list[ReviewSheetError] = field(default_factory=list)
    not_scored: list[str] = field(default_factory=list)              # "framework/expert/platform"
    outliers: dict[str, list[str]] = field(default_factory=dict)     # framework → expert ids
    agreement: dict[str, dict[str, float]] = field(default_factory=dict)   # framework → method → value
    platforms: dict[str, int] = field(default_factory=dict)          # framework → platforms with a review


def import_review(store: CampaignStore, paths: Iterable[Path], frameworks: Sequence[Framework], *,
                  min_agreement: float = 0.4, outlier_z: float = 3.0) -> ReviewImport:
    by_id = {fw.id: fw for fw in frameworks if fw.review is not None}
    experts = set(store.select("review_experts", "expert_id")["expert_id"])
    if not experts:
        raise InputError(messages.t("review.not_exported"))
    given = store.select("review_assignments", "framework", "expert_id", "platform_id")
    assigned: dict[tuple[str, str], set[str]] = {}
    for fid, eid, pid in given.itertuples(index=False, name=None):
        assigned.setdefault((fid, eid), set()).add(pid)
    out = ReviewImport()
    rows: list[dict[str, Any]] = []
    replaced: set[tuple[str, str]] = set()
    for path in sorted(Path(p) for p in paths):
        out.files += 1
        for fid, eid, sheet_rows in _read_book(path, by_id, experts, assigned, out.errors):
            out.sheets += 1
            replaced.add((fid, eid))
            rows += sheet_rows
            scored = {r["platform_id"] for r in sheet_rows}
            out.not_scored += [f"{fid}/{eid}/{pid}" for pid in sorted(assigned.get((fid, eid), set()) - scored)]
    out.scores = len(rows)
    with store.transaction():
        for fid, eid in sorted(replaced):
            store.delete("review_scores", framework=fid, expert_id=eid)
    store.insert("review_scores", rows)
    _derive(store, by_id, out, min_agreement, outlier_z)
    store.log_step("review", "import", {"files": out.files, "sheets": out.sheets, "scores": out.scores,
                                        "errors": len(out.errors), "outliers": out.outliers,
                                        "agreement": out.agreement, "min_agreement": min_agreement,
                                        "outlier_z": outlier_z})
    return out


def _read_book(path: Path, frameworks: dict[str, Framework], experts: set[str],
               assigned: dict[tuple[str, str], set[str]],
               errors: list[ReviewSheetError]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    if not path.is_file():
        raise InputError(messages.t("review.workbook_not_found"), file=str(path))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError):
        raise InputError(messages.t("import.not_xlsx"), file=str(path)) from None
    out = []
    try:
        for ws in book.worksheets:
            if ws.title == INFO_SHEET:
                continue
            cells = [list(r) for r in ws.iter_rows(values_only=True)]

            def err(msg: str, row: int | None = None, col: int | None = None, what: str = "") -> None:
                errors.append(ReviewSheetError(msg, file=str(path), sheet=ws.title, row=row,
                                               column=get_column_letter(col) if col else None, item=what))
            head = cells[0] if cells else []
            if len(head) < 6 or str(head[0] or "").strip() != "专家编号":
                err(messages.t("review.not_a_sheet"), 1, 1)
                continue
            eid, fid = str(head[1] or "").strip(), str(head[5] or "").strip()
            if eid not in experts:
                err(messages.t("review.unknown_expert", value=eid), 1, 2)
                continue
            fw = frameworks.get(fid)
            if fw is None:
                err(messages.t("review.unknown_framework", value=fid, known=messages.join(list(frameworks))), 1, 6)
                continue
            cols = _item_columns(cells[1] if len(cells) > 1 else [], fw, err)
            if cols is None:
                continue
            mine = assigned.get((fid, eid), set())
            seen: dict[str, int] = {}
            rows = []
            for i, r in enumerate(cells[2:], 3):
                if not r or all(c is None or str(c).strip() == "" for c in r):
                    continue
                pid = str(r[0] if r[0] is not None else "").strip()
                if not pid:
                    err(messages.t("import.missing_id"), i, 1)
                    continue
                if pid not in mine:
                    err(messages.t("review.not_assigned", value=pid, expert=eid, framework=fid), i, 1)
                    continue
                if pid in seen:
                    err(messages.t("review.platform_twice", value=pid, row=seen[pid]), i, 1)
                    continue
                seen[pid] = i
                row_scores, ok = [], True
                for it in fw.review.items:
                    j = cols[it.id]
                    number = _score(r[j - 1] if j - 1 < len(r) else None, it, lambda msg, i=i, j=j, item=it.id: err(msg, i, j, item))
                    if number is None:
                        ok = False
                        continue
                    row_scores.append({"framework": fid, "expert_id": eid, "platform_id": pid, "item": it.id,
                                       "score": number, "source_file": path.name, "sheet": ws.title,
                                       "source_row": i})
                if ok:
                    rows += row_scores
            out.append((fid, eid, rows))
    finally:
        book.close()
    return out


def _item_columns(header: list[Any], fw: Framework, err: Any) -> dict[str, int] | None:
    """Item id → its column in the header row (row 2); None, with the faults said, when an item is unknown,
    twice or missing."""
    cols: dict[str, int] = {}
    bad = False
    for j, h in enumerate(header, 1):
        m = HEADER_ITEM.search(str(h or ""))
        if not m:
            continue
        if m.group(1) not in {it.id for it in fw.review.items}:
            err(messages.t("review.unknown_item", value=m.group(1)), 2, j)
            bad = True
        elif m.group(1) in cols:
            err(messages.t("review.item_twice", value=m.group(1)), 2, j)
            bad = True
        cols.setdefault(m.group(1), j)
    for it in fw.review.items:
        if it.id not in cols:
            err(messages.t("review.item_missing", value=it.id, title=it.title()), 2)
            bad = True
    return None if bad else cols


def _score(value: Any, it: Any, err: Any) -> float | None:
    """A cell's score for item ``it``, or None with the fault said (missing, not a number, out of range)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        err(messages.t("review.missing_score"))
        return None
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) or \
            isinstance(value, bool) else float(value)
        if isinstance(value, bool) or number != number:
            raise ValueError
    except ValueError:
        err(messages.t("import.not_valid", type=messages.word("import_types", "number"), value=str(value)[:40]))
        return None
    if not it.min <= number <= it.max:
        err(messages.t("review.outside", value=f"{number:g}", low=f"{it.min:g}", high=f"{it.max:g}"))
        return None
    return number


def _derive(store: CampaignStore, frameworks: dict[str, Framework], out: ReviewImport, min_agreement: float,
            outlier_z: float) -> None:
    """Agreement, outlier experts and the ``expert_review`` observations, from every stored score."""
    scores = store.select("review_scores", "framework", "expert_id", "platform_id", "item", "score", "source_file",
                          "sheet", "source_row")
    urls = dict(store.select("platforms", "id", "url").itertuples(index=False, name=None))
    stats_rows, agree_rows, observations = [], [], []
    parts = {}
    for fid, fw in frameworks.items():
        sub = scores[scores["framework"] == fid].copy()
        if sub.empty:
            continue
        ranges = {it.id: (it.min, it.max) for it in fw.review.items}
        sub["share"] = [(s - ranges[i][0]) / (ranges[i][1] - ranges[i][0]) for i, s in zip(sub["item"], sub["score"])]
        parts[fid] = sub
    if not parts:
        store.replace("review_expert_stats", [])
        store.replace("review_agreement", [])
        store.replace("observations", [], probe="review")
        return
    # an expert's habits are theirs, whatever the framework: judged over every score they gave
    import pandas as pd
    pooled = pd.concat([p.assign(platform_id=p["framework"] + "/" + p["platform_id"]) for p in parts.values()])
    stats = find_outliers(pooled, min_agreement=min_agreement, outlier_z=outlier_z)
    outliers = sorted(stats.loc[stats["outlier"], "expert_id"]) if not stats.empty else []
    stats_rows += [{"framework": "*", **r} for r in stats.to_dict("records")]
    for fid, sub in parts.items():
        spec = frameworks[fid].review
        out.outliers[fid] = sorted(set(outliers) & set(sub["expert_id"]))
        kept_ids = set(sub["expert_id"]) - (set(outliers) if spec.outliers == "exclude" else set())
        values = agreement(sub, spec.experts_per_platform, kept_ids)
        out.agreement[fid] = {f"{r['method']}:{r['item']}": r["value"] for r in values}
        agree_rows += [{"framework": fid, **r} for r in values]
        for pid, g in sub.groupby("platform_id"):
            kept = g[g["expert_id"].isin(kept_ids)]
            if kept.empty:
                continue
            items = {i: round(float(x.mean() * 100), 2) for i, x in kept.groupby("item")["share"]}
            experts = []
            for eid, ge in g.groupby("expert_id"):
                first = ge.iloc[0]
                experts.append({"expert": eid, "mean": round(float(ge["share"].mean() * 100), 1),
                                "items": {i: float(s) for i, s in zip(ge["item"], ge["score"])},
                                "outlier": eid in outliers,
                                "source": f"{first['source_file']}:{first['sheet']}!A{int(first['source_row'])}"})
            observations.append(Observation(
                platform_id=str(pid), probe="review", kind="expert_review", url=urls.get(pid, ""), status=COMPLETED,
                data={"framework": fid, "items": items,
                      "overall": round(sum(items.values()) / len(items), 2),
                      "kept": sorted(set(kept["expert_id"])), "excluded": sorted(set(g["expert_id"]) - kept_ids),
                      "experts": experts}).as_row())
        out.platforms[fid] = sum(1 for o in observations if o["data"]["framework"] == fid)
    store.replace("review_expert_stats", stats_rows)
    store.replace("review_agreement", agree_rows)
    store.replace("observations", observations, probe="review")
