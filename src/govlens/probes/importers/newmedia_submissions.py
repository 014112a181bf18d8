"""Importer of platform submissions and self-nominations (平台报送, 单位自荐).

What a unit reports about its own account (followers, posts and reads over the evaluation
period, and its materials) is kept apart from what was measured: it goes to
``nm_submissions`` and is only ever compared with the measured statistics (the
``submission-accuracy`` check flags over-reported figures); it is never scored as if measured.

Policy: per row. Each submission stands alone: a bad row is reported with file, line and
field, and the other units' submissions are kept.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "submissions"         # the campaign key that names its file (govlens.probes.components)
NAME = "newmedia_submissions"
KIND = "submission"
SOURCES = ("self_nomination", "platform_submission")

SPEC = TableSpec(
    what="submissions", table="nm_submissions", policy="row", platform_kinds=("weibo", "wechat"),
    key=("platform_id", "source"), provenance=True,
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the account"),
        Column("source", "VARCHAR", choices=SOURCES,
               doc="self_nomination (单位自荐) or platform_submission (平台报送)"),
        Column("followers", "BIGINT", minimum=0, doc="followers the unit reports at the end of the period"),
        Column("posts", "INTEGER", minimum=0, doc="posts the unit reports for the evaluation period"),
        Column("reads", "BIGINT", minimum=0, doc="reads the unit reports for the evaluation period"),
        Column("submitted_on", "DATE", doc="date of the submission"),
        Column("materials", "VARCHAR", required=False, max_length=5000, doc="the unit's own words or a link"),
    ),
    checks=(Check("submitted_on", "submitted_on <= {check_date}", "submitted after the check date"),),
)


import_file = table_importer(NAME, KIND, SPEC, facts={"sources": "list(source ORDER BY source)",
                                                      "lines": "list(source_line ORDER BY source)"})
