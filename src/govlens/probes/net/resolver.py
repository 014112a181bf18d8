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

Every host is judged as the connection will use it (:mod:`govlens.hosts`): a host that is an
IP address under any reading (``１２７.０.０.１``, ``0x7f.1``, ``[::ffff:127.0.0.1]``) is
judged as that address and never looked up. As a second line, :meth:`GuardedResolver.socket_factory`
is aiohttp's ``socket_factory``: it sees the address of every socket the connector opens (IP
literals included, which aiohttp connects to without asking any resolver) and refuses one the
policy does not permit.

Why this is enough against DNS rebinding: the connector connects to exactly the addresses
the resolver returned (and caches), so the address checked is the address connected to;
there is no second lookup between check and connect. Every redirect hop is a new request
through the same resolver, and address literals are checked before any request
(:meth:`govlens.probes.net.fetch.Fetcher._refuse`).

Both signal failure with ``OSError`` subclasses, which aiohttp wraps into
``ClientConnectorDNSError``; the fetcher reads ``os_error`` to tell a refused target
(:class:`BlockedTargetError`) from a name that does not resolve.
"""
from __future__ import annotations

import errno
import ipaddress
import socket
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from govlens.hosts import connection_host, host_key, literal_addresses, parse_allow_entry, parse_ip

LOOPBACK = "127.0.0.1"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_6TO4 = ipaddress.ip_network("2002::/16")


class BlockedTargetError(OSError):
    """The host resolves to an address the scanner must not visit."""


class UnknownSandboxHostError(OSError):
    """Sandbox mode: the host is not one of the sandbox's hosts."""


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    return parse_ip(address)


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
            if isinstance(raw, str) and not raw.strip():
                continue
            kind, value = parse_allow_entry(raw)
            if kind == "network":
                networks.append(value)
            elif kind == "suffix":
                suffixes.append(value)
            else:
                hosts.add(value)
        return cls(allow_private=allow_private, networks=tuple(networks), hosts=frozenset(hosts),
                   suffixes=tuple(suffixes))

    def host_allowed(self, host: str) -> bool:
        if not self.hosts and not self.suffixes:
            return False
        key = host_key(host)
        return key in self.hosts or any(key.endswith(s) for s in self.suffixes)

    def permits(self, host: str, address: str) -> bool:
        if self.host_allowed(host):
            return True
        return self.permits_address(address)

    def permits_address(self, address: str) -> bool:
        """The address alone passes (public, inside an allowed network, or private targets allowed)."""
        if self.allow_private or not is_blocked_address(address):
            return True
        ip = _ip(address)
        return ip is not None and any(ip.version == n.version and ip in n for n in self.networks)

    def refusal(self, host: str) -> str | None:
        """Why ``host`` must not be connected to, judged as an address literal under every reading, else None.

        A name that is no literal passes here; its DNS answers are judged by :class:`GuardedResolver`.
        """
        for ip in literal_addresses(host):
            if not self.permits(host, str(ip)):
                return f"{host[:100]} is not a public address ({ip})"
        return None


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

    VOUCHED_KEPT = 4096

    def __init__(self, inner: AbstractResolver | None = None, *, allow_private: bool = False,
                 policy: AddressPolicy | None = None) -> None:
        self.inner = inner or DefaultResolver()
        self.policy = policy or AddressPolicy(allow_private=allow_private)
        # private addresses answered for a host allowed by name: the socket factory lets exactly these through
        self.vouched: OrderedDict[str, None] = OrderedDict()
        self.refused_sockets = 0

    @property
    def allow_private(self) -> bool:
        return self.policy.allow_private

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        literals = literal_addresses(host)
        if literals:                      # an address in any spelling: judged as such, never looked up
            reason = self.policy.refusal(host)
            if reason:
                raise BlockedTargetError(socket.EAI_NONAME, reason)
            ip = literals[0]
            self._vouch(host, str(ip))
            return [_result(host, str(ip), port, socket.AF_INET6 if ip.version == 6 else socket.AF_INET)]
        try:
            name = connection_host(host)
        except ValueError as exc:
            raise OSError(socket.EAI_NONAME, f"unusable host name: {exc}") from None
        results = await self.inner.resolve(name, port, family)
        allowed = [r for r in results if self.policy.permits(host, r["host"])]
        if not allowed:
            refused = ", ".join(sorted({str(r["host"]) for r in results}))[:200]
            raise BlockedTargetError(socket.EAI_NONAME, f"{host} resolves to a non-public address ({refused})")
        for r in allowed:
            self._vouch(host, str(r["host"]))
        return allowed

    def _vouch(self, host: str, address: str) -> None:
        if self.policy.permits_address(address):
            return                       # passes on its own; nothing to remember
        self.vouched[address] = None
        self.vouched.move_to_end(address)
        while len(self.vouched) > self.VOUCHED_KEPT:
            self.vouched.popitem(last=False)

    def socket_factory(self, addr_info: tuple[Any, ...]) -> socket.socket:
        """aiohttp's ``socket_factory``: the last check, on the address a socket is about to connect to.

        aiohttp connects to an IP-literal host without asking the resolver; this sees that address
        too. One message for every refusal, so aiohappyeyeballs re-raises it as it is.
        """
        family, type_, proto, _, sockaddr = addr_info
        address = str(sockaddr[0])
        if not self.policy.permits_address(address) and address not in self.vouched:
            self.refused_sockets += 1
            raise BlockedTargetError(errno.EACCES, "the connection guard refuses a non-public address")
        return socket.socket(family=family, type=type_, proto=proto)

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
