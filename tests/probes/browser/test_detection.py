"""The browser probe against the sandbox's truth: precision and recall per visual defect kind.

A sample of the sandbox web is chosen so that every browser-visible kind is injected on
several sites, with healthy sites beside them; the real scan runner renders it in headless
Chromium into a real DuckDB store, the real indicators turn the observations into findings,
and the findings are matched with the truth per kind (printed; failing below 0.9).
"""
from __future__ import annotations

import json

import pytest

from govlens.contract import defects as D
from govlens.indicators.catalogue import all_ids
from govlens.indicators.run import run_indicators
from govlens.probes.scan import run_scan
from govlens.sandbox.check import compare, format_scores
from govlens.store.campaign_store import CampaignStore

from .conftest import AS_OF, require_browser

PER_KIND = 5
HEALTHY = 12
MIN_SCORE = 0.9


def _sample(web):
    by_kind = {k: [] for k in D.BROWSER_KINDS}
    healthy = []
    for s in web.sites:
        kinds = {d["kind"] for d in s.defects()}
        browser = kinds & set(D.BROWSER_KINDS)
        if D.SITE_DOWN in kinds:
            continue
        for k in browser:
            by_kind[k].append(s.platform)
        if not browser and len(healthy) < HEALTHY:
            healthy.append(s.platform)
    chosen = {}
    for k, ps in by_kind.items():
        assert len(ps) >= PER_KIND, f"the 400-site sandbox injects {k} on only {len(ps)} sites"
        for p in ps[:PER_KIND]:
            chosen[p.id] = p
    for p in healthy:
        chosen[p.id] = p
    return sorted(chosen.values(), key=lambda p: p.id)


@pytest.fixture(scope="module")
def run(bweb, bsandbox, tmp_path_factory):
    require_browser()
    running, state = bsandbox
    platforms = _sample(bweb)
    store = CampaignStore(tmp_path_factory.mktemp("bstore") / "campaign.duckdb")
    store.write_platforms(platforms)
    summary = run_scan(platforms, store, {"CONCURRENCY_SITES": 3, "BROWSER_PAGES": 3, "CHECK_DATE": AS_OF.isoformat()},
                       sandbox_state=state, probes=("browser",))
    run_indicators(store, platforms, indicator_ids=all_ids(), check_date=AS_OF, settings={})
    yield platforms, store, summary
    store.close()


def test_every_site_rendered_on_both_devices(run):
    platforms, store, summary = run
    assert summary.sites == len(platforms) and summary.failed_sites == 0
    rows = store.con.execute("SELECT platform_id, json_extract_string(data, '$.device'), status FROM observations "
                             "WHERE kind = 'render'").fetchall()
    done = {(pid, dev) for pid, dev, st in rows if st == "completed"}
    for p in platforms:
        assert (p.id, "desktop") in done and (p.id, "phone") in done, p.id
    axe = store.con.execute("SELECT count(*) FROM observations WHERE kind = 'axe'").fetchone()[0]
    assert axe == len(platforms)


def test_precision_and_recall_per_visual_kind(run, bweb):
    platforms, store, _ = run
    ids = {p.id for p in platforms}
    truth = {(s.platform.id, d["kind"], "") for s in bweb.sites if s.platform.id in ids
             for d in s.defects() if d["kind"] in D.BROWSER_KINDS}
    found = {(pid, kind, "") for pid, kind in store.con.execute(
        "SELECT platform_id, kind FROM findings").fetchall() if kind in D.BROWSER_KINDS}
    scores = compare(truth, found, D.BROWSER_KINDS)
    print("\n" + format_scores(scores))
    assert all(s.truth >= PER_KIND for s in scores)
    low = [s for s in scores if s.precision < MIN_SCORE or s.recall < MIN_SCORE]
    assert not low, format_scores(low)


def test_thumbnails_and_measures_are_plausible(run):
    _, store, _ = run
    rows = store.con.execute("SELECT data FROM observations WHERE kind = 'render' AND status = 'completed'").fetchall()
    for (data,) in rows:
        d = json.loads(data) if isinstance(data, str) else data
        assert d["thumbnail"].startswith("data:image/jpeg;base64,")
        if d["device"] == "desktop":
            assert d["performance"]["fcp_ms"] > 0 and d["network"]["requests"] >= 3
            assert d["layout"]["page_height"] > 768 and 0 < d["layout"]["whitespace"] < 1
            assert d["colour"]["palette"] and abs(sum(p["share"] for p in d["colour"]["palette"]) - 1) < 0.01
        else:
            assert d["layout_width"] in (390, 980) and d["tap_targets"] > 10   # 980: no meta viewport
