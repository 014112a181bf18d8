"""The sandbox's side of the expert review: experts, materials, and the sheets the experts fill in.

Everything is drawn from its own streams (``f"{seed}:experts"``, ``f"{seed}:{id}:materials"``,
``f"{seed}:{id}:quality"``), so adding it changed no earlier decision. Three things, each in the
format a real campaign would have, so the demo runs the real import path:

- ``reviewers.csv`` (``expert_id,name,region,province``): twelve experts from every region; two
  of them are *outliers* — one scores at random, one scores every platform far below the
  others — and :meth:`ReviewSandbox.truth` names them;
- ``materials.csv`` (``platform_id,type,category,title,submitted_by,submitted_on,summary``):
  a self-nomination (单位自荐) of every featured column and of about a third of the websites,
  and expert recommendations (专家推荐) of some of them;
- :func:`fill_sheets`: opens the workbooks ``govlens review export`` wrote and types a score in
  every item cell, as an expert would: the platform's latent quality for that item plus the
  expert's noise (or the outlier's habit). It reads only what the sheet shows (the ``[item]``
  headers with their ranges and the platform ids), never govlens's code.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import re
from pathlib import Path

from govlens.registry.model import Platform

EXPERTS = (("e01", "王立新", "national", ""), ("e02", "李明华", "national", ""), ("e03", "张建国", "east", "上海"),
           ("e04", "刘晓燕", "east", "浙江"), ("e05", "陈志强", "east", "广东"), ("e06", "杨文静", "central", "湖北"),
           ("e07", "赵海涛", "central", "河南"), ("e08", "黄丽萍", "west", "四川"), ("e09", "周国平", "west", "陕西"),
           ("e10", "吴玉兰", "northeast", "辽宁"), ("e11", "徐振华", "northeast", "黑龙江"),
           ("e12", "孙佳琪", "east", "江苏"))
RATE_WEBSITE_MATERIALS = 0.3
RATE_RECOMMENDED = 0.4              # of the platforms with materials
CATEGORIES = ("management", "development", "local", "design", "service")
CATEGORY_WORDS = {"management": "管理创新", "development": "快速发展", "local": "地方特色", "design": "设计创新",
                  "service": "服务创新", "column": "特色栏目"}
MATERIAL_COLUMNS = ["platform_id", "type", "category", "title", "submitted_by", "submitted_on", "summary"]
_ITEM = re.compile(r"\[([A-Za-z0-9_-]+)\]\s*([0-9.]+)\s*[–-]\s*([0-9.]+)")


class ReviewSandbox:
    """Experts, materials and latent qualities of one sandbox web."""

    def __init__(self, platforms: list[Platform], seed: int, as_of: dt.date) -> None:
        self.seed, self.as_of = seed, as_of
        self.platforms = platforms
        rng = random.Random(f"{seed}:experts")
        ids = [e[0] for e in EXPERTS]
        self.random_expert, self.harsh_expert = rng.sample(ids, 2)

    def truth(self) -> dict:
        return {"experts": [e[0] for e in EXPERTS], "outliers": sorted([self.random_expert, self.harsh_expert])}

    # ------------------------------------------------------------------ files
    def write_reviewers(self, path: Path) -> Path:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["expert_id", "name", "region", "province"])
            w.writerows(EXPERTS)
        return path

    def material_rows(self) -> list[dict]:
        rows = []
        for p in self.platforms:
            if p.kind not in ("website", "column"):
                continue
            rng = random.Random(f"{self.seed}:{p.id}:materials")
            if p.kind == "website" and rng.random() >= RATE_WEBSITE_MATERIALS:
                continue
            category = "column" if p.kind == "column" else rng.choice(CATEGORIES)
            word = CATEGORY_WORDS[category]
            day = self.as_of - dt.timedelta(days=rng.randint(40, 120))
            rows.append({"platform_id": p.id, "type": "self_nomination", "category": category,
                         "title": f"{p.name}{word}工作自荐材料", "submitted_by": p.name.split("·")[0],
                         "submitted_on": day.isoformat(),
                         "summary": f"{p.name}在{word}方面的主要做法、成效和特色。"})
            if rng.random() < RATE_RECOMMENDED:
                expert = rng.choice(EXPERTS)
                rows.append({"platform_id": p.id, "type": "recommendation", "category": category,
                             "title": f"关于推荐{p.name}的意见", "submitted_by": expert[1],
                             "submitted_on": (day + dt.timedelta(days=rng.randint(5, 30))).isoformat(),
                             "summary": f"推荐理由：{p.name}{word}成效显著，具有示范意义。"})
        return rows

    def write_materials(self, path: Path) -> Path:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=MATERIAL_COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(self.material_rows())
        return path

    # ------------------------------------------------------------------ the experts at work
    def quality(self, platform_id: str, item: str) -> float:
        """Latent quality of a platform for an item, as a share of the item's range (0.3–0.95)."""
        return random.Random(f"{self.seed}:{platform_id}:quality:{item}").uniform(0.3, 0.95)

    def score(self, expert: str, platform_id: str, item: str, low: float, high: float) -> float:
        rng = random.Random(f"{self.seed}:{expert}:{platform_id}:{item}:score")
        q = self.quality(platform_id, item)
        if expert == self.random_expert:
            share = rng.random()
        elif expert == self.harsh_expert:
            share = q - 0.45 + rng.gauss(0, 0.04)
        else:
            share = q + rng.gauss(0, 0.06)
        share = min(1.0, max(0.0, share))
        return round(low + share * (high - low), 1)


def fill_sheets(review: ReviewSandbox, folder: Path) -> list[Path]:
    """Type a score in every item cell of every workbook in ``folder``; returns the files filled."""
    from openpyxl import load_workbook

    filled = []
    for path in sorted(Path(folder).glob("*.xlsx")):
        book = load_workbook(path)
        for sheet in book.worksheets:
            if str(sheet["A1"].value or "").strip() != "专家编号":
                continue
            expert = str(sheet["B1"].value or "").strip()
            items = {}
            for cell in sheet[2]:
                m = _ITEM.search(str(cell.value or ""))
                if m:
                    items[cell.column] = (m.group(1), float(m.group(2)), float(m.group(3)))
            for row in sheet.iter_rows(min_row=3):
                pid = str(row[0].value or "").strip()
                if not pid:
                    continue
                for col, (item, low, high) in items.items():
                    sheet.cell(row=row[0].row, column=col, value=review.score(expert, pid, item, low, high))
        book.save(path)
        filled.append(path)
    return filled
