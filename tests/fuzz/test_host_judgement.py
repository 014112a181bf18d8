"""Fuzzing the judgement of URL hosts: the verdict on a spelling is the verdict on the address it reaches.

Spellings are generated from an address: 1 to 4 parts, each decimal, octal or hex (either
case), digits swapped for full-width, mathematical or enclosed forms, dots for the ideographic
full stops (。．｡), letters for full-width ones, IPv4-mapped IPv6. The address the connection
would reach is computed independently of :mod:`govlens.hosts`: yarl's encoding of the host
(what aiohttp connects to), then ``socket.inet_aton`` (what ``getaddrinfo`` does with a
numeric name). The property: the fetcher refuses the spelling exactly when it refuses that
address, blocked or public. A second property takes any text as a host: whenever yarl and
``inet_aton`` make an address of it, govlens judges it as that address (and never raises).
"""
from __future__ import annotations

import ipaddress
import os
import socket

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from yarl import URL

from govlens.hosts import literal_addresses
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.resolver import AddressPolicy, is_blocked_address

FUZZ = settings(max_examples=int(os.environ.get("GOVLENS_FUZZ_EXAMPLES", "300")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
POLICY = AddressPolicy()
FETCHER = Fetcher({"HTTP_ALLOW_PRIVATE": False})

INTERESTING = ["127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
               "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "93.184.216.34", "8.8.8.8",
               "114.114.114.114", "1.2.3.4"]
addresses = st.one_of(st.sampled_from(INTERESTING),
                      st.integers(0, 2**32 - 1).map(lambda n: str(ipaddress.IPv4Address(n))))

DIGIT_FORMS = [
    lambda d: d,
    lambda d: chr(0xFF10 + int(d)),                                    # full-width
    lambda d: chr(0x1D7CE + int(d)),                                   # mathematical bold
    lambda d: "⓪" if d == "0" else chr(0x2460 + int(d) - 1),           # enclosed (circled)
    lambda d: chr(0x1D7F6 + int(d)),                                   # mathematical monospace
]
LETTER_FORMS = [lambda c: c, lambda c: c.upper(), lambda c: chr(0xFF41 + ord(c) - ord("a"))]   # x / a-f, ｘ
DOTS = [".", "。", "．", "｡"]


@st.composite
def spellings(draw) -> tuple[str, str]:
    """(address, one spelling of it that inet_aton reads as that address once yarl has mapped it)."""
    address = draw(addresses)
    value = int(ipaddress.IPv4Address(address))
    nparts = draw(st.integers(1, 4))
    octets = list(ipaddress.IPv4Address(address).packed)
    head, last = octets[:nparts - 1], int.from_bytes(bytes(octets[nparts - 1:]), "big")
    assert (sum(o << (8 * (3 - i)) for i, o in enumerate(head)) + last) == value
    parts = []
    for number in [*head, last]:
        base = draw(st.sampled_from(["dec", "oct", "hex"]))
        if base == "dec":
            parts.append(str(number))
        elif base == "oct":
            parts.append("0" + format(number, "o"))
        else:
            parts.append(draw(st.sampled_from(["0x", "0X"])) + format(number, draw(st.sampled_from(["x", "X"]))))
    plain = ".".join(parts)
    out = []
    for ch in plain:
        if ch.isdigit():
            out.append(draw(st.sampled_from(DIGIT_FORMS))(ch))
        elif ch == ".":
            out.append(draw(st.sampled_from(DOTS)))
        elif ch.lower() in "abcdefx":
            out.append(draw(st.sampled_from(LETTER_FORMS))(ch.lower()))
        else:
            out.append(ch)
    return address, "".join(out)


def reached(host: str) -> str | None:
    """The IPv4 address a connection to ``host`` reaches (yarl's mapping, then inet_aton), or None."""
    try:
        form = URL.build(scheme="http", host=host).raw_host or ""
        return socket.inet_ntoa(socket.inet_aton(form))
    except (ValueError, OSError, UnicodeError):
        return None


def verdict(host: str) -> bool:
    """True when the fetcher refuses ``http://host/`` as a blocked target (no request is sent)."""
    refusal = FETCHER._refuse(f"http://{host}/")
    return refusal is not None and refusal[0] == "blocked_target"


@FUZZ
@given(spellings())
def test_a_spelling_is_judged_as_the_address_it_reaches(case: tuple[str, str]) -> None:
    address, spelling = case
    target = reached(spelling)
    assume(target is not None)        # yarl refuses a few mixed-script spellings: no connection is made at all
    assert target == address, (spelling, target)
    assert verdict(spelling) == is_blocked_address(address), spelling
    assert (POLICY.refusal(spelling) is not None) == is_blocked_address(address), spelling


@FUZZ
@given(spellings())
def test_a_mapped_ipv6_spelling_is_judged_as_its_ipv4_address(case: tuple[str, str]) -> None:
    address, _ = case
    mapped = f"[::ffff:{address}]"
    for host in (mapped, mapped.upper().replace("FFFF", "ffff"), f"[0:0:0:0:0:ffff:{address}]"):
        assert verdict(host) == is_blocked_address(address), host


HOST_TEXT = st.text(alphabet=st.sampled_from(list("0123456789abcdefxX.:[]-%") + ["。", "．", "｡", "１", "２", "７",
                                                                                 "０", "①", "⓪", "ｘ", "\u200b",
                                                                                 "\u00ad", "例", "Ⓐ"]),
                    min_size=1, max_size=24)


@FUZZ
@given(st.one_of(HOST_TEXT, st.text(min_size=1, max_size=24)))
def test_any_host_that_reaches_an_address_is_judged_as_it(host: str) -> None:
    found = literal_addresses(host)                # never raises
    POLICY.refusal(host)
    target = reached(host)
    if target is None:
        return
    assert ipaddress.ip_address(target) in found, (host, target, found)
    assert verdict(host) == is_blocked_address(target), (host, target, found)
