"""The improvement stage (快速发展) against a previous campaign's store written before a framework was renamed.

`foreign-2013` became `foreign-site-2013` (one spelling per platform kind): a previous store holds its
results under the former id, and a campaign file written before names it. Both stores are real DuckDB
files scored by the engine; the campaign file is loaded as a user's would be.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from govlens.errors import InputError
from govlens.frameworks import load_framework
from govlens.pipeline.campaign import load_campaign
from govlens.pipeline.score_stages import improvement
from govlens.pipeline.stage import campaign_frameworks
from govlens.registry import Platform
from govlens.scoring import score_campaign
from govlens.scoring.compare import load_results
from govlens.store import CampaignStore

PLATFORMS = [Platform(f"f{i}", f"外文版{i}", "foreign_site", "government", "prefecture", "江苏", "east",
                      f"http://f{i}.gov.cn/", "foreign_prefecture") for i in range(4)]


def indicator_values(framework_ids: list[str], bump: float) -> list[dict]:
    """One ok value per indicator and platform; ``bump`` moves every platform but the first."""
    rows = []
    for i, p in enumerate(PLATFORMS):
        for j, iid in enumerate(framework_ids):
            v = 1.0 if iid == "foreign-edition" else float(10 * (i + 1) + j) + (bump * i if i else 0.0)
            rows.append({"platform_id": p.id, "indicator_id": iid, "value": v, "status": "ok", "detail": "",
                         "evidence": []})
    return rows


def scored_store(path: Path, framework, bump: float) -> None:
    with CampaignStore(path) as store:
        store.write_platforms(PLATFORMS)
        store.insert("indicator_values", indicator_values(framework.indicator_ids(), bump))
        score_campaign(store, framework, replications=0)


@pytest.fixture
def renamed(tmp_path: Path):
    """A previous store scored under the former id, and a campaign file naming the former id."""
    current = load_framework("foreign-site-2013")
    before = dataclasses.replace(current, id="foreign-2013", aliases=())   # the framework as it was stored then
    scored_store(tmp_path / "previous.duckdb", before, bump=0.0)
    (tmp_path / "r.csv").write_text("id,name,kind,url\n" + "".join(f"{p.id},{p.name},foreign_site,{p.url}\n"
                                                                    for p in PLATFORMS), encoding="utf-8")
    (tmp_path / "c.toml").write_text(
        '[campaign]\nname = "x"\ncheck_date = "2013-12-15"\nregistry = "r.csv"\nframework = "foreign-2013"\n'
        'frameworks = ["foreign-2013", "cndomain-2013"]\nprevious = "previous.duckdb"\nout = "out"\n'
        '[settings]\nSCORING_REPLICATIONS = 0\n', encoding="utf-8")
    return tmp_path


def test_a_campaign_file_naming_the_former_id_scores_under_the_current_one(renamed: Path) -> None:
    campaign = load_campaign(renamed / "c.toml")
    assert campaign.frameworks == ["foreign-site-2013", "cn-domain-2013"]
    assert [fw.id for fw in campaign_frameworks(campaign)] == ["foreign-site-2013", "cn-domain-2013"]
    campaign.out.mkdir()
    scored_store(campaign.store_path, campaign_frameworks(campaign)[0], bump=5.0)
    with CampaignStore(campaign.store_path) as store:
        assert store.select("results", "framework", distinct=True)["framework"].tolist() == ["foreign-site-2013"]


def test_the_improvement_stage_finds_the_previous_results_under_the_former_id(renamed: Path) -> None:
    campaign = load_campaign(renamed / "c.toml")
    campaign.out.mkdir()
    scored_store(campaign.store_path, campaign_frameworks(campaign)[0], bump=5.0)
    with CampaignStore(renamed / "previous.duckdb") as old:
        before = {r["platform_id"]: r["index"] for r in old.rows("results", framework="foreign-2013")}
    with CampaignStore(campaign.store_path) as store:
        report = improvement(campaign, store)
        rows = {r["platform_id"]: r["data"] for r in store.rows("observations", kind="improvement")}
        now = {r["platform_id"]: r["index"] for r in store.rows("results", framework="foreign-site-2013")}
    assert report is not None and set(rows) == {p.id for p in PLATFORMS}
    for pid, data in rows.items():
        assert data["index_old"] == pytest.approx(before[pid]) and data["index_new"] == pytest.approx(now[pid])
    assert rows["f0"]["index_change"] == pytest.approx(0.0)      # the first platform did not move
    assert any(data["index_change"] != 0 for data in rows.values())


def test_compare_finds_a_shipped_framework_under_its_former_id_and_nothing_else(renamed: Path) -> None:
    old = renamed / "previous.duckdb"
    assert load_results(old, "foreign-site-2013").label.endswith("(foreign-2013)")     # the shipped aliases
    assert load_results(old, "other", aliases=("x", "foreign-2013")).label.endswith("(foreign-2013)")
    with pytest.raises(InputError, match="cn-domain-2013"):
        load_results(old, "cn-domain-2013")
