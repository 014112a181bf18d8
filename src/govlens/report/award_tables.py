"""One table per award group for the printed notice (Word and PDF): 序号, 名称, the score the award ranks
by, the rank in the registry group and its interval.

Built from the notice model's winners (so a name the notice shows is the name the table shows) and the
loaded campaign data's results (so nothing is recomputed); the HTML notice keeps its inline lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govlens.awards.config import AwardsConfig
from govlens.report.data import CampaignData
from govlens.report.locale import Locale
from govlens.report.values import fmt_score, is_number, rank_interval, result_rank


@dataclass
class GroupTable:
    caption: str
    header: list[str]
    rows: list[list[str]]


def group_tables(model: Any, data: CampaignData, awards: AwardsConfig, L: Locale) -> dict[tuple[str, str], GroupTable]:
    """(award key, group id) → the table of its winners, for every group of the model that has winners."""
    by_key = {a.key: a for a in awards.awards()}
    scores = {(r.get("series_id"), r.get("award_id"), r.get("group_id"), r.get("platform_id")): r.get("score")
              for r in data.awards if r.get("status") == "winner"}
    out: dict[tuple[str, str], GroupTable] = {}
    for series in getattr(model, "series", []):
        for block in getattr(series, "awards", []):
            award = by_key.get(block.key)
            fw = award.framework if award else data.framework_id
            score_label = L.t("labels.index") if not award or award.rank_by == "index" else L.t("labels.score")
            header = [L.t("documents.number"), L.t("documents.name"), score_label, L.t("documents.rank"),
                      L.t("documents.interval")]
            for group in block.groups:
                if not group.winners:
                    continue
                rows = []
                for i, w in enumerate(group.winners, 1):
                    result = data.results_by_framework.get((fw, w.id)) or {}
                    score = scores.get((award.series_id, award.id, group.id, w.id)) if award else None
                    if not is_number(score):
                        score = result.get("index")
                    shown_rank = result_rank(result, L) or L.t("labels.not_ranked")
                    rows.append([str(i), w.name, fmt_score(score) or L.t("labels.none"), shown_rank,
                                 rank_interval(result, L) or L.t("labels.none")])
                out[(block.key, group.id)] = GroupTable(caption=group.title, header=header, rows=rows)
    return out
