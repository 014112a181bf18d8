"""Tables of the campaign store. Each stage writes its own tables and reads the ones before it.

The JSON payloads (an observation's ``data``, an indicator value's ``evidence``) are
stored ``USING COMPRESSION zstd``: DuckDB keeps a string longer than a few KB uncompressed in overflow
blocks otherwise, and a page's extracted facts (links, lists, identity) run to 5–30 KB, so the store grew
by about 400 KB a site; zstd makes them 10–14× smaller (measured on a 200-site sandbox scan). A store made
before keeps its columns as they were and still opens.
"""

#: How the long JSON columns are stored (see above).
ZSTD = "USING COMPRESSION zstd"

SCHEMA: dict[str, str] = {
    # registry stage
    "platforms": """id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, org_type VARCHAR, level VARCHAR,
                    province VARCHAR, region VARCHAR, url VARCHAR, "group" VARCHAR""",
    # probes stage: facts with evidence; `data` is the probe- and kind-specific payload
    "observations": """platform_id VARCHAR, probe VARCHAR, kind VARCHAR, url VARCHAR, status VARCHAR,
                       http_status INTEGER, elapsed_ms DOUBLE, observed_at TIMESTAMP, data JSON """ + ZSTD,
    # the scan's visit ledger: one row per platform whose observations are committed (see store.ledger)
    "scan_ledger": """scan_id VARCHAR, platform_id VARCHAR, probes VARCHAR, status VARCHAR,
                      observations INTEGER, finished_at TIMESTAMP""",
    # availability monitor: the visit ledger, one row per (platform, visit number), written once
    "monitor_visits": """platform_id VARCHAR, seq INTEGER, scheduled_at TIMESTAMP, visited_at TIMESTAMP,
                         status VARCHAR, http_status INTEGER, elapsed_ms DOUBLE, error VARCHAR,
                         PRIMARY KEY (platform_id, seq)""",
    # probes stage, new-media and app-store importers: typed rows as imported (docs/newmedia-data.md).
    # One table per data file; an import replaces its table whole, in one transaction.
    "nm_stats": """platform_id VARCHAR, "date" DATE, followers BIGINT, follower_growth BIGINT, posts INTEGER,
                   original_posts INTEGER, reads BIGINT, likes INTEGER, shares INTEGER, comments INTEGER,
                   looking INTEGER, headline_reads BIGINT, max_post_reads BIGINT, max_post_likes INTEGER,
                   verified BOOLEAN, menu_items INTEGER""",
    "nm_posts": """platform_id VARCHAR, post_id VARCHAR, published_at TIMESTAMP, type VARCHAR, headline BOOLEAN,
                   reads BIGINT, likes INTEGER, shares INTEGER, comments INTEGER, looking INTEGER, url VARCHAR,
                   text VARCHAR""",
    "nm_comments": """platform_id VARCHAR, comment_id VARCHAR, post_id VARCHAR, parent_id VARCHAR,
                      by_account BOOLEAN, created_at TIMESTAMP, text VARCHAR""",
    "nm_submissions": """platform_id VARCHAR, source VARCHAR, followers BIGINT, posts INTEGER, reads BIGINT,
                         submitted_on DATE, materials VARCHAR, source_file VARCHAR, source_line INTEGER""",
    "nm_experts": """platform_id VARCHAR, expert VARCHAR, score DOUBLE, comment VARCHAR, source_file VARCHAR,
                     source_line INTEGER""",
    "app_store": """platform_id VARCHAR, store VARCHAR, app_name VARCHAR, rating DOUBLE, ratings INTEGER,
                    downloads BIGINT, last_update DATE, version VARCHAR, source_file VARCHAR,
                    source_line INTEGER""",
    # series 2 and 3: hotline test calls, materials (单位自荐, 专家推荐) and the expert review
    "hotline_calls": """platform_id VARCHAR, call_date DATE, line VARCHAR, wait_seconds DOUBLE, answered BOOLEAN,
                        resolved BOOLEAN, courtesy DOUBLE, source_file VARCHAR, source_line INTEGER""",
    "materials": """platform_id VARCHAR, type VARCHAR, category VARCHAR, title VARCHAR, submitted_by VARCHAR,
                    submitted_on DATE, summary VARCHAR, source_file VARCHAR, source_line INTEGER""",
    "review_experts": """expert_id VARCHAR, name VARCHAR, region VARCHAR, province VARCHAR""",
    "review_assignments": """framework VARCHAR, expert_id VARCHAR, platform_id VARCHAR, measured DOUBLE""",
    "review_scores": """framework VARCHAR, expert_id VARCHAR, platform_id VARCHAR, item VARCHAR, score DOUBLE,
                        source_file VARCHAR, sheet VARCHAR, source_row INTEGER""",
    "review_agreement": """framework VARCHAR, item VARCHAR, method VARCHAR, value DOUBLE, ci_low DOUBLE,
                           ci_high DOUBLE, n_platforms INTEGER, raters INTEGER""",
    "review_expert_stats": """framework VARCHAR, expert_id VARCHAR, ratings INTEGER, correlation DOUBLE,
                              "offset" DOUBLE, offset_z DOUBLE, distance DOUBLE, distance_z DOUBLE,
                              outlier BOOLEAN, reason VARCHAR""",
    # indicators stage
    "indicator_values": """platform_id VARCHAR, indicator_id VARCHAR, value DOUBLE, status VARCHAR,
                           detail VARCHAR, evidence JSON """ + ZSTD,
    "findings": """platform_id VARCHAR, kind VARCHAR, url VARCHAR, detail VARCHAR, indicator_id VARCHAR,
                   evidence_url VARCHAR, snippet VARCHAR, observed_at TIMESTAMP""",
    # indicators stage: the WARC record (in evidence.warc.gz) of the page behind each finding URL
    "evidence_records": """platform_id VARCHAR, url VARCHAR, record_id VARCHAR, target_uri VARCHAR, file VARCHAR""",
    # scoring stage
    "indicator_scores": """platform_id VARCHAR, framework VARCHAR, dimension_id VARCHAR, indicator_id VARCHAR,
                           score DOUBLE, weight DOUBLE, status VARCHAR""",
    "dimension_scores": """platform_id VARCHAR, framework VARCHAR, dimension_id VARCHAR, score DOUBLE""",
    "results": """platform_id VARCHAR, framework VARCHAR, "index" DOUBLE, vetoed BOOLEAN, vetoes JSON,
                  "rank" INTEGER, group_size INTEGER, coverage DOUBLE""",
    # inspection (national check): one row per platform and scheme, every problem with its evidence
    "inspection_results": """platform_id VARCHAR, scheme VARCHAR, variant VARCHAR, full_marks DOUBLE,
                             deducted DOUBLE, base DOUBLE, bonus DOUBLE, score DOUBLE, vetoed BOOLEAN,
                             qualified BOOLEAN, problems JSON, unchecked JSON""",
    # scoring stage, composite-indicator engine: rank uncertainty published next to every rank
    "rank_intervals": """platform_id VARCHAR, framework VARCHAR, "rank" INTEGER, rank_median DOUBLE,
                         rank_low DOUBLE, rank_high DOUBLE, quantile_low DOUBLE, quantile_high DOUBLE,
                         replications INTEGER""",
    "index_details": """platform_id VARCHAR, framework VARCHAR, aggregated DOUBLE, deductions DOUBLE, bonus DOUBLE,
                        qualified BOOLEAN, availability DOUBLE, included BOOLEAN""",
    "index_weights": """framework VARCHAR, node VARCHAR, child VARCHAR, method VARCHAR, weight DOUBLE,
                        expert_weight DOUBLE, details JSON""",
    "sensitivity": """framework VARCHAR, factor VARCHAR, s1 DOUBLE, s1_conf DOUBLE, st DOUBLE, st_conf DOUBLE""",
    "scoring_analysis": """framework VARCHAR, name VARCHAR, content JSON""",
    # awards stage
    "awards": """series_id VARCHAR, award_id VARCHAR, group_id VARCHAR, platform_id VARCHAR,
                 position INTEGER, status VARCHAR, score DOUBLE""",
    # bookkeeping
    "run_log": """seq INTEGER, stage VARCHAR, step VARCHAR, params JSON, logged_at TIMESTAMP""",
    "meta": """key VARCHAR PRIMARY KEY, value JSON""",
}
