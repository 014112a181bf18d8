"""The one place a URL's host is turned into what a connection will use.

Why: a refusal that reads the host *as written* and a client that connects to the host *as
normalised* disagree exactly where an attacker wants them to. ``http://１２７.０.０.１/``,
``http://①②⑦.⓪.⓪.①/`` or ``http://127。0。0。1/`` are not IP literals to
``ipaddress``, but yarl (so aiohttp) maps them with IDNA/UTS-46 to ``127.0.0.1`` and then
connects without asking any resolver; Chromium does the same (WHATWG URL parsing), and
``0x7f.1``, ``0177.0.0.1``, ``2130706433`` or ``127.1`` are loopback to ``inet_aton``, which
``getaddrinfo`` uses. So every place that judges a host — the fetcher before each hop, the
guarded resolver, the browser's guard proxy, the registry — asks this module:

- :func:`connection_host` is the host exactly as aiohttp sends it to its connector (yarl's
  encoding: UTS-46 mapping, lower case, punycode);
- :func:`literal_addresses` is every IP address the host *is* under some client's reading:
  yarl's form, the UTS-46 form after NFKC with the ideographic full stops (``。．｡``) read as
  dots (what Chromium and ``socket.getaddrinfo``'s IDNA codec do), each parsed as an IPv6
  literal or with the WHATWG / ``inet_aton`` IPv4 rules (decimal, octal, hex, 1–4 parts).
  A host that is an address under any reading is judged as that address.

Hand-written parts: the IPv4 number parser (``ipaddress`` accepts only dotted quads and the
``inet_aton`` forms are exactly what it refuses); the mapping itself is yarl's and idna's.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache

from govlens import messages

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_FULL_STOPS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})   # 。 ． ｡


def connection_host(host: str) -> str:
    """``host`` as aiohttp's connector receives it (yarl's IDNA/UTS-46 encoding, lower case).

    Raises ``ValueError`` for a host no connection can use.
    """
    raw = host.strip()
    if raw.startswith("[") and raw.endswith("]"):
        raw = raw[1:-1]
    if not raw:
        raise ValueError("empty host")
    from yarl import URL  # imported on use: `import govlens.cli` stays light (tests/test_lazy_imports.py)

    encoded = URL.build(scheme="http", host=raw).raw_host
    if not encoded:
        raise ValueError(f"unusable host {host[:100]!r}")
    return encoded.lower()


def _uts46(host: str) -> str | None:
    import idna

    mapped = unicodedata.normalize("NFKC", host).translate(_FULL_STOPS).lower()
    try:
        return idna.encode(mapped, uts46=True, std3_rules=False, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return mapped if mapped.isascii() else None


def _ipv4_number(part: str) -> int | None:
    """One part of a legacy IPv4 literal: decimal, ``0x`` hex or ``0`` octal (WHATWG / inet_aton)."""
    if not part.isascii():
        return None
    low = part.lower()
    try:
        if low.startswith("0x"):
            return int(low[2:], 16) if low[2:] else 0
        if len(low) > 1 and low.startswith("0"):
            return int(low[1:], 8)
        return int(low, 10) if low.isdigit() else None
    except ValueError:
        return None


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address of a numeric host in any of the forms ``inet_aton`` and browsers accept."""
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts = parts[:-1]           # one trailing dot: still the address
    if not 1 <= len(parts) <= 4 or any(p == "" for p in parts):
        return None
    numbers = [_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):   # type: ignore[operator]
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))          # type: ignore[operator]
    return ipaddress.IPv4Address(value)


def parse_ip(host: str) -> IPAddress | None:
    """An ASCII host as an IP literal (IPv6 with or without brackets and zone, any IPv4 form), else None."""
    text = host.strip().strip("[]")
    if ":" in text:
        try:
            return ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            return None
    return parse_ipv4(text)


_IP_ALPHABET = frozenset("0123456789abcdefx.:%[]")


def _may_be_literal(host: str) -> bool:
    """Cheap and sound pre-check: only a host whose NFKC form, without format characters and marks
    (which UTS-46 may drop), is made of IP-literal characters can be an address under any reading."""
    if host.isascii():
        return set(host.lower()) <= _IP_ALPHABET
    mapped = unicodedata.normalize("NFKC", host).translate(_FULL_STOPS).lower()
    return all(c in _IP_ALPHABET or unicodedata.category(c) in ("Cf", "Mn") for c in mapped)


@lru_cache(maxsize=65536)
def literal_addresses(host: str) -> tuple[IPAddress, ...]:
    """Every address ``host`` denotes as a literal under the readings above (empty for a name)."""
    forms: list[str] = []
    raw = host.strip()
    if not _may_be_literal(raw):
        return ()
    forms.append(raw)
    try:
        forms.append(connection_host(raw))
    except ValueError:
        pass
    uts = _uts46(raw.strip("[]"))
    if uts:
        forms.append(uts)
    out: list[IPAddress] = []
    for form in forms:
        ip = parse_ip(form)
        if ip is not None and ip not in out:
            out.append(ip)
    return tuple(out)


def is_literal(host: str) -> bool:
    """True when ``host`` is an IP address under some reading (then no resolver is asked)."""
    return bool(literal_addresses(host))


def host_key(host: str) -> str:
    """A stable key for per-host bookkeeping: the connection form, or the host lower-cased if unusable."""
    try:
        return connection_host(host).rstrip(".")
    except ValueError:
        return host.strip().lower().rstrip(".")


_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_allow_entry(raw: object) -> tuple[str, IPNetwork | str]:
    """One ``HTTP_ALLOW_NETWORKS`` entry: ``("network", net)``, ``("host", name)`` or ``("suffix", ".name")``.

    Names are kept in their connection form (so ``*.例子.中国`` matches the punycode aiohttp
    uses). Raises ``ValueError`` for anything else: a bad CIDR (``999.1.1.1/99``), a numeric
    host that is no address (``999.1.1.1``), a pattern that is no name.
    """
    shown = messages.quote(str(raw)[:100])
    if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
        raise ValueError(messages.t("hosts.not_entry", entry=shown))
    entry = str(raw).strip().rstrip(".")
    if not entry:
        raise ValueError(messages.t("hosts.empty_entry"))
    if entry.startswith("*."):
        name = _name(entry[2:])
        if name is None:
            raise ValueError(messages.t("hosts.not_pattern", entry=shown))
        return "suffix", "." + name
    try:
        return "network", ipaddress.ip_network(entry.strip("[]"), strict=False)
    except ValueError:
        pass
    if "/" in entry or ":" in entry or entry.replace(".", "").isdigit():
        raise ValueError(messages.t("hosts.not_network", entry=shown))
    literal = literal_addresses(entry)
    if literal:                        # 0x0a.1 and kin: the address it is
        return "network", ipaddress.ip_network(literal[0])
    name = _name(entry)
    if name is None:
        raise ValueError(messages.t("hosts.not_entry", entry=shown))
    return "host", name


def _name(text: str) -> str | None:
    try:
        name = connection_host(text).rstrip(".")
    except ValueError:
        return None
    return name if name and all(_LABEL.fullmatch(p) for p in name.split(".")) else None
