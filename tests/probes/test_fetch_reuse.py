"""Connection reuse and requests by purpose, counted by the fetcher against a real TLS server on loopback."""
from __future__ import annotations

import asyncio
import ssl

import trustme
from aiohttp import web

from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_counts import purpose


async def _ok(request: web.Request) -> web.Response:
    return web.Response(text="ok")


def _app() -> web.Application:
    app = web.Application()
    app.router.add_get("/{tail:.*}", _ok)
    return app


def test_kept_alive_connections_are_reused_and_requests_counted_by_purpose(serve, settings, tmp_path):
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("www.test.gov.cn").configure_cert(server_ctx)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))

    async def run(keepalive: float) -> tuple[int, dict[str, int]]:
        async with serve(_app()) as http_port, serve(_app(), ssl_context=server_ctx) as https_port:
            state = {"http_port": http_port, "https_port": https_port, "ca_file": str(tmp_path / "ca.pem"),
                     "hosts": ["www.test.gov.cn"]}
            async with Fetcher(settings(HTTP_KEEPALIVE=keepalive), sandbox_state=state) as f:
                with purpose("robots"):
                    assert (await f.fetch("https://www.test.gov.cn/robots.txt")).ok
                for n in range(3):
                    await asyncio.sleep(0.4)        # a pause between a site's stages
                    with purpose("link"):
                        assert (await f.fetch(f"https://www.test.gov.cn/a{n}", method="HEAD")).ok
                assert (await f.fetch("https://www.test.gov.cn/")).ok
                return f.connections, dict(f.by_purpose)

    kept, purposes = asyncio.run(run(15.0))
    assert kept == 1 and purposes == {"robots": 1, "link": 3, "other": 1}
    dropped, _ = asyncio.run(run(0.1))             # idle connections closed before the next request
    assert dropped == 4
