"""Real aiohttp servers on 127.0.0.1 for the probe tests (no mocks)."""
from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp import web

from govlens.settings import Settings


@asynccontextmanager
async def serve_app(app: web.Application, ssl_context: ssl.SSLContext | None = None) -> AsyncIterator[int]:
    """Serve ``app`` on a random loopback port; yields the port."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield port
    finally:
        await runner.cleanup()


@pytest.fixture
def serve():
    return serve_app


@pytest.fixture
def settings():
    """Fast, loopback-friendly settings."""
    def make(**overrides):
        base = {"HTTP_ALLOW_PRIVATE": True, "HTTP_TIMEOUT": 3.0, "LINKS_TIMEOUT": 3.0,
                "AVAILABILITY_SPACING": 0.0, "AVAILABILITY_VISITS": 2, "CHECK_DATE": "2013-12-25"}
        base.update(overrides)
        return Settings(base)
    return make
