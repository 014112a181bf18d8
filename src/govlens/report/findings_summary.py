"""The numbers behind the notice's findings section (评估发现).

Pure functions of the loaded campaign data: how many platforms were evaluated and scored,
how many were vetoed and by which rule, the mean index by region (with the east versus
centre-and-west gap the 2013 notice points out) and by level, and the most common defects.
Means are over the platforms of the report's framework whose stored index is not null.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from govlens.contract.defects import ALL_KINDS
from govlens.frameworks.model import Framework
from govlens.registry.model import KINDS, LEVELS, REGIONS
from govlens.report.data import CampaignData
from govlens.report.values import is_number

REGION_ORDER = ("east", "central", "west", "northeast", "national", "sar")
CENTRE_WEST = ("central", "west")


@dataclass
class Mean:
    key: str
    n: int
    mean: float | None


@dataclass
class VetoCount:
    id: str
    title: str
    n: int


@dataclass
class DefectCount:
    kind: str
    platforms: int
    findings: int
    share: float                # of the platforms evaluated, 0–1


@dataclass
class Summary:
    total: int
    scored: int
    vetoed: int
    by_kind: list[tuple[str, int]]
    by_level: list[tuple[str, int]]
    vetoes: list[VetoCount]
    regions: list[Mean]
    overall: Mean
    east: Mean | None
    centre_west: Mean | None
    gap: float | None           # east − centre/west
    levels: list[Mean]
    defects: list[DefectCount] = field(default_factory=list)


def _mean(key: str, values: list[float]) -> Mean:
    return Mean(key=key, n=len(values), mean=(sum(values) / len(values)) if values else None)


def _ordered(counter: dict[str, Any], order: tuple[str, ...]) -> list[str]:
    known = [k for k in order if k in counter]
    return known + sorted(k for k in counter if k not in order)


def summarise(data: CampaignData, framework: Framework, locale: str = "zh-CN") -> Summary:
    platforms = data.platforms
    kinds = Counter(p.get("kind") or "" for p in platforms.values())
    levels = Counter(p.get("level") or "" for p in platforms.values())

    by_region: dict[str, list[float]] = defaultdict(list)
    by_level: dict[str, list[float]] = defaultdict(list)
    every: list[float] = []
    vetoed = 0
    veto_counts: Counter[str] = Counter()
    veto_titles: dict[str, str] = {}
    for pid, r in data.results.items():
        if r.get("vetoed"):
            vetoed += 1
            for vid in {str(v.get("id") or v.get("indicator") or "") for v in r.get("vetoes", [])}:
                veto_counts[vid] += 1
            for v in r.get("vetoes", []):
                veto_titles.setdefault(str(v.get("id") or v.get("indicator") or ""), str(v.get("title") or ""))
        idx = r.get("index")
        if not is_number(idx):
            continue
        p = platforms.get(pid, {})
        every.append(float(idx))
        by_region[p.get("region") or ""].append(float(idx))
        by_level[p.get("level") or ""].append(float(idx))

    rule_order = tuple(v.id for v in framework.vetoes)
    rule_title = {v.id: v.title(locale) for v in framework.vetoes}
    vetoes = [VetoCount(id=vid, title=rule_title.get(vid) or veto_titles.get(vid) or vid, n=veto_counts[vid])
              for vid in _ordered(veto_counts, rule_order)]

    regions = [_mean(k, by_region[k]) for k in _ordered(by_region, REGION_ORDER) if k]
    east = _mean("east", by_region["east"]) if by_region.get("east") else None
    cw_values = [x for k in CENTRE_WEST for x in by_region.get(k, [])]
    centre_west = _mean("centre_west", cw_values) if cw_values else None
    gap = (east.mean - centre_west.mean) if east and centre_west else None
    level_means = [_mean(k, by_level[k]) for k in _ordered(by_level, LEVELS) if k]

    total = len(platforms)
    defects = []
    rank = {k: i for i, k in enumerate(ALL_KINDS)}
    for row in data.findings_by_kind:
        kind = row.get("kind") or ""
        n = int(row.get("platforms") or 0)
        defects.append(DefectCount(kind=kind, platforms=n, findings=int(row.get("findings") or 0),
                                   share=(n / total) if total else 0.0))
    defects.sort(key=lambda d: (-d.platforms, rank.get(d.kind, len(rank)), d.kind))

    return Summary(total=total, scored=sum(1 for r in data.results.values() if is_number(r.get("index"))),
                   vetoed=vetoed,
                   by_kind=[(k, kinds[k]) for k in _ordered(kinds, KINDS)],
                   by_level=[(k, levels[k]) for k in _ordered(levels, LEVELS)],
                   vetoes=vetoes, regions=regions, overall=_mean("overall", every), east=east,
                   centre_west=centre_west, gap=gap, levels=level_means, defects=defects)


__all__ = ["Summary", "Mean", "VetoCount", "DefectCount", "summarise", "REGIONS"]
