"""One aiohttp server for the whole sandbox web: an HTTP port and an HTTPS port on loopback.

Requests are routed by the Host header (port ignored) to the site that owns the host; an
unknown host gets a plain-text 404. TLS uses a fresh ``trustme`` CA that issues each host its
own certificate on its first handshake (:mod:`govlens.sandbox.certs`); the CA's PEM is written to
``state_dir/ca.pem`` so a client can trust it. Everything that depends on time or on request order lives here, the rest is the
cached replies of :class:`govlens.sandbox.web.SandboxWeb`:

- ``intermittent_outage``: GET requests of the homepage answer 503, 200, 503, 200 … per host,
  counting only requests that would serve the homepage (redirects from http:// do not count;
  HEAD requests always succeed, so a HEAD link check of the homepage is not flaky);
- ``slow_response``: the homepage waits ``web.slow_delay`` seconds before answering;
- flaky sites (``site_unreachable`` over a monitor window): after their first few homepage
  GETs, a deterministic share of them answer 503 (:func:`govlens.sandbox.inspection.flaky_fails`);
- ``expired_certificate``: TLS for those hosts presents an expired certificate (each host has its own
  one-name certificate, chosen by SNI: :mod:`govlens.sandbox.certs`);
- POST requests go to :meth:`SandboxWeb.post` (a leader mailbox's letter form; 405 elsewhere);
- a UDP DNS server (:mod:`govlens.sandbox.dns`) answers for every sandbox host.

``start_server`` (async), ``run_in_thread`` (a context manager for tests and ``govlens demo``)
and ``serve_forever`` (blocking, for ``govlens sandbox serve``) are the three ways to run it.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiohttp import web as aioweb
from multidict import CIMultiDict

from govlens import messages
from govlens.atomic import atomic_write_text
from govlens.contract import defects as D
from govlens.errors import ConfigError
from govlens.sandbox.certs import HostCertificates
from govlens.sandbox.dns import start_dns
from govlens.sandbox.hostile_server import HostileServer, start_hostile
from govlens.sandbox.inspection import flaky_fails
from govlens.sandbox.web import UNAVAILABLE, SandboxWeb


@dataclass
class RunningSandbox:
    """A listening sandbox server."""

    web: SandboxWeb
    host: str
    http_port: int
    https_port: int
    ca_file: Path
    state_dir: Path
    _runner: aioweb.AppRunner = field(repr=False)
    dns_port: int = 0
    _dns: asyncio.DatagramTransport | None = field(default=None, repr=False)
    _stopped: bool = field(default=False, repr=False)
    hostile: HostileServer | None = field(default=None, repr=False)   # the hostile web, when served

    @property
    def state_file(self) -> Path:
        return self.state_dir / "sandbox.json"

    def state(self) -> dict:
        state = {"http_port": self.http_port, "https_port": self.https_port, "dns_port": self.dns_port,
                 "ca_file": str(self.ca_file),
                 "hosts": self.web.hosts(), "seed": self.web.seed, "as_of": self.web.as_of.isoformat()}
        if self.hostile is not None:      # per-host ports and addresses: see govlens.sandbox.hostile_server
            extra = self.hostile.state()
            state["hosts"] = state["hosts"] + extra["hosts"]
            state["host_ports"], state["host_addresses"] = extra["host_ports"], extra["host_addresses"]
        return state

    def write_state(self, path: str | Path | None = None) -> Path:
        """Write sandbox.json (ports, CA file, hosts, seed, as_of) for the scanner's sandbox mode."""
        path = Path(path) if path is not None else self.state_file
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(self.state(), ensure_ascii=False, indent=1) + "\n")
        return path

    async def stop(self) -> None:
        if not self._stopped:
            self._stopped = True
            if self.hostile is not None:
                await self.hostile.stop()
            if self._dns is not None:
                self._dns.close()
            await self._runner.cleanup()


def _hostname(host_header: str) -> str:
    h = host_header.strip().lower()
    if h.startswith("["):
        return h[1:h.index("]")] if "]" in h else h
    if h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def _make_app(web: SandboxWeb) -> aioweb.Application:
    counters: dict[str, int] = {}

    async def handle(request: aioweb.Request) -> aioweb.Response:
        host = _hostname(request.host or "")
        if request.method == "POST":          # a mailbox's letter form (bounded body)
            body = await request.content.read(64 * 1024)
            return _response(web.post(host, request.path, body, secure=request.secure))
        reply = web.respond(host, request.path, request.query_string, secure=request.secure)
        if reply.home:
            site = web.site(host)
            if site is not None:
                if D.INTERMITTENT_OUTAGE in site.flags:
                    if request.method != "GET":
                        return _response(reply)
                    n = counters[host] = counters.get(host, 0) + 1
                    if n % 2 == 1:
                        reply = UNAVAILABLE
                elif D.SLOW_RESPONSE in site.flags and web.slow_delay > 0:
                    await asyncio.sleep(web.slow_delay)
                elif getattr(site, "inspection", None) and site.inspection.flaky_rate and request.method == "GET":
                    n = counters[host] = counters.get(host, 0) + 1
                    if flaky_fails(web.seed, host, n, site.inspection.flaky_rate):
                        reply = UNAVAILABLE
        return _response(reply)

    app = aioweb.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


def _response(reply) -> aioweb.Response:
    return aioweb.Response(status=reply.status, body=reply.body, headers=CIMultiDict(reply.headers))


def _tls(web: SandboxWeb, state_dir: Path) -> tuple[ssl.SSLContext, Path, trustme.CA]:
    """The HTTPS port's context: a one-name certificate per host by SNI (:mod:`govlens.sandbox.certs`)."""
    ca = trustme.CA(organization_name="govlens sandbox")
    certs = HostCertificates(ca, web.hosts(), web.expired_hosts(), web.as_of)
    ca_file = state_dir / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return certs.default, ca_file, ca


async def start_server(web: SandboxWeb, host: str = "127.0.0.1", http_port: int = 0, https_port: int = 0,
                       state_dir: str | Path | None = None, dns_port: int = 0, *,
                       hostile: bool = False) -> RunningSandbox:
    """Listen on ``host`` (HTTP and HTTPS; port 0 = any free port; DNS on UDP) and write ca.pem and sandbox.json.

    ``hostile`` also serves the hostile web (:mod:`govlens.sandbox.hostile_server`) on ports of its
    own, trusted through the same CA, and writes its registry and truth beside sandbox.json.
    """
    state_dir = Path(state_dir) if state_dir is not None else Path(tempfile.mkdtemp(prefix="govlens-sandbox-"))
    state_dir.mkdir(parents=True, exist_ok=True)
    ctx, ca_file, ca = _tls(web, state_dir)
    runner = aioweb.AppRunner(_make_app(web), access_log=None, handle_signals=False)
    await runner.setup()
    ports = []
    try:
        for port, ssl_context in ((http_port, None), (https_port, ctx)):
            site = aioweb.TCPSite(runner, host, port, ssl_context=ssl_context)
            await site.start()
            ports.append(site._server.sockets[0].getsockname()[1])  # noqa: SLF001 (actual port when 0)
    except OSError as e:
        await runner.cleanup()
        raise ConfigError(messages.t("sandbox_errors.cannot_listen", host=host, errno=e.errno or "—"),
                          field="sandbox port") from e
    try:
        dns, _, dns_port = await start_dns(web.dns_records(), host, dns_port)
    except OSError as e:
        await runner.cleanup()
        raise ConfigError(messages.t("sandbox_errors.dns_cannot_listen", host=host, errno=e.errno or "—"),
                          field="sandbox port") from e
    running = RunningSandbox(web=web, host=host, http_port=ports[0], https_port=ports[1], ca_file=ca_file,
                             state_dir=state_dir, _runner=runner, dns_port=dns_port, _dns=dns)
    if hostile:
        from govlens.sandbox import hostile as H
        running.hostile = await start_hostile(ca, state_dir, host)
        H.write_registry(state_dir / "hostile-registry.csv")
        H.write_truth(state_dir / "hostile-truth.json")
    running.write_state()
    return running


@contextmanager
def run_in_thread(web: SandboxWeb, state_dir: str | Path | None = None, *, host: str = "127.0.0.1",
                  http_port: int = 0, https_port: int = 0, hostile: bool = False) -> Iterator[RunningSandbox]:
    """Run the server in a background thread with its own event loop; stop it on exit."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    box: dict[str, object] = {}

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            box["running"] = loop.run_until_complete(
                start_server(web, host=host, http_port=http_port, https_port=https_port, state_dir=state_dir,
                             hostile=hostile))
        except BaseException as e:  # noqa: BLE001 (handed to the caller's thread)
            box["error"] = e
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    thread = threading.Thread(target=main, name="govlens-sandbox", daemon=True)
    thread.start()
    ready.wait()
    if "error" in box:
        thread.join()
        raise box["error"]  # type: ignore[misc]
    running: RunningSandbox = box["running"]  # type: ignore[assignment]
    try:
        yield running
    finally:
        asyncio.run_coroutine_threadsafe(running.stop(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)


def serve_forever(web: SandboxWeb, host: str = "127.0.0.1", http_port: int = 0, https_port: int = 0,
                  state_dir: str | Path | None = None,
                  on_ready: Callable[[RunningSandbox], None] | None = None, *, hostile: bool = False) -> None:
    """Serve until Ctrl-C (or SIGTERM); ``on_ready`` is called once the server listens and sandbox.json is written."""

    async def main() -> None:
        running = await start_server(web, host=host, http_port=http_port, https_port=https_port,
                                     state_dir=state_dir, hostile=hostile)
        done = asyncio.Event()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, done.set)   # stop cleanly on SIGTERM too
        try:
            if on_ready is not None:
                on_ready(running)
            await done.wait()
        finally:
            await running.stop()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
