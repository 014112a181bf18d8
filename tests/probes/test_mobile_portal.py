"""The mobile-portal probe against the sandbox's mobile portals, over real HTTP on loopback.

The shipped registry's 22 mobile portals are served; the probe visits them with a phone's user
agent, the mobile indicators judge them, and their findings are compared with the truth.
"""
from __future__ import annotations

import datetime as dt

import pytest

from govlens.contract import defects as D
from govlens.contract.defects import match_key
from govlens.indicators.run import run_indicators
from govlens.probes.gatherers.mobile_portal import page_facts
from govlens.probes.scan import run_scan
from govlens.registry import load_registry
from govlens.sandbox.check import compare, format_scores
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store import CampaignStore

AS_OF = dt.date(2013, 12, 15)
MOBILE_IDS = ["mobile-adaptation", "mobile-page-weight", "mobile-load-time", "mobile-broken-links"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    from govlens.registry.shipped import shipped_registry
    portals = [p for p in load_registry(shipped_registry()).platforms if p.kind == "mobile_portal"]
    web = build_sandbox(portals, 2013, AS_OF, slow_delay=0.8)
    tmp = tmp_path_factory.mktemp("mobile")
    with run_in_thread(web, tmp / "sandbox") as running:
        store = CampaignStore(tmp / "c.duckdb")
        store.write_platforms(portals)
        settings = Settings({"CHECK_DATE": AS_OF.isoformat(), "HTTP_SLOW_MS": 500})
        run_scan(portals, store, settings, sandbox_state=running.state(), probes=("mobile_portal",))
        run_indicators(store, portals, indicator_ids=MOBILE_IDS, check_date=AS_OF, settings=settings)
        yield store, web, portals
        store.close()


def test_every_portal_is_visited_as_a_phone(scanned) -> None:
    store, web, portals = scanned
    pages = store.rows("observations", kind="mobile_page")
    assert len(pages) == len(portals) == 22
    assert all(p["status"] == "completed" and "Mobile" in p["data"]["user_agent"] for p in pages)
    assert store.count("observations", kind="mobile_resource") >= 22 and store.count("observations", kind="mobile_link") > 100


def test_mobile_findings_against_truth(scanned) -> None:
    store, web, portals = scanned
    kinds = (D.NO_VIEWPORT, D.FIXED_WIDTH_LAYOUT, D.HEAVY_PAGE, D.SLOW_RESPONSE, D.BROKEN_INTERNAL_LINK)
    truth = {match_key(s["platform_id"], d["kind"], d["url"]) for s in web.truth()["sites"] for d in s["defects"]
             if d["kind"] in kinds}
    found = {match_key(*r) for r in store.con.execute("SELECT platform_id, kind, url FROM findings").fetchall()}
    scores = compare(truth, found, kinds=kinds)
    print("\n" + format_scores(scores))
    assert all(s.truth > 0 and s.precision == 1.0 and s.recall == 1.0 for s in scores), format_scores(scores)


def test_page_weight_counts_the_images(scanned) -> None:
    store, web, portals = scanned
    heavy = next(m for m in web.mobile_portals.values() if D.HEAVY_PAGE in m.flags)
    kb = store.con.execute("SELECT value FROM indicator_values WHERE platform_id = ? AND indicator_id = ?",
                           [heavy.platform.id, "mobile-page-weight"]).fetchone()[0]
    assert kb * 1024 >= sum(heavy.images.values())


@pytest.mark.parametrize("html, viewport, widths", [
    ('<meta name="viewport" content="width=device-width"><body><p>x</p></body>', True, []),
    ('<body style="width:1200px"><table width="960"><tr><td>x</td></tr></table></body>', False, [1200, 960]),
    ('<meta name="VIEWPORT" content="initial-scale=1"><div style="max-width:1200px;width: 320px">x</div>', False, []),
])
def test_page_facts(html, viewport, widths) -> None:
    facts = page_facts(html, "http://m.x.gov.cn/", 480)
    assert facts["has_viewport"] is viewport
    assert [f["width"] for f in facts["fixed_widths"]] == widths
