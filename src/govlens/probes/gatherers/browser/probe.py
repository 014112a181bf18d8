"""The browser probe: each website's homepage as a person meets it, on a desktop and on a phone.

Lifecycle (see :mod:`govlens.probes.base`): ``setup`` starts the :class:`~.pool.BrowserPool`
(raising :class:`~govlens.errors.BrowserUnavailable` when there is no browser: the runner then
says so and goes on with the HTTP-only indicators); ``prepare`` keeps web platforms with an
http(s) URL; ``probe`` renders the homepage on both devices, at most ``BROWSER_TIMEOUT``
seconds in all, and returns:

- ``render`` (one per device): status, timings, layout, colour, performance, a thumbnail;
- ``axe`` (desktop): WCAG 2.1 A/AA violations by rule.

Payloads are those of ``docs/observations.md``. The probe never scores.
"""
from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.gatherers.browser import sample
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.gatherers.browser.pool import BrowserPool
from govlens.probes.gatherers.browser.renders import DEVICES, RenderResult, render
from govlens.probes.gatherers.http_site import WEB_KINDS, homepage_url
from govlens.registry.model import Platform

NAME = "browser"


def browser_sample(platforms: Iterable[Platform], setting: int | str, seed: str = "govlens") -> list[Platform]:
    """The web platforms ``BROWSER_SAMPLE`` = ``setting`` renders (``auto``, 0 = all, or N: see :mod:`.sample`),
    in registry order."""
    return sample.choose([p for p in platforms if BrowserProbe.renderable(p)], setting, seed)


class BrowserProbe(Probe):
    """Renders and measures homepages in headless Chromium."""

    name = NAME

    def __init__(self) -> None:
        super().__init__()
        self.pool: BrowserPool | None = None

    @staticmethod
    def renderable(platform: Platform) -> bool:
        url = homepage_url(platform)
        return url.startswith(("http://", "https://")) and (not platform.kind or platform.kind in WEB_KINDS)

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        s = ctx.settings
        self.timeout = s.getfloat("BROWSER_TIMEOUT")
        self.run_axe = s.getbool("BROWSER_AXE")
        shots = str(s["BROWSER_SCREENSHOT_DIR"] or "").strip()
        self.shots = Path(shots) if shots else None
        self.pool = BrowserPool(s, ctx.sandbox_state)
        await self.pool.start()

    def prepare(self, platform: Platform) -> bool:
        return self.renderable(platform)

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None and self.pool is not None, "setup() first"
        url = homepage_url(platform)
        results: list[RenderResult] = []
        try:
            async with asyncio.timeout(self.timeout):
                for device in DEVICES:
                    shot = self.shots / f"{_safe(platform.id)}-{device.name}.png" if self.shots else None
                    r = await render(self.pool, url, device, self.ctx.settings,
                                     run_axe=self.run_axe and device.name == "desktop", screenshot_path=shot)
                    results.append(r)
                    if r.status != COMPLETED:
                        break            # a homepage that does not render on a desktop is not tried on a phone
        except TimeoutError:
            done = {r.device for r in results}
            for device in DEVICES:
                if device.name not in done:
                    results.append(RenderResult(device.name, url, "timeout", None, self.timeout * 1000,
                                                {"device": device.name,
                                                 "error": f"renders exceeded BROWSER_TIMEOUT ({self.timeout:g} s)"}))
                    break
        out = []
        for r in results:
            out.append(Observation(platform_id=platform.id, probe=NAME, kind="render", url=url, status=r.status,
                                   http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=r.data))
            if r.axe is not None:
                out.append(Observation(platform_id=platform.id, probe=NAME, kind="axe", url=r.data.get("final_url") or url,
                                       status=COMPLETED, http_status=r.http_status, data=r.axe))
        return out

    async def teardown(self) -> None:
        if self.pool is not None:
            await self.pool.close()
            if self.ctx is not None:
                self.ctx.stats.update({"browser_launches": self.pool.launches, "browser_crashes": self.pool.crashes})


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:80]
