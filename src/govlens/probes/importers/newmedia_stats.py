"""Importer of new-media account statistics: one row per account and day (政务微博微信 statistics).

Platform APIs cannot be reached from an evaluation and change often, so evaluators receive the
statistics as files; this importer reads them as CSV, JSON Lines or XLSX (schema in
``docs/newmedia-data.md``) into the store table ``nm_stats`` with DuckDB's own readers, and writes
one ``account_stats`` observation per account (file, rows, first and last day).

Policy: all-or-nothing per file. A statistics series with a missing or broken day would pass
for an idle day, and the 2019 veto ("no update in 2 weeks") turns on idle days; so one bad row
refuses the file, naming the first bad rows' lines and fields.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "account_stats"         # the campaign key that names its file (govlens.probes.components)
NAME = "newmedia_stats"
KIND = "account_stats"
ACCOUNT_KINDS = ("weibo", "wechat")

SPEC = TableSpec(
    what="account statistics", table="nm_stats", policy="file", platform_kinds=ACCOUNT_KINDS,
    key=("platform_id", "date"),
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the account"),
        Column("date", "DATE", doc="the day the row counts (YYYY-MM-DD)"),
        Column("followers", "BIGINT", minimum=0, doc="followers at the end of the day"),
        Column("follower_growth", "BIGINT", doc="net new followers that day (may be negative)"),
        Column("posts", "INTEGER", minimum=0, doc="posts (WeChat: articles) published that day"),
        Column("original_posts", "INTEGER", minimum=0, doc="of which original (not reposts)"),
        Column("reads", "BIGINT", minimum=0, doc="reads that day (WeChat 阅读, Weibo 阅读数)"),
        Column("likes", "INTEGER", minimum=0, doc="likes (点赞) that day"),
        Column("shares", "INTEGER", minimum=0, doc="reposts (Weibo 转发) or shares (WeChat 分享) that day"),
        Column("comments", "INTEGER", minimum=0, doc="comments (评论/留言) that day"),
        Column("looking", "INTEGER", required=False, minimum=0, doc="WeChat 在看 that day; empty for Weibo"),
        Column("headline_reads", "BIGINT", required=False, minimum=0,
               doc="WeChat: reads of the day's headline (头条) articles; empty for Weibo"),
        Column("max_post_reads", "BIGINT", minimum=0, doc="reads of the day's most-read post (0 without posts)"),
        Column("max_post_likes", "INTEGER", minimum=0, doc="likes of the day's most-liked post"),
        Column("verified", "BOOLEAN", doc="the account is verified (加V / 认证) that day"),
        Column("menu_items", "INTEGER", required=False, minimum=0,
               doc="WeChat: menu entries and service functions (自定义菜单/服务功能); empty for Weibo"),
    ),
    checks=(
        Check("original_posts", "original_posts <= posts", "more original posts than posts"),
        Check("date", '"date" <= {check_date}', "date after the check date"),
        Check("max_post_reads", "max_post_reads <= reads", "the most-read post has more reads than the day"),
        Check("max_post_likes", "max_post_likes <= likes", "the most-liked post has more likes than the day"),
        Check("headline_reads", "headline_reads <= reads", "headline reads exceed the day's reads"),
    ),
)


import_file = table_importer(NAME, KIND, SPEC, facts={
    "first": 'CAST(min("date") AS VARCHAR)', "last": 'CAST(max("date") AS VARCHAR)', "days": 'count(DISTINCT "date")'})
