"""Name resolution for the fetcher: the sandbox web, and refusal of private targets.

Two resolvers plug into aiohttp's ``TCPConnector`` (so its DNS cache and per-host limits
keep working):

- :class:`SandboxResolver` sends every host listed in ``sandbox.json`` to 127.0.0.1,
  mapping port 80 to the sandbox's HTTP port and 443 to its HTTPS port, and answers every
  other name with a DNS failure, so a sandbox scan can never leave the machine.
- :class:`GuardedResolver` resolves normally and then refuses loopback, private,
  link-local and other non-global addresses: a registry row (or a link on a page) naming
  an intranet address must not turn the scanner into a probe of our own network.
  This is the basic check; it does not yet pin the address against DNS rebinding.

Both signal failure with ``OSError`` subclasses, which aiohttp wraps into
``ClientConnectorDNSError``; the fetcher reads ``os_error`` to tell a refused target
(:class:`BlockedTargetError`) from a name that does not resolve.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Mapping
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

LOOPBACK = "127.0.0.1"


class BlockedTargetError(OSError):
    """The host resolves to an address the scanner must not visit."""


class UnknownSandboxHostError(OSError):
    """Sandbox mode: the host is not one of the sandbox's hosts."""


def is_blocked_address(address: str) -> bool:
    """True for loopback, private, link-local, multicast, reserved and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _result(hostname: str, address: str, port: int, family: int) -> ResolveResult:
    return {"hostname": hostname, "host": address, "port": port, "family": family,
            "proto": socket.IPPROTO_TCP, "flags": socket.AI_NUMERICHOST}


class SandboxResolver(AbstractResolver):
    """Resolve the sandbox's hosts to loopback with the sandbox's ports; nothing else."""

    def __init__(self, hosts: Iterable[str], http_port: int, https_port: int | None = None) -> None:
        self.hosts = frozenset(h.strip().lower().rstrip(".") for h in hosts if h)
        self.ports = {80: int(http_port)}
        if https_port:
            self.ports[443] = int(https_port)

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> "SandboxResolver":
        return cls(_state_hosts(state), int(state["http_port"]), state.get("https_port"))

    def knows(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        if not self.knows(host):
            raise UnknownSandboxHostError(socket.EAI_NONAME, f"{host} is not a sandbox host")
        return [_result(host, LOOPBACK, self.ports.get(port, port), socket.AF_INET)]

    async def close(self) -> None:
        return None


class GuardedResolver(AbstractResolver):
    """The default resolver, refusing names that resolve to non-global addresses."""

    def __init__(self, inner: AbstractResolver | None = None, *, allow_private: bool = False) -> None:
        self.inner = inner or DefaultResolver()
        self.allow_private = allow_private

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        if self.allow_private:
            return results
        allowed = [r for r in results if not is_blocked_address(r["host"])]
        if not allowed:
            raise BlockedTargetError(socket.EAI_NONAME, f"{host} resolves to a non-public address")
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
