"""What each setting may hold beyond its type, checked when it is set (so before any store is opened).

Why here and not where a setting is used: a scan reads ``HTTP_ALLOW_NETWORKS`` when it builds its
fetcher, by which time it has begun its ledger; a value refused there costs the store its state.
Checked when the campaign file is read, a wrong value is one message naming the setting and the
line of the campaign file, and nothing has been written.

The bounds are a table (:data:`BOUNDS`): the smallest value that makes sense, and whether it is
allowed itself. Messages are the command line's language (govlens.messages: zh-CN, en); the setting's name is in every one.
"""
from __future__ import annotations

import ipaddress
import math
from typing import Any

from govlens.messages import t

# name → (lower bound, bound allowed?). Timeouts and sizes must be positive; counts of things to do
# at once at least 1; delays and retries may be 0.
BOUNDS: dict[str, tuple[float, bool]] = {
    **{name: (0.0, False) for name in (
        "HTTP_TIMEOUT", "LINKS_TIMEOUT", "DNS_TIMEOUT", "MONITOR_TIMEOUT", "MONITOR_DURATION", "BROWSER_NAV_TIMEOUT",
        "BROWSER_TIMEOUT", "HTTP_KEEPALIVE", "SITE_DEADLINE", "HTTP_MAX_BODY_BYTES", "HTTP_MAX_DECOMPRESSED_BYTES",
        "BROWSER_JS_HEAP_MB", "PROGRESS_PERIOD", "MONITOR_READ_BYTES")},
    **{name: (1, True) for name in (
        "CONCURRENCY_SITES", "CONCURRENCY_TOTAL", "CONCURRENCY_PER_HOST", "MONITOR_CONCURRENCY", "BROWSER_PAGES",
        "BROWSER_RECYCLE_AFTER", "LINKS_CACHE_SIZE", "CLUSTER_SHARD_SITES", "CRAWL_MAX_PAGES", "MONITOR_VISITS",
        "PROGRESS_EVERY")},
    **{name: (0, True) for name in (
        "CONCURRENCY_HOST_DELAY", "CLUSTER_WORKERS", "HTTP_MAX_REDIRECTS", "HTTP_RETRY_TIMES", "HTTP_RETRY_AFTER_MAX",
        "AVAILABILITY_SPACING", "AVAILABILITY_VISITS", "BROWSER_RETRIES", "CRAWL_MAX_DEPTH",
        "CRAWL_MAX_COLUMNS", "CRAWL_MAX_LINKS_PER_PAGE", "LINKS_MAX_PER_SITE", "BROWSER_SETTLE_MS",
        "BROWSER_SETTLE_MAX_MS")},
}
RATIOS = ("MONITOR_FAIL_RATIO",)          # a share: 0 … 1


def check(name: str, value: Any) -> str | None:
    """Why ``value`` (already of the right type) is no good for ``name``, in zh-CN; None when it is."""
    if isinstance(value, float) and not math.isfinite(value):
        return t("settings.finite", name=name, value=value)
    if name in BOUNDS and isinstance(value, (int, float)) and not isinstance(value, bool):
        low, inclusive = BOUNDS[name]
        if value < low or (value == low and not inclusive):
            return t("settings.at_least" if inclusive else "settings.above", name=name, low=_number(low),
                     value=_number(value))
    if name == "BROWSER_SAMPLE" and not (str(value).strip().lower() == "auto"
                                         or (str(value).strip().isascii() and str(value).strip().isdigit())):
        return t("browser_sample.invalid", name=name, value=str(value)[:80])
    if name in RATIOS and isinstance(value, (int, float)) and not 0 <= value <= 1:
        return t("settings.ratio", name=name, value=_number(value))
    if name == "HTTP_ALLOW_NETWORKS":
        from govlens.hosts import parse_allow_entry
        for entry in value:
            try:
                parse_allow_entry(entry)
            except ValueError:
                return t("settings.allow_entry", entry=str(entry)[:80])
    if name in ("HTTP_DNS_SERVERS", "DNS_NAMESERVERS"):
        entries = value if isinstance(value, (list, tuple)) else [p for p in str(value).split(",")]
        for entry in entries:
            if str(entry).strip() and dns_server(str(entry)) is None:
                return t("settings.dns_entry", name=name, entry=str(entry)[:80])
    return None


def dns_server(entry: str) -> tuple[str, int | None] | None:
    """``ip``, ``ip:port`` or ``[ipv6]:port`` as (address, port), else None."""
    text = entry.strip()
    host, port = text, None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                return None
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    if port is None:
        return host, None
    if not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host, int(port)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
