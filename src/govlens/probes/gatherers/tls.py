"""The TLS probe: the certificate a site's https port presents, and its HSTS header.

One ``tls`` observation per website:

``{"host", "https": bool, "verified": bool, "verify_error", "verify_code", "not_before",
"not_after", "days_left", "issuer", "subject_alt_names", "hsts", "hsts_max_age", "final_url"}``

- A *verifying* handshake with ``host:443`` (the sandbox's https port in sandbox mode; the
  system's trust store, or the sandbox CA) reads the certificate (validity dates, issuer,
  names) or says why a browser would refuse the site (expired, self-signed, wrong host …;
  OpenSSL's code and message are kept); only then a *non-verifying* one reads the refused
  certificate, so an invalid certificate can still be described in the evidence.
- A host is read once per campaign: the platforms sharing it (a site, its featured columns,
  its foreign-language editions) get copies of the first one's reading (the last
  ``HOSTS_KEPT`` hosts are kept).
- When the verifying handshake succeeds, ``HEAD https://host/`` (redirects followed) reads
  ``Strict-Transport-Security`` from the final answer.

``https`` is false when nothing answers TLS on port 443 (``status`` says how the connection
ended). Addresses are resolved like every fetch: the sandbox resolver in sandbox mode, the
guarded resolver (no private targets) outside it. The certificate is parsed with
``cryptography``; the probe never judges: expiry and HSTS are the indicators'.
"""
from __future__ import annotations

import asyncio
import contextlib
import copy
import ssl
from collections import OrderedDict
from datetime import datetime, timezone
from typing import Any

from cryptography import x509

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.net.fetch_counts import purpose
from govlens.probes.net.fetch_errors import classify_error
from govlens.registry.model import Platform

NAME = "tls"
HOSTS_KEPT = 4096        # hosts whose reading is kept for the campaign's other platforms on them (LRU)


def describe_certificate(der: bytes) -> dict[str, Any]:
    """Validity dates, issuer and DNS names of a DER certificate."""
    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = san.get_values_for_type(x509.DNSName)[:50]
    except x509.ExtensionNotFound:
        names = []
    not_after = cert.not_valid_after_utc
    return {"not_before": cert.not_valid_before_utc.isoformat(), "not_after": not_after.isoformat(),
            "days_left": (not_after - datetime.now(timezone.utc)).days,
            "issuer": cert.issuer.rfc4514_string()[:200], "subject_alt_names": names,
            "self_signed": cert.issuer == cert.subject}


def hsts_max_age(value: str | None) -> int | None:
    """``max-age`` of a Strict-Transport-Security header value, or None."""
    for part in (value or "").split(";"):
        key, _, v = part.strip().partition("=")
        if key.strip().lower() == "max-age":
            try:
                return int(v.strip().strip('"'))
            except ValueError:
                return None
    return None


class TlsProbe(Probe):
    """Certificate and HSTS of each website's https port."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.timeout = ctx.settings.getfloat("HTTP_TIMEOUT")
        state = ctx.sandbox_state or {}
        ca = state.get("ca_file")
        self.verify_ctx = ssl.create_default_context(cafile=ca) if ca else ssl.create_default_context()
        self.read_ctx = ssl.create_default_context()
        self.read_ctx.check_hostname = False
        self.read_ctx.verify_mode = ssl.CERT_NONE
        # the fetcher's own guard: the same allow-list (HTTP_ALLOW_*) and DNS servers (HTTP_DNS_SERVERS)
        self.resolver = ctx.fetcher.target_resolver()
        self.hosts: OrderedDict[str, asyncio.Future[tuple[str, dict[str, Any]]]] = OrderedDict()

    def prepare(self, platform: Platform) -> bool:
        return bool(platform.host) and platform.kind in ("website", "column", "foreign_site", "mobile_portal", "")

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        host = platform.host
        key = host.lower()
        future = self.hosts.get(key)
        if future is None:                    # the first platform of this host reads it; the others wait
            future = self.hosts[key] = asyncio.ensure_future(self._read_host(host))
            while len(self.hosts) > HOSTS_KEPT and next(iter(self.hosts.values())).done():
                self.hosts.pop(next(iter(self.hosts)))
        else:
            self.hosts.move_to_end(key)
        # shielded: a platform cancelled while waiting (its site deadline) leaves the reading to the others
        status, data = await asyncio.shield(future)
        return [Observation(platform_id=platform.id, probe=NAME, kind="tls", url=f"https://{host}/",
                            status=status, data=copy.deepcopy(data))]

    async def _read_host(self, host: str) -> tuple[str, dict[str, Any]]:
        """The tls observation's status and data for ``host``: a verifying handshake that also reads the
        certificate; only when it is refused, a non-verifying one to describe what was presented."""
        data: dict[str, Any] = {"host": host, "https": False, "verified": False, "verify_error": None,
                                "verify_code": None, "hsts": None, "hsts_max_age": None, "final_url": None}
        try:
            target = (await self.resolver.resolve(host, 443))[0]
        except Exception as exc:   # the boundary: a name that does not resolve, a refused target
            status, error = classify_error(exc)
            data["verify_error"] = error
            return status, data
        ip, port = target["host"], target["port"]
        der, verify_error = await self._handshake(ip, port, host, self.verify_ctx)
        if der is None:
            der, read_error = await self._handshake(ip, port, host, self.read_ctx)
            if der is None:
                status = classify_error(read_error)[0] if read_error else "connection_error"
                data["verify_error"] = f"{type(read_error).__name__}: {read_error}"[:300] if read_error else None
                return status, data
        data["https"] = True
        with contextlib.suppress(ValueError):
            data.update(describe_certificate(der))
        if verify_error is None:
            data["verified"] = True
            with purpose("tls"):
                r = await self.ctx.fetcher.fetch(f"https://{host}/", method="HEAD")
            if r.ok or r.http_status:
                data["hsts"] = r.headers.get("strict-transport-security")
                data["hsts_max_age"] = hsts_max_age(data["hsts"])
                data["final_url"] = r.final_url
        else:
            data["verify_error"] = (getattr(verify_error, "verify_message", None) or str(verify_error))[:300]
            data["verify_code"] = getattr(verify_error, "verify_code", None)
        return COMPLETED if data["verified"] else "tls_error", data

    async def _handshake(self, ip: str, port: int, host: str,
                         context: ssl.SSLContext) -> tuple[bytes | None, BaseException | None]:
        writer = None
        try:
            async with asyncio.timeout(self.timeout):
                _, writer = await asyncio.open_connection(ip, port, ssl=context, server_hostname=host)
                sslobj = writer.get_extra_info("ssl_object")
                return (sslobj.getpeercert(binary_form=True) if sslobj is not None else None), None
        except (OSError, asyncio.TimeoutError, ssl.SSLError) as exc:
            return None, exc
        finally:
            if writer is not None:
                writer.close()
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(2):
                        await writer.wait_closed()
