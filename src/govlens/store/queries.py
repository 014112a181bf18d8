"""The joins and aggregates the stages ask of the store, by name, so that no stage writes SQL.

A simple read is :meth:`CampaignStore.select` (columns of one table, equality filters); what needs a join,
a group or a window is a function here, named for what it returns. The store knows its tables
(:mod:`govlens.store.schema`); a stage knows only the names of the facts it wants.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pandas as pd

from govlens.store.campaign_store import CampaignStore


def results_with_intervals(store: CampaignStore, framework: str) -> pd.DataFrame:
    """One row per scored platform of ``framework``: id, name, group, index, rank, vetoed and its rank interval."""
    return store.frame('SELECT r.platform_id AS id, p.name, p."group", r."index", r."rank", r.vetoed, '
                       'i.rank_median, i.rank_low, i.rank_high FROM results r JOIN platforms p ON p.id = '
                       'r.platform_id LEFT JOIN rank_intervals i ON i.platform_id = r.platform_id AND '
                       'i.framework = r.framework WHERE r.framework = ?', [framework])


def last_step_params(store: CampaignStore, stage: str, step: str) -> dict[str, Any] | None:
    """The parameters of the latest logged ``step`` of ``stage`` (the run log replays a run), or None."""
    rows = store.con.execute("SELECT params FROM run_log WHERE stage = ? AND step = ? ORDER BY seq DESC LIMIT 1",
                             [stage, step]).fetchall()
    return json.loads(rows[0][0]) if rows else None


def findings_per_platform(store: CampaignStore) -> pd.DataFrame:
    """platform_id, n: how many findings each platform has (platforms without findings are absent)."""
    return store.frame("SELECT platform_id, count(*) AS n FROM findings GROUP BY platform_id")


def findings_per_kind(store: CampaignStore) -> pd.DataFrame:
    """kind, n: findings per platform kind (the summary table's column)."""
    return store.frame("SELECT p.kind AS kind, count(*) AS n FROM findings f JOIN platforms p "
                       "ON p.id = f.platform_id GROUP BY p.kind")


def last_observed(store: CampaignStore) -> pd.DataFrame:
    """platform_id, t: when each platform was last observed."""
    return store.frame("SELECT platform_id, max(observed_at) AS t FROM observations GROUP BY platform_id")


def finding_evidence_urls(store: CampaignStore) -> list[tuple[str, str]]:
    """(platform, URL) of every finding that names the page behind it, once each."""
    return store.con.execute("SELECT DISTINCT platform_id, evidence_url FROM findings "
                             "WHERE evidence_url IS NOT NULL AND evidence_url <> ''").fetchall()


MEMBER_COLUMNS = {"group": '"group"', "org_type": "org_type", "level": "level", "kind": "kind",
                  "region": "region", "province": "province", "id": "id"}


def _members(members: Mapping[str, Sequence[str]]) -> tuple[str, list[Any]]:
    conds, params = [], []
    for key, values in members.items():
        col = MEMBER_COLUMNS.get(key)
        if col is None or not values:
            continue
        conds.append(f"{col} IN ({', '.join('?' * len(values))})")
        params += list(values)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def group_standing_rows(store: CampaignStore, framework: str, members: Mapping[str, Sequence[str]],
                        winners: Sequence[str]) -> list[tuple[Any, ...]]:
    """Each winner's standing on every indicator measured across its award group (the platforms whose
    registry columns are among ``members``' values; ok values only): (platform, indicator, dimension, value,
    score, rank in the group, platforms tied on that score, platforms at the top, group size, mean, sd, top
    score, median value)."""
    where, params = _members(members)
    sql = f"""
        WITH m AS (SELECT id FROM platforms{where}),
        s AS (SELECT s.platform_id, s.indicator_id, any_value(s.dimension_id) AS dimension_id,
                     max(s.score) AS score, max(v.value) AS value
              FROM indicator_scores s JOIN indicator_values v
                ON v.platform_id = s.platform_id AND v.indicator_id = s.indicator_id
              WHERE s.framework = ? AND s.status = 'ok' AND v.status = 'ok' AND s.score IS NOT NULL
                AND v.value IS NOT NULL AND isfinite(v.value) AND s.platform_id IN (SELECT id FROM m)
              GROUP BY s.platform_id, s.indicator_id),
        g AS (SELECT indicator_id, count(*) AS n, avg(score) AS mean, coalesce(stddev_pop(score), 0) AS sd,
                     max(score) AS top, quantile_cont(value, 0.5) AS median_value FROM s GROUP BY indicator_id),
        r AS (SELECT s.*, rank() OVER (PARTITION BY s.indicator_id ORDER BY s.score DESC) AS rk,
                     count(*) OVER (PARTITION BY s.indicator_id, s.score) AS tied,
                     sum(CASE WHEN s.score >= g.top - 1e-9 THEN 1 ELSE 0 END) OVER (PARTITION BY s.indicator_id) AS at_top
              FROM s JOIN g USING (indicator_id))
        SELECT r.platform_id, r.indicator_id, r.dimension_id, r.value, r.score, r.rk, r.tied, r.at_top,
               g.n, g.mean, g.sd, g.top, g.median_value
        FROM r JOIN g USING (indicator_id)
        WHERE r.platform_id IN ({', '.join('?' * len(winners))})
        ORDER BY r.platform_id, r.indicator_id"""
    cur = store.con.cursor()
    try:
        cur.execute(sql, [*params, framework, *winners])
        return cur.fetchall()
    finally:
        cur.close()


def inspection_rows(store: CampaignStore) -> list[dict[str, Any]]:
    """Every platform's inspection result with its name and URL, the unqualified first, worst first."""
    rows = store.con.execute(
        "SELECT r.platform_id, p.name, p.url, r.scheme, r.variant, r.full_marks, r.deducted, r.base, r.bonus, "
        "r.score, r.vetoed, r.qualified, r.problems, r.unchecked FROM inspection_results r "
        "JOIN platforms p ON p.id = r.platform_id ORDER BY r.qualified, r.vetoed DESC, r.score, r.platform_id"
    ).fetchall()
    names = ("id", "name", "url", "scheme", "variant", "full_marks", "deducted", "base", "bonus", "score", "vetoed",
             "qualified", "problems", "unchecked")
    return [dict(zip(names, rec)) for rec in rows]


# ------------------------------------------------------------------ awards and review
def reviewed_platforms(store: CampaignStore) -> list[tuple[str, str]]:
    """(framework, platform) of every platform the experts reviewed (``expert_review`` observations)."""
    return store.con.execute("SELECT DISTINCT json_extract_string(data, '$.framework') AS framework, platform_id "
                             "FROM observations WHERE probe = 'review' AND kind = 'expert_review'").fetchall()


# ------------------------------------------------------------------ indicators
OBSERVATION_COLUMNS = ("platform_id", "probe", "kind", "url", "status", "http_status", "elapsed_ms", "observed_at",
                       "data")


def observation_rows(store: CampaignStore, ids: Sequence[str], batch: int,
                     fetch: int = 200) -> Iterator[tuple]:
    """The observations' rows of ``ids`` in :data:`OBSERVATION_COLUMNS` order, by platform then time, streamed:
    one query per ``batch`` sorted ids, on a cursor of its own (the store's may hold a result or a write), its
    result read ``fetch`` rows at a time, so Python never holds more than those rows of a batch."""
    ids = sorted(ids)
    con = store.con.cursor()
    cols = ", ".join("o." + c for c in OBSERVATION_COLUMNS)
    try:
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            con.register("_govlens_ids", pd.DataFrame({"platform_id": chunk}))
            con.execute(
                f"SELECT {cols} FROM observations o SEMI JOIN _govlens_ids i ON o.platform_id = i.platform_id "
                "WHERE o.platform_id BETWEEN ? AND ? "  # lets DuckDB skip row groups by their min/max
                "ORDER BY o.platform_id, o.observed_at, o.rowid", [chunk[0], chunk[-1]])
            while rows := con.fetchmany(fetch):
                yield from rows
            con.unregister("_govlens_ids")
    finally:
        con.close()


def linked_hosts(store: CampaignStore, forms: Sequence[str]) -> list[tuple[str, str]]:
    """(platform, host form) for every page link of a platform whose host is one of ``forms``: the links
    between campaign platforms, extracted in one query (only those come back to Python)."""
    con = store.con.cursor()
    try:
        con.register("_govlens_hosts", pd.DataFrame({"form": list(forms)}))
        con.execute("SET enable_progress_bar = false")
        # authority = third "/"-part of "scheme://authority/path"; distinct per platform first (cheap),
        # then the host: before any ? or #, after any user@, before any :port; no trailing dot, no www.
        return con.execute("""
            WITH auth AS (
                SELECT DISTINCT platform_id, split_part(u, '/', 3) AS a
                FROM (SELECT platform_id, unnest(json_extract_string(data, '$.links[*].url')) AS u
                      FROM observations WHERE kind = 'page')),
            hosts AS (
                SELECT platform_id, rtrim(lower(split_part(split_part(split_part(split_part(
                           a, '?', 1), '#', 1), '@', -1), ':', 1)), '.') AS h
                FROM auth),
            linked AS (
                SELECT DISTINCT platform_id, CASE WHEN starts_with(h, 'www.') THEN h[5:] ELSE h END AS form
                FROM hosts)
            SELECT l.platform_id, l.form FROM linked l JOIN _govlens_hosts g ON l.form = g.form
        """).fetchall()
    finally:
        con.close()


def delete_scoped(store: CampaignStore, table: str, indicator_ids: Sequence[str],
                  platform_ids: Sequence[str] | None) -> None:
    """Delete the rows of ``indicator_ids`` for ``platform_ids`` only (other platforms' rows stay); every row of
    ``table`` when ``platform_ids`` is None. Inside the caller's transaction, if it holds one."""
    con = store.con
    if platform_ids is None:
        con.execute(f"DELETE FROM {table}")
        return
    con.register("_govlens_scope", pd.DataFrame({"platform_id": list(platform_ids)}, dtype=object))
    try:
        con.execute(f"DELETE FROM {table} WHERE indicator_id IN ({', '.join('?' * len(indicator_ids))}) "
                    "AND platform_id IN (SELECT platform_id FROM _govlens_scope)", list(indicator_ids))
    finally:
        con.unregister("_govlens_scope")


def staging_table(store: CampaignStore, table: str) -> str:
    """An empty table shaped like ``table`` to write a stage's rows into batch by batch, each batch committed:
    DuckDB holds a transaction's appended rows in memory, beyond its memory limit (600,000 indicator values in
    one transaction: 1.35 GB; committed batch by batch: 0.5 GB). :func:`swap_staged` moves them in at once."""
    name = f"_staged_{table}"
    store.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {table} LIMIT 0")
    return name


def swap_staged(store: CampaignStore, staged: Mapping[str, str], indicator_ids: Sequence[str],
                platform_ids: Sequence[str] | None) -> None:
    """In one transaction, for each table → its staging table: delete the rows :func:`delete_scoped` names, move
    the staged rows in (in the order written) and drop the staging table."""
    with store.transaction():
        for table, name in staged.items():
            delete_scoped(store, table, indicator_ids, platform_ids)
            store.con.execute(f"INSERT INTO {table} SELECT * FROM {name}")
            store.con.execute(f"DROP TABLE {name}")


def drop_staging(store: CampaignStore, names: Sequence[str]) -> None:
    """Drop staging tables left by a run that failed before :func:`swap_staged`."""
    for name in names:
        store.con.execute(f"DROP TABLE IF EXISTS {name}")


# ------------------------------------------------------------------ the availability monitor
def add_visits(store: CampaignStore, frame: pd.DataFrame) -> None:
    """Append monitor visits (``frame``'s columns are the ledger's); a visit already in the ledger is ignored,
    never doubled; one transaction."""
    con = store.con
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.register("_govlens_visits", frame)
    try:
        with store.transaction():
            con.execute(f"INSERT OR IGNORE INTO monitor_visits SELECT {cols} FROM _govlens_visits")
    finally:
        con.unregister("_govlens_visits")


def visit_summaries(store: CampaignStore) -> list[tuple[Any, ...]]:
    """Per site of the monitor ledger: (platform, visits, failed visits, the failures as (t, status, http) in
    order, median time of the completed visits in ms, visits started more than a second late)."""
    return store.con.execute(
        "SELECT platform_id, count(*), count(*) FILTER (WHERE status <> 'completed'), "
        "list(struct_pack(t := visited_at, status := status, http := http_status) ORDER BY seq) "
        "FILTER (WHERE status <> 'completed'), median(elapsed_ms) FILTER (WHERE status = 'completed'), "
        "count(*) FILTER (WHERE visited_at - scheduled_at > INTERVAL 1 SECOND) "
        "FROM monitor_visits GROUP BY platform_id").fetchall()



def done_visits(store: CampaignStore, batch: int = 10_000) -> Iterator[tuple[str, list[int]]]:
    """The monitor ledger's visits already made, per site (their visit numbers), in batches of sites: what a
    resumed window skips."""
    cur = store.con.execute("SELECT platform_id, list(seq) FROM monitor_visits GROUP BY platform_id")
    while rows := cur.fetchmany(batch):
        yield from rows


def visit_lateness(store: CampaignStore, quantiles: tuple[float, ...] = (0.5, 0.9, 0.99, 0.999)) -> dict[str, Any]:
    """How late the ledger's visits started (seconds after their schedule): the quantiles, the largest, and
    the visits, started within a second, and made, for the monitor's benchmark."""
    row = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE visited_at - scheduled_at <= INTERVAL 1 SECOND), "
        "quantile_cont(epoch(visited_at - scheduled_at), ?::DOUBLE[]), max(epoch(visited_at - scheduled_at)) "
        "FROM monitor_visits", [list(quantiles)]).fetchone()
    return {"visits": int(row[0]), "on_time": int(row[1]), "max": row[3],
            "quantiles": dict(zip(quantiles, row[2] or [None] * len(quantiles)))}

# ------------------------------------------------------------------ the sandbox's checks
def observed_by_probe(store: CampaignStore, probe: str) -> list[str]:
    """Platforms with an observation of ``probe``."""
    return [r[0] for r in store.con.execute("SELECT DISTINCT platform_id FROM observations WHERE probe = ?",
                                            [probe]).fetchall()]
