"""A bounded pool of headless-Chromium pages (Playwright driving Debian's ``chromium``).

Why a pool of our own rather than one browser per site: starting Chromium costs about a
second, and a browser left running for hours grows. So one browser serves
``BROWSER_PAGES`` renders at a time and is restarted after ``BROWSER_RECYCLE_AFTER``
renders, and at once when it crashes; every render gets a fresh incognito context (no
cookies or cache carried from one site to the next) and is cancelled at ``BROWSER_TIMEOUT``
seconds; one bad page never takes the probe down.

Network: Chromium is started off the network it does not need (no background networking,
component updates, sync, QUIC). In sandbox mode ``--host-resolver-rules`` sends ports 80
and 443 of every name to the sandbox's HTTP and HTTPS ports on 127.0.0.1 and every other
name nowhere, and the sandbox's certificate is trusted by its SPKI hash
(``--ignore-certificate-errors-spki-list``), so a sandbox render can never leave the
machine. Outside sandbox mode Chromium goes through :mod:`govlens.probes.gatherers.browser.guard_proxy`
(``--proxy-server``, loopback included): every connection — each redirect hop, every
sub-resource — is resolved with the HTTP probe's
:class:`~govlens.probes.net.resolver.GuardedResolver` and made to the address it checked, so
loopback, private, link-local and metadata targets are refused (unless ``HTTP_ALLOW_PRIVATE``
or ``HTTP_ALLOW_NETWORKS`` allow them) whatever the page or its redirects name.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import os
import socket
import ssl
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from govlens.errors import BrowserUnavailable
from govlens.messages import t
from govlens.settings import Settings

log = logging.getLogger(__name__)

BASE_FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
              "--disable-features=Translate,MediaRouter,OptimizationHints")


def find_browser(settings: Settings | Mapping[str, Any]) -> str | None:
    """The Chromium executable to use, or None when there is none (or Playwright is not installed)."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return None
    path = str(settings["BROWSER_EXECUTABLE"] or "").strip()
    return path if path and os.path.isfile(path) and os.access(path, os.X_OK) else None


def spki_hash(der_cert: bytes) -> str:
    """base64(sha256(SubjectPublicKeyInfo)) of a DER certificate: Chromium's SPKI pin format."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    cert = x509.load_der_x509_certificate(der_cert)
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def sandbox_flags(state: Mapping[str, Any]) -> list[str]:
    """Resolver rules and certificate pins that confine Chromium to the sandbox web."""
    http, https = int(state["http_port"]), int(state.get("https_port") or 0)
    rules = [f"MAP *:80 127.0.0.1:{http}"]
    if https:
        rules.append(f"MAP *:443 127.0.0.1:{https}")
    rules += ["MAP * ~NOTFOUND"]
    flags = [f"--host-resolver-rules={', '.join(rules)}"]
    pins = []
    ca = state.get("ca_file")
    if ca and Path(ca).is_file():
        der = ssl.PEM_cert_to_DER_cert(Path(ca).read_text(encoding="ascii"))
        pins.append(spki_hash(der))
    if https:
        hosts = [h for h in state.get("hosts") or [] if isinstance(h, str)]
        try:       # the server's own certificate: Chromium checks the pins against the chain it is sent
            ctx = ssl.create_default_context()
            ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
            with socket.create_connection(("127.0.0.1", https), timeout=5) as sock, \
                    ctx.wrap_socket(sock, server_hostname=hosts[0] if hosts else None) as tls:
                der = tls.getpeercert(binary_form=True)
            if der:
                pins.append(spki_hash(der))
        except OSError as exc:
            log.warning("cannot read the sandbox certificate on port %s: %s", https, exc)
    if pins:
        flags.append(f"--ignore-certificate-errors-spki-list={','.join(dict.fromkeys(pins))}")
    return flags


class BrowserPool:
    """One Chromium, ``pages`` renders at a time, restarted every ``recycle_after`` renders or on a crash."""

    def __init__(self, settings: Settings | Mapping[str, Any], sandbox_state: Mapping[str, Any] | None = None) -> None:
        self.settings = settings
        self.sandbox_state = dict(sandbox_state) if sandbox_state else None
        self.executable = find_browser(settings)
        self.pages = max(1, int(settings["BROWSER_PAGES"]))
        self.recycle_after = max(1, int(settings["BROWSER_RECYCLE_AFTER"]))
        self.allow_private = bool(settings["HTTP_ALLOW_PRIVATE"])
        self.flags = list(BASE_FLAGS) + [f"--js-flags=--max-old-space-size={int(settings['BROWSER_JS_HEAP_MB'])}"]
        if self.sandbox_state:
            self.flags += sandbox_flags(self.sandbox_state)
        self._pw: Any = None
        self._browser: Any = None
        self._slots = asyncio.Semaphore(self.pages)
        self._lock = asyncio.Lock()
        self._active = 0
        self._served = 0             # renders by the current browser
        self.launches = 0
        self.crashes = 0
        self.version = ""
        self._proxy: Any = None                # the guard proxy, outside sandbox mode

    async def start(self) -> "BrowserPool":
        if self.executable is None:
            raise BrowserUnavailable(t("problems.no_browser", path=self.settings["BROWSER_EXECUTABLE"]))
        from playwright.async_api import async_playwright

        if self._pw is None:
            self._pw = await async_playwright().start()
        if self.sandbox_state is None and self._proxy is None:
            from govlens.probes.gatherers.browser.guard_proxy import GuardProxy, guard_resolver
            self._proxy = await GuardProxy(guard_resolver(self.settings)).start()
            self.flags += [f"--proxy-server={self._proxy.url}", "--proxy-bypass-list=<-loopback>"]
        await self._launch()
        return self

    def failure(self, url: str) -> str | None:
        """Outside sandbox mode: the visit status of the last connection to ``url``'s host the guard
        refused or could not make (Chromium only says the tunnel failed)."""
        host = urlsplit(url).hostname
        return self._proxy.failure(host) if self._proxy is not None and host else None

    async def _launch(self) -> None:
        try:
            self._browser = await self._pw.chromium.launch(executable_path=self.executable, headless=True,
                                                           args=self.flags, timeout=60_000)
        except Exception as exc:  # Playwright's error: translated here, at the boundary
            raise BrowserUnavailable(t("problems.browser_fails", path=self.executable,
                                       error=str(exc).splitlines()[0][:300])) from None
        self.version = self._browser.version
        self._served = 0
        self.launches += 1

    async def close(self) -> None:
        if self._browser is not None:
            try:
                await self._browser.close()
            except Exception:  # noqa: BLE001 - already gone
                pass
            self._browser = None
        if self._pw is not None:
            await self._pw.stop()
            self._pw = None
        if self._proxy is not None:
            await self._proxy.close()
            self._proxy = None

    async def _recycle_if_due(self) -> None:
        """Restart the browser when it crashed, or when it is due and no render is running."""
        async with self._lock:
            dead = self._browser is None or not self._browser.is_connected()
            if dead and self._browser is not None:
                self.crashes += 1
            if dead or (self._served >= self.recycle_after and self._active == 0):
                old, self._browser = self._browser, None
                if old is not None:
                    try:
                        await old.close()
                    except Exception:  # noqa: BLE001
                        pass
                await self._launch()

    @asynccontextmanager
    async def context(self, **options: Any) -> AsyncIterator[Any]:
        """A fresh browser context (incognito) with ``options``; a slot is held while it is open."""
        async with self._slots:
            while self._served >= self.recycle_after and self._active > 0:
                await asyncio.sleep(0.05)          # due for a restart: let the running renders finish
            await self._recycle_if_due()
            self._active += 1
            self._served += 1
            ctx = None
            try:
                ctx = await self._browser.new_context(**options)
                yield ctx
            finally:
                self._active -= 1
                if ctx is not None:
                    try:
                        await asyncio.wait_for(ctx.close(), 10)
                    except Exception:  # noqa: BLE001 - a crashed browser: recycled on the next render
                        pass
