"""A blocked address written any other way is still blocked, wherever a URL comes in (outside sandbox mode).

A canary listener on 127.0.0.1 (and ::1) counts every connection it accepts: it must accept none.
The gate is a real public-looking server on 127.0.0.2 (allowed by ``HTTP_ALLOW_NETWORKS``, so
it stands for a public site) that redirects, links and posts to the canary under every spelling
of its address: full-width, enclosed and mathematical digits, ideographic full stops, decimal,
octal, hex and short IPv4 forms, IPv4-mapped IPv6, enclosed-letter ``localhost``. Entry points:
a registry row (loaded and scanned), a redirect target, a checked link, a form action, the
browser's guard proxy (as Chromium talks to it and raw), and a real Chromium navigation.
"""
from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from govlens.hosts import connection_host, literal_addresses
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.link_check import LinkChecker
from govlens.probes.net.resolver import AddressPolicy
from govlens.settings import Settings

GATE = "127.0.0.2"

# host spellings of 127.0.0.1 ({} is not used: the port is added by the tests)
SPELLINGS = [
    "127.0.0.1", "１２７.０.０.１", "①②⑦.⓪.⓪.①", "1２7.0.0.1", "127。0。0。1", "127．0．0．1", "127｡0｡0｡1",
    "𝟏𝟐𝟕.𝟎.𝟎.𝟏", "１27.0.０.1", "2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001",
    "0X7F.0.0.1", "127.1", "127.0.1", "017700000001", "127.0.0.1.", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:7f00:0001]", "127.000.000.001",
    "0x7F.0x0.0x0.0x1", "0177.0.01", "0x7f.0.1", "１２７.１", "０ｘ７ｆ.１", "localhost", "ＬＯＣＡＬＨＯＳＴ", "ⓛⓞⓒⓐⓛⓗⓞⓢⓣ", "LocalHost.",
]


class Canary:
    """Listens on 127.0.0.1 and ::1 (same port where possible) and counts accepted connections."""

    def __init__(self) -> None:
        self.accepted = 0
        self.socks: list[socket.socket] = []
        v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        v4.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        v4.bind(("127.0.0.1", 0))
        self.port = v4.getsockname()[1]
        self.socks.append(v4)
        try:
            v6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            v6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            v6.bind(("::1", self.port))
            self.socks.append(v6)
        except OSError:
            pass
        self._stop = False
        self._threads = []
        for s in self.socks:
            s.listen(64)
            s.settimeout(0.2)
            t = threading.Thread(target=self._accept, args=(s,), daemon=True)
            t.start()
            self._threads.append(t)

    def _accept(self, s: socket.socket) -> None:
        while not self._stop:
            try:
                conn, _ = s.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        for t in self._threads:
            t.join(2)
        for s in self.socks:
            s.close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    c = Canary()
    try:
        yield c
    finally:
        c.close()


@asynccontextmanager
async def serve_gate(app: web.Application) -> AsyncIterator[int]:
    """Serve ``app`` on 127.0.0.2 (the allowed "public" site); yields the port."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, GATE, 0)
    await site.start()
    try:
        yield site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    finally:
        await runner.cleanup()


def urls(port: int, path: str = "/secret") -> list[str]:
    return [f"http://{h}:{port}{path}" for h in SPELLINGS]


def guarded(**extra) -> Settings:
    return Settings({"HTTP_ALLOW_PRIVATE": False, "HTTP_ALLOW_NETWORKS": [f"{GATE}/32"], "HTTP_TIMEOUT": 3.0,
                     "LINKS_TIMEOUT": 3.0, **extra})


NAMES = {"localhost", "ＬＯＣＡＬＨＯＳＴ", "ⓛⓞⓒⓐⓛⓗⓞⓢⓣ", "LocalHost."}     # names (the resolver judges them)


def test_every_spelling_is_the_address_the_connection_uses() -> None:
    for host in SPELLINGS:
        if host in NAMES:
            assert connection_host(host).rstrip(".") == "localhost", host
            assert not literal_addresses(host)
            continue
        addresses = {str(a) for a in literal_addresses(host)}
        assert addresses & {"127.0.0.1", "::ffff:7f00:1", "::1"}, (host, addresses)
    policy = AddressPolicy()
    for host in SPELLINGS:
        if host not in NAMES:
            assert policy.refusal(host), host
    assert AddressPolicy().refusal("①⑥⑨.②⑤④.①⑥⑨.②⑤④")                 # cloud metadata, enclosed digits
    assert AddressPolicy().refusal("100.100.100.200") and AddressPolicy().refusal("0x64.0x64.0x64.0xc8")
    assert AddressPolicy().refusal("www.example.gov.cn") is None          # a name is for the resolver
    assert AddressPolicy().refusal("93.184.216.34") is None
    assert AddressPolicy().refusal("９３.１８４.２１６.３４") is None            # a public address stays public


def _gate_app(canary_port: int) -> web.Application:
    """The "public" site: redirects to, links to and posts to the canary."""
    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(SPELLING_URL(canary_port, int(request.match_info["i"])))

    async def home(request: web.Request) -> web.StreamResponse:
        links = "".join(f'<a href="{u}">x</a>' for u in urls(canary_port))
        return web.Response(text=f"<html><title>门户</title><body>{links}</body></html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/", home)
    app.router.add_get("/r/{i}", redirect)
    return app


def SPELLING_URL(port: int, i: int) -> str:  # noqa: N802 - reads like a table lookup
    return urls(port)[i]


def test_direct_redirect_link_and_form_targets_never_reach_the_canary(canary: Canary) -> None:
    async def main():
        async with serve_gate(_gate_app(canary.port)) as gate_port:
            gate = f"http://{GATE}:{gate_port}"
            out = {}
            async with Fetcher(guarded()) as f:
                home = await f.fetch(gate + "/")
                assert home.status == "completed", home           # the gate itself is reachable
                checker = LinkChecker(f, guarded())
                for i, url in enumerate(urls(canary.port)):
                    direct = await f.fetch(url)
                    redirected = await f.fetch(f"{gate}/r/{i}")
                    link = await checker.check(url)
                    form = await f.fetch(url, method="POST", data={"q": "x"})
                    out[SPELLINGS[i]] = (direct.status, redirected.status, link.status, form.status)
            return out

    out = asyncio.run(main())
    assert canary.accepted == 0, out
    for host, statuses in out.items():
        if host == "LocalHost.":      # the system resolver may not know "localhost." at all: nothing is reached
            assert set(statuses) <= {"blocked_target", "dns_error"}, (host, statuses)
            continue
        assert statuses == ("blocked_target",) * 4, (host, statuses)


def test_the_connector_refuses_a_blocked_literal_on_its_own(canary: Canary) -> None:
    """Second line: past the fetcher's own checks, the connector's socket factory still refuses."""
    async def main():
        async with Fetcher(guarded()) as f:
            assert f._session is not None
            errors = []
            for url in (f"http://127.0.0.1:{canary.port}/", f"http://１２７.０.０.１:{canary.port}/",
                        f"http://[::ffff:127.0.0.1]:{canary.port}/", f"http://[::1]:{canary.port}/"):
                with pytest.raises(aiohttp.ClientConnectorError) as info:
                    async with f._session.get(url):
                        pass
                errors.append(info.value)
            return errors, f.target_resolver().refused_sockets

    errors, refused = asyncio.run(main())
    assert canary.accepted == 0
    assert refused >= len(errors)
    from govlens.probes.net.fetch_errors import classify_error
    assert {classify_error(e)[0] for e in errors} == {"blocked_target"}


def test_registry_rows_with_spelled_addresses_are_scanned_as_blocked(canary: Canary, tmp_path: Path) -> None:
    from govlens.probes.scan import run_scan
    from govlens.registry import load_registry
    from govlens.store.campaign_store import CampaignStore

    hosts = [h for h in SPELLINGS if h not in NAMES] + ["localhost.", "ⓛⓞⓒⓐⓛⓗⓞⓢⓣ"]
    rows = ["id,name,kind,url"] + [f"p{i},示例{i},website,http://{h}:{canary.port}/" for i, h in enumerate(hosts)]
    registry = tmp_path / "registry.csv"
    registry.write_text("\n".join(rows) + "\n", encoding="utf-8")
    loaded = load_registry(registry)
    # every address spelling is a usable row (judged at the scan); a one-label name is not a registry host
    assert len(loaded.platforms) == len(hosts) - 2, loaded.errors
    assert [(e.line, e.field) for e in loaded.errors] == [(len(hosts), "url"), (len(hosts) + 1, "url")]
    store = CampaignStore(tmp_path / "campaign.duckdb")
    try:
        store.write_platforms(loaded.platforms)
        run_scan(store.platforms(), store, guarded(PROBES="http_site", AVAILABILITY_VISITS=1,
                                                   AVAILABILITY_SPACING=0.0), probes=("http_site",))
        statuses = [(r["platform_id"], r["status"]) for r in store.rows("observations", probe="http_site")]
    finally:
        store.close()
    assert canary.accepted == 0
    assert statuses and {s for _, s in statuses} == {"blocked_target"}, statuses


def _raw_proxy_request(port: int, head: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(head)
        data = b""
        while chunk := s.recv(4096):
            data += chunk
    return data


def test_the_guard_proxy_refuses_every_spelling(canary: Canary) -> None:
    from govlens.probes.gatherers.browser.guard_proxy import GuardProxy, guard_resolver

    async def main():
        proxy = await GuardProxy(guard_resolver(guarded())).start()
        try:
            answers = []
            for host in SPELLINGS:
                bare = host.strip("[]")
                target = f"[{bare}]" if ":" in bare else host
                for head in (f"CONNECT {target}:{canary.port} HTTP/1.1\r\nHost: x\r\n\r\n",
                             f"GET http://{target}:{canary.port}/secret HTTP/1.1\r\nHost: x\r\n\r\n"):
                    raw = await asyncio.to_thread(_raw_proxy_request, proxy.port, head.encode("utf-8"))
                    answers.append((host, raw.split(b"\r\n", 1)[0]))
            return answers, proxy.refused
        finally:
            await proxy.close()

    answers, refused = asyncio.run(main())
    assert canary.accepted == 0
    refusals = [(h, line) for h, line in answers if not (h == "LocalHost." and line.startswith(b"HTTP/1.1 502"))]
    assert all(line.startswith(b"HTTP/1.1 403") for _, line in refusals), answers
    assert refused == len(refusals)


def test_chromium_navigations_and_form_posts_never_reach_the_canary(canary: Canary) -> None:
    from govlens.probes.gatherers.browser.pool import BrowserPool

    from .browser.conftest import require_browser
    require_browser()
    forms = "".join(f'<form method="post" action="{u}"><input name="q" value="x"></form>'
                    for u in urls(canary.port))

    def app() -> web.Application:
        async def page(request):
            return web.Response(text=f"<html><body>{forms}</body></html>", content_type="text/html")

        a = web.Application()
        a.router.add_get("/", page)
        return a

    async def main():
        async with serve_gate(app()) as gate_port:
            pool = await BrowserPool(guarded(BROWSER_PAGES=1)).start()
            outcomes = []
            try:
                async with pool.context() as ctx:
                    page = await ctx.new_page()
                    for url in urls(canary.port):
                        try:
                            r = await page.goto(url, timeout=10_000)
                            outcomes.append((url, r.status if r else None))
                        except Exception as exc:  # noqa: BLE001 - Chromium's refusal is an error
                            outcomes.append((url, str(exc).splitlines()[0][:80]))
                    await page.goto(f"http://{GATE}:{gate_port}/", timeout=10_000)
                    count = await page.evaluate("document.forms.length")
                    for i in range(count):          # submit each form (POST to the form's action)
                        await page.goto(f"http://{GATE}:{gate_port}/", timeout=10_000)
                        try:
                            async with page.expect_navigation(timeout=10_000):
                                await page.evaluate(f"document.forms[{i}].submit()")
                        except Exception:  # noqa: BLE001
                            pass
            finally:
                await pool.close()
            return outcomes, count

    outcomes, forms_seen = asyncio.run(main())
    assert forms_seen == len(SPELLINGS)
    assert canary.accepted == 0, outcomes
    for url, outcome in outcomes:
        assert outcome in (403, 502) if "LocalHost." in url else (outcome == 403 or isinstance(outcome, str)), \
            (url, outcome)
