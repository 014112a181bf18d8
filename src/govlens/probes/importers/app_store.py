"""Importer of app-store metadata of mobile portals (移动门户的客户端): rating, downloads, last update.

App stores cannot be queried from an evaluation; their figures arrive as a file (CSV, JSON
Lines or XLSX, schema in ``docs/newmedia-data.md``), one row per platform and store, into the
store table ``app_store``, with one ``app_store`` observation per platform.

Policy: per row: each store listing stands alone.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "app_store"         # the campaign key that names its file (govlens.probes.components)
NAME = "app_store"
KIND = "app_store"

SPEC = TableSpec(
    what="app-store metadata", table="app_store", policy="row", platform_kinds=("mobile_portal",),
    key=("platform_id", "store"), provenance=True,
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the mobile portal"),
        Column("store", "VARCHAR", max_length=100, doc="the store (e.g. App Store, 应用宝, 华为应用市场)"),
        Column("app_name", "VARCHAR", max_length=200, doc="the app's name in the store"),
        Column("rating", "DOUBLE", required=False, minimum=0, maximum=5, doc="average rating, 0–5"),
        Column("ratings", "INTEGER", required=False, minimum=0, doc="number of ratings"),
        Column("downloads", "BIGINT", required=False, minimum=0, doc="downloads (installs) to date"),
        Column("last_update", "DATE", doc="date of the latest version"),
        Column("version", "VARCHAR", required=False, max_length=50, doc="latest version"),
    ),
    checks=(Check("last_update", "last_update <= {check_date}", "updated after the check date"),),
)


import_file = table_importer(NAME, KIND, SPEC, facts={
    "stores": "list(store ORDER BY store)", "app_name": "any_value(app_name)", "rating": "max(rating)",
    "ratings": "sum(ratings)", "downloads": "sum(downloads)", "last_update": "CAST(max(last_update) AS VARCHAR)",
    "lines": "list(source_line ORDER BY store)"})
