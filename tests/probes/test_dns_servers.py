"""``HTTP_DNS_SERVERS`` in a real scan: a DNS server on loopback (dnslib) answers, the scan completes.

The scan's availability visits run on their own event loop (``AVAILABILITY_THREAD``); a c-ares
resolver made for one loop and used on another ends every lookup with "attached to a different
loop". The resolver must be made inside the loop that uses it.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from dnslib.server import DNSServer

from govlens.probes.net.fetch_threaded import ThreadedFetcher
from govlens.probes.scan import run_scan
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

from .conftest import serve_app
from .test_blocked_targets import Zone, counting_app


def _zone_server(zone: Zone) -> tuple[DNSServer, str]:
    server = DNSServer(zone, port=0, address="127.0.0.1")
    server.start_thread()
    return server, f"127.0.0.1:{server.server.server_address[1]}"


def _settings(dns: str) -> Settings:
    return Settings({"HTTP_DNS_SERVERS": [dns], "HTTP_ALLOW_NETWORKS": ["portal.example-gov.cn"],
                     "HTTP_TIMEOUT": 3.0, "LINKS_TIMEOUT": 3.0, "AVAILABILITY_VISITS": 2,
                     "AVAILABILITY_SPACING": 0.0, "CHECK_DATE": "2013-12-25"})


def test_a_scan_with_its_own_dns_servers_resolves_through_them(tmp_path: Path) -> None:
    from collections import Counter
    zone = Zone({"portal.example-gov.cn": ["127.0.0.1"]})
    dns, address = _zone_server(zone)
    hits: Counter = Counter()
    store = CampaignStore(tmp_path / "campaign.duckdb")

    async def serve_and_scan() -> None:
        async with serve_app(counting_app(hits)) as port:
            platform = Platform(id="p1", name="示例门户", kind="website", org_type="government", level="prefecture",
                                province="浙江", region="east", url=f"http://portal.example-gov.cn:{port}/",
                                group="prefecture")
            store.write_platforms([platform])
            await asyncio.to_thread(run_scan, store.platforms(), store, _settings(address), probes=("http_site",))

    try:
        asyncio.run(serve_and_scan())
        rows = store.rows("observations", probe="http_site")
    finally:
        store.close()
        dns.stop()
    visits = [r for r in rows if r["kind"] == "visit"]
    assert visits and all(r["status"] == "completed" for r in visits), [(r["kind"], r["status"], r.get("data"))
                                                                        for r in rows][:5]
    assert not any("different loop" in str(r.get("error") or "") for r in rows)
    assert zone.asked["portal.example-gov.cn"] >= 1 and sum(hits.values()) >= len(visits)


def test_the_visits_thread_resolves_on_its_own_loop() -> None:
    zone = Zone({"portal.example-gov.cn": ["127.0.0.1"]})
    dns, address = _zone_server(zone)
    hits: dict = {}

    async def main():
        from collections import Counter
        counter: Counter = Counter()
        async with serve_app(counting_app(counter)) as port:
            fetcher = ThreadedFetcher(_settings(address))     # made on this loop, fetching on its own
            async with fetcher:
                results = [await fetcher.fetch(f"http://portal.example-gov.cn:{port}/") for _ in range(2)]
        hits.update(counter)
        return results

    try:
        results = asyncio.run(main())
    finally:
        dns.stop()
    assert [r.status for r in results] == ["completed", "completed"], [r.error for r in results]
    assert sum(hits.values()) == 2
