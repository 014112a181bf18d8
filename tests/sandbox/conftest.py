"""Shared fixtures: a 200-site sandbox web and one real server on loopback for the whole session."""
from __future__ import annotations

import asyncio
import datetime as dt
import socket
import ssl

import aiohttp
import pytest
from aiohttp.abc import AbstractResolver

from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox

SEED = 2013
AS_OF = dt.date(2013, 12, 10)
N_SITES = 200
SLOW_DELAY = 0.4


@pytest.fixture(scope="session")
def web():
    return build_sandbox(generate_platforms([], N_SITES, SEED), SEED, AS_OF, slow_delay=SLOW_DELAY)


@pytest.fixture(scope="session")
def sandbox(web, tmp_path_factory):
    with run_in_thread(web, tmp_path_factory.mktemp("sandbox")) as running:
        yield running


class LoopbackResolver(AbstractResolver):
    """Every host resolves to 127.0.0.1, as the scanner does in sandbox mode."""

    async def resolve(self, host, port=0, family=socket.AF_INET):
        return [{"hostname": host, "host": "127.0.0.1", "port": port, "family": socket.AF_INET,
                 "proto": 0, "flags": 0}]

    async def close(self):
        pass


class Client:
    """Fetch ``scheme://host/path`` through the sandbox's ports, trusting its CA."""

    def __init__(self, running):
        self.running = running

    def url(self, scheme: str, host: str, path: str = "/") -> str:
        port = self.running.https_port if scheme == "https" else self.running.http_port
        return f"{scheme}://{host}:{port}{path}"

    async def _fetch_all(self, reqs):
        ctx = ssl.create_default_context(cafile=str(self.running.ca_file))
        conn = aiohttp.TCPConnector(resolver=LoopbackResolver(), ssl=ctx)
        out = []
        async with aiohttp.ClientSession(connector=conn) as session:
            for method, scheme, host, path in reqs:
                async with session.request(method, self.url(scheme, host, path), allow_redirects=False) as r:
                    out.append((r.status, r.headers, await r.read()))
        return out

    def fetch_all(self, reqs):
        return asyncio.run(self._fetch_all(reqs))

    def fetch(self, scheme, host, path="/", method="GET"):
        return self.fetch_all([(method, scheme, host, path)])[0]


@pytest.fixture(scope="session")
def client(sandbox):
    return Client(sandbox)


def site_with(web, kind: str, *, without: tuple[str, ...] = ()):
    for s in web.sites:
        if kind in s.flags and not any(k in s.flags for k in without):
            return s
    raise AssertionError(f"no site with {kind}")
