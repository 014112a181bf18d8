"""Importers by campaign key: the data files a campaign names beside its registry.

    [campaign]
    account_stats = "stats.csv"            # newmedia_stats: one row per account and day
    account_posts = "posts.jsonl"          # newmedia_posts
    account_comments = "comments.jsonl"    # newmedia_comments
    submissions = "submissions.csv"        # newmedia_submissions (单位自荐, 平台报送)
    expert_recommendations = "experts.xlsx"
    app_store = "appstore.csv"             # mobile portals' app-store metadata
    hotline_calls = "calls.csv"            # hotline_calls: test calls to citizen hotlines
    materials = "materials.csv"            # materials: self-nominations and recommendations

A new importer is one module plus one line here. Each maps to its module's ``import_file``.
"""
from __future__ import annotations

from types import ModuleType

from govlens.probes.importers import (app_store, expert_recommendations, hotline_calls, materials, newmedia_comments,
                                      newmedia_posts, newmedia_stats, newmedia_submissions)

IMPORTERS: dict[str, ModuleType] = {
    "account_stats": newmedia_stats,
    "account_posts": newmedia_posts,
    "account_comments": newmedia_comments,
    "submissions": newmedia_submissions,
    "expert_recommendations": expert_recommendations,
    "app_store": app_store,
    "hotline_calls": hotline_calls,
    "materials": materials,
}
