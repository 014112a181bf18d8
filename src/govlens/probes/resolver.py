"""Name resolution for the fetcher: the sandbox web, and refusal of private targets.

Two resolvers plug into aiohttp's ``TCPConnector`` (so its DNS cache and per-host limits
keep working):

- :class:`SandboxResolver` sends every host listed in ``sandbox.json`` to 127.0.0.1,
  mapping port 80 to the sandbox's HTTP port and 443 to its HTTPS port (or to the ports the
  state gives that host), and answers every other name with a DNS failure, so a sandbox scan
  can never leave the machine. A host the state maps to another address (the hostile web's
  "metadata" and "rebinding" names) goes through the same address check as a real scan.
- :class:`GuardedResolver` resolves normally and then refuses loopback, private,
  link-local, metadata and other non-global addresses (:class:`AddressPolicy`): a registry
  row, a link or a redirect naming an intranet address must not turn the scanner into a
  probe of our own network.

Why this is enough against DNS rebinding: the connector connects to exactly the addresses
the resolver returned (and caches), so the address checked is the address connected to;
there is no second lookup between check and connect. Every redirect hop is a new request
through the same resolver, and address literals are checked before any request
(:meth:`govlens.probes.fetch.Fetcher._refuse`).

Both signal failure with ``OSError`` subclasses, which aiohttp wraps into
``ClientConnectorDNSError``; the fetcher reads ``os_error`` to tell a refused target
(:class:`BlockedTargetError`) from a name that does not resolve.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

LOOPBACK = "127.0.0.1"
_LABEL = re.compile(r"[a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_6TO4 = ipaddress.ip_network("2002::/16")


class BlockedTargetError(OSError):
    """The host resolves to an address the scanner must not visit."""


class UnknownSandboxHostError(OSError):
    """Sandbox mode: the host is not one of the sandbox's hosts."""


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0].strip("[]"))
    except ValueError:
        return None


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo), if any."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _6TO4:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    return None


def is_blocked_address(address: str) -> bool:
    """True for loopback, private, link-local (cloud metadata), shared, multicast, reserved and
    unspecified addresses, and IPv6 addresses that carry one of those (mapped, NAT64, 6to4, Teredo)."""
    ip = _ip(address)
    if ip is None:
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None and (not inner.is_global or inner.is_multicast):
            return True
        if inner is not None and ip.ipv4_mapped:
            ip = inner
    return not ip.is_global or ip.is_multicast


@dataclass(frozen=True)
class AddressPolicy:
    """Which resolved addresses may be visited.

    By default only global unicast addresses. ``allow_private`` lifts the check entirely
    (``HTTP_ALLOW_PRIVATE``); ``networks`` and ``hosts`` (``HTTP_ALLOW_NETWORKS``) allow
    intranet scans selectively: an address inside one of the networks, or any address of a
    host named in the list (``intranet.example.gov.cn``, or ``*.example.gov.cn`` for every
    name under it).
    """

    allow_private: bool = False
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    hosts: frozenset[str] = field(default_factory=frozenset)
    suffixes: tuple[str, ...] = ()

    @classmethod
    def from_entries(cls, entries: Iterable[str], *, allow_private: bool = False) -> "AddressPolicy":
        """Parse ``HTTP_ALLOW_NETWORKS`` entries: CIDRs or single addresses, host names, ``*.suffix``.

        Raises ``ValueError`` naming the entry when one is neither.
        """
        networks, hosts, suffixes = [], set(), []
        for raw in entries:
            entry = str(raw).strip().lower().rstrip(".")
            if not entry:
                continue
            if entry.startswith("*."):
                if not all(_LABEL.fullmatch(part) for part in entry[2:].split(".")):
                    raise ValueError(f"not a host name pattern: {raw!r}")
                suffixes.append(entry[1:])
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            except ValueError:
                pass
            if not all(_LABEL.fullmatch(part) for part in entry.split(".")):
                raise ValueError(f"not a network, address or host name: {raw!r}")
            hosts.add(entry)
        return cls(allow_private=allow_private, networks=tuple(networks), hosts=frozenset(hosts),
                   suffixes=tuple(suffixes))

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return host in self.hosts or any(host.endswith(s) for s in self.suffixes)

    def permits(self, host: str, address: str) -> bool:
        if self.allow_private or not is_blocked_address(address):
            return True
        if self.host_allowed(host):
            return True
        ip = _ip(address)
        return ip is not None and any(ip.version == n.version and ip in n for n in self.networks)


def _result(hostname: str, address: str, port: int, family: int) -> ResolveResult:
    return {"hostname": hostname, "host": address, "port": port, "family": family,
            "proto": socket.IPPROTO_TCP, "flags": socket.AI_NUMERICHOST}


class SandboxResolver(AbstractResolver):
    """Resolve the sandbox's hosts to loopback with the sandbox's ports; nothing else."""

    def __init__(self, hosts: Iterable[str], http_port: int, https_port: int | None = None, *,
                 host_ports: Mapping[str, Mapping[str, int]] | None = None,
                 host_addresses: Mapping[str, str] | None = None) -> None:
        self.hosts = frozenset(h.strip().lower().rstrip(".") for h in hosts if h)
        self.ports = {80: int(http_port)}
        if https_port:
            self.ports[443] = int(https_port)
        self.host_ports = {h.lower(): {int(k): int(v) for k, v in ports.items()}
                           for h, ports in (host_ports or {}).items()}
        self.host_addresses = {h.lower(): a for h, a in (host_addresses or {}).items()}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> "SandboxResolver":
        return cls(_state_hosts(state), int(state["http_port"]), state.get("https_port"),
                   host_ports=state.get("host_ports"), host_addresses=state.get("host_addresses"))

    def knows(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        name = host.lower().rstrip(".")
        if name not in self.hosts:
            raise UnknownSandboxHostError(socket.EAI_NONAME, f"{host} is not a sandbox host")
        address = self.host_addresses.get(name, LOOPBACK)
        if address != LOOPBACK and is_blocked_address(address):   # the sandbox server itself is the only exception
            raise BlockedTargetError(socket.EAI_NONAME, f"{host} resolves to a non-public address ({address})")
        mapped = self.host_ports.get(name, {}).get(port) or self.ports.get(port, port)
        return [_result(host, address, mapped, socket.AF_INET)]

    async def close(self) -> None:
        return None


class GuardedResolver(AbstractResolver):
    """A resolver (the system's by default) whose answers pass :class:`AddressPolicy` or are refused."""

    def __init__(self, inner: AbstractResolver | None = None, *, allow_private: bool = False,
                 policy: AddressPolicy | None = None) -> None:
        self.inner = inner or DefaultResolver()
        self.policy = policy or AddressPolicy(allow_private=allow_private)

    @property
    def allow_private(self) -> bool:
        return self.policy.allow_private

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        allowed = [r for r in results if self.policy.permits(host, r["host"])]
        if not allowed:
            refused = ", ".join(sorted({str(r["host"]) for r in results}))[:200]
            raise BlockedTargetError(socket.EAI_NONAME, f"{host} resolves to a non-public address ({refused})")
        return allowed

    async def close(self) -> None:
        await self.inner.close()


def _state_hosts(state: Mapping[str, Any]) -> list[str]:
    """Hosts of a sandbox state: a list of names, or of records with a ``host``/``url``."""
    from urllib.parse import urlsplit

    out: list[str] = []
    for item in state.get("hosts") or ():
        if isinstance(item, str):
            out.append(urlsplit(item).hostname or item if "://" in item else item)
        elif isinstance(item, Mapping):
            name = item.get("host") or urlsplit(str(item.get("url", ""))).hostname
            if name:
                out.append(str(name))
    return out
