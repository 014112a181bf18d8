"""The TLS probe against the real sandbox server: one verifying handshake per host, once per campaign."""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

from govlens.contract import defects as D
from govlens.probes.base import ProbeContext
from govlens.probes.gatherers.tls import TlsProbe
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.link_check import LinkChecker
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox

SEED, AS_OF = 2013, dt.date(2013, 12, 10)


def test_each_host_read_once_and_defects_described(settings, tmp_path):
    web = build_sandbox(generate_platforms([], 60, SEED), SEED, AS_OF)
    expired = next(s for s in web.sites if s.has(D.EXPIRED_CERTIFICATE))
    valid = next(s for s in web.sites if not s.has(D.EXPIRED_CERTIFICATE) and s.healthy)
    by_host = {p.host: p for p in web.platforms}
    twin = dataclasses.replace(by_host[valid.host], id="twin")       # a second platform on the same host

    async def main(state):
        async with Fetcher(settings(), sandbox_state=state) as fetcher:
            ctx = ProbeContext(settings=fetcher.settings, fetcher=fetcher, link_checker=LinkChecker(
                fetcher, fetcher.settings), check_date=AS_OF, sandbox_state=state)
            probe = TlsProbe()
            await probe.setup(ctx)
            first, second, old = await asyncio.gather(probe.probe(by_host[valid.host]), probe.probe(twin),
                                                      probe.probe(by_host[expired.host]))
            return first[0], second[0], old[0], dict(fetcher.by_purpose)

    with run_in_thread(web, tmp_path) as running:
        first, second, old, purposes = asyncio.run(main(running.state()))
    assert first.status == "completed" and first.data["verified"] and first.data["subject_alt_names"] == [valid.host]
    assert second.platform_id == "twin" and second.data == first.data and second.data is not first.data
    assert purposes == {"tls": 1}, "one HSTS request for the host, not one per platform"
    assert old.status == "tls_error" and old.data["https"] and not old.data["verified"]
    assert "expired" in old.data["verify_error"] and old.data["not_after"] < AS_OF.isoformat()
    assert old.data["subject_alt_names"] == [expired.host]      # the refused certificate is still described
