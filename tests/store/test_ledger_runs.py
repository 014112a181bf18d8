"""The visit ledger keeps one run per probe set: the HTTP scan and the browser pass after it.

The browser pass renders a sample after the HTTP scan, as a scan of its own (``probes=("browser",)``).
Beginning it must not reset the HTTP scan's ledger (a later ``--resume`` would scan everything
again), and a killed browser pass must resume where it stopped. Real DuckDB file, real ledger.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.store import CampaignStore, ledger

HTTP = ["http_site", "search_query", "tls"]
IDS = [f"p{i}" for i in range(6)]


def _rows(pid: str, probe: str) -> list[dict]:
    return [Observation(platform_id=pid, probe=probe, kind="page", url=f"https://{pid}.gov.cn/").as_row()]


def test_the_browser_pass_has_its_own_resumable_run(tmp_path) -> None:
    path = tmp_path / "campaign.duckdb"
    with CampaignStore(path) as store:
        http = ledger.begin_scan(store, HTTP, IDS)
        ledger.commit_sites(store, http, [(pid, "completed", _rows(pid, "http_site")) for pid in IDS[:4]])
        # killed here; resumed, it finishes
        http = ledger.resume_scan(store, HTTP, IDS)
        assert http is not None and http.done == set(IDS[:4])
        ledger.commit_sites(store, http, [(pid, "completed", _rows(pid, "http_site")) for pid in IDS[4:]])
        ledger.finish_scan(store, http, {"sites": 6}, meta_key="scan")

        browser = ledger.begin_scan(store, ["browser"], IDS[:3])
        ledger.commit_sites(store, browser, [("p0", "completed", _rows("p0", "browser"))])
    # the process dies; a new one resumes both
    with CampaignStore(path) as store:
        again = ledger.resume_scan(store, HTTP, IDS)
        assert again is not None and again.done == set(IDS)            # the HTTP scan is untouched: nothing to do
        ledger.finish_scan(store, again, {"sites": 6}, meta_key="scan")
        browser = ledger.resume_scan(store, ["browser"], IDS[:3])
        assert browser is not None and browser.done == {"p0"}
        ledger.commit_sites(store, browser, [(pid, "completed", _rows(pid, "browser")) for pid in ("p1", "p2")])
        ledger.finish_scan(store, browser, {"sites": 3}, meta_key="scan:browser")
        counts = dict(store.con.execute("SELECT probe, count(*) FROM observations GROUP BY 1").fetchall())
        assert counts == {"http_site": 6, "browser": 3}
        assert store.get_meta("scan") == {"sites": 6} and store.get_meta("scan:browser") == {"sites": 3}
        assert store.get_meta("scan_run")["finished"] and store.get_meta("scan_run:browser")["finished"]

        # a new HTTP scan (not resumed) forgets the HTTP rows and ledger, not the browser's
        ledger.begin_scan(store, HTTP, IDS)
        left = dict(store.con.execute("SELECT probes, count(*) FROM scan_ledger GROUP BY 1").fetchall())
        assert left == {"browser": 3}
        # another probe list is another run: no resume across probe sets
        assert ledger.resume_scan(store, ["http_site"], IDS) is None


def test_a_scan_killed_under_the_probes_former_names_resumes_under_the_new_ones(tmp_path) -> None:
    """A store scanned before a probe took its kind's name (featured_column → column) is resumed, not
    rescanned: the run, its ledger rows and its observations move to the new name."""
    from govlens.probes.components import PROBE_ALIASES

    before, after = ["http_site", "featured_column"], ["http_site", "column"]
    path = tmp_path / "campaign.duckdb"
    with CampaignStore(path) as store:
        run = ledger.begin_scan(store, before, IDS)
        ledger.commit_sites(store, run, [(pid, "completed", _rows(pid, "http_site") + _rows(pid, "featured_column"))
                                         for pid in IDS[:2]])
    with CampaignStore(path) as store:           # killed; the new version resumes it
        assert ledger.resume_scan(store, after, IDS) is None          # without the renames: another probe list
        again = ledger.resume_scan(store, after, IDS, renamed=PROBE_ALIASES)
        assert again is not None and again.resumed and again.done == set(IDS[:2])
        counts = dict(store.con.execute("SELECT probe, count(*) FROM observations GROUP BY 1").fetchall())
        assert counts == {"http_site": 2, "column": 2}
        assert {r[0] for r in store.con.execute("SELECT probes FROM scan_ledger").fetchall()} == {"http_site,column"}
        assert store.get_meta("scan_run")["probes"] == after
