"""Series 6, 7 and 8 against the sandbox's ground truth, on 250 platforms, through the real stack.

80 ``.政务`` names, 90 Chinese sites with foreign-language editions and 80 文明网 (with featured-
column sub-sites) are generated, served by the sandbox server on loopback (HTTP, HTTPS and its DNS
server), scanned with the real probes and fetcher, imported (overseas signals), evaluated by the
indicators, and the findings are compared with the truth: precision and recall per defect kind are
printed and must reach 0.95. The detectors never read the truth or the generator.
"""
from __future__ import annotations

import datetime as dt

import pytest

from govlens.contract.defects import (
    CIVILIZATION_KINDS,
    CN_DOMAIN_KINDS,
    FOREIGN_KINDS,
    match_key,
)
from govlens.indicators.catalogue import all_ids
from govlens.indicators.run import run_indicators
from govlens.probes.importers.overseas_signals import NAME as OVERSEAS
from govlens.probes.importers.overseas_signals import import_overseas_signals
from govlens.probes.scan import run_scan
from govlens.sandbox.check import compare, format_scores
from govlens.sandbox.civilization import generate_civilization_sites
from govlens.sandbox.cn_domain import generate_cn_domains
from govlens.sandbox.foreign_site import generate_foreign_sites
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

SEED = 2013
AS_OF = dt.date(2013, 12, 15)
KINDS = CIVILIZATION_KINDS + FOREIGN_KINDS + CN_DOMAIN_KINDS
PROBES = ("http_site", "interaction", "dns", "civilization", "foreign_site", "cn_domain")
MINE = ("civilization-", "cn-domain-", "edition-", "foreign-", "overseas-")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    platforms = (generate_cn_domains(80, SEED) + generate_foreign_sites(90, SEED)
                 + generate_civilization_sites(80, SEED))
    web = build_sandbox(platforms, SEED, AS_OF)
    tmp = tmp_path_factory.mktemp("series678")
    store = CampaignStore(tmp / "campaign.duckdb")
    store.write_platforms(platforms)
    settings = Settings({"CHECK_DATE": AS_OF.isoformat(), "AVAILABILITY_SPACING": 0})
    with run_in_thread(web, tmp / "sandbox") as running:
        summary = run_scan(platforms, store, settings, sandbox_state=running.state(), probes=PROBES)
    observations, errors = import_overseas_signals(web.write_overseas_signals(tmp / "overseas.csv"), platforms)
    store.replace("observations", [o.as_row() for o in observations], probe=OVERSEAS)
    ids = [i for i in all_ids() if i.startswith(MINE)] + ["homepage-freshness", "interaction-channel"]
    run_indicators(store, platforms, indicator_ids=ids, check_date=AS_OF, settings=settings)
    return web, store, summary, errors, platforms


def test_the_run_covers_250_platforms(run):
    web, store, summary, errors, platforms = run
    assert len(platforms) == 250 and summary.sites == 250 and summary.failed_sites == 0
    assert not errors and store.count("observations") > 2000


def test_detection_against_truth(run):
    web, store, *_ = run
    truth = {match_key(s["platform_id"], d["kind"], d["url"]) for s in web.truth()["sites"] for d in s["defects"]
             if d["kind"] in KINDS}
    found = {match_key(r["platform_id"], r["kind"], r["url"]) for r in store.rows("findings") if r["kind"] in KINDS}
    scores = compare(truth, found, KINDS)
    print("\n" + format_scores(scores))
    assert all(s.truth >= 5 for s in scores), "every kind is injected several times in 250 platforms"
    low = [s for s in scores if s.precision < 0.95 or s.recall < 0.95]
    assert not low, format_scores(low)


def test_measured_values_follow_what_was_served(run):
    web, store, *_ = run
    values = {(r["platform_id"], r["indicator_id"]): r for r in store.rows("indicator_values")}
    sites = {f.platform.id: f for f in web.foreign_sites.values()}
    with_second = [pid for pid, f in sites.items() if f.second and f.edition]
    assert with_second and all(values[(pid, "edition-languages")]["value"] == 2 for pid in with_second)
    assert all(values[(pid, "edition-languages")]["value"] == 1 for pid, f in sites.items()
               if f.edition and not f.second)
    no_edition = [pid for pid, f in sites.items() if not f.edition]
    assert no_edition and all(values[(pid, "edition-recency")]["status"] == "not_applicable" for pid in no_edition)
    with_services = [pid for pid, f in sites.items() if f.edition and f.services]
    assert all(values[(pid, "edition-services")]["value"] > 0 for pid in with_services)
    assert any(values[(pid, "overseas-visits")]["value"] > 0 for pid in sites)
    for c in web.cn_domains.values():      # the four check points are monotone: a later one never passes alone
        checks = [values[(c.platform.id, f"cn-domain-{k}")]["value"] for k in ("registered", "reachable", "site",
                                                                                 "shown")]
        assert checks == sorted(checks, reverse=True), (c.platform.id, checks)
        assert (c.kind is None) == (checks == [1.0, 1.0, 1.0, 1.0])
