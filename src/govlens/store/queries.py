"""The joins and aggregates the stages ask of the store, by name, so that no stage writes SQL.

A simple read is :meth:`CampaignStore.select` (columns of one table, equality filters); what needs a join,
a group or a window is a function here, named for what it returns. The store knows its tables
(:mod:`govlens.store.schema`); a stage knows only the names of the facts it wants.
"""
from __future__ import annotations

import json
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
