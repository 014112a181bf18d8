"""A :class:`~govlens.probes.net.fetch.Fetcher` on its own event loop in a background thread (the availability
visits' timings)."""
from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any


from govlens.settings import Settings
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_counts import current_purpose, purpose
from govlens.probes.net.fetch_result import FetchResult


class ThreadedFetcher:
    """A :class:`Fetcher` running on its own event loop in a background thread.

    Why: availability visits are *timings* (the census fails a visit after 15 s; a slow
    homepage is a finding). On the scan's main loop, a response waits behind every other
    ready callback — the extraction of other sites' pages, hundreds of link checks — so a
    busy scanner would report healthy sites as slow, even as timing out. On its own loop a
    visit waits at most for a GIL switch (``sys.getswitchinterval()``, 5 ms), not for a queue.
    """

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None,
                 sandbox_state: Mapping[str, Any] | None = None) -> None:
        self.inner = Fetcher(settings, sandbox_state=sandbox_state)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: Any = None

    @property
    def requests(self) -> int:
        return self.inner.requests

    async def start(self) -> "ThreadedFetcher":
        if self._loop is None:
            import threading

            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="govlens-visits", daemon=True)
            self._thread.start()
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.inner.start(), self._loop))
        return self

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        if self._loop is None:
            await self.start()
        assert self._loop is not None
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._fetch(url, current_purpose(), kwargs),
                                                                          self._loop))

    async def _fetch(self, url: str, name: str, kwargs: dict[str, Any]) -> FetchResult:
        with purpose(name):                 # the caller's purpose (a context variable does not cross loops)
            return await self.inner.fetch(url, **kwargs)

    async def close(self) -> None:
        if self._loop is None:
            return
        loop, self._loop = self._loop, None
        try:
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.inner.close(), loop))
        finally:
            loop.call_soon_threadsafe(loop.stop)
            await asyncio.to_thread(self._thread.join, 5)
            loop.close()

    async def __aenter__(self) -> "ThreadedFetcher":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
