"""Importer of self-nomination and recommendation materials (单位自荐, 专家推荐): one row per document.

The seed weighs "单位自荐及专家推荐材料" where its awards say so. Each row names a platform, the
material's ``type`` (``self_nomination`` or ``recommendation``), the award ``category`` it
is for (``management``, ``development``, ``local``, ``design``, ``service``, ``column`` … or
anything a framework names), a title, who submitted it, when, and a summary. Read from CSV, JSON
Lines or XLSX into ``materials``, with one ``materials`` observation per platform. The materials
are listed in each platform's scorecard; a framework uses them only where its ``review`` section
says (``candidates: materials`` reviews the platforms that have some; ``materials:`` lists the
types shown to the experts).

Policy: per row — one unit's malformed row must not erase another unit's nomination.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "materials"         # the campaign key that names its file (govlens.probes.components)
NAME = "materials"
KIND = "materials"
TYPES = ("self_nomination", "recommendation")

SPEC = TableSpec(
    what="materials", table="materials", policy="row",
    platform_kinds=("website", "column", "foreign_site", "cn_domain", "mobile_portal", "mailbox", "hotline", "weibo",
                    "wechat"),
    key=("platform_id", "type", "title"), provenance=True,
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the platform"),
        Column("type", "VARCHAR", choices=TYPES, doc="self_nomination (单位自荐) or recommendation (专家推荐)"),
        Column("category", "VARCHAR", max_length=40, doc="the award category it is for (management, column …)"),
        Column("title", "VARCHAR", max_length=300, doc="the document's title"),
        Column("submitted_by", "VARCHAR", max_length=200, doc="the unit or the expert"),
        Column("submitted_on", "DATE", doc="date submitted"),
        Column("summary", "VARCHAR", required=False, max_length=5000, doc="what it says"),
    ),
    checks=(Check("submitted_on", "submitted_on <= {check_date}", "submitted after the check date"),),
)


import_file = table_importer(NAME, KIND, SPEC, facts={
    "types": "list(DISTINCT type)", "categories": "list(DISTINCT category)",
    "items": "list(json_object('type', type, 'category', category, 'title', title, 'by', submitted_by, "
             "'on', CAST(submitted_on AS VARCHAR), 'line', source_line) ORDER BY submitted_on, title)"})
