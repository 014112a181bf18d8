"""Facts about the whole campaign, computed once per run (e.g. which platforms link to which).

Inbound links are measured from the crawl: a link on a page of platform A counts for
platform B when the link's host is B's host (``www.`` and letter case ignored, IDN
hosts compared in their ASCII form), A ≠ B and A is on another host (a website's own
columns do not vouch for it). Each source platform counts once per target.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from govlens.contract.observation import Observation
from govlens.indicators.base import CampaignFacts, PlatformObservations
from govlens.registry.model import Platform


def host_key(host: str | None) -> str:
    """``WWW.Beijing.gov.cn.`` → ``beijing.gov.cn``; IDN hosts in their ASCII (punycode) form."""
    h = (host or "").strip().lower().rstrip(".")
    if h.startswith("www."):
        h = h[4:]
    if h and not h.isascii():
        try:
            h = h.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    return h


def host_forms(key: str) -> set[str]:
    """The spellings of a host key a link may use (ASCII and Unicode forms of an IDN host)."""
    forms = {key}
    if "xn--" in key:
        try:
            forms.add(key.encode("ascii").decode("idna").lower())
        except UnicodeError:
            pass
    return forms


def url_host(url: str | None) -> str:
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:
        return ""


def inlinks_from_hosts(platforms: Iterable[Platform], linked_hosts: Iterable[tuple[str, str]]) -> CampaignFacts:
    """Campaign facts from (source platform id, host it links to) pairs."""
    platforms = list(platforms)
    own_key = {p.id: host_key(p.host) for p in platforms}
    by_key: dict[str, list[str]] = defaultdict(list)
    for p in platforms:
        if own_key[p.id]:
            by_key[own_key[p.id]].append(p.id)
    sources: dict[str, set[str]] = defaultdict(set)
    for source, host in linked_hosts:
        if source not in own_key:
            continue  # not a platform of this campaign
        key = host_key(host)
        if not key or key == own_key[source]:
            continue
        for target in by_key.get(key, ()):
            if target != source:
                sources[target].add(source)
    return CampaignFacts(inlinks={p.id: len(sources.get(p.id, ())) for p in platforms},
                         inlink_sources={pid: sorted(s) for pid, s in sources.items()},
                         names={p.id: p.name for p in platforms})


def linked_hosts(platform_id: str, observations: Iterable[Observation]) -> set[tuple[str, str]]:
    """(platform id, host) for every host the platform's pages link to."""
    out = set()
    for o in observations:
        if o.kind != "page":
            continue
        for link in (o.data or {}).get("links") or []:
            if isinstance(link, Mapping):
                host = url_host(link.get("url"))
                if host:
                    out.add((platform_id, host))
    return out


def build_campaign_facts(platforms: Iterable[Platform],
                         observations_by_platform: Mapping[str, Any]) -> CampaignFacts:
    """Campaign facts from each platform's observations (a list of Observation or a PlatformObservations)."""
    pairs: set[tuple[str, str]] = set()
    for pid, observations in observations_by_platform.items():
        if isinstance(observations, PlatformObservations):
            observations = observations.of("page")
        pairs |= linked_hosts(pid, observations)
    return inlinks_from_hosts(platforms, pairs)
