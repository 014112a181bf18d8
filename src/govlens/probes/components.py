"""Probes by name: the ``--probes`` / campaign ``probes = [...]`` vocabulary.

A new probe is one module plus one line here (STYLE, rule 6).
"""
from __future__ import annotations

from govlens.probes.base import Probe
from govlens.probes.gatherers.browser import BrowserProbe
from govlens.probes.gatherers.civilization import CivilizationProbe
from govlens.probes.gatherers.cn_domain import CnDomainProbe
from govlens.probes.gatherers.dns_records import DnsProbe
from govlens.probes.gatherers.column import FeaturedColumnProbe
from govlens.probes.gatherers.foreign_site import ForeignEditionProbe
from govlens.probes.gatherers.http_site import HttpSiteProbe
from govlens.probes.gatherers.interaction import InteractionProbe
from govlens.probes.gatherers.mailbox import MailboxProbe
from govlens.probes.gatherers.mobile_portal import MobileSiteProbe
from govlens.probes.gatherers.noop import NoopProbe
from govlens.probes.gatherers.not_found import NotFoundProbe
from govlens.probes.gatherers.page_weight import PageWeightProbe
from govlens.probes.gatherers.search_query import SearchQueryProbe
from govlens.probes.gatherers.service_guides import ServiceGuidesProbe
from govlens.probes.gatherers.tls import TlsProbe

PROBES: dict[str, type[Probe]] = {
    BrowserProbe.name: BrowserProbe,
    HttpSiteProbe.name: HttpSiteProbe,
    SearchQueryProbe.name: SearchQueryProbe,
    InteractionProbe.name: InteractionProbe,
    ServiceGuidesProbe.name: ServiceGuidesProbe,
    NotFoundProbe.name: NotFoundProbe,
    PageWeightProbe.name: PageWeightProbe,
    TlsProbe.name: TlsProbe,
    DnsProbe.name: DnsProbe,
    NoopProbe.name: NoopProbe,
    MobileSiteProbe.name: MobileSiteProbe,
    CivilizationProbe.name: CivilizationProbe,
    ForeignEditionProbe.name: ForeignEditionProbe,
    CnDomainProbe.name: CnDomainProbe,
    FeaturedColumnProbe.name: FeaturedColumnProbe,
    MailboxProbe.name: MailboxProbe,
}


def get_probe(name: str) -> Probe:
    """A fresh instance of the probe called ``name``."""
    from govlens import messages
    from govlens.errors import ConfigError

    try:
        return PROBES[name]()
    except KeyError:
        raise ConfigError(messages.t("probe_errors.unknown_probe", name=str(name)[:100],
                                     hint=messages.did_you_mean(str(name), list(PROBES))), field="probes") from None
