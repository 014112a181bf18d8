"""Outside sandbox mode the scanner never reaches loopback, private, link-local or metadata addresses.

Real components: a DNS server on loopback (dnslib) answers public-looking names with private
addresses, the fetcher resolves them through aiohttp's c-ares resolver (``HTTP_DNS_SERVERS``),
and a real HTTP server on 127.0.0.1 counts the requests that reach it. The refusal must hold
after DNS resolution, on every redirect hop, and against a name whose answer changes between
lookups (DNS rebinding); the allow-list opens exactly what it names.
"""
from __future__ import annotations

import asyncio
import threading
from collections import Counter

import pytest
from aiohttp import web
from dnslib import AAAA, QTYPE, RR, A
from dnslib.server import BaseResolver, DNSServer

from govlens.errors import SettingsError
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.resolver import AddressPolicy, is_blocked_address

PUBLIC = "93.184.216.34"        # a global address; unreachable here (no internet), which is fine


class Zone(BaseResolver):
    """name → list of answers; a list of lists answers them in turn (rebinding)."""

    def __init__(self, records: dict[str, list]) -> None:
        self.records = records
        self.asked: Counter = Counter()
        self.lock = threading.Lock()

    def resolve(self, request, handler):
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        with self.lock:
            n = self.asked[name]
            self.asked[name] += 1
        answers = self.records.get(name, [])
        if answers and isinstance(answers[0], list):
            answers = answers[min(n, len(answers) - 1)]
        for address in answers:
            if ":" in address and request.q.qtype == QTYPE.AAAA:
                reply.add_answer(RR(request.q.qname, QTYPE.AAAA, rdata=AAAA(address), ttl=0))
            elif ":" not in address and request.q.qtype == QTYPE.A:
                reply.add_answer(RR(request.q.qname, QTYPE.A, rdata=A(address), ttl=0))
        return reply


@pytest.fixture
def dns():
    zone = Zone({
        "www.example-gov.cn": ["10.1.2.3"],
        "intranet.example-gov.cn": ["127.0.0.1"],
        "portal.example-gov.cn": ["127.0.0.1"],         # allow-listed by name in one test
        "metadata.example-gov.cn": ["169.254.169.254"],
        "aliyun-metadata.example-gov.cn": ["100.100.100.200"],
        "mixed.example-gov.cn": [PUBLIC, "127.0.0.1"],
        "rebind.example-gov.cn": [[PUBLIC], ["127.0.0.1"]],
        "v6.example-gov.cn": ["::1"],
    })
    server = DNSServer(zone, port=0, address="127.0.0.1")
    server.start_thread()
    try:
        yield zone, f"127.0.0.1:{server.server.server_address[1]}"
    finally:
        server.stop()


def counting_app(hits: Counter, redirect_to: str | None = None) -> web.Application:
    async def handler(request: web.Request) -> web.StreamResponse:
        hits[request.host.split(":")[0]] += 1
        if redirect_to and request.path == "/":
            raise web.HTTPFound(redirect_to)
        return web.Response(text="<html><title>内网</title></html>", content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


def run(coro):
    return asyncio.run(coro)


def guarded(dns_server: str, **extra):
    return {"HTTP_ALLOW_PRIVATE": False, "HTTP_DNS_SERVERS": [dns_server], "HTTP_TIMEOUT": 2.0,
            "LINKS_TIMEOUT": 2.0, **extra}


def test_private_answers_are_refused_after_resolution(dns, serve) -> None:
    zone, server = dns
    hits: Counter = Counter()

    async def main():
        async with serve(counting_app(hits)) as port, Fetcher(guarded(server)) as f:
            out = {}
            for name in ("www", "intranet", "metadata", "aliyun-metadata", "v6"):
                r = await f.fetch(f"http://{name}.example-gov.cn:{port}/")
                out[name] = (r.status, r.error)
            return out

    out = run(main())
    for name, (status, error) in out.items():
        assert status == "blocked_target", (name, status, error)
        assert "non-public address" in error
    assert sum(hits.values()) == 0
    assert zone.asked["www.example-gov.cn"] >= 1          # it was really asked over DNS


def test_mixed_answers_keep_only_public_addresses(dns, serve) -> None:
    zone, server = dns
    hits: Counter = Counter()

    async def main():
        async with serve(counting_app(hits)) as port, Fetcher(guarded(server)) as f:
            return await f.fetch(f"http://mixed.example-gov.cn:{port}/")

    r = run(main())
    assert r.status in ("timeout", "connection_error", "connection_refused"), r   # tried the public one only
    assert sum(hits.values()) == 0


def test_dns_rebinding_never_reaches_the_private_answer(dns, serve) -> None:
    """First lookup public (checked, connected to), later lookups private: the private address is never used."""
    zone, server = dns
    hits: Counter = Counter()

    async def main():
        async with serve(counting_app(hits)) as port, Fetcher(guarded(server)) as f:
            return [await f.fetch(f"http://rebind.example-gov.cn:{port}/page{i}") for i in range(3)]

    results = run(main())
    assert sum(hits.values()) == 0
    for r in results:
        assert r.status != "completed", r


def test_every_redirect_hop_is_checked(dns, serve) -> None:
    """An allow-listed intranet host redirects to a name resolving to loopback: the hop is refused."""
    zone, server = dns
    hits: Counter = Counter()

    async def main():
        async with serve(counting_app(hits)) as target_port:
            redirecting = counting_app(hits, redirect_to=f"http://intranet.example-gov.cn:{target_port}/admin")
            async with serve(redirecting) as port:
                settings = guarded(server, HTTP_ALLOW_NETWORKS="portal.example-gov.cn")
                async with Fetcher(settings) as f:
                    first = await f.fetch(f"http://portal.example-gov.cn:{port}/")
                    literal = await f.fetch(f"http://127.0.0.1:{port}/")
        return first, literal

    first, literal = run(main())
    assert first.status == "blocked_target", first
    assert len(first.redirects) == 1 and "intranet.example-gov.cn" in first.final_url
    assert hits == Counter({"portal.example-gov.cn": 1})      # the allowed host once; the target never
    assert literal.status == "blocked_target"                # allow-listing a name opens no address


def test_allow_list_by_network_opens_exactly_that_network(dns, serve) -> None:
    zone, server = dns
    hits: Counter = Counter()

    async def main():
        async with serve(counting_app(hits)) as port:
            async with Fetcher(guarded(server, HTTP_ALLOW_NETWORKS=["127.0.0.0/8"])) as f:
                allowed = await f.fetch(f"http://intranet.example-gov.cn:{port}/")
                literal = await f.fetch(f"http://127.0.0.1:{port}/x")
                still_blocked = await f.fetch(f"http://www.example-gov.cn:{port}/")      # 10.1.2.3
                metadata = await f.fetch(f"http://metadata.example-gov.cn:{port}/")
            return allowed, literal, still_blocked, metadata

    allowed, literal, still_blocked, metadata = run(main())
    assert allowed.status == "completed" and literal.status == "completed"
    assert still_blocked.status == "blocked_target" and metadata.status == "blocked_target"
    assert hits["intranet.example-gov.cn"] == 1 and hits["127.0.0.1"] == 1


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0",
    "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
    "2002:a00:1::", "224.0.0.1", "255.255.255.255", "not-an-address"])
def test_blocked_addresses(address: str) -> None:
    assert is_blocked_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34",
                                     "64:ff9b::5db8:d822"])
def test_public_addresses(address: str) -> None:
    assert not is_blocked_address(address)


@pytest.mark.parametrize("literal", ["http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
                                     "http://[64:ff9b::7f00:1]/", "http://169.254.169.254/latest/meta-data/"])
def test_address_literals_are_refused_before_any_request(literal: str) -> None:
    async def main():
        async with Fetcher({"HTTP_ALLOW_PRIVATE": False}) as f:
            return await f.fetch(literal)

    r = run(main())
    assert r.status == "blocked_target" and r.http_status is None


def test_policy_entries() -> None:
    policy = AddressPolicy.from_entries(["10.20.0.0/16", "intranet.gov.cn", "*.zj.gov.cn", "192.168.1.7"])
    assert policy.permits("x", "10.20.3.4") and not policy.permits("x", "10.21.0.1")
    assert policy.permits("intranet.gov.cn", "10.99.0.1") and policy.permits("a.b.zj.gov.cn", "127.0.0.1")
    assert not policy.permits("zj.gov.cn.evil.com", "127.0.0.1")
    assert policy.permits("y", "192.168.1.7") and not policy.permits("y", "192.168.1.8")
    assert policy.permits("anything", PUBLIC)
    with pytest.raises(ValueError) as info:
        AddressPolicy.from_entries(["10.0.0.0/33"])
    assert str(info.value) == "不是有效的网段或地址：“10.0.0.0/33”"


@pytest.mark.parametrize("entry, text", [
    ("*.not a name", "不是有效的主机名通配模式：“*.not a name”"),
    ("999.1.1.1", "不是有效的网段或地址：“999.1.1.1”"),
    ("bad host!", "不是网段、地址或主机名：“bad host!”"),
    ("x" * 300, "不是网段、地址或主机名：“" + "x" * 100 + "”"),
    (["nested"], "不是网段、地址或主机名：“['nested']”"),
    (" . ", "条目为空"),
])
def test_allow_list_entries_refused_in_words(entry, text) -> None:
    from govlens.hosts import parse_allow_entry
    with pytest.raises(ValueError) as info:
        parse_allow_entry(entry)
    assert str(info.value) == text


def test_bad_allow_list_is_a_settings_error() -> None:
    with pytest.raises(SettingsError) as exc:
        Fetcher({"HTTP_ALLOW_NETWORKS": "10.0.0.0/8, not a host!"})
    assert exc.value.field == "HTTP_ALLOW_NETWORKS"
    assert "“not a host!” 既不是网段（如 10.20.0.0/16）、地址，也不是主机名" in str(exc.value), exc.value
