"""A small authoritative DNS server on loopback for the sandbox's names (UDP, asyncio, dnslib).

Why: IPv6 readiness (an AAAA record) and Chinese government domain names (series 8) are
questions for DNS, and the scanner's DNS probe must meet a real server speaking the real
protocol. Every sandbox host answers ``A 127.0.0.1``; hosts without the ``no_ipv6`` defect
also answer ``AAAA ::1``; ``.政务`` names are keys in their punycode form (as resolvers send them),
a registered name pointing nowhere has a record with neither address (``NOERROR``, empty answer),
and names the sandbox does not know — unregistered ``.政务`` names among them — are ``NXDOMAIN``. dnslib encodes
and decodes the packets; the server itself is a few lines of asyncio, so it runs on the
sandbox server's own event loop.
"""
from __future__ import annotations

import asyncio
from collections.abc import Mapping

from dnslib import AAAA, QTYPE, RCODE, RR, A, DNSRecord

TTL = 300


class SandboxDNS(asyncio.DatagramProtocol):
    """Answers A / AAAA for ``records``: host → (has A, has AAAA)."""

    def __init__(self, records: Mapping[str, tuple[bool, bool]]) -> None:
        self.records = {h.lower().rstrip("."): v for h, v in records.items()}
        self.transport: asyncio.DatagramTransport | None = None
        self.queries = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        try:
            request = DNSRecord.parse(data)
        except Exception:  # noqa: BLE001 - a garbage packet gets no answer, as from a real server
            return
        self.queries += 1
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        record = self.records.get(name)
        if record is None:
            reply.header.rcode = RCODE.NXDOMAIN
        else:
            has_a, has_aaaa = record
            qtype = request.q.qtype
            if qtype in (QTYPE.A, QTYPE.ANY) and has_a:
                reply.add_answer(RR(request.q.qname, QTYPE.A, rdata=A("127.0.0.1"), ttl=TTL))
            if qtype in (QTYPE.AAAA, QTYPE.ANY) and has_aaaa:
                reply.add_answer(RR(request.q.qname, QTYPE.AAAA, rdata=AAAA("::1"), ttl=TTL))
        if self.transport is not None:
            self.transport.sendto(reply.pack(), addr)


async def start_dns(records: Mapping[str, tuple[bool, bool]], host: str = "127.0.0.1",
                    port: int = 0) -> tuple[asyncio.DatagramTransport, SandboxDNS, int]:
    """Listen on UDP ``host:port`` (0 = any free port); returns (transport, protocol, port)."""
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(lambda: SandboxDNS(records), local_addr=(host, port))
    return transport, protocol, transport.get_extra_info("sockname")[1]  # type: ignore[return-value]
