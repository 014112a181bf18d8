"""The two renders of a homepage: a desktop (1366×768) and a phone (390×844, touch, mobile UA).

Each render opens a fresh context from the pool, installs the performance observers, counts
the network, loads the page (reloading a 5xx answer up to ``BROWSER_RETRIES`` times, as a
visitor would), waits ``BROWSER_SETTLE_MS`` for late shifts and long tasks, then measures and
takes the first-screen screenshot. The desktop render also runs axe-core. What fails is
recorded as the render's visit status with the error; nothing raises past :func:`render`.
"""
from __future__ import annotations

import asyncio
import base64
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govlens.probes.gatherers.browser import axe as axe_mod
from govlens.probes.gatherers.browser import colour, layout, performance
from govlens.probes.gatherers.browser.guard_proxy import BLOCKED_HEADER
from govlens.probes.gatherers.browser.pool import BrowserPool

DESKTOP_UA = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 "
              "govlens/0.1")
PHONE_UA = ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 "
            "Mobile Safari/537.36 govlens/0.1")


@dataclass(frozen=True)
class Device:
    name: str
    width: int
    height: int
    mobile: bool
    scale: float
    user_agent: str
    thumb_width: int


DESKTOP = Device("desktop", 1366, 768, False, 1.0, DESKTOP_UA, 320)
PHONE = Device("phone", 390, 844, True, 1.0, PHONE_UA, 120)
DEVICES = (DESKTOP, PHONE)


@dataclass
class RenderResult:
    device: str
    url: str
    status: str                        # a visit status: completed, http_error, timeout, connection_error …
    http_status: int | None
    elapsed_ms: float
    data: dict[str, Any]
    axe: dict[str, Any] | None = None


def _classify(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, asyncio.TimeoutError) or "Timeout" in type(exc).__name__ or "timeout" in text.lower():
        return "timeout"
    for marker, status in (("ERR_NAME_NOT_RESOLVED", "dns_error"), ("ERR_CONNECTION_REFUSED", "connection_refused"),
                           ("ERR_CONNECTION_RESET", "connection_reset"), ("ERR_CERT", "tls_error"),
                           ("ERR_SSL", "tls_error"), ("ERR_TOO_MANY_REDIRECTS", "too_many_redirects"),
                           ("ERR_BLOCKED_BY_CLIENT", "blocked_target")):
        if marker in text:
            return status
    return "connection_error"


async def render(pool: BrowserPool, url: str, device: Device, settings: Any, *, run_axe: bool,
                 screenshot_path: Path | None = None) -> RenderResult:
    """Render ``url`` on ``device`` and measure it; never raises for the page's misbehaviour."""
    started = time.perf_counter()
    data: dict[str, Any] = {"device": device.name, "viewport": [device.width, device.height]}
    status, http_status, axe_result = "connection_error", None, None
    options = {"viewport": {"width": device.width, "height": device.height}, "is_mobile": device.mobile,
               "has_touch": device.mobile, "device_scale_factor": device.scale, "user_agent": device.user_agent,
               "locale": "zh-CN", "timezone_id": "Asia/Shanghai", "java_script_enabled": True,
               "service_workers": "block", "accept_downloads": False}
    navigations: list[str] = [url]
    try:
        async with pool.context(**options) as ctx:
            page = await ctx.new_page()
            # the last document request (each redirect hop is one): whose host the guard proxy judged
            page.on("request", lambda r: navigations.append(r.url) if r.is_navigation_request() else None)
            page.set_default_timeout(float(settings["BROWSER_NAV_TIMEOUT"]) * 1000)
            await page.add_init_script(performance.INIT_SCRIPT)
            meter = performance.NetworkMeter()
            await meter.attach(ctx, page)
            response = None
            for attempt in range(int(settings["BROWSER_RETRIES"]) + 1):
                if attempt:
                    data["reloads"] = attempt
                    await asyncio.sleep(0.3)
                response = await page.goto(url, wait_until="load",
                                           timeout=float(settings["BROWSER_NAV_TIMEOUT"]) * 1000)
                if response is None or response.status < 500:
                    break
            http_status = response.status if response is not None else None
            data["final_url"] = page.url
            if response is not None and response.headers.get(BLOCKED_HEADER.lower()):
                data["error"] = f"refused by the guard: {navigations[-1][:300]}"
                return RenderResult(device.name, url, "blocked_target", None, _ms(started), data)
            if http_status is not None and http_status >= 400:
                status = "http_error"
                return RenderResult(device.name, url, status, http_status, _ms(started), data)
            if device.mobile:
                await page.wait_for_timeout(300)
                await page.evaluate(performance.FRAMES)
            else:
                data["settle_ms"] = round(await performance.settle(page, int(settings["BROWSER_SETTLE_MS"]),
                                                                   int(settings["BROWSER_SETTLE_MAX_MS"])))
            if device.mobile:
                data.update(await layout.phone_layout(page))
            else:
                data["performance"] = await performance.collect(page)
                data["colour"] = await colour.text_styles(page)
                data["layout"] = await layout.desktop_layout(page)
            png = await page.screenshot(type="png", timeout=15_000)
            if screenshot_path is not None:
                screenshot_path.parent.mkdir(parents=True, exist_ok=True)
                screenshot_path.write_bytes(png)
                data["screenshot_file"] = str(screenshot_path)
            if not device.mobile:
                data["colour"]["palette"] = colour.palette(png)
            data["thumbnail"] = "data:image/jpeg;base64," + base64.b64encode(
                colour.thumbnail(png, device.thumb_width)).decode("ascii")
            if run_axe:
                axe_result = await axe_mod.run_axe(page)
            data["network"] = meter.payload()
            data["title"] = (await page.title())[:200]
            status = "completed"
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # Playwright's errors, a crashed page: a visit status, not a crash
        status = _classify(exc)
        if "ERR_TUNNEL_CONNECTION_FAILED" in str(exc) or status == "connection_error":
            status = pool.failure(navigations[-1]) or status        # what the guard proxy saw
        data["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:500]
    return RenderResult(device.name, url, status, http_status, _ms(started), data, axe_result)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
