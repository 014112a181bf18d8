"""Importer of expert recommendations (专家推荐): one row per expert and platform.

Each row is an expert's score (0–100) of a platform with an optional comment, read from CSV,
JSON Lines or XLSX into ``nm_experts``; the ``expert-recommendation`` indicator averages them.

Policy: per row: one expert's malformed row must not erase the other experts' judgements.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Column, TableSpec

CAMPAIGN_KEY = "expert_recommendations"         # the campaign key that names its file (govlens.probes.components)
NAME = "expert_recommendations"
KIND = "expert_recommendation"

SPEC = TableSpec(
    what="expert recommendations", table="nm_experts", policy="row", platform_kinds=("weibo", "wechat"),
    key=("platform_id", "expert"), provenance=True,
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the platform recommended"),
        Column("expert", "VARCHAR", max_length=200, doc="the expert's name or id"),
        Column("score", "DOUBLE", minimum=0, maximum=100, doc="the expert's score, 0–100"),
        Column("comment", "VARCHAR", required=False, max_length=5000, doc="the expert's reason"),
    ),
)


import_file = table_importer(NAME, KIND, SPEC, facts={"experts": "count(*)", "mean_score": "round(avg(score), 2)"})
