"""The fetcher against real local servers: bounds, error mapping, sandbox resolution, TLS."""
import asyncio
import socket
import ssl

import trustme
from aiohttp import web

from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.resolver import SandboxResolver, UnknownSandboxHostError


def app() -> web.Application:
    async def hello(request):
        return web.Response(text="<html><body>你好</body></html>", content_type="text/html", charset="utf-8")

    async def loop(request):
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/loop/{n + 1}")

    async def chain(request):
        n = int(request.match_info["n"])
        if n == 0:
            raise web.HTTPFound("/hello")
        raise web.HTTPMovedPermanently(f"/chain/{n - 1}")

    async def big(request):
        return web.Response(body=b"x" * 300_000, content_type="text/html")

    async def slow(request):
        await asyncio.sleep(1)
        return web.Response(text="late")

    async def missing(request):
        return web.Response(status=404, text="<html>not here</html>", content_type="text/html")

    async def host(request):
        return web.Response(text=request.host, content_type="text/plain")

    a = web.Application()
    a.router.add_get("/hello", hello)
    a.router.add_get("/loop/{n}", loop)
    a.router.add_get("/chain/{n}", chain)
    a.router.add_get("/big", big)
    a.router.add_get("/slow", slow)
    a.router.add_get("/missing", missing)
    a.router.add_get("/host", host)
    return a


def run(coro):
    return asyncio.run(coro)


def test_completed_and_http_error(serve, settings):
    async def main():
        async with serve(app()) as port, Fetcher(settings()) as f:
            ok = await f.fetch(f"http://127.0.0.1:{port}/hello")
            assert ok.status == "completed" and ok.http_status == 200 and "你好" in ok.text()[0]
            assert ok.ttfb_ms is not None and ok.elapsed_ms >= ok.ttfb_ms
            err = await f.fetch(f"http://127.0.0.1:{port}/missing")
            assert err.status == "http_error" and err.http_status == 404 and b"not here" in err.body
    run(main())


def test_redirects_followed_and_limited(serve, settings):
    async def main():
        async with serve(app()) as port, Fetcher(settings(HTTP_MAX_REDIRECTS=3)) as f:
            ok = await f.fetch(f"http://127.0.0.1:{port}/chain/2")
            assert ok.status == "completed" and ok.final_url.endswith("/hello") and len(ok.redirects) == 3
            loop_ = await f.fetch(f"http://127.0.0.1:{port}/loop/0")
            assert loop_.status == "too_many_redirects" and len(loop_.redirects) == 4
            raw = await f.fetch(f"http://127.0.0.1:{port}/chain/1", allow_redirects=False)
            assert raw.status == "completed" and raw.http_status == 301
            assert raw.headers["location"] == "/chain/0"
    run(main())


def test_body_cap(serve, settings):
    async def main():
        async with serve(app()) as port, Fetcher(settings(HTTP_MAX_BODY_BYTES=100_000)) as f:
            r = await f.fetch(f"http://127.0.0.1:{port}/big")
            assert r.status == "too_large" and len(r.body) == 100_000
            small = await f.fetch(f"http://127.0.0.1:{port}/big", max_bytes=1000)
            assert small.status == "too_large" and len(small.body) == 1000
    run(main())


def test_timeout(serve, settings):
    async def main():
        async with serve(app()) as port, Fetcher(settings()) as f:
            r = await f.fetch(f"http://127.0.0.1:{port}/slow", timeout=0.3)
            assert r.status == "timeout" and r.http_status is None
    run(main())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused(settings):
    async def main():
        async with Fetcher(settings()) as f:
            r = await f.fetch(f"http://127.0.0.1:{free_port()}/")
            assert r.status == "connection_refused", r.error
    run(main())


def test_invalid_and_blocked_targets(settings):
    async def main():
        async with Fetcher(settings(HTTP_ALLOW_PRIVATE=False)) as f:
            assert (await f.fetch("http://127.0.0.1/")).status == "blocked_target"
            assert (await f.fetch("http://10.1.2.3/")).status == "blocked_target"
            assert (await f.fetch("http://localhost/")).status == "blocked_target"   # via the resolver
            assert (await f.fetch("ftp://a.gov.cn/")).status == "invalid_url"
            assert (await f.fetch("http:///nohost")).status == "invalid_url"
            assert (await f.fetch("http://a.gov.cn:99999/")).status == "invalid_url"
    run(main())


def test_sandbox_resolver_maps_hosts_and_ports(serve, settings):
    async def main():
        async with serve(app()) as port:
            state = {"http_port": port, "https_port": free_port(), "hosts": ["www.test.gov.cn"]}
            async with Fetcher(settings(HTTP_ALLOW_PRIVATE=False), sandbox_state=state) as f:
                r = await f.fetch("http://www.test.gov.cn/host")
                assert r.status == "completed" and r.body == b"www.test.gov.cn"   # Host header kept
                unknown = await f.fetch("http://www.unknown.gov.cn/hello")
                assert unknown.status == "dns_error", unknown.error
                assert (await f.fetch(f"http://127.0.0.1:{port}/hello")).status == "blocked_target"
        resolver = SandboxResolver(["www.test.gov.cn"], 8080, 8443)
        (res,) = await resolver.resolve("WWW.test.gov.cn", 443)
        assert (res["host"], res["port"], res["hostname"]) == ("127.0.0.1", 8443, "WWW.test.gov.cn")
        assert (await resolver.resolve("www.test.gov.cn", 80))[0]["port"] == 8080
        try:
            await resolver.resolve("www.gov.cn", 80)
            raise AssertionError("unlisted host resolved")
        except UnknownSandboxHostError:
            pass
    run(main())


def test_sandbox_https_with_test_ca(serve, settings, tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("www.test.gov.cn", "test.gov.cn")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_ctx)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))

    async def main():
        async with serve(app()) as http_port, serve(app(), ssl_context=server_ctx) as https_port:
            state = {"http_port": http_port, "https_port": https_port, "ca_file": str(ca_file),
                     "hosts": ["www.test.gov.cn", "test.gov.cn", "other.gov.cn"]}
            async with Fetcher(settings(), sandbox_state=state) as f:
                r = await f.fetch("https://www.test.gov.cn/hello")
                assert r.status == "completed" and "你好" in r.text()[0], r.error
                wrong = await f.fetch("https://other.gov.cn/hello")     # certificate lacks this name
                assert wrong.status == "tls_error", wrong.error
            async with Fetcher(settings(), sandbox_state={**state, "ca_file": None}) as f:
                untrusted = await f.fetch("https://www.test.gov.cn/hello")
                assert untrusted.status == "tls_error"
    run(main())


def test_concurrency_gate_does_not_count_queue_time(serve, settings):
    async def slowish(request):
        await asyncio.sleep(0.2)
        return web.Response(text="ok")

    a = web.Application()
    a.router.add_get("/", slowish)

    async def main():
        async with serve(a) as port, Fetcher(settings(CONCURRENCY_PER_HOST=1)) as f:
            results = await asyncio.gather(*(f.fetch(f"http://127.0.0.1:{port}/", timeout=0.5) for _ in range(4)))
            assert all(r.status == "completed" for r in results)     # 0.8 s in all, each under 0.5 s
            assert f.requests == 4
    run(main())
