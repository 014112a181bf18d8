"""Requests counted by purpose, and the connections the fetcher opens.

Why a context variable: a probe says what its requests are for around its own code
(``with purpose("robots"):``), and every request made inside — in that task and in the tasks
it starts — is counted under that name by :class:`~govlens.probes.net.fetch.Fetcher`, with no
``purpose=`` argument threaded through every helper between the probe and the fetcher.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import aiohttp

_PURPOSE: ContextVar[str] = ContextVar("govlens_fetch_purpose", default="other")


@contextmanager
def purpose(name: str) -> Iterator[None]:
    """Count the requests made inside this block (this task and the tasks it starts) under ``name``."""
    token = _PURPOSE.set(name)
    try:
        yield
    finally:
        _PURPOSE.reset(token)


def current_purpose() -> str:
    """The purpose the requests made here are counted under."""
    return _PURPOSE.get()


class CountingConnector(aiohttp.TCPConnector):
    """aiohttp's connector, counting the connections it opens (a new TCP + TLS handshake each).

    Overrides the one protected method every new connection goes through; a trace config would
    do it through the public API at the cost of a dozen signal calls on every request.
    """

    opened = 0

    async def _create_connection(self, req: Any, traces: Any, timeout: Any) -> Any:
        self.opened += 1
        return await super()._create_connection(req, traces, timeout)
