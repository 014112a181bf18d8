"""Importer of new-media post records: one row per Weibo post or WeChat article.

Read as CSV, JSON Lines or XLSX (schema in ``docs/newmedia-data.md``) into ``nm_posts``; one
``account_posts`` observation per account. Posts feed the per-article WCI variant, the
content sample (service information) and the scorecards' top posts.

Policy: all-or-nothing per file: comments and replies refer to posts, and a post dropped
for one bad cell would orphan them.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "account_posts"         # the campaign key that names its file (govlens.probes.components)
NAME = "newmedia_posts"
KIND = "account_posts"
POST_TYPES = ("original", "repost", "article")

SPEC = TableSpec(
    what="account posts", table="nm_posts", policy="file", platform_kinds=("weibo", "wechat"),
    key=("platform_id", "post_id"),
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the account"),
        Column("post_id", "VARCHAR", max_length=128, doc="the platform's id of the post"),
        Column("published_at", "TIMESTAMP", doc="publication time (YYYY-MM-DD HH:MM:SS, China time)"),
        Column("type", "VARCHAR", choices=POST_TYPES,
               doc="original (Weibo original post), repost (Weibo repost) or article (WeChat article)"),
        Column("headline", "BOOLEAN", required=False, doc="WeChat: the first (头条) article of its push"),
        Column("reads", "BIGINT", minimum=0, doc="reads"),
        Column("likes", "INTEGER", minimum=0, doc="likes"),
        Column("shares", "INTEGER", minimum=0, doc="reposts or shares"),
        Column("comments", "INTEGER", minimum=0, doc="comments"),
        Column("looking", "INTEGER", required=False, minimum=0, doc="WeChat 在看"),
        Column("url", "VARCHAR", required=False, max_length=2000, doc="link to the post"),
        Column("text", "VARCHAR", max_length=20000, doc="the text (title and lead for an article)"),
    ),
    checks=(Check("published_at", "CAST(published_at AS DATE) <= {check_date}", "published after the check date"),),
)


import_file = table_importer(NAME, KIND, SPEC, facts={"first": "CAST(min(published_at) AS VARCHAR)",
                                                      "last": "CAST(max(published_at) AS VARCHAR)",
                                                      "original": "count(*) FILTER (WHERE type = 'original')",
                                                      "reposts": "count(*) FILTER (WHERE type = 'repost')",
                                                      "articles": "count(*) FILTER (WHERE type = 'article')"})
