"""Importer of comment and reply records on new-media posts (留言与回复).

One row per comment, read as CSV, JSON Lines or XLSX (schema in ``docs/newmedia-data.md``)
into ``nm_comments``; one ``account_comments`` observation per account. A reply by the account
is a comment with ``by_account = true`` and ``parent_id`` naming the comment it answers: from
these the indicators measure the share of questions answered, the delay, and the sentiment
of what people write.

Policy: all-or-nothing per file: a reply whose question row was dropped would turn an
answered question into an unanswered one.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "account_comments"         # the campaign key that names its file (govlens.probes.components)
NAME = "newmedia_comments"
KIND = "account_comments"

SPEC = TableSpec(
    what="account comments", table="nm_comments", policy="file", platform_kinds=("weibo", "wechat"),
    key=("platform_id", "comment_id"),
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the account the post belongs to"),
        Column("comment_id", "VARCHAR", max_length=128, doc="the platform's id of the comment"),
        Column("post_id", "VARCHAR", max_length=128, doc="the post commented on"),
        Column("parent_id", "VARCHAR", required=False, max_length=128,
               doc="the comment this one answers (empty for a top-level comment)"),
        Column("by_account", "BOOLEAN", doc="true when written by the account itself (a reply)"),
        Column("created_at", "TIMESTAMP", doc="time written (YYYY-MM-DD HH:MM:SS, China time)"),
        Column("text", "VARCHAR", max_length=5000, doc="the comment's text"),
    ),
    checks=(Check("created_at", "CAST(created_at AS DATE) <= {check_date}", "written after the check date"),
            Check("parent_id", "parent_id <> comment_id", "a comment cannot answer itself")),
)


import_file = table_importer(NAME, KIND, SPEC, facts={"by_users": "count(*) FILTER (WHERE NOT by_account)",
                                                      "replies": "count(*) FILTER (WHERE by_account)"})
