"""The DNS probe: a site's A and AAAA records, from a configurable resolver (dnspython).

IPv6 readiness is an inspection item: a host with an AAAA record is reachable over IPv6.
One ``dns`` observation per platform with a host:

``{"host", "ascii_host", "nameserver", "a": ["1.2.3.4"], "aaaa": ["2001:db8::1"], "a_error", "aaaa_error",
"nxdomain"}``

Internationalised names (``浙江省人民政府.政务``, series 8) are queried in their IDNA 2008 form
(``ascii_host``, punycode), as browsers send them; ``nxdomain`` is true when the server says the
name does not exist — for a ``.政务`` name, that it is not registered.

The resolver is the system's (``/etc/resolv.conf``) unless ``DNS_NAMESERVERS`` names servers
(``"10.0.0.53"`` or ``"10.0.0.53:5353, 10.0.0.54"``); in sandbox mode it is the sandbox's own
authoritative server on loopback (``dns_port`` of ``sandbox.json``), so no query leaves the
machine (``cn_domain`` names are always asked there, registered or not: the server answers NXDOMAIN for
the ones it does not know). ``NXDOMAIN`` and "no answer" are answers (empty lists), not errors; a
timeout, a server failure or a name that is not a valid IDN is an error with its text.
"""
from __future__ import annotations

import asyncio
from typing import Any

import dns.asyncresolver
import dns.exception
import dns.name
import dns.resolver

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.registry.model import Platform

NAME = "dns"
WEB_KINDS = frozenset({"website", "column", "foreign_site", "cn_domain", "mobile_portal", ""})


def parse_nameservers(value: str) -> list[tuple[str, int]]:
    """``"10.0.0.53:5353, 10.0.0.54"`` → ``[("10.0.0.53", 5353), ("10.0.0.54", 53)]``."""
    out = []
    for part in (value or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if part.startswith("[") and "]" in part:                 # [2001:db8::1]:53
            host, _, port = part[1:].partition("]")
            out.append((host, int(port.lstrip(":") or 53)))
        elif part.count(":") == 1:
            host, port = part.split(":")
            out.append((host, int(port)))
        else:
            out.append((part, 53))
    return out


class DnsProbe(Probe):
    """A and AAAA of each platform's host."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        state = ctx.sandbox_state or {}
        if state.get("dns_port"):
            servers = [("127.0.0.1", int(state["dns_port"]))]
        else:
            servers = parse_nameservers(str(ctx.settings["DNS_NAMESERVERS"] or ""))
        self.resolver = dns.asyncresolver.Resolver(configure=not servers)
        if servers:
            self.resolver.nameservers = [h for h, _ in servers]
            self.resolver.port = servers[0][1]
        self.resolver.lifetime = ctx.settings.getfloat("DNS_TIMEOUT")
        self.resolver.timeout = ctx.settings.getfloat("DNS_TIMEOUT")
        self.label = ", ".join(f"{h}:{p}" for h, p in servers) or "system"
        self.sandbox = bool(state)

    def prepare(self, platform: Platform) -> bool:
        if not platform.host or platform.kind not in WEB_KINDS:
            return False
        if platform.kind == "cn_domain":       # whether it exists is the question
            return True
        if self.sandbox and self.ctx is not None and self.ctx.fetcher.sandbox_resolver is not None:
            return self.ctx.fetcher.sandbox_resolver.knows(platform.host)
        return True

    async def probe(self, platform: Platform) -> list[Observation]:
        host = platform.host
        (a, a_err, nx_a), (aaaa, aaaa_err, nx_aaaa) = await asyncio.gather(self._query(host, "A"),
                                                                           self._query(host, "AAAA"))
        data: dict[str, Any] = {"host": host, "ascii_host": ascii_host(host), "nameserver": self.label, "a": a,
                                "aaaa": aaaa, "a_error": a_err, "aaaa_error": aaaa_err, "nxdomain": nx_a and nx_aaaa}
        status = COMPLETED if not (a_err and aaaa_err) else ("timeout" if "timed out" in (a_err or "") else "dns_error")
        return [Observation(platform_id=platform.id, probe=NAME, kind="dns", url=f"dns:{host}", status=status,
                            data=data)]

    async def _query(self, host: str, rdtype: str) -> tuple[list[str], str | None, bool]:
        """(answers, error, NXDOMAIN) for one record type."""
        try:
            answer = await self.resolver.resolve(host, rdtype, raise_on_no_answer=False)
        except dns.resolver.NXDOMAIN:
            return [], None, True
        except dns.resolver.NoAnswer:
            return [], None, False
        except dns.exception.Timeout as exc:
            return [], f"timed out: {exc}"[:200], False
        except dns.exception.DNSException as exc:
            return [], f"{type(exc).__name__}: {exc}"[:200], False
        return sorted({r.to_text() for r in answer}) if answer.rrset is not None else [], None, False


def ascii_host(host: str) -> str | None:
    """The IDNA 2008 (punycode) form of ``host``, as DNS and HTTP carry it; None when it is not a valid IDN."""
    try:
        return dns.name.from_text(host).to_text(omit_final_dot=True)
    except dns.exception.DNSException:
        return None
