"""The open-data tables as queries on the campaign store, streamed as Arrow record batches.

The report stage publishes these tables (``data/*.parquet``, ``data/*.csv``); the SQL lives here
because the store owns its queries. Each query returns rows in a fixed order (so two runs give the
same files) and is read through a record batch reader, never whole: a national campaign's findings
are millions of rows. Titles the store does not hold (defect kinds, indicator and dimension titles in
the report's language) are joined from small lookup tables the caller passes in.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import pandas as pd
import pyarrow as pa

from govlens.store.campaign_store import CampaignStore

LOOKUP = "_govlens_titles"    # (domain, code, title): the caller's titles, registered for one query

# (name, SQL): the columns of each query are the fields of its open-data table, in order
QUERIES: dict[str, str] = {
    "platforms": 'SELECT id, name, kind, org_type, level, province, region, url, "group" FROM platforms ORDER BY id',
    "indicator_values": f"""
        SELECT v.platform_id, v.indicator_id, t.title AS indicator_title, v.value, u.title AS unit, v.status,
               v.detail, json_extract_string(v.evidence, '$[0].url') AS evidence_url
        FROM indicator_values v
        LEFT JOIN {LOOKUP} t ON t.domain = 'indicator' AND t.code = v.indicator_id
        LEFT JOIN {LOOKUP} u ON u.domain = 'unit' AND u.code = v.indicator_id
        WHERE v.platform_id IN (SELECT id FROM platforms)
        ORDER BY v.platform_id, v.indicator_id""",
    "indicator_scores": """
        SELECT platform_id, framework, dimension_id, indicator_id, score, weight, status
        FROM indicator_scores WHERE platform_id IN (SELECT id FROM platforms)
        ORDER BY platform_id, framework, indicator_id""",
    "scores": f"""
        SELECT s.platform_id, s.framework, s.node, t.title AS node_title, s.score FROM (
            SELECT platform_id, framework, 'index' AS node, "index" AS score, 0 AS ord FROM results
            UNION ALL
            SELECT platform_id, framework, dimension_id, score, 1 FROM dimension_scores) s
        LEFT JOIN {LOOKUP} t ON t.domain = 'node:' || s.framework AND t.code = s.node
        WHERE s.platform_id IN (SELECT id FROM platforms)
        ORDER BY s.platform_id, s.framework, s.ord, s.node""",
    "ranks": """
        SELECT r.platform_id, r.framework, p."group", r."index", r."rank", r.group_size, i.rank_median,
               i.rank_low, i.rank_high, i.quantile_low, i.quantile_high, i.replications,
               coalesce(r.vetoed, false) OR coalesce(json_array_length(r.vetoes), 0) > 0 AS vetoed,
               nullif(array_to_string(json_extract_string(r.vetoes, '$[*].id'), '; '), '') AS veto_ids,
               nullif(array_to_string(json_extract_string(r.vetoes, '$[*].title'), '；'), '') AS veto_reasons,
               r.coverage
        FROM results r JOIN platforms p ON p.id = r.platform_id
        LEFT JOIN rank_intervals i ON i.platform_id = r.platform_id AND i.framework = r.framework
        ORDER BY r.framework, p."group", r."rank" NULLS LAST, r.platform_id""",
    "findings": f"""
        SELECT f.platform_id, f.kind, t.title AS kind_title, f.url, f.detail, f.indicator_id, f.snippet,
               nullif(f.evidence_url, '') AS evidence_url, e.record_id AS warc_record_id, f.observed_at
        FROM findings f LEFT JOIN {LOOKUP} t ON t.domain = 'defect' AND t.code = f.kind
        LEFT JOIN (SELECT platform_id, url, any_value(record_id) AS record_id FROM evidence_records
                   GROUP BY ALL) e ON e.platform_id = f.platform_id AND e.url = f.evidence_url
        WHERE f.platform_id IN (SELECT id FROM platforms)
        ORDER BY f.platform_id, f.kind, f.url, f.detail""",
    "inspection": """
        SELECT platform_id, scheme, variant, full_marks, base, deducted, bonus, score, vetoed, qualified,
               CAST(coalesce(json_array_length(problems), 0) AS BIGINT) AS problems,
               nullif(array_to_string(list_filter(json_extract_string(problems, '$[*].title'),
                   lambda t, i: json_extract_string(problems, '$[*].type')[i] = 'veto'), '；'), '') AS vetoes
        FROM inspection_results WHERE platform_id IN (SELECT id FROM platforms)
        ORDER BY platform_id, scheme""",
    "inspection_problems": """
        SELECT platform_id, scheme, seq, json_extract_string(p, '$.type') AS type,
               json_extract_string(p, '$.id') AS problem_id, json_extract_string(p, '$.title') AS title,
               json_extract_string(p, '$.indicator') AS indicator_id,
               TRY_CAST(json_extract(p, '$.points') AS DOUBLE) AS points,
               json_extract_string(p, '$.detail') AS detail,
               nullif(json_extract_string(p, '$.evidence_url'), '') AS evidence_url,
               TRY_CAST(json_extract_string(p, '$.observed_at') AS TIMESTAMP) AS observed_at
        FROM (SELECT platform_id, scheme, unnest(CAST(problems AS JSON[])) AS p,
                     unnest(generate_series(1, CAST(coalesce(json_array_length(problems), 0) AS BIGINT))) AS seq
              FROM inspection_results WHERE platform_id IN (SELECT id FROM platforms))
        ORDER BY platform_id, scheme, seq""",
}


def has_inspection(store: CampaignStore) -> bool:
    """Whether the campaign ran the national check (``govlens inspect``)."""
    return store.count("inspection_results") > 0


@contextmanager
def open_table(store: CampaignStore, name: str, titles: Mapping[tuple[str, str], str] | None = None,
               batch_rows: int = 100_000) -> Iterator[pa.RecordBatchReader]:
    """The open-data table ``name`` as a stream of record batches of at most ``batch_rows`` rows.

    ``titles`` maps (domain, code) → title: ``("defect", kind)``, ``("indicator", id)``, ``("unit", id)``,
    ``("node:<framework>", dimension id or "index")``.
    """
    cur = store.con.cursor()             # its own connection: the lookup view and the stream stay private
    lookup = pd.DataFrame([(d, c, t) for (d, c), t in (titles or {}).items()], columns=["domain", "code", "title"],
                          dtype=object)
    try:
        cur.register(LOOKUP, lookup)
        yield cur.sql(QUERIES[name]).to_arrow_reader(batch_rows)
    finally:
        cur.close()
