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

A new importer is one module (``CAMPAIGN_KEY``, ``import_file``) plus one entry of ``IMPORTERS_BASE``
(or, for one campaign, of its ``IMPORTERS`` table; :mod:`govlens.probes.components`).
"""
